/**
 * The rules around the learned name tagger (learned.ts) against the plain versions they replaced for speed (which
 * split and lower-cased the whole span text, and copied every span): the same answers on tables and random inputs.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { resolveOptions } from '../src/options.js';
import type { Context } from '../src/pipeline/types.js';
import { type Candidate, candidate } from '../src/stages/entities/candidate.js';
import { isJsSpace, orgDetails, placeKindHint, repairSpans } from '../src/stages/entities/learned.js';
import { placeEntry } from '../src/stages/entities/lexicon.js';
import { isAcronym, nameLists } from '../src/stages/entities/lists.js';
import type { NerSpan } from '../src/stages/entities/ner-model.js';
import { ABBREVIATIONS } from '../src/text/abbreviations.js';
import { buildDoc } from '../src/text/doc.js';
import { normalize } from '../src/text/normalize.js';
import type { Token } from '../src/text/types.js';

const config = resolveConfig({});
const options = resolveOptions({});

function ctxOf(text: string): Context {
  const doc = buildDoc(normalize(text).text);
  return { input: text, doc, config, options } as unknown as Context;
}

/** The earlier orgDetails: whole-text look-ups, `replace` for the text after the first word, `split` for keywords. */
function refOrgDetails(c: Candidate): void {
  const L = nameLists();
  const org = L.knownOrgs.get(c.text) ?? L.knownOrgs.get(c.text.toLowerCase());
  if (org) {
    c.orgKind = org.kind;
    c.canonical = org.name;
    return;
  }
  const rest = c.text.replace(/^\S+\s+/, '');
  const sub = rest !== c.text ? (L.knownOrgs.get(rest) ?? L.knownOrgs.get(rest.toLowerCase())) : undefined;
  if (sub) {
    c.orgKind = sub.kind;
    return;
  }
  const words = c.text.split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const k = L.orgKeywords.get((words[i] as string).toLowerCase());
    if (k && (k.where !== 'suffix' || i === words.length - 1)) {
      c.orgKind = k.kind;
      return;
    }
  }
  if (isAcronym(c.text)) c.orgKind = 'other';
}

/** The earlier place line of `learned`. */
function refPlaceKindHint(c: Candidate): void {
  const last = c.text.split(/\s+/).pop()?.toLowerCase() ?? '';
  const w = nameLists().placeWords.get(last);
  if (w && w.where === 'suffix' && c.t1 - c.t0 > 1) c.kindHint = w.kind;
}

/** The earlier repairSpans (a copy of every span). */
function refRepairSpans(ctx: Context, spans: NerSpan[]): NerSpan[] {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  const out: NerSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const s = { ...(spans[k] as NerSpan) };
    const first = toks[s.t0] as Token;
    if (s.t1 - s.t0 >= 2 && first.text === 'The' && s.type !== 'MISC') {
      const whole = ctx.doc.text.slice(first.start, (toks[s.t1 - 1] as Token).end);
      if (!L.knownOrgs.has(whole.toLowerCase()) && !placeEntry(ctx, whole)) s.t0++;
    }
    const end = toks[s.t1 - 1] as Token;
    if (end.text === '.' && s.t1 - s.t0 >= 2) {
      const before = toks[s.t1 - 2] as Token;
      if (before.kind === 'word' && !ABBREVIATIONS.has(before.lower) && before.text.length > 1) s.t1--;
    }
    while (s.t1 - s.t0 >= 2 && [',', ';', ':'].includes((toks[s.t1 - 1] as Token).text)) s.t1--;
    if (s.type === 'ORG' && s.t1 - s.t0 >= 3) {
      let e = s.t1;
      if ((toks[e - 1] as Token).text === '.') e--;
      const after = toks[e]?.text === '.' ? e + 1 : e;
      const next = toks[after];
      if (
        ['st', 'ste', 'mt', 'ft'].includes((toks[e - 1] as Token).lower) &&
        next?.cap &&
        next.kind === 'word' &&
        e - 1 > s.t0 + 1
      ) {
        const lead = toks[e - 2] as Token;
        if (lead.lower === 'of' && L.orgKeywords.get(toks[e - 3]?.lower ?? '')?.where === 'head') {
          let j = after;
          while (toks[j]?.cap && toks[j]?.kind === 'word' && (toks[j] as Token).sentence === lead.sentence) j++;
          s.t1 = j;
          while (k + 1 < spans.length && (spans[k + 1] as NerSpan).t0 < j) k++;
        } else {
          e--;
          if (['of', 'in', 'at', 'from'].includes(lead.lower)) e--;
          if (e > s.t0) s.t1 = e;
        }
      }
    }
    const prev = out[out.length - 1];
    if (
      prev &&
      prev.type === 'PER' &&
      s.type === 'PER' &&
      prev.t1 === s.t0 &&
      L.connectors.get(first.lower) === 'particle'
    ) {
      prev.t1 = s.t1;
      continue;
    }
    const last = toks[s.t1 - 1] as Token;
    if (s.type === 'ORG' && L.orgKeywords.get(last.lower)?.where === 'head' && toks[s.t1]?.lower === 'of') {
      let j = s.t1 + 1;
      while (toks[j]?.cap && toks[j]?.kind === 'word' && (toks[j] as Token).sentence === last.sentence) j++;
      if (j > s.t1 + 1) {
        s.t1 = j;
        while (k + 1 < spans.length && (spans[k + 1] as NerSpan).t0 < j) k++;
      }
    }
    out.push(s);
  }
  return out;
}

