import { isAlnumUnit, isDigitUnit } from '../../text/tokenize.js';

/** Quote-mark classes. ASCII ' and ’ inside words are apostrophes, never marks. */

export const LEFT_DOUBLE = 0x201c; // “
export const RIGHT_DOUBLE = 0x201d; // ”
export const LOW_DOUBLE = 0x201e; // „
export const STRAIGHT_DOUBLE = 0x22; // "
export const DOUBLE_PRIME = 0x2033; // ″
export const LEFT_GUILLEMET = 0xab; // «
export const RIGHT_GUILLEMET = 0xbb; // »
export const LEFT_SINGLE = 0x2018; // ‘
export const RIGHT_SINGLE = 0x2019; // ’
export const LOW_SINGLE = 0x201a; // ‚

export function isMarkCode(c: number): boolean {
  return (
    c === LEFT_DOUBLE ||
    c === RIGHT_DOUBLE ||
    c === LOW_DOUBLE ||
    c === STRAIGHT_DOUBLE ||
    c === DOUBLE_PRIME ||
    c === LEFT_GUILLEMET ||
    c === RIGHT_GUILLEMET ||
    c === LEFT_SINGLE ||
    c === RIGHT_SINGLE ||
    c === LOW_SINGLE
  );
}

/** -1 stands for "no character" (the paragraph's edge). */
const NO_CHAR = -1;
const isAlnum = (c: number) => {
  if (c < 0x80) {
    const l = c | 0x20;
    return (c >= 48 && c <= 57) || (l >= 97 && l <= 122);
  }
  return isAlnumUnit(c);
};
const isSpace = (c: number) => c === NO_CHAR || c === 32 || c === 10;

/** , . ? ! : what a closing mark follows. */
export const isEndPunct = (c: number) => c === 0x2c || c === 0x2e || c === 0x3f || c === 0x21;
const isUpperAscii = (c: number) => c >= 0x41 && c <= 0x5a;

/** Mark families, and what a mark can do in its paragraph, packed in one small integer (no object per mark). */
export const DOUBLE = 1;
export const GUILLEMET = 2;
export const SINGLE = 3;
export const FAMILY = 3;
export const CAN_OPEN = 4;
export const CAN_CLOSE = 8;

const mark = (family: number, canOpen: boolean, canClose: boolean): number =>
  family | (canOpen ? CAN_OPEN : 0) | (canClose ? CAN_CLOSE : 0);

/** ' and ’: single marks a spaced double mark may follow when both close. */
const SINGLE_CLOSERS = new Set([0x27, RIGHT_SINGLE]);

/** Characters after which an ambiguous mark may open a quote: ( [ { — – - / : “ ‘ " « „ (a test by code, no set). */
const OPEN_BEFORE_CODES = ['(', '[', '{', '—', '–', '-', '/', ':', '“', '‘', '"', '«', '„'].map((c) => c.charCodeAt(0));
const OPEN_BEFORE_ASCII = new Uint8Array(0x80);
for (const c of OPEN_BEFORE_CODES) if (c < 0x80) OPEN_BEFORE_ASCII[c] = 1;
const OPEN_BEFORE_OTHER = OPEN_BEFORE_CODES.filter((c) => c >= 0x80);
const openBefore = (c: number): boolean =>
  c >= 0 && (c < 0x80 ? OPEN_BEFORE_ASCII[c] === 1 : OPEN_BEFORE_OTHER.includes(c));

/**
 * Classifies one mark at `pos` of `text`: its family with CAN_OPEN and CAN_CLOSE (see above), or 0 when it is an
 * apostrophe or unit sign. Double marks are “ ” „ " ″, guillemets « », single marks ‘ ’ ‚.
 */
