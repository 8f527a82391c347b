import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { leftPhrase, possessorOfSpeech, rightPhrase, speechVerb, tokenAt } from './tokens.js';
import type { Attribution, QuoteCandidate } from './types.js';
import { makePhrase, type Phrase, PRONOUNS, SENTENCE_OPENERS } from './words.js';

/** Words that open an introductory clause: the subject comes after its comma ("In the email, Ash wrote …"). */
const INTRO = new Set([
  'in',
  'on',
  'at',
  'after',
  'before',
  'as',
  'when',
  'while',
  'although',
  'though',
  'during',
  'since',
  'with',
  'without',
  'asked',
  'speaking',
  'for',
  'from',
  'despite',
  'following',
  'like',
  'unlike',
  'if',
  'because',
  'by',
  'meanwhile',
  'however',
  'instead',
  'now',
  'today',
  'yesterday',
  'earlier',
  'later',
  'last',
  'this',
  'then',
  'still',
  'also',
  'indeed',
  'once',
  'over',
  'under',
  'between',
  'among',
  'amid',
  'across',
  'through',
  'until',
  'within',
  'outside',
  'inside',
  'near',
  'alongside',
  'immediately',
  'even',
  'shortly',
  'moments',
  'minutes',
  'hours',
  'nonetheless',
  'nevertheless',
  'recently',
  'again',
]);
/** Dashes that end a dateline ("WASHINGTON, Dec. 8 (UPI) — …"). */
const DATELINE_END = new Set(['—', '–', '-']);
/** Tokens read from the sentence start. */
const MAX_LEAD = 45;

/**
 * Refiner `sentence-subject`, after the scare quotes are gone: a quote left without an attribution that sits inside a
 * sentence ("Rubio fired back forcefully: “…”", "Moore thanked him for “…”", "In the email, Ash described the move as
 * “…”") is given the subject of that sentence; a quote opening a paragraph after one that ends with a colon ("He then
 * listed the qualities:") is given the subject of that colon sentence.
 */
export function sentenceSubjectSpeaker(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  const { tokens, sentences, paragraphs, text } = ctx.doc;
  let prevEnd = 0;
  for (const q of items) {
    const floorTok = tokenAt(tokens, prevEnd);
    prevEnd = q.end;
    if (q.attribution) continue;
    const mark = tokenAt(tokens, q.start);
    const t = tokens[mark];
    if (!t) continue;
    let to = mark;
    if (paragraphs[q.paragraph]?.start === q.start) {
      // The paragraph before ends with a colon: its last sentence introduces this one.
      const before = q.paragraph > 0 ? paragraphs[q.paragraph - 1] : undefined;
      if (!before || text[before.end - 1] !== ':') continue;
      to = tokenAt(tokens, before.end) - 1;
    }
    const last = tokens[to - 1];
    if (!last || last.paragraph !== (tokens[to] ?? t).paragraph) continue;
    if (last.text === '.' || last.text === '!' || last.text === '?') {
      // "Dianne Bystrom agreed. “…”", "Sam Lau said in a statement. “…”": a short sentence that is only its speaker
      // and a speech verb introduces the quote after it.
      const intro = last.text === '.' ? shortIntro(tokens, sentences[last.sentence]?.tokenStart ?? to, to - 1) : null;
      if (intro) q.attribution = intro;
      continue;
    }
    const headline = headlineBefore(
      tokens,
      to,
      Math.max(floorTok, tokenAt(tokens, paragraphs[q.paragraph]?.start ?? 0)),
    );
    if (headline) {
      q.attribution = { ...headline, rule: 'sentence-subject:headline', side: 'before' };
      continue;
    }
    const sentence = sentences[last.sentence];
    if (!sentence) continue;
    const from = Math.max(sentence.tokenStart, floorTok, to - MAX_LEAD);
    if (to - from < 2) continue;
    const p = verbSubject(tokens, from, to) ?? subject(tokens, from, to);
    if (!p) continue;
    q.attribution = {
      mention: { start: p.start, end: p.end },
      kind: p.kind,
      cue: cueBetween(tokens, p.to, to),
      rule: 'sentence-subject',
      side: 'before',
    };
    if (p.ref) q.attribution.ref = p.ref;
  }
  return items;
}

/** Words and letters an all-capitals headline before a quote has at least. */
const HEADLINE_WORDS = 3;
const HEADLINE_LETTERS = 8;
/** Tokens read back for one. */
const HEADLINE_REACH = 20;

/**
 * "EBOLA SURVIVORS, THROUGH THE LENS “…” [Source.]": a newsletter item whose all-capitals headline, opening the
 * paragraph, runs straight into the quote; the headline is what the quote is given to (as PolNeAR marks it).
 */
