/**
 * `article-tagger/node`: file and batch helpers for Node.js. File handling lives here, so the core entry stays
 * free of `node:` modules.
 */
import { InvalidInputError, InvalidOptionsError } from './errors.js';
import { orderedMap } from './node/batch.js';
import { defaultThreads, fromWorkerError, runPool } from './node/pool.js';
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
   * Worker threads tagging in parallel (default: the number of cores, `os.availableParallelism()`). Records are sent
   * to the threads in batches of up to `batchSize`; at most 2 × concurrency batches are read ahead of the consumer
   * and not yet yielded, so memory stays bounded whatever the size of the source.
   */
  concurrency?: number;
  /** Records per message to a worker thread (default 8); smaller batches read less far ahead. */
  batchSize?: number;
  /** Yield results as they finish instead of in input order (default false: input order). */
  unordered?: boolean;
  /** Options for every record (a record's own `publishedAt` overrides `options.publishedAt`). */
  options?: TagOptions;
  /**
   * A tagger from `createTagger`, to use its gazetteers and taxonomy. A tagger cannot cross to worker threads: with
   * one, records are tagged in this thread, one at a time, and `concurrency` only bounds read-ahead.
   */
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

/** The job of one record, or the error that stops it before tagging (not a string, not an object...). */
function jobOf(record: unknown, options: TagOptions | undefined): { text: unknown; options?: TagOptions } | Error {
  if (typeof record === 'string') return { text: record, options };
  if (record === null || typeof record !== 'object') {
    return new InvalidInputError(
      `a record must be a string or an object with a text, got ${record === null ? 'null' : typeof record}`,
    );
  }
  const r = record as ArticleRecord;
  return { text: r.text, options: r.publishedAt != null ? { ...options, publishedAt: r.publishedAt } : options };
}

/**
 * Tags a stream of articles on a pool of worker threads (one per core by default), yielding `{ record, tags }` or
 * `{ record, error }` for each, in input order unless `unordered`: a record that fails (not a string, too large, a
 * bad date...) is yielded with its error, never dropped. The source is read only as far as the threads can keep up
 * (at most 2 × concurrency batches of `batchSize` records ahead of the consumer). Errors of the source itself are
 * thrown. Stopping early (break) closes the source and the threads.
 * @example
 * import { tagArticles } from 'article-tagger/node';
 * for await (const r of tagArticles([{ id: 'a1', text: 'Flooding hit Leeds on Monday.' }], { concurrency: 2 })) {
 *   if (r.error) console.error(r.record, r.error.message); else console.log(r.tags.places);
 * }
 */
export function tagArticles<R extends ArticleInput>(
  records: AsyncIterable<R> | Iterable<R>,
  batchOptions: TagArticlesOptions = {},
): AsyncGenerator<TagResult<R>, void, undefined> {
  const positive = (name: string, v: number) => {
    if (!Number.isInteger(v) || v < 1) {
      const message = `${name} must be a positive integer, got ${String(v)}`;
      throw new InvalidOptionsError(`batch.${name}: ${message}`, [{ path: `batch.${name}`, message }]);
    }
  };
  const concurrency = batchOptions.concurrency ?? defaultThreads();
  positive('concurrency', concurrency);
  const batchSize = batchOptions.batchSize ?? 8;
  positive('batchSize', batchSize);
  if (records == null || (!(Symbol.asyncIterator in Object(records)) && !(Symbol.iterator in Object(records)))) {
    throw new InvalidInputError('records must be an iterable or async iterable');
  }
  const { options, tagger } = batchOptions;
  resolveOptions(options); // bad options fail the call, not every record

  if (tagger) {
    const one = async (record: R): Promise<TagResult<R>> => {
      const job = jobOf(record, options);
      if (job instanceof Error) return { record, error: job };
      try {
        return { record, tags: tagger.tag(job.text as string, job.options) };
      } catch (e) {
        return { record, error: e instanceof Error ? e : new Error(String(e)) };
      }
    };
    return orderedMap(records, concurrency, one);
  }

  return (async function* () {
    for await (const { item, result } of runPool(records, {
      threads: concurrency,
      ordered: !batchOptions.unordered,
      batchSize,
      toJob: (record) => {
        const job = jobOf(record, options);
        return job instanceof Error ? null : job;
      },
    })) {
      if (result === null) {
        yield { record: item, error: jobOf(item, options) as Error };
      } else if (result.error) {
        yield { record: item, error: fromWorkerError(result.error) };
      } else {
        yield { record: item, tags: result.tags };
      }
    }
  })();
}
