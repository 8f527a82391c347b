/**
 * compromise's English lexicon as plain look-ups (DESIGN.md §3). The table is compiled from compromise at
 * `npm run data` time (scripts/data/lexicon.ts → src/data/lexicon.generated.ts), so the library does not import
 * compromise at run time: importing it builds compromise's whole world (150–200 ms and tens of MB per process or
 * worker thread) for a table we only read. It never runs `nlp(text)`.
 */
import { lexiconGroups } from '../data/lexicon.generated.js';

let table: Map<string, readonly string[]> | null = null;
const EMPTY: readonly string[] = Object.freeze([]);

/** Splits the generated groups into one map, on first use (a few milliseconds, once per process or thread). */
function lex(): Map<string, readonly string[]> {
  if (!table) {
    table = new Map();
    for (const [tags, words] of lexiconGroups) {
      const list = Object.freeze(tags.split(','));
      for (const w of words.split('\n')) table.set(w, list);
    }
  }
  return table;
}

/**
 * Calls `fn` once per group of compromise's lexicon: the group's tags and its words (lower case, one per line). No word
 * is in two groups (scripts/data/lexicon.ts writes them so), so a group's tags are each of its words' tags.
 */
export function forEachLexiconGroup(fn: (tags: readonly string[], words: string) => void): void {
  for (const [tags, words] of lexiconGroups) fn(tags.split(','), words);
}

/** Every word and phrase of compromise's lexicon (lower case) with its tags. */
export function lexiconEntries(): ReadonlyMap<string, readonly string[]> {
  return lex();
}

/**
 * The tags compromise's lexicon gives a word or phrase (looked up in lower case); [] when it does not know it.
 * @example
 * lexiconTags('Ivan'); // ['MaleName']
 */
export function lexiconTags(word: string): readonly string[] {
  return lex().get(word.toLowerCase()) ?? EMPTY;
}
