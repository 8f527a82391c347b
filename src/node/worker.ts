/**
 * The worker-thread side of the pool (dist/worker.js, loaded by piscina): tags a batch of texts and returns one result
 * per text. It never throws for a text: a failure is returned as a plain error object (name, code, message and the
 * error's own fields), so one bad record does not fail its batch. Imports the core only (no `node:` modules).
 */
import type { TagOptions } from '../options.js';
import type { ArticleTags } from '../schema.js';
import { tagArticle } from '../tagger.js';

/** One text to tag and its options. */
export interface WorkerJob {
  text: unknown;
  options?: TagOptions;
}

/** A serialisable error: what crosses the thread boundary instead of an Error instance. */
export interface WorkerError {
  name: string;
  code?: string;
  message: string;
  length?: number;
  maxLength?: number;
  issues?: { path: string; message: string }[];
}

export type WorkerResult = { tags: ArticleTags; error?: undefined } | { error: WorkerError; tags?: undefined };

function toWorkerError(e: unknown): WorkerError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const x = e as Error & Partial<Omit<WorkerError, 'name' | 'message'>>;
  const out: WorkerError = { name: e.name, message: e.message };
  if (typeof x.code === 'string') out.code = x.code;
  if (typeof x.length === 'number') out.length = x.length;
  if (typeof x.maxLength === 'number') out.maxLength = x.maxLength;
  if (Array.isArray(x.issues)) out.issues = x.issues;
  return out;
}

function tagJobs(jobs: WorkerJob[]): WorkerResult[] {
  return jobs.map((job) => {
    try {
      return { tags: tagArticle(job.text as string, job.options) };
    } catch (e) {
      return { error: toWorkerError(e) };
    }
  });
}

export default tagJobs;
