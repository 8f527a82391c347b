import type { Token } from './types.js';

/**
 * The tokenizer scans character codes (one pass, no regex per token): it runs on every character of every article,
 * so it is the largest part of the base cost. What it splits, by the first character:
 * - word: a letter or mark (\p{L} \p{M}), then letters, marks and digits, with single internal apostrophes,
 *   hyphens or periods between them ("O'Brien", "Belarus-Lithuania", "U.S"); a final period is kept when the word
 *   is an initialism (letters and periods alternate: "U.S."); a possessive "'s" is split off ("Korolev's").
 * - number: digits (\p{N}) with internal , or . separators ("1,000", "3.5"; "2023-07-10" is number, -, number...).
 * - punct: any other character that is not white space (\s), one per token (a surrogate pair stays whole).
 * Classes of ASCII characters are a table; other characters are classified once by a Unicode property regex and
 * cached, so the result is that of the property classes whatever the script.
 */

const C_OTHER = 1;
const C_SPACE = 2;
const C_LETTER = 4; // \p{L} or \p{M}: starts and continues a word
const C_DIGIT = 8; // \p{N}: continues a word, starts a number
const C_UPPER = 16; // \p{Lu}
const C_LOWER = 32; // \p{Ll}
const C_ALPHA = 64; // \p{L} (a letter of an initialism; a mark is not)

const RE_LETTER = /^[\p{L}\p{M}]$/u;
const RE_DIGIT = /^\p{N}$/u;
const RE_SPACE = /^\s$/u;
const RE_UPPER = /^\p{Lu}$/u;
const RE_LOWER = /^\p{Ll}$/u;
const RE_ALPHA = /^\p{L}$/u;

function classify(cp: number): number {
  const ch = String.fromCodePoint(cp);
  let c = 0;
  if (RE_SPACE.test(ch)) c |= C_SPACE;
  if (RE_LETTER.test(ch)) c |= C_LETTER;
  if (RE_DIGIT.test(ch)) c |= C_DIGIT;
  if (RE_UPPER.test(ch)) c |= C_UPPER;
  if (RE_LOWER.test(ch)) c |= C_LOWER;
  if (RE_ALPHA.test(ch)) c |= C_ALPHA;
  return c || C_OTHER;
}

/** Classes of the BMP, filled on first sight (0: not yet classified); ASCII is filled up front. */
const BMP = new Uint8Array(0x10000);
for (let c = 0; c < 0x80; c++) {
  if (c >= 0x41 && c <= 0x5a) BMP[c] = C_LETTER | C_ALPHA | C_UPPER;
  else if (c >= 0x61 && c <= 0x7a) BMP[c] = C_LETTER | C_ALPHA | C_LOWER;
  else if (c >= 0x30 && c <= 0x39) BMP[c] = C_DIGIT;
  else if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) BMP[c] = C_SPACE;
  else BMP[c] = C_OTHER;
}
const ASTRAL = new Map<number, number>();

/** The classes of the code point at i (a lone surrogate is classified as itself: no class). */
function classAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  if (u < 0xd800 || u > 0xdbff) {
    const c = BMP[u] as number;
    if (c !== 0) return c;
    const k = u >= 0xdc00 && u <= 0xdfff ? C_OTHER : classify(u);
    BMP[u] = k;
    return k;
  }
  const cp = text.codePointAt(i) as number;
  if (cp === u) return C_OTHER; // a lone high surrogate
  let k = ASTRAL.get(cp);
  if (k === undefined) {
    k = classify(cp);
    if (ASTRAL.size < 4096) ASTRAL.set(cp, k);
  }
  return k;
}

/** The classes of one UTF-16 code unit on its own (a surrogate, even one of a pair, has none). */
function unitClass(u: number): number {
  const c = BMP[u] as number;
  if (c !== 0) return c;
  const k = u >= 0xd800 && u <= 0xdfff ? C_OTHER : classify(u);
  BMP[u] = k;
  return k;
}

