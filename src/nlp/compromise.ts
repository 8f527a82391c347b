/**
 * The only module that imports compromise (DESIGN.md §3). It exposes compromise's lexicon as plain look-ups; it
 * never runs `nlp(text)` (15–30 ms an article) and never mutates compromise's global world.
 */
import nlp from 'compromise';

type Lexicon = Record<string, string | string[]>;
let lexicon: Lexicon | null = null;
const EMPTY: readonly string[] = Object.freeze([]);

function lex(): Lexicon {
  if (!lexicon) {
    const world = nlp.world() as { model?: { one?: { lexicon?: Lexicon } } };
    lexicon = world.model?.one?.lexicon ?? {};
  }
  return lexicon;
}

/**
 * The tags compromise's lexicon gives a word or phrase (looked up in lower case); [] when it does not know it.
 * @example
 * lexiconTags('Ivan'); // ['MaleName']
 */
export function lexiconTags(word: string): readonly string[] {
  const key = word.toLowerCase();
  const table = lex();
  const v = Object.hasOwn(table, key) ? table[key] : undefined;
  if (v === undefined) return EMPTY;
  return typeof v === 'string' ? [v] : v;
}
