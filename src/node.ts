/**
 * `article-tagger/node`: file and batch helpers for Node.js. File handling lives here, so the core entry stays
 * free of `node:` modules.
 */
import { InvalidInputError, InvalidOptionsError } from './errors.js';
import { orderedMap } from './node/batch.js';
import { byteLimit, decodeText, maxLengthOf, readFileBounded } from './node/read.js';
import { resolveOptions, type TagOptions } from './options.js';
import type { ArticleTags } from './schema.js';
import { type Tagger, tagArticle } from './tagger.js';

/** One article of a batch: the text with an optional id and reference date (YYYY-MM-DD). */
export interface ArticleRecord {
  id?: string;
  text: string;
  /** Overrides `options.publishedAt` for this record; null or absent keeps the batch's option. */
  publishedAt?: string | null;
}

/** What `tagArticles` reads: records, or bare texts. */
export type ArticleInput = ArticleRecord | string;

/** One result of `tagArticles`: the record as given, with its tags or the error that stopped it. */
export type TagResult<R = ArticleInput> =
  | { record: R; tags: ArticleTags; error?: undefined }
  | { record: R; error: Error; tags?: undefined };

/** Options of `tagArticles`. */
export interface TagArticlesOptions {
  /**
   * Most records read ahead of the consumer and not yet yielded (default 4). In this version the records are tagged
   * in-process, one at a time on the calling thread, so this bounds buffering and read-ahead of an async source; it
   * does not tag in parallel (a worker pool is planned).
   */
  concurrency?: number;
  /** Options for every record (a record's own `publishedAt` overrides `options.publishedAt`). */
  options?: TagOptions;
  /** A tagger from `createTagger`, to use its gazetteers and taxonomy; default the built-in `tagArticle`. */
  tagger?: Tagger;
}

/**
 * Reads a UTF-8 file (a byte-order mark is stripped; offsets index the text after it) and tags it. Throws InvalidInputError for bytes that are not
 * UTF-8 text, ArticleTooLargeError over `maxLength`, and Node's own fs errors (code ENOENT, EISDIR...).
 * @example
 * import { tagFile } from 'article-tagger/node';
 * const tags = await tagFile('article.txt', { publishedAt: '2023-08-11' });
 */
export async function tagFile(path: string, options?: TagOptions, tagger?: Tagger): Promise<ArticleTags> {
  if (typeof path !== 'string' || path === '') throw new InvalidInputError('path must be a non-empty string');
  const maxLength = maxLengthOf(options);
  const text = decodeText(await readFileBounded(path, byteLimit(maxLength), maxLength), path);
  return tagger ? tagger.tag(text, options) : tagArticle(text, options);
}

/**
 * Tags a stream of articles, yielding `{ record, tags }` or `{ record, error }` for each, in input order: a record
 * that fails (not a string, too large...) is yielded with its error, never dropped. At most `concurrency` records are
 * read ahead and held. In this version tagging runs in-process on the calling thread (the worker pool is a later
 * issue), so `concurrency` bounds buffering, not CPU parallelism. Errors of the source itself are thrown.
 * @example
 * import { tagArticles } from 'article-tagger/node';
 * for await (const r of tagArticles([{ id: 'a1', text: 'Flooding hit Leeds on Monday.' }])) {
 *   if (r.error) console.error(r.record, r.error.message); else console.log(r.tags.places);
 * }
 */
export function tagArticles<R extends ArticleInput>(
  records: AsyncIterable<R> | Iterable<R>,
  batchOptions: TagArticlesOptions = {},
): AsyncGenerator<TagResult<R>, void, undefined> {
  const concurrency = batchOptions.concurrency ?? 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    const message = `concurrency must be a positive integer, got ${String(concurrency)}`;
    throw new InvalidOptionsError(`batch.concurrency: ${message}`, [{ path: 'batch.concurrency', message }]);
  }
  if (records == null || (!(Symbol.asyncIterator in Object(records)) && !(Symbol.iterator in Object(records)))) {
    throw new InvalidInputError('records must be an iterable or async iterable');
  }
  const { options, tagger } = batchOptions;
  resolveOptions(options); // bad options fail the call, not every record
  const tag = (text: unknown, o: TagOptions | undefined) =>
    tagger ? tagger.tag(text as string, o) : tagArticle(text as string, o);

  const one = async (record: R): Promise<TagResult<R>> => {
    try {
      if (typeof record === 'string') return { record, tags: tag(record, options) };
      if (record === null || typeof record !== 'object') {
        throw new InvalidInputError(
          `a record must be a string or an object with a text, got ${record === null ? 'null' : typeof record}`,
        );
      }
      const r = record as ArticleRecord;
      const o = r.publishedAt != null ? { ...options, publishedAt: r.publishedAt } : options;
      return { record, tags: tag(r.text, o) };
    } catch (e) {
      return { record, error: e instanceof Error ? e : new Error(String(e)) };
    }
  };
  return orderedMap(records, concurrency, one);
}
