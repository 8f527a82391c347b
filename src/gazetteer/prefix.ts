/**
 * Abbreviated first words of place names ("St. Joseph", "Ste. Genevieve", "Mt. Vernon", "Ft. Lauderdale", "Pt.
 * Pleasant"): one list for the gazetteer (GeoNames spells them out), the name tagger's span repair and the places
 * stage.
 */
import { isAsciiLetter } from '../text/normalize.js';

/** Abbreviation (lower case, no period) → the word GeoNames writes. */
const LONG = new Map([
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['mt', 'mount'],
  ['ft', 'fort'],
  ['pt', 'point'],
]);

/** True when a word (any case, without its period) abbreviates the first word of place names: St, Ste, Mt, Ft, Pt. */
export function isPlacePrefix(word: string): boolean {
  return word.length <= 3 && LONG.has(word.toLowerCase());
}

/** A folded key with its abbreviated prefix spelled out ("st. joseph" → "saint joseph"); null when it has none. */
export function expandPrefix(key: string): string | null {
  const sp = key.indexOf(' ');
  if (sp < 2 || sp > 4 || sp === key.length - 1) return null;
  const word = key.charCodeAt(sp - 1) === 46 /* . */ ? key.slice(0, sp - 1) : key.slice(0, sp);
  const long = LONG.get(word);
  return long ? long + key.slice(sp) : null;
}

/**
 * Where an abbreviated prefix and its period ("St. ", "Ste. ") start right before `start` in `text`, as a word of its
 * own (nothing of a word glued before it); -1 when there is none.
 */
export function prefixStartBefore(text: string, start: number): number {
  if (start < 4 || text.charCodeAt(start - 1) !== 32 || text.charCodeAt(start - 2) !== 46) return -1;
  let s = start - 2;
  while (s > 0 && s > start - 6 && isAsciiLetter(text.charCodeAt(s - 1))) s--;
  if (s > 0 && /[\p{L}\p{N}]/u.test(text.charAt(s - 1))) return -1;
  return isPlacePrefix(text.slice(s, start - 2)) ? s : -1;
}
