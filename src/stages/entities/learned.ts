/**
 * Extractor: the learned tagger's PER / ORG / LOC spans (ner-model.ts), typed, with what the rules read around them:
 * titles and the role phrase before a person ("intelligence chief Kyrylo Budanov"), a leading demonym as
 * nationality, appositions; an organization's kind and canonical name from data/names; a place's kind hint.
 * MISC spans (nationalities, events, products) are found too but not listed.
 */
import type { Context } from '../../pipeline/types.js';
import { ABBREVIATIONS } from '../../text/abbreviations.js';
import type { Token } from '../../text/types.js';
import { type Candidate, candidate } from './candidate.js';
import { classify, contextFeatures } from './classify.js';
import { demonymCode, isCommonWord, placeEntry } from './lexicon.js';
import { sentenceInitial } from './lines.js';
import { isAcronym, nameLists } from './lists.js';
import { type NerSpan, tagDoc } from './ner-model.js';
import { roleBefore } from './title-name.js';

/** Title words right before the name ("Lieutenant", "Gen.", "Mr"): recorded, never part of the span. */
function titlesBefore(ctx: Context, c: Candidate): void {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  let k = c.t0;
  while (k > 0) {
    const t = toks[k - 1] as Token;
    if (t.text === '.' && k >= 2 && L.titles.has((toks[k - 2] as Token).lower)) {
      k--;
      continue;
    }
    if (t.kind === 'word' && L.titles.has(t.lower) && t.sentence === (toks[c.t0] as Token).sentence) {
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
      if (t.kind !== 'word' || !t.cap || t.sentence !== (toks[c.t0] as Token).sentence || sentenceInitial(ctx, r - 1))
        break;
      if (demonymCode(ctx, t.text) !== null) break;
      r--;
    }
    // A sentence-initial word joins only if it is no common word or a title follows it ("Energy Minister").
    const first = toks[r - 1];
    if (
      first?.cap &&
      first.kind === 'word' &&
      sentenceInitial(ctx, r - 1) &&
      first.sentence === (toks[c.t0] as Token).sentence &&
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

function orgDetails(c: Candidate): void {
  const L = nameLists();
  const org = L.knownOrgs.get(c.text) ?? L.knownOrgs.get(c.text.toLowerCase());
  if (org) {
    c.orgKind = org.kind;
    c.canonical = org.name;
    return;
  }
  // "Polish Red Cross": the kind of the known organization after a demonym.
  const rest = c.text.replace(/^\S+\s+/, '');
  const sub = rest !== c.text ? (L.knownOrgs.get(rest) ?? L.knownOrgs.get(rest.toLowerCase())) : undefined;
  if (sub) {
    c.orgKind = sub.kind;
    return;
  }
  // The head noun is usually the last keyword: "State Border Guard Service" is a service.
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

/**
 * Span repairs: a sentence's final period is no part of a name; a sentence-initial "The" is none either ("The Ministry");
 * an organization head keyword takes its "of X" ("Ministry of Health"); a person name continues over a lower-case
 * particle ("João Pereira" + "da Silva").
 */
export function repairSpans(ctx: Context, spans: NerSpan[]): NerSpan[] {
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
    // A sentence's final period after a word that is no abbreviation ("the Office for Foreigners.").
    const end = toks[s.t1 - 1] as Token;
    if (end.text === '.' && s.t1 - s.t0 >= 2) {
      const before = toks[s.t1 - 2] as Token;
      if (before.kind === 'word' && !ABBREVIATIONS.has(before.lower) && before.text.length > 1) s.t1--;
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

export function learned(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const L = nameLists();
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
    } else if (s.type === 'ORG') orgDetails(c);
    else {
      const last = c.text.split(/\s+/).pop()?.toLowerCase() ?? '';
      const w = L.placeWords.get(last);
      if (w && w.where === 'suffix' && c.t1 - c.t0 > 1) c.kindHint = w.kind;
    }
    out.push(c);
  }
  return out;
}