/** The whole text as one candidate (all its tokens), with the new and the reference rule applied to copies. */
function both(text: string, rule: 'org' | 'place', t0 = 0, t1?: number) {
  const ctx = ctxOf(text);
  const end = t1 ?? ctx.doc.tokens.length;
  const a = candidate(ctx, t0, end, 'model');
  const b = candidate(ctx, t0, end, 'model');
  if (rule === 'org') {
    orgDetails(ctx, a);
    refOrgDetails(b);
  } else {
    placeKindHint(ctx, a);
    refPlaceKindHint(b);
  }
  const pick = (c: Candidate) => ({ orgKind: c.orgKind, canonical: c.canonical, kindHint: c.kindHint });
  return { got: pick(a), want: pick(b) };
}

describe('isJsSpace', () => {
  it('is /\\s/ on every UTF-16 code unit', () => {
    const diff: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isJsSpace(c) !== /\s/.test(String.fromCharCode(c))) diff.push(c);
    expect(diff).toEqual([]);
  });
  it('lower-casing never shortens a code point (the length guards rely on it)', () => {
    const shorter: number[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const s = String.fromCodePoint(cp);
      if (s.toLowerCase().length < s.length) shorter.push(cp);
    }
    expect(shorter).toEqual([]);
  });
});

describe('orgDetails', () => {
  it.each([
    ['State Border Guard Service', { orgKind: 'government' }],
    ['Siemens AG', { orgKind: 'company' }],
    ['NATO', { orgKind: 'international', canonical: 'NATO' }],
    ['Polish Red Cross', { orgKind: 'ngo' }],
    ['Ministry of Health', { orgKind: 'government' }],
    ['Acme Bank Holdings', { orgKind: 'company' }],
    ['XYZW', { orgKind: 'other' }],
  ])('%s', (text, expected) => {
    const { got, want } = both(text, 'org');
    expect(got).toEqual(want);
    expect(got).toMatchObject(expected);
  });

  it.each([
    // A suffix keyword that is not the last word, a keyword glued to punctuation, no keyword at all.
    'AG Siemens Holdings',
    'Acme Ltd.',
    'Zorblax Quentin',
    'Bank-owned Zorblax',
    'Zorblax\u00a0Bank',
    'Zorblax\u3000AG',
  ])('false positives and edges as before: %s', (text) => {
    const { got, want } = both(text, 'org');
    expect(got).toEqual(want);
  });

  it('a long span of capitalised words: the same answer as before', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `Zq${(i * 7919).toString(36)}`);
    for (const tail of ['', ' Bank', ' AG', ' Corp Zqx']) {
      const { got, want } = both(`${words.join(' ')}${tail}`, 'org');
      expect(got).toEqual(want);
    }
  });
});

describe('placeKindHint', () => {
  it.each([
    ['Victoria County', { kindHint: 'region' }],
    ['Biscay Bay', { kindHint: 'feature' }],
    ['County', {}],
    ['Zorblax Quentin', {}],
    ['Zorblax County.', {}],
  ])('%s', (text, expected) => {
    const { got, want } = both(text, 'place');
    expect(got).toEqual(want);
    for (const [k, v] of Object.entries(expected)) expect(got[k as keyof typeof got]).toBe(v);
  });
});