function headlineBefore(tokens: Token[], to: number, paraStart: number) {
  let k = to - 1;
  let words = 0;
  let letters = 0;
  while (k >= paraStart && to - k <= HEADLINE_REACH) {
    const t = tokens[k] as Token;
    if (t.kind === 'word') {
      // "CHINA’S": the possessive is a word token of its own.
      if (!t.upper && !(t.lower === '’s' || t.lower === "'s")) return null;
      words++;
      letters += t.text.length;
    } else if (t.kind === 'punct' && !HEADLINE_PUNCT.has(t.lower)) return null;
    k--;
  }
  if (k >= paraStart || words < HEADLINE_WORDS || letters < HEADLINE_LETTERS) return null;
  let from = paraStart;
  while (from < to && (tokens[from] as Token).kind !== 'word') from++;
  const p = makePhrase(tokens, from, to);
  return { mention: { start: p.start, end: p.end }, kind: 'description' as const, cue: null };
}

const HEADLINE_PUNCT = new Set([',', ':', '-', '’', '‘', "'"]);

/** Words before a verb in a reduced clause with no subject of its own: "when asked", "if pressed". */
const REDUCED = new Set(['when', 'if', 'as', 'once', 'unless']);

/** "Nobody agreed.": no speaker. */
const NOBODY = new Set(['nobody', 'none', 'nothing', 'no', 'neither', 'few']);

/** Tokens a short introducing sentence may hold after its verb ("in a statement"). */
const INTRO_TAIL = 4;

/** The sentence [from, dot) is a speaker, a finite speech verb and at most a short tail without a clause. */
function shortIntro(tokens: Token[], from: number, dot: number): Attribution | null {
  if (dot - from < 2 || dot - from > 16) return null;
  for (let v = dot - 1; v > from && v >= dot - 1 - INTRO_TAIL; v--) {
    const t = tokens[v] as Token;
    if (t.kind !== 'word' || t.lower.endsWith('ing')) continue;
    const cue = speechVerb(tokens, v);
    if (!cue) continue;
    for (let k = v + 1; k < dot; k++) {
      const u = tokens[k] as Token;
      if (u.lower === 'that' || PRONOUNS.has(u.lower) || u.kind === 'punct' || speechVerb(tokens, k)) return null;
    }
    let p = leftPhrase(tokens, v, from);
    // "Sam Lau, the communications director for the party said in a statement.": the name before the appositive.
    const named = p && p.from > from ? rightPhrase(tokens, from, p.from) : null;
    if (named?.kind === 'name' && tokens[named.to]?.text === ',') p = named;
    if (!p || p.kind === 'pronoun' || NOBODY.has((tokens[p.from] as Token).lower)) return null;
    // "Iowa State University's Dianne Bystrom agreed.": a possessive name before the speaker.
    for (let k = from; k < p.from; k++) {
      const u = tokens[k] as Token;
      if (!(u.cap || u.lower === "'s" || u.lower === '’s') || p.from - from > 5) return null;
    }
    const start = (tokens[from] as Token).start;
    return { mention: { start, end: p.end }, kind: p.kind, cue, rule: 'sentence-subject:intro', side: 'before' };
  }
  return null;
}

/**
 * The noun right before the last speech verb of the lead-up, when there is one: "Sanders responded with a phrase that
 * could have come from Trump himself: “…”", "Clinton said as he introduced his wife, “…”".
 */
function verbSubject(tokens: Token[], from: number, to: number): Phrase | null {
  for (let v = to - 1; v > from; v--) {
    const t = tokens[v] as Token;
    if (t.kind !== 'word' || t.lower.endsWith('ing') || !speechVerb(tokens, v)) continue;
    const p = passiveBy(tokens, v, to) ?? leftPhrase(tokens, v, from);
    // "… who told Congress when asked about it: “…”": a reduced clause's verb; the verb before it has the subject.
    if (!p && REDUCED.has((tokens[v - 1] as Token | undefined)?.lower ?? '')) continue;
    return p;
  }
  return null;
}

const BE = new Set(['was', 'were', 'is', 'are', 'been']);

/** "Sanders was asked by host Bill Maher, who …, “…”": in the passive, the phrase after "by" speaks. */
export function passiveBy(tokens: Token[], v: number, limit: number): Phrase | null {
  if (!BE.has((tokens[v - 1] as Token | undefined)?.lower ?? '') || tokens[v + 1]?.lower !== 'by') return null;
  const p = rightPhrase(tokens, v + 2, limit);
  return p && p.kind !== 'pronoun' ? p : null;
}

/** The subject of the sentence in tokens [from, to): after an introductory clause, and after an inverted "Said". */
export function subject(tokens: Token[], from: number, to: number): Phrase | null {
  const p = subjectPhrase(tokens, from, to);
  if (p && !shouted(tokens, p)) return possessorOfSpeech(tokens, p);
  // "OLYMPIC TEAM REFUSES TO STAY IN THE VILLAGE The team cited “…”": a headline glued to the sentence after it.
  let j = from;
  let words = 0;
  while (j < to && ((tokens[j] as Token).upper || (tokens[j] as Token).kind !== 'word')) {
    if ((tokens[j] as Token).kind === 'word') words++;
    j++;
  }
  if (words < HEADLINE_WORDS || j >= to || !(tokens[j] as Token).cap) return null;
  const q = subjectPhrase(tokens, j, to);
  return q && !shouted(tokens, q) ? q : null;
}

