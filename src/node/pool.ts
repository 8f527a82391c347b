/**
 * The worker pool behind `tagArticles` and `article-tagger batch`: piscina worker threads, each loading the core once
 * and tagging batches of texts (dist/worker.js). Records are grouped into small batches (a thread message per record
 * costs more than tagging a short one), at most two batches per thread are in flight, and results come back in input
 * order (or as they finish). The source is pulled one record at a time and never read further ahead than that window,
 * so memory stays bounded on inputs of any size.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { ArticleTooLargeError, InvalidInputError, InvalidOptionsError } from '../errors.js';
import { orderedMap } from './batch.js';
import type { WorkerError, WorkerJob, WorkerResult } from './worker.js';

/** Default number of worker threads: the cores Node may use. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism());
}

function moduleDir(): string {
  // CJS build: __filename; ESM build (and tests run from source): import.meta.url.
  if (typeof __filename === 'string') return dirname(__filename);
  return dirname(fileURLToPath(import.meta.url));
}

/**
 * dist/worker.cjs: next to the bundle that runs this code, or (running from source, as in tests) the built one. The
 * CommonJS build, not worker.js: piscina loads a worker with `require()` first, and on Node 20.19+ `require()` of an
 * ES module (require(esm)) can abort the process with a V8 fatal error ("Module::IsGraphAsync must be used on an
 * instantiated module") when two tasks reach a fresh worker together (seen once in CI on 2026-11-26).
 */
export function workerFile(): string {
  const dir = moduleDir();
  const candidates = [join(dir, 'worker.cjs'), join(dir, '..', '..', 'dist', 'worker.cjs')];
  for (const c of candidates) if (existsSync(c)) return c;
  throw new Error(`article-tagger: the worker script is missing (looked for ${candidates.join(', ')}); run the build`);
}

/** Rebuilds the library's own error classes from what a worker sent, so callers can test `instanceof` and `code`. */
export function fromWorkerError(w: WorkerError): Error {
  let e: Error;
  if (w.code === 'ERR_ARTICLE_TOO_LARGE') e = new ArticleTooLargeError(w.length ?? 0, w.maxLength ?? 0);
  else if (w.code === 'ERR_INVALID_OPTIONS') e = new InvalidOptionsError(w.message, w.issues ?? []);
  else if (w.code === 'ERR_INVALID_INPUT') e = new InvalidInputError(w.message);
  else {
    e = new Error(w.message);
    e.name = w.name;
    if (w.code) (e as Error & { code?: string }).code = w.code;
  }
  e.message = w.message;
  return e;
}

/**
 * Young-generation size of each worker thread, in MB (V8's default on a 64-bit machine is 3 × a 16 MB semi-space).
 * Tagging allocates mostly short-lived objects and small typed arrays whose backing stores (outside the JS heap) are
 * freed only when their objects are collected: with the default, a worker scavenges rarely, and garbage (heap and
 * backing stores) piles up to a peak RSS of 280–340 MB per worker; at 12 MB it peaks at 210–240 MB, the CPU per
 * article unchanged within the noise (measured 2026-11-25 on 2,500 articles per worker). The old generation is left
 * unlimited, so a long article cannot run a worker out of memory.
 */
export const WORKER_YOUNG_GENERATION_MB = 12;

/** A pool of tagging threads. */
export class TagPool {
  private readonly piscina: Piscina;
  /** Set when the pool itself fails (a thread that cannot load its script): that is thrown, not per record. */
  private failure: Error | null = null;
  /**
   * The runs waiting on a task, each rejected if the pool fails meanwhile. One short-lived promise per run, dropped
   * when the run ends: racing every task against one pool-long promise (as this did until 2026-11-26) left a reaction
   * on it per run, each holding that run's results, so a batch run's memory grew ~26 KB a record without bound.
   */
  private readonly waiting = new Set<(e: Error) => void>();
  constructor(readonly threads: number) {
    this.piscina = new Piscina({
      filename: workerFile(),
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 60_000,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
    });
    this.piscina.once('error', (e: unknown) => {
      const failure = new Error(
        `article-tagger: a worker thread failed: ${e instanceof Error ? e.message : String(e)}`,
      );
      this.failure = failure;
      for (const reject of this.waiting) reject(failure);
      this.waiting.clear();
    });
  }
  /** Tags a batch on a thread. A task that fails (a thread out of memory...) fails every job of its batch only. */
  async run(jobs: WorkerJob[]): Promise<WorkerResult[]> {
    if (this.failure) throw this.failure;
    const task = this.piscina.run(jobs) as Promise<WorkerResult[]>;
    let rejectRun: (e: Error) => void = () => undefined;
    const broken = new Promise<never>((_, reject) => {
      rejectRun = reject;
    });
    this.waiting.add(rejectRun);
    try {
      return await Promise.race([task, broken]);
    } catch (e) {
      if (this.failure) throw this.failure; // a broken pool throws
      const error: WorkerError = {
        name: 'WorkerError',
        code: 'ERR_WORKER',
        message: `the worker thread failed: ${e instanceof Error ? e.message : String(e)}`,
      };
      return jobs.map(() => ({ error }));
    } finally {
      this.waiting.delete(rejectRun);
    }
  }
  destroy(): Promise<void> {
    return this.piscina.destroy();
  }
}