/** `/[\p{L}\p{N}]/u.test(String.fromCharCode(u))`, from the class table (no string, no regex). */
export const isAlnumUnit = (u: number): boolean => (unitClass(u) & (C_ALPHA | C_DIGIT)) !== 0;
/** `/\p{N}/u.test(String.fromCharCode(u))`, from the class table. */
export const isDigitUnit = (u: number): boolean => (unitClass(u) & C_DIGIT) !== 0;
/** `/^[\p{L}\p{N}]/u.test(text.slice(i, i + 2))`: a letter or digit code point (a surrogate pair read whole) at i. */
export const isAlnumAt = (text: string, i: number): boolean => (classAt(text, i) & (C_ALPHA | C_DIGIT)) !== 0;

/** `/^[\p{Lu}\p{N}]/u.test(text.slice(i, i + 2))`: an upper-case letter or a digit code point at i. */
export const isUpperOrDigitAt = (text: string, i: number): boolean => (classAt(text, i) & (C_UPPER | C_DIGIT)) !== 0;

/** The end of the word `nextWord` found last. */
export const wordMatch = { end: 0 };

/**
 * Words as the regex `[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*` with the g and u flags finds them in a string
 * text[from, to): runs of letters and digits (code points) joined by single ' ’ - . characters. Returns the start of
 * the first one at or after `from`, or -1, and leaves its end in `wordMatch.end`. A scan of the class table: no match
 * object, no string (a surrogate pair cut at `to` is no letter, as in a string that ends there).
 */
export function nextWord(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && !alnumIn(text, i, to)) i += widthIn(text, i, to);
  if (i >= to) return -1;
  const start = i;
  for (;;) {
    while (i < to && alnumIn(text, i, to)) i += widthIn(text, i, to);
    if (i + 1 < to) {
      const c = text.charCodeAt(i);
      if ((c === APOSTROPHE || c === RIGHT_QUOTE || c === HYPHEN || c === PERIOD) && alnumIn(text, i + 1, to)) {
        i++;
        continue;
      }
    }
    break;
  }
  wordMatch.end = i;
  return start;
}

/** A letter or digit code point at i of a string ending at `to`. */
const alnumIn = (text: string, i: number, to: number): boolean => (classIn(text, i, to) & (C_ALPHA | C_DIGIT)) !== 0;
/** Code units of the code point at i of a string ending at `to` (a pair cut at `to` is one unit). */
const widthIn = (text: string, i: number, to: number): number => (i + 1 < to ? widthAt(text, i) : 1);

/** The classes of the code point at k of the token ending at end (a surrogate pair cut at end has no class). */
function classIn(text: string, k: number, end: number): number {
  return k + 1 === end && widthAt(text, k) === 2 ? C_OTHER : classAt(text, k);
}

/** Code units of the code point at i (2 for a surrogate pair). */
function widthAt(text: string, i: number): number {
  const u = text.charCodeAt(i);
  if (u >= 0xd800 && u <= 0xdbff) {
    const v = text.charCodeAt(i + 1);
    if (v >= 0xdc00 && v <= 0xdfff) return 2;
  }
  return 1;
}

const APOSTROPHE = 0x27;
const RIGHT_QUOTE = 0x2019;
const HYPHEN = 0x2d;
const PERIOD = 0x2e;
const COMMA = 0x2c;

/** The end of the word that starts at i (a letter): letters/marks/digits with single internal ' ’ - . separators. */
function wordEnd(text: string, i: number): number {
  const n = text.length;
  let j = i + widthAt(text, i);
  for (;;) {
    while (j < n) {
      const u = text.charCodeAt(j);
      // ASCII from the table directly (most characters); anything else through classAt and widthAt.
      if (u < 0x80) {
        if (((BMP[u] as number) & (C_LETTER | C_DIGIT)) === 0) break;
        j++;
      } else if (classAt(text, j) & (C_LETTER | C_DIGIT)) j += widthAt(text, j);
      else break;
    }
    if (j + 1 >= n) return j;
    const s = text.charCodeAt(j);
    if (s !== APOSTROPHE && s !== RIGHT_QUOTE && s !== HYPHEN && s !== PERIOD) return j;
    if (!(classAt(text, j + 1) & (C_LETTER | C_DIGIT))) return j;
    j++;
  }
}

