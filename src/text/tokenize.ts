import type { Token } from './types.js';

/**
 * Word: letters/marks/digits with single internal apostrophes, hyphens or periods between letters
 * ("O'Brien", "Belarus-Lithuania", "U.S"); each alternative starts with a class the separator cannot start, so the
 * match is linear. Number: digits with internal , . : / separators ("1,000", "2023-07-10" is split by kind below).
 */
const WORD = /[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-.][\p{L}\p{M}\p{N}]+)*/uy;
const NUMBER = /\p{N}+(?:[.,]\p{N}+)*/uy;
const SPACE = /\s/;
const POSSESSIVE = /['’][sS]$/;
const UPPER = /^\p{Lu}/u;
const HAS_LOWER = /\p{Ll}/u;

/** Splits normalized text into tokens with exact offsets (sentence and paragraph are filled in later). */
export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const tokens: Token[] = [];
  let i = from;
  const push = (start: number, end: number, kind: Token['kind']) => {
    const t = text.slice(start, end);
    tokens.push({
      i: 0,
      start,
      end,
      text: t,
      lower: t.toLowerCase(),
      kind,
      cap: kind === 'word' && UPPER.test(t),
      upper: kind === 'word' && t.length > 1 && !HAS_LOWER.test(t) && UPPER.test(t),
      sentence: 0,
      paragraph: 0,
    });
  };
  while (i < to) {
    const ch = text[i] as string;
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    let m = WORD.exec(text);
    if (m && m.index === i) {
      let end = Math.min(i + m[0].length, to);
      let word = text.slice(i, end);
      // "U.S." keeps its last period when it is an initialism (letters and periods alternate).
      if (text[end] === '.' && /^(?:\p{L}\.)+\p{L}$/u.test(word)) {
        end++;
        word += '.';
      }
      if (word.length > 2 && POSSESSIVE.test(word)) {
        push(i, end - 2, 'word');
        push(end - 2, end, 'word');
      } else {
        push(i, end, 'word');
      }
      i = end;
      continue;
    }
    NUMBER.lastIndex = i;
    m = NUMBER.exec(text);
    if (m && m.index === i) {
      const end = Math.min(i + m[0].length, to);
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
  return tokens;
}