/** How `runPool` batches and orders. */
export interface RunPoolOptions<T> {
  threads: number;
  /** Preserve input order (default true); false yields each batch as soon as it is tagged. */
  ordered?: boolean;
  /** Most records per thread message (default 8). */
  batchSize?: number;
  /** Most characters per thread message, unless one record alone is longer (default 64,000). */
  batchChars?: number;
  /** The job to tag for an item, or null for an item that is already settled (a bad line): it passes through. */
  toJob: (item: T) => WorkerJob | null;
  /** A pool to use (and leave open); default a new one with `threads` threads, destroyed at the end. */
  pool?: TagPool;
}

/** An item with its result; result is null for an item that `toJob` settled. */
export interface PoolOutput<T> {
  item: T;
  result: WorkerResult | null;
}

/**
 * Groups `source` into batches of at most `maxItems` items or `maxWeight` weight. A batch is also closed when the
 * source has nothing ready (a slow stream), so a trickle of records is not held back waiting for company.
 */
export async function* batchesOf<T>(
  source: AsyncIterable<T> | Iterable<T>,
  maxItems: number,
  maxWeight: number,
  weight: (item: T) => number,
): AsyncGenerator<T[], void, undefined> {
  const it: AsyncIterator<T> | Iterator<T> =
    Symbol.asyncIterator in source
      ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
      : (source as Iterable<T>)[Symbol.iterator]();
  let pending: Promise<IteratorResult<T>> | null = null;
  let batch: T[] = [];
  let w = 0;
  let done = false;
  const NOT_READY = Symbol('not ready');
  try {
    for (;;) {
      pending ??= Promise.resolve(it.next());
      let r: IteratorResult<T> | typeof NOT_READY;
      try {
        r =
          batch.length === 0
            ? await pending
            : await Promise.race([pending, new Promise<typeof NOT_READY>((res) => setImmediate(() => res(NOT_READY)))]);
      } catch (error) {
        // The source threw: what it gave before still goes out, then its error.
        done = true;
        pending = null;
        if (batch.length > 0) yield batch;
        throw error;
      }
      if (r === NOT_READY) {
        const b = batch;
        batch = [];
        w = 0;
        yield b;
        continue;
      }
      pending = null;
      if (r.done) {
        done = true;
        if (batch.length > 0) yield batch;
        return;
      }
      batch.push(r.value);
      w += weight(r.value);
      if (batch.length >= maxItems || w >= maxWeight) {
        const b = batch;
        batch = [];
        w = 0;
        yield b;
      }
    }
  } finally {
    if (!done) {
      if (pending) await pending.catch(() => undefined);
      await it.return?.();
    }
  }
}

/** Like `orderedMap` but yields each result as soon as it settles (at most `limit` in flight). */
export async function* unorderedMap<T, R>(
  source: AsyncIterable<T>,
  limit: number,
  fn: (item: T) => Promise<R>,
): AsyncGenerator<R, void, undefined> {
  const it = source[Symbol.asyncIterator]();
  const inFlight = new Map<number, Promise<{ key: number; value: R }>>();
  let exhausted = false;
  let sourceError: { error: unknown } | null = null;
  let key = 0;
  try {
    for (;;) {
      while (!exhausted && inFlight.size < limit) {
        let next: IteratorResult<T>;
        try {
          next = await it.next();
        } catch (error) {
          sourceError = { error };
          exhausted = true;
          break;
        }
        if (next.done) {
          exhausted = true;
          break;
        }
        const k = key++;
        inFlight.set(
          k,
          fn(next.value).then((value) => ({ key: k, value })),
        );
      }
      if (inFlight.size === 0) {
        if (sourceError) throw sourceError.error;
        return;
      }
      const settled = await Promise.race(inFlight.values());
      inFlight.delete(settled.key);
      yield settled.value;
    }
  } finally {
    if (!exhausted) await it.return?.();
    await Promise.allSettled(inFlight.values());
  }
}

/**
 * Tags every item of `source` on the pool, yielding `{ item, result }` in input order (or as finished with
 * `ordered: false`). Items in flight: at most 2 × threads batches of `batchSize`, plus the batch being filled.
 */
export async function* runPool<T>(
  source: AsyncIterable<T> | Iterable<T>,
  o: RunPoolOptions<T>,
): AsyncGenerator<PoolOutput<T>, void, undefined> {
  const pool = o.pool ?? new TagPool(o.threads);
  const batchSize = o.batchSize ?? 8;
  const batchChars = o.batchChars ?? 64_000;
  const weigh = (item: T) => {
    const j = o.toJob(item);
    return j && typeof j.text === 'string' ? j.text.length : 1;
  };
  const one = async (items: T[]): Promise<PoolOutput<T>[]> => {
    const jobs: WorkerJob[] = [];
    const at: number[] = [];
    items.forEach((item, i) => {
      const j = o.toJob(item);
      if (j) {
        jobs.push(j);
        at.push(i);
      }
    });
    const results = jobs.length > 0 ? await pool.run(jobs) : [];
    const out: PoolOutput<T>[] = items.map((item) => ({ item, result: null }));
    at.forEach((i, k) => {
      out[i]!.result = results[k] ?? { error: { name: 'Error', message: 'no result from the worker' } };
    });
    return out;
  };
  const batches = batchesOf(source, batchSize, batchChars, weigh);
  const limit = Math.max(2, o.threads * 2);
  try {
    const results = o.ordered === false ? unorderedMap(batches, limit, one) : orderedMap(batches, limit, one);
    for await (const outs of results) yield* outs;
  } finally {
    if (!o.pool) await pool.destroy();
  }
}
