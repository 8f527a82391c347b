/**
 * Extractor: the learned tagger's PER / ORG / LOC spans (ner-model.ts), typed, with what the rules read around them:
 * titles and the role phrase before a person ("intelligence chief Kyrylo Budanov"), a leading demonym as
 * nationality, appositions; an organization's kind and canonical name from data/names; a place's kind hint.
 * MISC spans (nationalities, events, products) are found too but not listed.
 */

import { isPlacePrefix } from '../../gazetteer/prefix.js';
import type { Context } from '../../pipeline/types.js';
import { ABBREVIATIONS } from '../../text/abbreviations.js';
import { isJsSpace } from '../../text/normalize.js';
import type { Token } from '../../text/types.js';
import { type Candidate, candidate } from './candidate.js';
import { classify, contextFeatures } from './classify.js';
import { demonymCode, isCommonWord, placeEntry } from './lexicon.js';
import { sentenceInitial } from './lines.js';
import { isAcronym, knownOrg, nameLists } from './lists.js';
import { type NerSpan, tagDoc } from './ner-model.js';
import { roleBefore } from './title-name.js';

/** Title words right before the name ("Lieutenant", "Gen.", "Mr"): recorded, never part of the span. */
function titlesBefore(ctx: Context, c: Candidate): void {
  const toks = ctx.doc.tokens;
  const titles = nameLists().titles;
  const sentence = (toks[c.t0] as Token).sentence;
  let k = c.t0;
  while (k > 0) {
    const t = toks[k - 1] as Token;
    if (t.text === '.' && k >= 2 && titles.has((toks[k - 2] as Token).lower)) {
      k--;
      continue;
    }
    if (t.kind === 'word' && t.sentence === sentence && titles.has(t.lower)) {
      k--;
      continue;
    }
    break;
  }
  if (k < c.t0) {
    const end = (toks[c.t0 - 1] as Token).end;
    const title = ctx.doc.text.slice((toks[k] as Token).start, end);
    // "Gen ." → "Gen." (no regex: a trailing-space pattern would be polynomial).
    c.titles.push(title.endsWith('.') ? `${title.slice(0, -1).trimEnd()}.` : title);
    c.features.title = true;
    // "Energy Minister", "Deputy Presidential Office head": capitalised words before the title make a role.
    let r = k;
    while (r > 0 && r > k - 4) {
      const t = toks[r - 1] as Token;
      if (t.kind !== 'word' || !t.cap || t.sentence !== sentence || sentenceInitial(ctx, r - 1)) break;
      if (demonymCode(ctx, t.text) !== null) break;
      r--;
    }
    // A sentence-initial word joins only if it is no common word or a title follows it ("Energy Minister").
    const first = toks[r - 1];
    if (
      first?.cap &&
      first.kind === 'word' &&
      sentenceInitial(ctx, r - 1) &&
      first.sentence === sentence &&
      demonymCode(ctx, first.text) === null &&
      (!isCommonWord(first.lower) || r === k)
    )
      r--;
    if (r < k) c.roles.push(ctx.doc.text.slice((toks[r] as Token).start, end));
    k = r;
  }
  const before = toks[k - 1];
  if (before?.cap && !c.nationality) {
    const code = demonymCode(ctx, before.text);
    if (code) c.nationality = code;
  }
}

export { isJsSpace };

/** The longest key of a map (words longer than it need no look-up: lower-casing never shortens a string). */
const maxKeys = new WeakMap<ReadonlyMap<string, unknown>, number>();
function maxKey(m: ReadonlyMap<string, unknown>): number {
  let n = maxKeys.get(m);
  if (n === undefined) {
    n = 0;
    for (const k of m.keys()) n = Math.max(n, k.length);
    maxKeys.set(m, n);
  }
  return n;
}

/**
 * The lower-case form of the word `[s, e)` of candidate `c`'s text: the token's own lower-case form when the word is
 * exactly token `j` (no new string), else the slice lower-cased.
 */
function lowerWord(ctx: Context, c: Candidate, s: number, e: number, j: number): string {
  const t = ctx.doc.tokens[j];
  if (t && t.start === c.start + s && t.end === c.start + e) return t.lower;
  return c.text.slice(s, e).toLowerCase();
}