/** A headline or dateline in capitals ("RED STATES OUTNUMBER BLUE STATES", "HIGHER") is no speaker; "CNN" is. */
function shouted(tokens: Token[], p: Phrase): boolean {
  for (let k = p.from; k < p.to; k++) if (!(tokens[k] as Token).upper) return false;
  return p.to - p.from > 1 || (tokens[p.from] as Token).text.length > 5;
}

function subjectPhrase(tokens: Token[], from: number, to: number): Phrase | null {
  let j = from;
  // "WASHINGTON, Dec. 8 (UPI) — …": a dateline before the sentence proper.
  if ((tokens[j] as Token | undefined)?.upper) {
    for (let d = j + 1; d < to && d < j + 12; d++) {
      if (DATELINE_END.has((tokens[d] as Token).text)) {
        j = d + 1;
        break;
      }
    }
  }
  while (j < to && (SENTENCE_OPENERS.has((tokens[j] as Token).lower) || (tokens[j] as Token).kind === 'punct')) j++;
  // "Eight years ago, he said": a time phrase before the first comma.
  for (let c = j; c < to && c < j + 6; c++) {
    const u = tokens[c] as Token;
    if (u.text === ',') break;
    if (u.lower === 'ago' && tokens[c + 1]?.text === ',') j = c + 2;
  }
  const first = tokens[j];
  if (!first || j >= to) return null;
  if (first.cap && (first.lower === 'said' || first.lower === 'says')) return rightPhrase(tokens, j + 1, to);
  // "Filling in for …, she said", "Speaking to reporters, X said": a participle opens an introductory clause.
  // "At day's end, however, Clinton said": introductory clauses and adverbs one after another.
  let skipped = false;
  for (let n = 0; n < 3 && j < to; n++) {
    const t = tokens[j] as Token;
    // "Speaking to reporters, …" opens with a participle; "Boreing said …" opens with a name.
    const participle = n === 0 && t.cap && t.lower.endsWith('ing') && t.lower.length > 5 && !speechVerb(tokens, j + 1);
    // "Likewise, a paper …", "Similarly, the group …": a sentence adverb and its comma.
    const adverb = t.cap && tokens[j + 1]?.text === ',' && (t.lower.endsWith('ly') || t.lower.endsWith('wise'));
    if (!(INTRO.has(t.lower) || participle || adverb)) break;
    let c = j + 1;
    while (c < to && (tokens[c] as Token).text !== ',') c++;
    // No comma before the quote: the subject is inside the clause ("As the Rainmakers sang, …").
    if (c >= to - 1) return n === 0 ? firstPhrase(tokens, j + 1, to) : null;
    j = c + 1;
    skipped = true;
  }
  const p = rightPhrase(tokens, j, to);
  if (!p && !skipped) return pronounAfterComma(tokens, j, to);
  if (p || !skipped) return p;
  // "In a wide-ranging, in-prison interview …, Lazar said": the introductory phrase held a comma of its own.
  let c = j;
  while (c < to && c < j + 20 && (tokens[c] as Token).text !== ',') c++;
  return c + 1 < to && (tokens[c] as Token | undefined)?.text === ',' ? rightPhrase(tokens, c + 1, to) : null;
}

/** Tokens an opening phrase without a known opener may hold before its comma. */
const OPENING_REACH = 8;

/** "Back on American soil, he returned to …": an opening phrase, its comma, then a pronoun with its verb. */
function pronounAfterComma(tokens: Token[], from: number, to: number): Phrase | null {
  for (let c = from + 1; c < to && c <= from + OPENING_REACH; c++) {
    const t = tokens[c] as Token;
    if (t.kind === 'punct' && t.text !== ',') return null;
    if (t.text !== ',') continue;
    const u = tokens[c + 1];
    const verb = tokens[c + 2];
    const subj = u && (u.lower === 'he' || u.lower === 'she' || u.lower === 'they' || u.lower === 'we');
    return subj && c + 2 < to && verb?.kind === 'word' && !verb.cap ? makePhrase(tokens, c + 1, c + 2) : null;
  }
  return null;
}

function firstPhrase(tokens: Token[], from: number, to: number): Phrase | null {
  for (let j = from; j < to && j < from + 6; j++) {
    const p = rightPhrase(tokens, j, to);
    if (p) return p;
  }
  return null;
}

/** The first speech verb after the subject, as the cue, when there is one. */
function cueBetween(tokens: Token[], from: number, to: number) {
  for (let k = from; k < to; k++) {
    const cue = speechVerb(tokens, k);
    if (cue) return cue;
  }
  return null;
}
