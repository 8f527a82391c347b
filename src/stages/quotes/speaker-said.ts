import type { Token } from '../../text/types.js';
import { abbreviationStop, isTerminal, leftPhrase, rightPhrase, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';
import { isCapWord, isPossessive, makePhrase, NOT_NOUN, type Phrase, SKIPPABLE } from './words.js';

/** Tokens between a speaker and its verb when an appositive or relative clause sits between them. */
const MAX_INSERT = 30;

/**
 * `"…," X said` (also `"…," X, a spokesman for Y, said`, `"…," X, 30, of Raleigh, who was polled, said`,
 * `"…," Sen. X (R-Fla.) said` and `"…," X told Reuters`): the speaker right after the quote, then its speech verb.
 */
export function speakerSaid(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.afterFrom;
  while (k < w.afterTo && tokens[k]?.text === ',') k++;
  const found =
    rightPhrase(tokens, k, w.afterTo) ?? capitalName(tokens, k, w.afterTo) ?? itAdverb(tokens, k, w.afterTo);
  // "…, like Ada Lund and Ben Ek, have also said": a comparison is no speaker.
  if (!found || LIKE.has(tokens[found.from]!.lower)) return null;
  const p = overMojibake(tokens, found, w.afterTo);
  let j = p.to;
  while (j < w.afterTo && SKIPPABLE.has(tokens[j]!.lower)) j++;
  // "“…?” a reporter can be heard asking": the verb after "be heard".
  if (tokens[j]?.lower === 'be' && (tokens[j + 1]?.lower === 'heard' || tokens[j + 1]?.lower === 'seen')) j += 2;
  if (j >= w.afterTo) return null;
  let cue = speechVerb(tokens, j) ?? quotedAs(tokens, j) ?? trailingVerb(w, p, j);
  let end = p.end;
  if (!cue && (tokens[j]!.text === ',' || tokens[j]!.text === '(')) {
    const v = verbAfterInsert(tokens, j, w.afterTo);
    cue = v?.cue ?? null;
    // "“…,” the dawn of the modern movement, Bozell says": a description, then the name that speaks.
    const named = v && p.kind === 'description' ? leftPhrase(tokens, v.at, j + 1, 0) : null;
    if (v && named?.kind === 'name' && tokens[named.from - 1]?.text === ',')
      return {
        mention: { start: named.start, end: named.end },
        kind: 'name',
        cue: v.cue,
        rule: 'speaker-said',
        side: 'after',
      };
  }
  if (!cue && PREPOSITIONS.has(tokens[j]!.lower)) {
    // "a narrator in the Clinton ad asks", "a spokeswoman for the ministry said": the description as written.
    const v = verbAfterPreposition(tokens, j, w.afterTo);
    if (v) {
      cue = v.cue;
      if (p.kind === 'description') end = v.end;
    }
  }
  if (!cue) return null;
  return { mention: { start: p.start, end }, kind: p.kind, cue, rule: 'speaker-said', side: 'after' };
}

/** "“…,” Ek is quoted as saying": the cue runs from "quoted" to the verb. */
function quotedAs(tokens: Token[], j: number) {
  const q = tokens[j];
  if (q?.lower !== 'quoted' || tokens[j + 1]?.lower !== 'as') return null;
  const v = speechVerb(tokens, j + 2);
  return v ? { start: q.start, end: v.end } : null;
}

const LIKE = new Set(['like', 'unlike', 'including']);
const PREPOSITIONS = new Set(['in', 'at', 'for', 'from', 'with', 'of', 'on']);

/** Marks a quote may close with. */
const CLOSERS = new Set(['"', '\u201D', '\u201C', '\u2019', '\u00BB', "'"]);

/**
 * `“…,” Hannity started.`, `“…,” an angry Ada Lund retaliated.`, `“…?” Beck questioned.`: a quote whose sentence goes
 * on past its closing mark (a comma before it; a question or exclamation mark when the verb ends the sentence), then a
 * speaker and a lower-case past form ending the clause: the verb attributes the quote, whatever it is.
 */
function trailingVerb(w: Window, p: Phrase, j: number) {
  const { tokens } = w;
  const v = tokens[j] as Token;
  if (v.kind !== 'word' || v.cap || v.lower.length < 5 || !v.lower.endsWith('ed') || NOT_NOUN.has(v.lower)) return null;
  if (p.kind === 'pronoun' && p.to !== j) return null;
  // The indirect-quote reader passes no quote.
  if (!w.quote) return null;
  const mark = tokens[w.afterFrom - 1];
  const stop = tokens[w.afterFrom - 2];
  if (!mark || !stop || !CLOSERS.has(mark.text) || mark.end !== w.quote.end) return null;
  const after = tokens[j + 1];
  const ends = !after || after.paragraph !== v.paragraph || after.text === '.';
  if (stop.text === ',') {
    if (!(ends || after.text === ',' || after.text === ';' || isAdverbWord(after))) return null;
  } else if (!((stop.text === '?' || stop.text === '!') && ends)) return null;
  return { start: v.start, end: v.end };
}
/** Words of a prepositional phrase between a speaker and its verb. */
const PREPOSITION_REACH = 7;

/** The speech verb after a prepositional phrase opening at token j, and where the phrase ends; else null. */
function verbAfterPreposition(tokens: Token[], j: number, limit: number) {
  const to = Math.min(limit, j + PREPOSITION_REACH);
  for (let c = j + 1; c < to; c++) {
    const t = tokens[c] as Token;
    const cue = speechVerb(tokens, c);
    if (cue) {
      let e = c;
      while (e > j + 1 && SKIPPABLE.has((tokens[e - 1] as Token).lower)) e--;
      return e > j + 1 ? { cue, end: (tokens[e - 1] as Token).end } : null;
    }
    if (t.kind === 'punct' && !isPossessive(t) && !(t.text === '-' && t.start === (tokens[c - 1] as Token).end))
      return null;
    if (t.kind === 'word' && NOT_NOUN.has(t.lower) && !PREPOSITIONS.has(t.lower) && t.lower !== 'and') return null;
  }
  return null;
}

const INSERT_MARKS = new Set(['"', '\u201C', '\u201D', '\u201E', '\u00AB', '\u00BB']);

/** The speech verb closing an insert that opens at token j (`, …,` or `(…)`), within the sentence; else null. */
function verbAfterInsert(tokens: Token[], j: number, limit: number) {
  const to = Math.min(limit, j + MAX_INSERT);
  for (let c = j + 1; c < to; c++) {
    const t = tokens[c] as Token;
    // "Ada Lund, wearing a “Vote Cruz” pin, said": a short quoted title inside the insert is read over.
    const title = INSERT_MARKS.has(t.text) ? titleInInsert(tokens, c, to) : -1;
    if (title > 0) {
      c = title;
      continue;
    }
    // A quote mark: the insert was the end of a quoted stretch ("If we win, they lose,'' Mr. Ames said").
    if (INSERT_MARKS.has(t.text) || (t.text === "'" && tokens[c + 1]?.text === "'")) return null;
    // "N.C.," and "Va.," abbreviations before a comma, and "the No. 2 official", "Sen. Ana Berg", do not end the sentence.
    if (
      isTerminal(t) &&
      !(t.text === '.' && (tokens[c + 1]?.text === ',' || tokens[c + 1]?.text === ')' || abbreviationStop(tokens, c)))
    )
      return null;
    const cue = speechVerb(tokens, c);
    if (cue && !t.lower.endsWith('ing')) return { cue, at: c };
  }
  return null;
}

/** Words a quoted title inside an insert holds at most. */
const INSERT_TITLE_WORDS = 4;
const OPENERS = new Set(['"', '\u201C']);
const CLOSERS_DOUBLE = new Set(['"', '\u201D']);

/**
 * The closing mark's token when token c opens a short quoted title inside an insert (`“Vote Cruz”`): an opening mark
 * set off before its first word, one to four capitalised words or numbers glued inside (a comma may close them), the
 * closing mark; else -1.
 */
function titleInInsert(tokens: Token[], c: number, limit: number): number {
  const open = tokens[c] as Token;
  const before = tokens[c - 1];
  const first = tokens[c + 1];
  if (!OPENERS.has(open.text) || !before || before.end === open.start || !first || first.start !== open.end) return -1;
  for (let k = c + 1; k < limit && k <= c + 1 + INSERT_TITLE_WORDS; k++) {
    const u = tokens[k] as Token;
    if (CLOSERS_DOUBLE.has(u.text)) return k > c + 1 && (tokens[k - 1] as Token).end === u.start ? k : -1;
    // "author of “The Small Print,” said": the insert's comma inside the closing mark.
    const glued = (u.text === ',' || u.text === '.') && CLOSERS_DOUBLE.has(tokens[k + 1]?.text ?? '') && k > c + 1;
    if (!(glued || u.kind === 'number' || (u.kind === 'word' && u.cap))) return -1;
  }
  return -1;
}

/** Words that are also names ("Will Doyle", "Read said", "From said"), which the speaker phrase reader skips. */
const NAME_WORDS = new Set(['will', 'from', 'read']);

/**
 * A capitalised name opening with such a word, right after a quote: two or more capitalised words, or one right
 * before its speech verb ("“…,” From said").
 */
export function capitalName(tokens: Token[], k: number, limit: number): Phrase | null {
  const t = tokens[k];
  if (k >= limit || !isCapWord(t) || t.upper || !NAME_WORDS.has(t.lower)) return null;
  let j = k + 1;
  while (j < limit && j - k < 4 && isCapWord(tokens[j]) && (tokens[j] as Token).paragraph === t.paragraph) j++;
  if (j === k + 1 && !speechVerb(tokens, j)) return null;
  return makePhrase(tokens, k, j);
}

/** Latin-1 lead bytes read as characters when UTF-8 text was decoded twice ("FranÃÂ§ois", "TrÃ©vidic"), composed or not. */
const MOJIBAKE_LEAD = /(?:[\u00C3\u00C2\u00C5]|A[\u0302\u0303\u030a])[\u0080-\u009f\u00ad]?$/;
const isLatin1Symbol = (t: Token) =>
  t.kind === 'punct' && t.text.length === 1 && t.text >= '\u00a0' && t.text <= '\u00bf';

/**
 * A name broken by mojibake ("French President FranÃÂ§ois Hollande", "SarukhÃÂ¡n"): the phrase reader stops at the
 * stray symbol; the pieces glued to it (no space) and the capitalised words after them belong to the name.
 */
export function overMojibake(tokens: Token[], p: Phrase, limit: number): Phrase {
  let to = p.to;
  for (let round = 0; round < 3; round++) {
    const prev = tokens[to - 1] as Token;
    let j = to;
    while (j < limit && j - to < 4) {
      const t = tokens[j] as Token;
      const b = tokens[j - 1] as Token;
      // A C1 control character ("Ã\u0083Â§") may sit between the pieces: it is no token.
      if (t.start - b.end > 1 || !(isLatin1Symbol(t) || MOJIBAKE_LEAD.test(b.text) || isLatin1Symbol(b))) break;
      j++;
    }
    if (j === to || !MOJIBAKE_LEAD.test(prev.text)) break;
    const more = isCapWord(tokens[j]) ? rightPhrase(tokens, j, limit) : null;
    to = more && more.kind === 'name' ? more.to : j;
  }
  return to === p.to ? p : makePhrase(tokens, p.from, to);
}

/** "“…,” it now says": "it", an adverb, then the speech verb (the phrase reader takes "it" only right before it). */
function itAdverb(tokens: Token[], k: number, limit: number): Phrase | null {
  if (tokens[k]?.lower !== 'it') return null;
  let j = k + 1;
  while (j < limit && j < k + 3 && isAdverbWord(tokens[j])) j++;
  return j > k + 1 && j < limit && speechVerb(tokens, j) ? makePhrase(tokens, k, k + 1) : null;
}

const isAdverbWord = (t: Token | undefined) =>
  t !== undefined &&
  t.kind === 'word' &&
  !t.cap &&
  (SKIPPABLE.has(t.lower) || (t.lower.length > 4 && t.lower.endsWith('ly')));