export function orgDetails(ctx: Context, c: Candidate): void {
  const L = nameLists();
  const text = c.text;
  // One token: its own lower-case form (the text is the token's; no new string).
  const one = c.t1 - c.t0 === 1 ? (ctx.doc.tokens[c.t0] as Token) : undefined;
  const org = one
    ? text.length > L.knownOrgMax
      ? undefined
      : (L.knownOrgs.get(text) ?? L.knownOrgs.get(one.lower))
    : knownOrg(text);
  if (org) {
    c.orgKind = org.kind;
    c.canonical = org.name;
    return;
  }
  // "Polish Red Cross": the kind of the known organization after a demonym (the text after the first word and the
  // spaces after it, as `replace(/^\S+\s+/, '')` reads it).
  let i = 0;
  while (i < text.length && !isJsSpace(text.charCodeAt(i))) i++;
  if (i > 0 && i < text.length) {
    while (i < text.length && isJsSpace(text.charCodeAt(i))) i++;
    const sub = knownOrg(text.slice(i));
    if (sub) {
      c.orgKind = sub.kind;
      return;
    }
  }
  // The head noun is usually the last keyword: "State Border Guard Service" is a service. The words (as
  // `split(/\s+/)` cuts them) are read from the end, only those short enough to be a keyword lower-cased.
  const toks = ctx.doc.tokens;
  const maxKw = maxKey(L.orgKeywords);
  let j = c.t1 - 1;
  let e = text.length;
  let last = true;
  for (;;) {
    let s = e;
    while (s > 0 && !isJsSpace(text.charCodeAt(s - 1))) s--;
    if (e - s <= maxKw) {
      while (j > c.t0 && (toks[j] as Token).start > c.start + s) j--;
      const k = L.orgKeywords.get(lowerWord(ctx, c, s, e, j));
      if (k && (k.where !== 'suffix' || last)) {
        c.orgKind = k.kind;
        return;
      }
    }
    if (s === 0) break;
    e = s;
    while (e > 0 && isJsSpace(text.charCodeAt(e - 1))) e--;
    last = false;
  }
  if (isAcronym(text)) c.orgKind = 'other';
}

/** The kind hint of a place name of two or more tokens whose last word is a suffix place word ("Victoria Falls"). */
export function placeKindHint(ctx: Context, c: Candidate): void {
  // One token takes no hint, so its word is never read.
  if (c.t1 - c.t0 <= 1) return;
  const L = nameLists();
  const text = c.text;
  // The last word as `split(/\s+/).pop()` cuts it.
  let s = text.length;
  while (s > 0 && !isJsSpace(text.charCodeAt(s - 1))) s--;
  if (text.length - s > maxKey(L.placeWords)) return;
  const w = L.placeWords.get(lowerWord(ctx, c, s, text.length, c.t1 - 1));
  if (w && w.where === 'suffix') c.kindHint = w.kind;
}

// Rules strong enough to overrule the model's MISC (the official scorer ignores predictions on gold MISC, so this
// costs nothing there when the span really is MISC; it matters for the names of real articles).
const SAFE_RULES = new Set([
  'given-name',
  'surname-shape',
  'two-names',
  'speech-verb',
  'title-name',
  'apposition',
  'org-keyword',
  'known-org',
  'comma-country',
]);

/**
 * A MISC span the rules read as a person or organization with a strong cue (a known given name, a title, an
 * organization keyword), or as a place before its country: "Critics questioned Arman Hakobyan", "The Clean Water
 * Foundation", "in Dieveniskes, Lithuania".
 */
function fromMisc(ctx: Context, t0: number, t1: number): Candidate | null {
  // The rules read runs of words only ("Euro '96", "(Reuters)" are left alone).
  for (let i = t0; i < t1; i++) if ((ctx.doc.tokens[i] as Token).kind !== 'word') return null;
  const c = candidate(ctx, t0, t1, 'model-misc');
  titlesBefore(ctx, c);
  roleBefore(ctx, c);
  const typed = classify(ctx, [c]);
  const r = typed.length === 1 ? typed[0] : undefined;
  if (
    !r ||
    r.t0 !== t0 ||
    r.t1 !== t1 ||
    !SAFE_RULES.has(r.rule) ||
    (r.type !== 'PER' && r.type !== 'ORG' && r.rule !== 'comma-country')
  )
    return null;
  r.rule = `model-misc+${r.rule}`;
  return r;
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'your',
  'my',
  'our',
  'his',
  'her',
  'their',
  'this',
  'that',
  'these',
  'those',
]);

/** "Mark the date", "Bill the client": a sentence-initial word before a determiner is an imperative, not a name. */
function imperative(ctx: Context, t0: number, t1: number): boolean {
  const toks = ctx.doc.tokens;
  if (t1 - t0 !== 1 || !sentenceInitial(ctx, t0)) return false;
  const next = toks[t1];
  // A name is followed by a verb or punctuation, not directly by a determiner; compromise's lexicon calls "mark"
  // a first name, so it cannot decide.
  return Boolean(next && next.kind === 'word' && !next.cap && DETERMINERS.has(next.lower));
}

const CLAUSE_PUNCT = new Set([',', ';', ':']);

/**
 * Span repairs: a sentence's final period, or a comma, semicolon or colon, is no part of a name; a sentence-initial "The" is none either ("The Ministry");
 * an organization head keyword takes its "of X" ("Ministry of Health"); a person name continues over a lower-case
 * particle ("João Pereira" + "da Silva").
 */
