/**
 * `preload()`: loads the built-in data sets the pipeline otherwise loads lazily, on the first article that needs them.
 * No `node:` imports (the core entry runs in browsers): wall times come from `performance.now()`.
 */
import { builtinTable } from './gazetteer/index.js';
import { lexiconEntries } from './nlp/compromise.js';
import { nameLists } from './stages/entities/lists.js';
import { listFlags } from './stages/entities/ner-features.js';
import { constants, loadModel } from './stages/entities/ner-model.js';
import { resolveTaxonomy } from './stages/topics/taxonomy.js';

/**
 * The data sets `preload` loads, in the order it loads them (a later one may read an earlier one, which is then
 * already loaded, so each time is that data set's own):
 * - `lexicon`: compromise's English lexicon as a word → tags map (src/data/lexicon.generated.ts);
 * - `nameLists`: the name lists of data/names/ (titles, roles, given names, known organizations, keywords);
 * - `wordFlags`: the name tagger's merged map of lexicon and name-list bits per lower-case word (built from the two
 *   above);
 * - `nameModel`: the name tagger's weights (rank index of the kept feature rows; rows decode on first use) and the
 *   constant score vectors the decoder builds from them;
 * - `gazetteer`: the built-in GeoNames gazetteer (record index, countries, regions, demonyms);
 * - `topics`: the built-in topic taxonomy's trie (from its precompiled form).
 *
 * The set and order of keys is stable; a new data set would be a new key.
 */
export const PRELOAD_DATASETS = ['lexicon', 'nameLists', 'wordFlags', 'nameModel', 'gazetteer', 'topics'] as const;
export type PreloadDataset = (typeof PRELOAD_DATASETS)[number];
/** Wall milliseconds each data set took to load (0 or near when it was already loaded). */
export type PreloadTimes = Record<PreloadDataset, number>;

export interface PreloadOptions {
  /** Called after each data set is loaded, with its name and wall milliseconds (for start-up logs or memory probes). */
  onLoaded?: (dataset: PreloadDataset, ms: number) => void;
}

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

const LOADERS: Record<PreloadDataset, () => unknown> = {
  lexicon: lexiconEntries,
  nameLists,
  wordFlags: listFlags,
  nameModel: () => constants(loadModel()),
  gazetteer: builtinTable,
  topics: () => resolveTaxonomy(undefined, undefined).compiled(),
};

/**
 * Loads every built-in data set now instead of on the first article that needs it, and returns each one's wall time
 * in milliseconds (see `PRELOAD_DATASETS` for the keys). Call it once at start-up in a server, a CMS plugin or a worker,
 * so the first article tagged is not the one that pays for loading (about 50 ms on our machine, mostly the lexicon;
 * `npm run bench`, data-load rows). Each data set loads once per process (or worker thread, or browser realm): a second call
 * returns near-zero times. Output does not change.
 *
 * It loads the built-ins only, which `tagArticle` and every `createTagger` tagger share. A tagger's own `places`,
 * `taxonomy` changes or `topicModel` are validated when `createTagger` is called and indexed on its first article.
 * Importing the package already parses the compiled data strings; what remains slow on the first article after
 * `preload()` is V8 compiling the code on first run (~60 ms for a 40-word article, ~7 ms the second time): to pay that at
 * start-up too, tag a short text of your own after preloading.
 * @example
 * import { preload, tagArticle } from 'article-tagger';
 * const ms = preload(); // e.g. { lexicon: 25, nameLists: 1, wordFlags: 2.7, nameModel: 9, gazetteer: 2.2, topics: 5.2 }
 * tagArticle('The mayor of Oslo said on Monday that the port would reopen.'); // optional: compile the code too
 * server.on('request', (req, res) => res.end(JSON.stringify(tagArticle(req.body))));
 */
export function preload(options?: PreloadOptions): PreloadTimes {
  const out = {} as PreloadTimes;
  for (const name of PRELOAD_DATASETS) {
    const t0 = now();
    LOADERS[name]();
    const ms = now() - t0;
    out[name] = ms;
    options?.onLoaded?.(name, ms);
  }
  return out;
}
