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

const ALNUM = /[\p{L}\p{N}]/u;

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

const isAlnum = (ch: string | undefined) => ch !== undefined && ALNUM.test(ch);
const isSpace = (ch: string | undefined) => ch === undefined || ch === ' ' || ch === '\n';

/** A mark in a paragraph, with what it can do there. */
export interface Mark {
  pos: number;
  code: number;
  /** Family: double (“ ” „ " ″), guillemet (« »), single (‘ ’ ‚). */
  family: 'double' | 'guillemet' | 'single';
  canOpen: boolean;
  canClose: boolean;
}

/** Characters after which an ambiguous mark may open a quote. */
const OPEN_BEFORE = new Set(['(', '[', '{', '—', '–', '-', '/', ':', '“', '‘', '"', '«', '„']);

/** Classifies one mark at `pos` of `text`, or returns null when it is an apostrophe or unit sign. */
export function classifyMark(text: string, pos: number, paraStart: number, paraEnd: number): Mark | null {
  const code = text.charCodeAt(pos);
  const prev = pos > paraStart ? text[pos - 1] : undefined;
  const next = pos + 1 < paraEnd ? text[pos + 1] : undefined;
  const openContext = prev === undefined || isSpace(prev) || OPEN_BEFORE.has(prev);
  switch (code) {
    case LEFT_DOUBLE:
      // “ may also close a „ quote: that is decided when pairing.
      return { pos, code, family: 'double', canOpen: !isSpace(next) || openContext, canClose: false };
    case LOW_DOUBLE:
      return { pos, code, family: 'double', canOpen: true, canClose: false };
    case RIGHT_DOUBLE:
      return { pos, code, family: 'double', canOpen: false, canClose: true };
    case STRAIGHT_DOUBLE:
    case DOUBLE_PRIME: {
      if (code === DOUBLE_PRIME && prev !== undefined && /\p{N}/u.test(prev)) return null; // 5″: inches
      const canOpen = openContext && !isSpace(next);
      const canClose = !isSpace(prev) && !isAlnum(next) && !(prev !== undefined && OPEN_BEFORE.has(prev));
      if (!canOpen && !canClose) return null;
      return { pos, code, family: 'double', canOpen, canClose };
    }
    case LEFT_GUILLEMET:
      return { pos, code, family: 'guillemet', canOpen: true, canClose: false };
    case RIGHT_GUILLEMET:
      return { pos, code, family: 'guillemet', canOpen: false, canClose: true };
    case LEFT_SINGLE:
      // After a word it closes a ‚ quote (‚…‘); ‘90s reads as an opener, and pairing finds no closer for it.
      if (!openContext)
        return isSpace(prev) || isAlnum(next) ? null : { pos, code, family: 'single', canOpen: false, canClose: true };
      if (isSpace(next)) return null;
      return { pos, code, family: 'single', canOpen: true, canClose: false };
    case LOW_SINGLE:
      if (!openContext || isSpace(next)) return null;
      return { pos, code, family: 'single', canOpen: true, canClose: false };
    case RIGHT_SINGLE: {
      // don’t, Korolev’s, rock ’n’ roll: a right single mark between letters, or after a space, is an apostrophe.
      if (isAlnum(next) || isSpace(prev)) return null;
      return { pos, code, family: 'single', canOpen: false, canClose: true };
    }
    default:
      return null;
  }
}