/** Words that lead from an organization's name to a place ("Inc of St. Petersburg"). */
const PREFIX_LEAD = new Set(['of', 'in', 'at', 'from']);

export function repairSpans(ctx: Context, spans: NerSpan[]): NerSpan[] {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  const out: NerSpan[] = [];
  // Spans are copied only when repaired (most are not); the input is never changed.
  let merged = -1;
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k] as NerSpan;
    const type = span.type;
    let t0 = span.t0;
    let t1 = span.t1;
    const first = toks[t0] as Token;
    if (t1 - t0 >= 2 && first.text === 'The' && type !== 'MISC') {
      const whole = ctx.doc.text.slice(first.start, (toks[t1 - 1] as Token).end);
      if (!L.knownOrgs.has(whole.toLowerCase()) && !placeEntry(ctx, whole)) t0++;
    }
    // A sentence's final period after a word that is no abbreviation ("the Office for Foreigners.").
    const end = toks[t1 - 1] as Token;
    if (end.text === '.' && t1 - t0 >= 2) {
      const before = toks[t1 - 2] as Token;
      if (before.kind === 'word' && !ABBREVIATIONS.has(before.lower) && before.text.length > 1) t1--;
    }
    // A comma, semicolon or colon never ends a name (the model took "Daniel ," of "— Daniel, 45, Tucson").
    while (t1 - t0 >= 2 && CLAUSE_PUNCT.has((toks[t1 - 1] as Token).text)) t1--;
    // A name-starting abbreviation (St., Mt., Ft.) at the end of an organization's span begins a place's name: "Bank
    // of St" + ". Louis" takes the place in (a body "of" a place), "Daniels Pharmaceuticals Inc of St." +
    // "Petersburg" stops before "of St." (a company based there).
    if (type === 'ORG' && t1 - t0 >= 3) {
      let e = t1;
      if ((toks[e - 1] as Token).text === '.') e--;
      const after = (toks[e] as Token | undefined)?.text === '.' ? e + 1 : e;
      const next = toks[after];
      if (isPlacePrefix((toks[e - 1] as Token).lower) && next?.cap && next.kind === 'word' && e - 1 > t0 + 1) {
        const lead = toks[e - 2] as Token;
        if (
          lead.lower === 'of' &&
          L.orgKeywords.get((toks[e - 3] as Token | undefined)?.lower ?? '')?.where === 'head'
        ) {
          let j = after;
          while (toks[j]?.cap && toks[j]?.kind === 'word' && (toks[j] as Token).sentence === lead.sentence) j++;
          t1 = j;
          while (k + 1 < spans.length && (spans[k + 1] as NerSpan).t0 < j) k++;
        } else {
          e--;
          if (PREFIX_LEAD.has(lead.lower)) e--;
          if (e > t0) t1 = e;
        }
      }
    }
    const p = out.length - 1;
    const prev = out[p];
    if (
      prev &&
      prev.type === 'PER' &&
      type === 'PER' &&
      prev.t1 === t0 &&
      L.connectors.get(first.lower) === 'particle'
    ) {
      // The merged span is a copy of its own (never an input span changed).
      if (merged !== p) {
        out[p] = { t0: prev.t0, t1, type: prev.type };
        merged = p;
      } else prev.t1 = t1;
      continue;
    }
    const last = toks[t1 - 1] as Token;
    if (type === 'ORG' && L.orgKeywords.get(last.lower)?.where === 'head' && toks[t1]?.lower === 'of') {
      let j = t1 + 1;
      while (toks[j]?.cap && toks[j]?.kind === 'word' && (toks[j] as Token).sentence === last.sentence) j++;
      if (j > t1 + 1) {
        t1 = j;
        while (k + 1 < spans.length && (spans[k + 1] as NerSpan).t0 < j) k++;
      }
    }
    out.push(t0 === span.t0 && t1 === span.t1 ? span : { t0, t1, type });
  }
  return out;
}

export function learned(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  for (const s of repairSpans(ctx, tagDoc(ctx))) {
    if (imperative(ctx, s.t0, s.t1)) continue;
    if (s.type === 'MISC') {
      const m = fromMisc(ctx, s.t0, s.t1);
      if (m) out.push(m);
      continue;
    }
    const c = candidate(ctx, s.t0, s.t1, 'model');
    c.type = s.type;
    c.rule = 'model';
    if (s.type === 'PER') {
      titlesBefore(ctx, c);
      roleBefore(ctx, c);
      contextFeatures(ctx, c);
    } else if (s.type === 'ORG') orgDetails(ctx, c);
    else placeKindHint(ctx, c);
    out.push(c);
  }
  return out;
}
