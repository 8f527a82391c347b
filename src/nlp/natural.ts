/**
 * The only module that imports `natural` (DESIGN.md §7): its root entry loads database drivers and prints, so only
 * the Porter stemmer submodule is imported here, and bundled into dist/ by tsup (`noExternal`).
 */
// @ts-expect-error natural's submodules ship no type declarations
import porter from 'natural/lib/natural/stemmers/porter_stemmer';

const stemmer = porter as { stem(word: string): string };

const CACHE_LIMIT = 50_000;
let cache = new Map<string, string>();

/**
 * The Porter stem of a lower-case word ("borders" → "border", "refugees" → "refuge"), memoised: stemming is the
 * topics stage's main cost, and news vocabulary repeats.
 */
export function stem(lower: string): string {
  let s = cache.get(lower);
  if (s === undefined) {
    s = lower.length < 3 ? lower : stemmer.stem(lower);
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(lower, s);
  }
  return s;
}