export function classifyMark(text: string, pos: number, paraStart: number, paraEnd: number): number {
  const code = text.charCodeAt(pos);
  const prev = pos > paraStart ? text.charCodeAt(pos - 1) : NO_CHAR;
  const next = pos + 1 < paraEnd ? text.charCodeAt(pos + 1) : NO_CHAR;
  const openContext = isSpace(prev) || openBefore(prev);
  switch (code) {
    case LEFT_DOUBLE: {
      // “ may also close a „ quote: that is decided when pairing. Glued to a word and followed by a space or
      // punctuation (`…her here,“ said X`), it is a closing mark typed the wrong way round.
      const canOpen = !isSpace(next) || openContext;
      // Spaced off the comma or full stop it closes after (`…will hold, “ said X`), it may close too; with nothing
      // open before it, it opens (`As Ek reported, “ … if`).
      const before = pos - 2 >= paraStart ? text.charCodeAt(pos - 2) : NO_CHAR;
      const spaced = prev === 32 && isSpace(next) && (isEndPunct(before) || SINGLE_CLOSERS.has(before));
      return mark(DOUBLE, canOpen, (!canOpen && !isSpace(prev)) || spaced);
    }
    case LOW_DOUBLE:
      return mark(DOUBLE, true, false);
    case RIGHT_DOUBLE:
      // Where a quote opens (a paragraph or line start, after a space or bracket) and glued to a word (`”The mayor has
      // …”`), it is an opening mark typed the wrong way round; it may still close: pairing decides.
      return mark(DOUBLE, openContext && isAlnum(next), true);
    case STRAIGHT_DOUBLE:
    case DOUBLE_PRIME: {
      if (code === DOUBLE_PRIME && prev !== NO_CHAR && isDigitUnit(prev)) return 0; // 5″: inches
      const canOpen = openContext && !isSpace(next);
      // `…important,' " Magel said`: a double mark spaced off the single mark it closes after.
      // `…doing this, " Trump said`: a mark spaced off the comma or full stop it closes after.
      const before = pos - 2 >= paraStart ? text.charCodeAt(pos - 2) : NO_CHAR;
      const afterSingle = prev === 32 && isSpace(next) && (SINGLE_CLOSERS.has(before) || isEndPunct(before));
      // `…to different audiences,"Ada Kim said`: glued to the next word, after a comma or full stop, it still closes.
      const glued = isEndPunct(prev) && isUpperAscii(next);
      const canClose = afterSingle || glued || (!isSpace(prev) && !isAlnum(next) && !openBefore(prev));
      return canOpen || canClose ? mark(DOUBLE, canOpen, canClose) : 0;
    }
    case LEFT_GUILLEMET:
      return mark(GUILLEMET, true, false);
    case RIGHT_GUILLEMET:
      return mark(GUILLEMET, false, true);
    case LEFT_SINGLE:
      // After a word it closes a ‚ quote (‚…‘); ‘90s reads as an opener, and pairing finds no closer for it.
      if (!openContext) return isSpace(prev) || isAlnum(next) ? 0 : mark(SINGLE, false, true);
      return isSpace(next) ? 0 : mark(SINGLE, true, false);
    case LOW_SINGLE:
      return !openContext || isSpace(next) ? 0 : mark(SINGLE, true, false);
    case RIGHT_SINGLE: {
      // don’t, Korolev’s, rock ’n’ roll: a right single mark between letters, or after a space, is an apostrophe.
      return isAlnum(next) || isSpace(prev) ? 0 : mark(SINGLE, false, true);
    }
    default:
      return 0;
  }
}

/** ASCII apostrophe and grave accent: doubled (`''`, ``` `` ```) they are the double marks of typewriter and wire text. */
export const APOSTROPHE = 0x27;
export const GRAVE = 0x60;

/**
 * Classifies the two-character mark at `pos` (`''` or ``` `` ```, text[pos] === text[pos + 1]): a DOUBLE mark that
 * opens (`` ``We ``, ` ''We`) or closes (`win,'' said`), or 0 (`5''` inches, `a''b`, spaced on both sides).
 */
export function classifyPair(text: string, pos: number, paraStart: number, paraEnd: number): number {
  const code = text.charCodeAt(pos);
  const prev = pos > paraStart ? text.charCodeAt(pos - 1) : NO_CHAR;
  const next = pos + 2 < paraEnd ? text.charCodeAt(pos + 2) : NO_CHAR;
  if (code === GRAVE) return isSpace(next) ? 0 : mark(DOUBLE, true, false);
  if (prev !== NO_CHAR && isDigitUnit(prev)) return 0;
  if (next === APOSTROPHE || prev === APOSTROPHE) return 0;
  const canOpen = (isSpace(prev) || openBefore(prev)) && !isSpace(next);
  const canClose = !canOpen && !isSpace(prev) && !isAlnum(next);
  return canOpen || canClose ? mark(DOUBLE, canOpen, canClose) : 0;
}
