import type { Token } from '../../text/types.js';
import { PARTICLE_ONLY, PARTICLE_VERBS, SPEECH_VERBS } from './speech-verbs.js';
import type { Range } from './types.js';
import {
  BARE_GROUPS,
  DETERMINERS,
  isCapWord,
  isPossessive,
  isWord,
  makePhrase,
  NAME_LINKS,
  NAME_PARTICLES,
  NOT_NOUN,
  type Phrase,
  PRONOUNS,
  RELATIVES,
  SKIPPABLE,
} from './words.js';

/** Index of the first token starting at or after `offset` (tokens.length when none). */
export function tokenAt(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The cue span when token k is a speech verb ("said", "points out"), else null. Capitalised forms are not verbs. */
export function speechVerb(tokens: Token[], k: number): Range | null {
  const t = tokens[k];
  if (!isWord(t) || t.cap) return null;
  const particle = PARTICLE_VERBS.get(t.lower);
  if (particle) {
    const p = tokens[k + 1];
    if (p && p.lower === particle && p.paragraph === t.paragraph) return { start: t.start, end: p.end };
    // "point" alone is not speech; "wrote" alone is.
    if (PARTICLE_ONLY.has(t.lower)) return null;
  }
  return SPEECH_VERBS.has(t.lower) ? { start: t.start, end: t.end } : null;
}

/** Number of tokens a cue covers (2 for a particle verb). */
export const cueLength = (tokens: Token[], k: number, cue: Range): number =>
  (tokens[k + 1]?.end ?? -1) === cue.end ? 2 : 1;

const MAX_PHRASE = 11;

const nounish = (t: Token | undefined): boolean =>
  isWord(t) && !NOT_NOUN.has(t.lower) && !SKIPPABLE.has(t.lower) && !SPEECH_VERBS.has(t.lower);

/** A speaker phrase starting at token k, reading right, within [k, limit). */
export function rightPhrase(tokens: Token[], k: number, limit: number): Phrase | null {
  const t = tokens[k];
  if (!t || k >= limit) return null;
  // "it" only right before its verb: "“…,” it said."
  if (isWord(t) && PRONOUNS.has(t.lower) && (t.lower !== 'it' || speechVerb(tokens, k + 1)))
    return makePhrase(tokens, k, k + 1);
  if (!nounish(t) && !(isWord(t) && DETERMINERS.has(t.lower))) return null;
  let j = k + 1;
  let sawCap = isCapWord(t) && !DETERMINERS.has(t.lower);
  while (j < limit && j - k < MAX_PHRASE) {
    const u = tokens[j] as Token;
    if (u.paragraph !== t.paragraph) break;
    // "the governor rallied supporters": a past-tense word after the head noun ends a description; "Sanders
    // protesters interrupted": after a name too (not after a determiner or hyphen: "the elected", "Obama-appointed").
    if (!sawCap && j > k + 1 && u.lower.endsWith('ed') && !u.cap) break;
    if (sawCap && pastAfterName(tokens, j)) break;
    // "read one. Others …", "Cruz and Trump. And Patrick": a full stop that ends the sentence ends the phrase.
    if (sentenceStop(tokens, j)) break;
    // "the 46-year-old": a number glued to the word after it.
    if (u.kind === 'number' && j + 1 < limit && (isWord(tokens[j + 1]) || tokens[j + 1]?.text === '-') && !sawCap) {
      j++;
      continue;
    }
    // "Trump went on": a particle verb with its particle ends the phrase.
    if (PARTICLE_VERBS.has(u.lower) && speechVerb(tokens, j)) break;
    if (isPossessive(u) || nounish(u)) {
      if (isCapWord(u)) sawCap = true;
      j++;
      continue;
    }
    // "Sen. John McCain", "Martin Luther King Jr.", "Belarus-Lithuania": punctuation glued inside a name.
    if (
      (u.text === '.' || u.text === '-') &&
      u.start === (tokens[j - 1] as Token).end &&
      isWord(tokens[j + 1]) &&
      j + 1 < limit
    ) {
      j++;
      continue;
    }
    if (u.lower === 'of' && isWord(tokens[j + 1]) && j + 1 < limit) {
      j++;
      continue;
    }
    // "the Office for Foreigners", "the Institute for Science and International Security": a name in full.
    if (sawCap && NAME_LINKS.has(u.lower) && isCapWord(tokens[j + 1]) && j + 1 < limit) {
      j++;
      continue;
    }
    break;
  }
  while (j > k + 1 && (tokens[j - 1] as Token).lower === 'of') j--;
  const head = tokens[j - 1] as Token;
  const first = t;
  if (!sawCap && !DETERMINERS.has(first.lower) && !BARE_GROUPS.has(head.lower)) return null;
  if (DETERMINERS.has(first.lower) && j === k + 1) return null;
  return makePhrase(tokens, k, j);
}

/** Words that open a clause, capitalised at a sentence start: "As Orsk put it", "When Holm said" (not "As Orsk"). */
const CLAUSE_OPENERS = new Set([
  'as',
  'when',
  'while',
  'if',
  'because',
  'since',
  'though',
  'although',
  'unless',
  'once',
  // "But Holm said:", "Then Holm spoke": a sentence's opening conjunction or adverb is no part of the name.
  'but',
  'and',
  'or',
  'yet',
  'so',
  'then',
  'still',
  'now',
  'later',
  'meanwhile',
  'however',
  'instead',
  'finally',
]);

/** Nouns of what someone said: "Holm's response: “…”", "Obama's word:" name the speaker in the possessor. */
export const SPEECH_NOUNS = new Set([
  'response',
  'reply',
  'answer',
  'retort',
  'message',
  'words',
  'word',
  'verdict',
  'advice',
  'comment',
  'remark',
  'explanation',
  'assessment',
  'warning',
  'plea',
  'promise',
  'pledge',
]);

/** A speaker phrase ending just before token `end`, reading left, not before token `min`. */
export function leftPhrase(tokens: Token[], end: number, min: number, hops = 1): Phrase | null {
  let k = end - 1;
  while (k >= min && (SKIPPABLE.has((tokens[k] as Token).lower) || isAdverb(tokens[k] as Token))) k--;
  if (k < min) return null;
  const t = tokens[k] as Token;
  if (t.text === ',' && hops > 0) {
    // "…, Gov. John Kasich (R-OH), said": the name itself fills the stretch between the commas.
    const own = wholeSegmentName(tokens, k, min);
    if (own) return own;
    // An appositive: "Brent Bozell, founder of the Media Research Center, said".
    for (let j = k - 1; j >= Math.max(min, k - 15); j--) {
      const u = tokens[j] as Token;
      if ((u.text === '.' && !abbreviationStop(tokens, j)) || u.text === '!' || u.text === '?' || u.text === ';')
        return null;
      if (u.text === ',') return leftPhrase(tokens, j, min, hops - 1);
      if (SPEECH_VERBS.has(u.lower)) return null;
    }
    return null;
  }
  if (!isWord(t)) return null;
  // Right before the verb, "it" speaks too: "It added, …", "“…,” it read."
  if (PRONOUNS.has(t.lower)) return makePhrase(tokens, k, k + 1);
  if (RELATIVES.has(t.lower) && !t.cap && k === lastBefore(tokens, end, min)) return relative(tokens, k, min);
  if (!nounish(t)) return null;
  const speechNoun = SPEECH_NOUNS.has(t.lower);
  let j = k;
  if (isCapWord(t)) {
    while (j - 1 >= min && k - j < MAX_PHRASE) {
      const u = tokens[j - 1] as Token;
      const glued = (u.text === '.' || u.text === '-') && u.end === (tokens[j] as Token).start;
      const inside =
        (NAME_PARTICLES.has(u.lower) || NAME_LINKS.has(u.lower)) && j - 2 >= min && isCapWord(tokens[j - 2]);
      if ((isCapWord(u) && !DETERMINERS.has(u.lower) && !CLAUSE_OPENERS.has(u.lower)) || glued || inside) j--;
      else break;
    }
    while (j < k && !isWord(tokens[j])) j++;
    if (j - 1 >= min && (tokens[j - 1] as Token).lower === 'the') j--;
    return makePhrase(tokens, j, k + 1);
  }
  // A description: up to five words back to a determiner ("the artillery officer", "Clinton's right-hand woman").
  for (j = k - 1; j >= Math.max(min, k - 5); j--) {
    const u = tokens[j] as Token;
    if (DETERMINERS.has(u.lower)) return makePhrase(tokens, j, k + 1);
    if (isPossessive(u)) {
      let s = j - 1;
      while (s - 1 >= min && isCapWord(tokens[s - 1]) && !CLAUSE_OPENERS.has((tokens[s - 1] as Token).lower)) s--;
      if (!isCapWord(tokens[s])) return null;
      // "Holm's response:": the possessor said it (the head is the speech itself, not a person).
      return speechNoun && j === k - 1 && s < j ? makePhrase(tokens, s, j) : makePhrase(tokens, s, k + 1);
    }
    // "14 percent said", "two-thirds of voters said": a count opens the phrase as a determiner does (not a year).
    // "a 57-year-old scientist" reads on to its determiner; "$160 billion" is money.
    if (u.kind === 'number' && !/^(?:19|20)\d\d$/.test(u.text) && tokens[j + 1]?.text !== '-') {
      const b = tokens[j - 1];
      return b?.text === '$' || b?.text === '€' || b?.text === '£' ? null : makePhrase(tokens, j, k + 1);
    }
    if (u.kind === 'number') continue;
    if (!(nounish(u) || ((u.text === '-' || u.text === '.') && u.end === (tokens[j + 1] as Token).start))) break;
  }
  if (BARE_GROUPS.has(t.lower)) return makePhrase(tokens, k, k + 1);
  return null;
}

/** The token before `end` once auxiliaries and adverbs are skipped ("which has also read"). */
function lastBefore(tokens: Token[], end: number, min: number): number {
  let k = end - 1;
  while (k >= min && (SKIPPABLE.has((tokens[k] as Token).lower) || isAdverb(tokens[k] as Token))) k--;
  return k;
}

/** A relative pronoun at k as the mention, with the phrase before it (and its comma) as what it stands for. */
function relative(tokens: Token[], k: number, min: number): Phrase {
  const p = makePhrase(tokens, k, k + 1);
  let e = k;
  if (e - 1 >= min && (tokens[e - 1] as Token).text === ',') e--;
  const ante = e > min ? leftPhrase(tokens, e, min, 0) : null;
  if (ante && ante.kind !== 'pronoun') {
    p.kind = ante.kind;
    p.ref = { range: { start: ante.start, end: ante.end }, kind: ante.kind };
  } else p.kind = 'description';
  return p;
}

/**
 * A name with its party aside between the comma at k and the comma before it, filling that stretch:
 * "…, Gov. John Kasich (R-OH), said" (not an appositive: the speaker itself).
 */
function wholeSegmentName(tokens: Token[], k: number, min: number): Phrase | null {
  if ((tokens[k - 1] as Token | undefined)?.text !== ')') return null;
  let end = k - 2;
  while (end >= min && end > k - 8 && (tokens[end] as Token).text !== '(') end--;
  if (end - 1 < min || (tokens[end] as Token).text !== '(') return null;
  const p = leftPhrase(tokens, end, min, 0);
  if (p?.kind !== 'name' || p.to !== end) return null;
  const before = tokens[p.from - 1];
  if (p.from > min && before && before.text !== ',' && !isTerminal(before)) return null;
  return p;
}

export const isTerminal = (t: Token) => t.text === '.' || t.text === '!' || t.text === '?' || t.text === ';';

/** "emphatically", "sarcastically": an adverb between a subject and its verb. */
const isAdverb = (t: Token) => t.kind === 'word' && !t.cap && t.lower.length > 4 && t.lower.endsWith('ly');

/** A short capitalised word a full stop is glued to: "No. 2", "Sen. Ted", "Gov. Kasich", "Jr.". */
export function abbreviationStop(tokens: Token[], j: number): boolean {
  const b = tokens[j - 1];
  const t = tokens[j] as Token;
  return b !== undefined && b.end === t.start && b.cap && b.text.length <= 3;
}

/**
 * The full stop at j ends a sentence: glued to a lower-case word or one of four letters or more, then a space and a
 * capital ("one. Others", "Trump. And"), not "Sen. John" or "U.S. Senate".
 */
function sentenceStop(tokens: Token[], j: number): boolean {
  const t = tokens[j] as Token;
  const n = tokens[j + 1];
  if (t.text !== '.' || !n || n.start <= t.end || !n.cap) return false;
  return !abbreviationStop(tokens, j);
}

/** A lower-case past form of four letters or more at j, not after a determiner or hyphen ("the elected officials"). */
function pastAfterName(tokens: Token[], j: number): boolean {
  const t = tokens[j] as Token;
  if (t.kind !== 'word' || t.cap || t.lower.length < 4 || !t.lower.endsWith('ed')) return false;
  const b = tokens[j - 1] as Token;
  return !DETERMINERS.has(b.lower) && b.text !== '-';
}

/** "Holm's response", "Obama's word": the possessor of a speech noun is the speaker; any other phrase stays. */
export function possessorOfSpeech(tokens: Token[], p: Phrase): Phrase {
  const head = tokens[p.to - 1] as Token;
  if (p.to - p.from < 3 || !SPEECH_NOUNS.has(head.lower) || !isPossessive(tokens[p.to - 2])) return p;
  return makePhrase(tokens, p.from, p.to - 2);
}
