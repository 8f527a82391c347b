/**
 * Refiner: gives each untyped candidate a type (PER / ORG / LOC, or none) from its features, first matching rule
 * wins; `rule` names it. This is the step a learned tagger will replace: the features it reads are kept on the
 * candidate.
 */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { type Candidate, narrow, noFeatures } from './candidate.js';
import {
  demonymCode,
  isCommonWord,
  isGivenName,
  isLastName,
  lexiconOrg,
  placeEntry,
  strongPlace,
  surnameShape,
} from './lexicon.js';
import { sentenceInitial, teamInScores } from './lines.js';
import { isAcronym, knownOrg, nameLists } from './lists.js';

const PLACE_PREPS = new Set(['in', 'at', 'near', 'from', 'to', 'outside', 'across', 'into', 'towards', 'toward']);
const APPOSITION_OPENERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'former', 'then']);
const APPOSITION_STOP = new Set([',', '.', ';', ':', '(', ')', '"', '“', '”']);
const ARTICLES = new Set(['the', 'a', 'an']);

/** Features read from the text around the candidate. */
export function contextFeatures(ctx: Context, c: Candidate): void {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  const f = c.features;
  const next = toks[c.t1];
  // A speech verb right after the name ("Korolev said"; not after "Korolev's").
  if (next && next.kind === 'word' && L.speechVerbs.has(next.lower)) f.speech = true;
  if (next?.text === ',') {
    // Apposition: "Sergiy Kyslytsya, the first deputy foreign minister".
    const after = toks[c.t1 + 1];
    const opens =
      after &&
      (APPOSITION_OPENERS.has(after.lower) || toks[c.t1 + 2]?.lower === "'s" || toks[c.t1 + 2]?.lower === '’s');
    if (opens) {
      const para = (toks[c.t0] as Token).paragraph;
      for (let i = c.t1 + 1; i < Math.min(toks.length, c.t1 + 9); i++) {
        const t = toks[i] as Token;
        if (APPOSITION_STOP.has(t.text) || t.paragraph !== para) break;
        if (t.kind === 'word' && !t.cap && L.roles.has(t.lower) && !toks[i + 1]?.cap) {
          let a = c.t1 + 1;
          while (a < i && ARTICLES.has((toks[a] as Token).lower)) a++;
          c.roles.push(ctx.doc.text.slice((toks[a] as Token).start, t.end));
          f.apposition = true;
          break;
        }
      }
    }
    // "in Dieveniskes, Lithuania": a place followed by its country.
    const country = after;
    if (country?.cap && toks[c.t1 + 2]?.kind !== 'word') {
      if (placeEntry(ctx, country.text)?.kind === 'country') f.commaCountry = true;
    }
  }
  const prev = toks[c.t0 - 1];
  if (prev && prev.kind === 'word' && PLACE_PREPS.has(prev.lower)) f.placePrep = prev.lower;
  f.initial = sentenceInitial(ctx, c.t0);
  f.tokens = c.t1 - c.t0;
}

function setType(c: Candidate, type: Candidate['type'], rule: string): Candidate {
  c.type = type;
  c.rule = rule;
  return c;
}