/** The end of the number that starts at i (a digit): digits with single internal , or . separators. */
function numberEnd(text: string, i: number): number {
  const n = text.length;
  let j = i;
  for (;;) {
    while (j < n && classAt(text, j) & C_DIGIT) j += widthAt(text, j);
    if (j + 1 >= n) return j;
    const s = text.charCodeAt(j);
    if (s !== PERIOD && s !== COMMA) return j;
    if (!(classAt(text, j + 1) & C_DIGIT)) return j;
    j++;
  }
}

/** "U.S", "J.R.R.T": single letters (\p{L}) alternating with periods, at least two letters. */
function isInitialism(text: string, start: number, end: number): boolean {
  let k = start;
  let letters = 0;
  for (;;) {
    if (k >= end || !(classAt(text, k) & C_ALPHA)) return false;
    k += widthAt(text, k);
    letters++;
    if (k === end) return letters >= 2;
    if (text.charCodeAt(k) !== PERIOD) return false;
    k++;
  }
}

/**
 * `t.toLowerCase()`, without a new string when it would not change (most tokens: lower-case words, punctuation)
 * or when it is one ASCII letter (V8's single-character strings are shared): fewer allocations on huge texts.
 */
function lowerOf(t: string): string {
  const n = t.length;
  if (n === 1) {
    const c = t.charCodeAt(0);
    if (c < 0x80) return c >= 0x41 && c <= 0x5a ? String.fromCharCode(c + 0x20) : t;
    return t.toLowerCase();
  }
  for (let k = 0; k < n; k++) {
    const c = t.charCodeAt(k);
    if (c >= 0x80 || (c >= 0x41 && c <= 0x5a)) return t.toLowerCase();
  }
  return t;
}

/**
 * A token made by a constructor, not an object literal: V8 tracks the survival of objects from each literal site
 * (allocation-site pretenuring), and a document's tokens, alive through a whole article, got the literal site marked
 * long-lived, after which every token of every article was allocated in the old generation: ~120 KB per article
 * promoted, old-to-new pointers (to each token's strings) that slowed every scavenge, and mark-compact work (V8's
 * background threads) to free them. Objects made by `new` have no allocation site, so tokens stay young and die in
 * the scavenge after their article. Same fields, in the same order, as the Token interface
 * (`declare`d: no class-field definitions, which would first set every field to undefined).
 */
class DocToken implements Token {
  declare i: number;
  declare start: number;
  declare end: number;
  declare text: string;
  declare lower: string;
  declare kind: Token['kind'];
  declare cap: boolean;
  declare upper: boolean;
  declare sentence: number;
  declare paragraph: number;
  constructor(
    i: number,
    start: number,
    end: number,
    text: string,
    lower: string,
    kind: Token['kind'],
    cap: boolean,
    upper: boolean,
    paragraph: number,
  ) {
    this.i = i;
    this.start = start;
    this.end = end;
    this.text = text;
    this.lower = lower;
    this.kind = kind;
    this.cap = cap;
    this.upper = upper;
    this.sentence = 0;
    this.paragraph = paragraph;
  }
}

/**
 * The text and lower-case form of one-code-unit punctuation tokens, by code, made once: a flood of non-Latin-1
 * marks (“ ” « ‹ 「) would otherwise allocate two strings per token (a slice and its toLowerCase).
 */
let punctText: (string | undefined)[] | null = null;
let punctLower: (string | undefined)[] | null = null;

