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
 * The last two letters of every suffix a rule of natural's Porter stemmer rewrites, besides the one-letter endings
 * s, y and e (step 1: -s, -sses, -ies, -eed, -ed, -ing; step 2: -ational … -logi; step 3: -icate … -ness; step 4: -al …
 * -ize, -sion, -tion; step 5: -e, -ll): ed, ng; al, ci, er, li, on, or, sm, ti, gi; ul; ic, nt, ou; ll.
 */
const REWRITTEN_ENDINGS = new Set(
  ['ed', 'ng', 'al', 'ci', 'er', 'li', 'on', 'or', 'sm', 'ti', 'gi', 'ul', 'ic', 'nt', 'ou', 'll'].map(
    (e) => (e.charCodeAt(0) << 16) | e.charCodeAt(1),
  ),
);

/**
 * Whether Porter leaves a lower-case word as it is: each step only rewrites an ending it matches, so a word whose ending
 * no rule matches goes through every step unchanged. About half of all words ("work", "talk", "iraq") and nearly
 * all made-up ones take this path, which allocates nothing (natural's stemmer builds a dozen strings a word).
 * test/stem.test.ts checks it against natural on every word the tests' texts hold and on random words.
 */
export function porterKeeps(lower: string): boolean {
  const n = lower.length;
  if (n < 3) return true;
  const last = lower.charCodeAt(n - 1);
  if (last === 115 || last === 121 || last === 101) return false; // s, y, e
  return !REWRITTEN_ENDINGS.has((lower.charCodeAt(n - 2) << 16) | last);
}

/**
 * The Porter stem of a lower-case word ("borders" → "border", "refugees" → "refuge"), memoised: stemming is the
 * topics stage's main cost, and news vocabulary repeats. A word no rule rewrites is its own stem (no memo entry).
 */
export function stem(lower: string): string {
  if (porterKeeps(lower)) return lower;
  let s = cache.get(lower);
  if (s === undefined) {
    s = stemmer.stem(lower);
    if (cache.size >= CACHE_LIMIT) cache = new Map();
    cache.set(lower, s);
  }
  return s;
}