/** Classifies one candidate into `out`; may split an unresolved "X of Y" run into its parts. */
function classifyOne(ctx: Context, c: Candidate, out: Candidate[]): void {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  const words: Token[] = [];
  for (let i = c.t0; i < c.t1; i++) if ((toks[i] as Token).kind === 'word') words.push(toks[i] as Token);
  const first = words[0] as Token;
  const last = words[words.length - 1] as Token;
  const f = c.features;
  const personCue = Boolean(f.title || f.roleBefore || f.apposition || c.titles.length);

  const org = knownOrg(c.text);
  let and = -1;
  if (words.length > 2 && !org) {
    for (let w = 0; w < words.length; w++) {
      if ((words[w] as Token).lower === 'and') {
        and = w;
        break;
      }
    }
  }
  if (and > 0 && !strongPlace(ctx, c.text)) {
    // "the Republic of Lithuania and the Russian Federation": two names unless one keyword covers both.
    const newPhrase = words[and + 1]?.lower === 'the';
    const keyword = !newPhrase && words.slice(and).some((w) => w.cap && L.orgKeywords.get(w.lower)?.where === 'head');
    if (!keyword) {
      splitRun(ctx, c, [(words[and] as Token).i], out);
      return;
    }
  }
  if (org) {
    c.orgKind = org.kind;
    c.canonical = org.name;
    out.push(setType(c, 'ORG', 'known-org'));
    return;
  }
  const lastPlaceWord = L.placeWords.get(last.lower);
  if (words.length > 1 && lastPlaceWord?.where === 'suffix' && last.cap) {
    c.kindHint = lastPlaceWord.kind;
    out.push(setType(c, 'LOC', 'place-suffix'));
    return;
  }
  const firstPlaceWord = L.placeWords.get(first.lower);
  if (words.length > 2 && firstPlaceWord?.where === 'head' && (toks[first.i + 1] as Token).lower === 'of') {
    c.kindHint = firstPlaceWord.kind;
    out.push(setType(c, 'LOC', 'place-head'));
    return;
  }
  if (words.length === 2 && last.lower === 'federation' && demonymCode(ctx, first.text) !== null) {
    c.kindHint = 'country';
    out.push(setType(c, 'LOC', 'demonym-federation'));
    return;
  }
  if (!personCue && strongPlace(ctx, c.text)) {
    if (teamInScores(ctx, c.t0, c.t1, c.text)) {
      c.orgKind = 'sports';
      out.push(setType(c, 'ORG', 'score-line-team'));
      return;
    }
    out.push(setType(c, 'LOC', 'gazetteer'));
    return;
  }
  // Organization keywords.
  // The head noun is usually the last keyword: "State Border Guard Service" is a service, not a guard.
  for (let n = words.length - 1; n >= 0; n--) {
    const w = words[n] as Token;
    const k = L.orgKeywords.get(w.lower);
    if (!k || !w.cap) continue;
    if (k.where === 'suffix' && (w !== last || words.length < 2)) continue;
    if (words.length === 1 && k.where === 'head') continue;
    c.orgKind = k.kind;
    out.push(setType(c, 'ORG', 'org-keyword'));
    return;
  }
  if (lexiconOrg(c.text)) {
    out.push(setType(c, 'ORG', 'lexicon-org'));
    return;
  }
  // An unresolved "X of Y" / "X and Y": classify the parts.
  const splitAt: number[] = [];
  for (let i = c.t0; i < c.t1; i++) {
    const t = toks[i] as Token;
    if (!t.cap && L.connectors.get(t.lower) === 'org') splitAt.push(i);
  }
  if (splitAt.length) splitRun(ctx, c, splitAt, out);
  else out.push(classifyPerson(ctx, c, words, personCue));
}

/** Classifies the parts of a run cut at connector tokens. */
function splitRun(ctx: Context, c: Candidate, splitAt: number[], out: Candidate[]): void {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  {
    const parts: Candidate[] = [];
    let a = c.t0;
    for (const s of [...splitAt, c.t1]) {
      let b = s;
      while (b > a && L.connectors.has((toks[b - 1] as Token).lower) && !(toks[b - 1] as Token).cap) b--;
      if (b > a) parts.push(narrow(ctx, c, a, b));
      a = s + 1;
      while (a < c.t1 && L.connectors.has((toks[a] as Token).lower) && !(toks[a] as Token).cap) a++;
    }
    for (const p of parts) {
      if (p.t0 !== c.t0) {
        p.titles = [];
        p.roles = [];
        p.features = noFeatures();
      } else {
        // The whole run's apposition and speech verb belong to its last part.
        if (p.features.apposition) p.roles.pop();
        p.features.apposition = false;
        p.features.speech = false;
        p.features.commaCountry = false;
      }
      contextFeatures(ctx, p);
      classifyOne(ctx, p, out);
    }
  }
}

function classifyPerson(ctx: Context, c: Candidate, words: Token[], personCue: boolean): Candidate {
  const f = c.features;
  const first = words[0] as Token;
  const last = words[words.length - 1] as Token;
  // People.
  if (personCue) return setType(c, 'PER', f.apposition ? 'apposition' : 'title-name');
  const given = isGivenName(first.lower);
  const shape = surnameShape(last.text) || isLastName(last.lower);
  if (words.length >= 2 && words.length <= 4) {
    if (given) return setType(c, 'PER', 'given-name');
    // "Hansa Rostock", "Ajax Amsterdam": a name before a city is a club or company, not a person.
    if (words.length === 2 && !shape && strongPlace(ctx, last.text) && !strongPlace(ctx, first.text)) {
      c.orgKind = 'other';
      return setType(c, 'ORG', 'name-city');
    }
    if (shape) return setType(c, 'PER', 'surname-shape');
    if (f.speech) return setType(c, 'PER', 'speech-verb');
    const plain = words.every((w) => !w.upper && !isCommonWord(w.lower) && demonymCode(ctx, w.text) === null);
    if (plain) return setType(c, 'PER', 'two-names');
    return c;
  }
  if (f.commaCountry && !personCue) return setType(c, 'LOC', 'comma-country');
  if (words.length === 1) {
    if (isAcronym(first.text) && !c.capsLine && !isCommonWord(first.lower)) {
      c.orgKind = 'other';
      return setType(c, 'ORG', 'acronym');
    }
    if (f.speech && !isCommonWord(first.lower)) return setType(c, 'PER', 'speech-verb');
    if (f.placePrep && !f.initial && placeEntry(ctx, c.text)) return setType(c, 'LOC', 'prep-place');
  }
  return c;
}

export function classify(ctx: Context, items: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of items) {
    if (c.type || c.source === 'caps-line') {
      out.push(c);
      continue;
    }
    contextFeatures(ctx, c);
    classifyOne(ctx, c, out);
  }
  return out;
}