const WORDS = [
  'The',
  'Ministry',
  'of',
  'Health',
  'Bank',
  'AG',
  'Ltd',
  'County',
  'Bay',
  'da',
  'Silva',
  'João',
  'Pereira',
  'NATO',
  'Red',
  'Cross',
  'Polish',
  'Zorblax',
  'St',
  'Louis',
  'Mr',
  '.',
  ',',
  '-',
  'Inc.',
  'U.S.',
  'said',
  'office',
  '\u00a0',
  '\n\n',
];

describe('random texts and spans', () => {
  const textArb = fc
    .array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 30 })
    .chain((ws) =>
      fc
        .array(fc.constantFrom(' ', '', ' ', '\u00a0'), { minLength: ws.length, maxLength: ws.length })
        .map((sep) => ws.map((w, i) => `${w}${sep[i]}`).join('')),
    );

  it('orgDetails and placeKindHint as before on every span', () => {
    fc.assert(
      fc.property(textArb, fc.nat(), fc.nat(), (text, x, y) => {
        const n = ctxOf(text).doc.tokens.length;
        if (n === 0) return;
        const t0 = x % n;
        const t1 = t0 + 1 + (y % (n - t0));
        for (const rule of ['org', 'place'] as const) {
          const { got, want } = both(text, rule, t0, t1);
          expect(got).toEqual(want);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it.each([
    ['\u2014 Daniel, 45, Tucson', 1, 3, 'Daniel'],
    ['Talks with Ana Lima; then lunch', 2, 5, 'Ana Lima'],
    ['The panel: Omar Haddad:', 3, 6, 'Omar Haddad'],
  ])('repairSpans: a span the model ends on a comma, semicolon or colon stops before it (%s)', (text, t0, t1, name) => {
    const ctx = ctxOf(text);
    const [s] = repairSpans(ctx, [{ t0, t1, type: 'PER' } as NerSpan]);
    const toks = ctx.doc.tokens;
    expect(ctx.doc.text.slice((toks[s!.t0] as Token).start, (toks[s!.t1 - 1] as Token).end)).toBe(name);
  });

  it('repairSpans as before, its input unchanged', () => {
    fc.assert(
      fc.property(
        textArb,
        fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.constantFrom('PER', 'ORG', 'LOC', 'MISC')), { maxLength: 8 }),
        (text, raw) => {
          const ctx = ctxOf(text);
          const n = ctx.doc.tokens.length;
          if (n === 0) return;
          // Sorted, non-overlapping spans, as the tagger makes them.
          const spans: NerSpan[] = [];
          let at = 0;
          for (const [gap, len, type] of raw) {
            const t0 = at + (gap % 3);
            const t1 = Math.min(n, t0 + 1 + len);
            if (t0 >= n) break;
            spans.push({ t0, t1, type } as NerSpan);
            at = t1;
          }
          const before = JSON.stringify(spans);
          const got = repairSpans(ctx, spans);
          expect(JSON.stringify(spans)).toBe(before);
          expect(got).toEqual(refRepairSpans(ctx, spans));
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it.each([
    // [text, spans, expected]
    ['The Ministry of Health said.', [[0, 2, 'ORG']], [[1, 4, 'ORG']]],
    [
      'João Pereira da Silva said.',
      [
        [0, 2, 'PER'],
        [2, 4, 'PER'],
      ],
      [[0, 4, 'PER']],
    ],
    ['He met Zorblax Quentin.', [[2, 5, 'PER']], [[2, 4, 'PER']]],
    ['He met Zorblax Quentin today.', [[2, 4, 'PER']], [[2, 4, 'PER']]],
    // A name-starting abbreviation ending an organization's span: a company "of St." stops before it ...
    ['Daniels Pharmaceuticals Inc of St. Petersburg, Fla.', [[0, 6, 'ORG']], [[0, 3, 'ORG']]],
    // ... a body "of St." takes the place's name in, and the name the model made of its rest.
    [
      'The Bank of St. Louis raised rates.',
      [
        [1, 4, 'ORG'],
        [5, 6, 'PER'],
      ],
      [[1, 6, 'ORG']],
    ],
  ])('%s', (text, raw, expected) => {
    const ctx = ctxOf(text);
    const spans = (raw as [number, number, string][]).map(([t0, t1, type]) => ({ t0, t1, type }) as NerSpan);
    const got = repairSpans(ctx, spans).map((s) => [s.t0, s.t1, s.type]);
    expect(got).toEqual(expected);
    expect(got).toEqual(refRepairSpans(ctx, spans).map((s) => [s.t0, s.t1, s.type]));
  });
});