/** Appends the token text[start, end) of `kind`. */
function pushToken(
  text: string,
  tokens: Token[],
  start: number,
  end: number,
  kind: Token['kind'],
  paragraph: number,
  index: boolean,
): void {
  let t: string;
  let lower: string;
  let cap = false;
  let upper = false;
  if (kind === 'punct' && end === start + 1) {
    const code = text.charCodeAt(start);
    punctText ??= new Array(0x10000);
    punctLower ??= new Array(0x10000);
    const cached = punctText[code];
    if (cached === undefined) {
      t = text.slice(start, end);
      lower = lowerOf(t);
      punctText[code] = t;
      punctLower[code] = lower;
    } else {
      t = cached;
      lower = punctLower[code] as string;
    }
  } else {
    t = text.slice(start, end);
    lower = t;
    // ASCII (most tokens): capitals, lower case and the lower-case form in one scan of the codes.
    let ascii = true;
    let hasUpper = false;
    let hasLower = false;
    for (let k = start; k < end; k++) {
      const c = text.charCodeAt(k);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      if (c >= 0x41 && c <= 0x5a) hasUpper = true;
      else if (c >= 0x61 && c <= 0x7a) hasLower = true;
    }
    if (ascii) {
      if (hasUpper) lower = end - start === 1 ? String.fromCharCode(text.charCodeAt(start) + 0x20) : t.toLowerCase();
      if (kind === 'word') {
        const c = text.charCodeAt(start);
        cap = c >= 0x41 && c <= 0x5a;
        upper = cap && end - start > 1 && !hasLower;
      }
    } else {
      lower = lowerOf(t);
      if (kind === 'word') {
        cap = (classIn(text, start, end) & C_UPPER) !== 0;
        if (cap && end - start > 1) {
          upper = true;
          for (let k = start; k < end; k += widthAt(text, k)) {
            if (classIn(text, k, end) & C_LOWER) {
              upper = false;
              break;
            }
          }
        }
      }
    }
  }
  tokens.push(new DocToken(index ? tokens.length : 0, start, end, t, lower, kind, cap, upper, paragraph));
}

/** Splits normalized text into tokens with exact offsets (sentence and paragraph are filled in later). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  tokenizeInto(text, from, to, tokens, 0, false);
  return tokens;
}

/**
 * Appends the tokens of text[from, to) to `tokens`, with `paragraph` set and `i` their index in `tokens` when
 * `index` (else 0), so a document's tokens are built in one array without a copy.
 */
export function tokenizeInto(
  text: string,
  from: number,
  to: number,
  tokens: Token[],
  paragraph: number,
  index: boolean,
): void {
  const push = (start: number, end: number, kind: Token['kind']) =>
    pushToken(text, tokens, start, end, kind, paragraph, index);
  let i = from;
  while (i < to) {
    const c = classAt(text, i);
    if (c & C_SPACE) {
      i++;
      continue;
    }
    if (c & C_LETTER) {
      let end = Math.min(wordEnd(text, i), to);
      // "U.S." keeps its last period when it is an initialism (letters and periods alternate).
      if (end < text.length && text.charCodeAt(end) === PERIOD && isInitialism(text, i, end)) end++;
      const last = text.charCodeAt(end - 1);
      const apo = text.charCodeAt(end - 2);
      if (end - i > 2 && (last === 0x73 || last === 0x53) && (apo === APOSTROPHE || apo === RIGHT_QUOTE)) {
        push(i, end - 2, 'word');
        push(end - 2, end, 'word');
      } else {
        push(i, end, 'word');
      }
      i = end;
      continue;
    }
    if (c & C_DIGIT) {
      const end = Math.min(numberEnd(text, i), to);
      push(i, end, 'number');
      i = end;
      continue;
    }
    // One punctuation or symbol character (a surrogate pair stays whole).
    const code = text.charCodeAt(i);
    const len = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
    push(i, i + len, 'punct');
    i += len;
  }
}
