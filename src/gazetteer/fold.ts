import { isAscii } from '../text/normalize.js';

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
/** The characters the non-ASCII path rewrites after NFD, with what each becomes (one replace, not one per kind). */
// Escaped, not literal: a regex literal keeps its characters in the bundle, and one character above U+00FF makes V8 hold
// (and Node decode) the whole 5 MB bundle as two-byte text (more time at import, twice the memory per worker).
const SPECIAL =
  /[\u2018\u2019\u02bc\u0060\u00b4\u2010-\u2015\u00df\u0142\u0141\u00f8\u00d8\u0111\u0110\u00e6\u00c6\u0131\u0130]/g;
const SPECIAL_TO: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u02bc': "'",
  '\u0060': "'",
  '\u00b4': "'",
  ß: 'ss',
  ł: 'l',
  Ł: 'l',
  ø: 'o',
  Ø: 'o',
  đ: 'd',
  Đ: 'd',
  æ: 'ae',
  Æ: 'ae',
  ı: 'i',
  İ: 'i',
};
const special = (ch: string): string => SPECIAL_TO[ch] ?? '-'; // the rest of the class: the dashes U+2010–U+2015
const SPACE_RUN = /\s+/g;

/**
 * Folds a place name to its lookup key: lower case, diacritics stripped (NFD, then combining marks removed),
 * typographic apostrophes and dashes unified, whitespace collapsed. "Pabradė" and "PABRADE" both fold to "pabrade".
 */
export function fold(s: string): string {
  // ASCII with single inner spaces (most keys): lower case only, and the string itself when already lower case.
  const n = s.length;
  let upper = false;
  let plain = n > 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) upper = true;
    else if (c >= 0x80 || (c <= 0x20 && (c !== 0x20 || i === 0 || i === n - 1 || s.charCodeAt(i - 1) === 0x20))) {
      plain = false;
      break;
    }
  }
  if (plain) return upper ? s.toLowerCase() : s;
  let t = s.trim();
  // Non-ASCII only: the ASCII fast path keeps the lazy load of ~150k names cheap.
  if (NON_ASCII.test(t)) t = t.normalize('NFD').replace(MARKS, '').replace(SPECIAL, special);
  return t.toLowerCase().replace(SPACE_RUN, ' ');
}

/**
 * A token's folded form without folding it again: an ASCII word's lower case is what `fold` would make of it (single
 * word, no marks), so only a word beyond ASCII is folded.
 */
export function foldToken(t: { readonly text: string; readonly lower: string }): string {
  return isAscii(t.lower) ? t.lower : fold(t.text);
}

/** The first words of the names of more than one word ("sri" of "sri lanka"): a word not among them opens none. */
export function firstWordsOf(names: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const n of names) {
    const sp = n.indexOf(' ');
    if (sp > 0) out.add(n.slice(0, sp));
  }
  return out;
}
