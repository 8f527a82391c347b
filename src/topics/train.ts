import { z } from 'zod';
import { InvalidInputError, InvalidOptionsError } from '../errors.js';
import { mulberry32 as rng } from '../rng.js';
import { extractFeatures } from './features.js';
import { TOPIC_MODEL_FORMAT, TOPIC_MODEL_VERSION, type TopicModel, type TopicModelTag } from './model.js';

export type { TopicModel } from './model.js';

/**
 * `trainTopics(examples)`: learns a house taxonomy from a tagged archive. One-vs-rest linear SVMs (L2-regularised,
 * squared hinge loss, bias term) trained by dual coordinate descent (Hsieh et al. 2008, the liblinear solver) over
 * tf-idf vectors (sublinear tf, l2-normalised) of stemmed unigrams and bigrams; per-tag thresholds tuned on a
 * held-back part of the examples, then every tag retrained on all of them. Deterministic: shuffling is seeded.
 */
export interface TrainExample {
  text: string;
  tags: string[];
}

export const TrainOptionsSchema = z.strictObject({
  /** Share of the examples held back to tune the thresholds (default 0.15; 0 keeps the margin-0 threshold). */
  holdout: z.number().min(0).max(0.5).optional(),
  /** A feature must occur in at least this many examples (default 2). */
  minDf: z.number().int().min(1).optional(),
  /** SVM cost C (default 1): higher fits the training data more closely. */
  c: z.number().positive().max(1000).optional(),
  /** Most passes of coordinate descent per tag (default 30). */
  epochs: z.number().int().min(1).max(1000).optional(),
  /** Seed of the shuffles (default 1). */
  seed: z.number().int().optional(),
  /** Bigram features (default true). */
  bigrams: z.boolean().optional(),
  /** Weights smaller than this (absolute) are dropped to keep the model small (default 0.02). */
  prune: z.number().min(0).max(1).optional(),
  /** IPTC Media Topic codes for tags, by tag. */
  iptc: z.record(z.string(), z.string().regex(/^medtop:\d{8}$/)).optional(),
});
export type TrainOptions = z.input<typeof TrainOptionsSchema>;

function shuffle(a: Int32Array, rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i] as number;
    a[i] = a[j] as number;
    a[j] = t;
  }
}

/** Documents as a sparse matrix in CSR form (rows l2-normalised). */
interface Matrix {
  rowStart: Int32Array;
  cols: Int32Array;
  vals: Float64Array;
}

function validate(examples: unknown): TrainExample[] {
  if (!Array.isArray(examples)) throw new InvalidInputError('trainTopics: examples must be an array of {text, tags}');
  examples.forEach((e, i) => {
    const ok =
      e !== null &&
      typeof e === 'object' &&
      typeof (e as TrainExample).text === 'string' &&
      Array.isArray((e as TrainExample).tags) &&
      (e as TrainExample).tags.every((t) => typeof t === 'string' && t.length > 0);
    if (!ok) {
      throw new InvalidInputError(
        `trainTopics: examples[${i}] must be {text: string, tags: string[]} with non-empty tag strings`,
      );
    }
  });
  return examples as TrainExample[];
}

/**
 * Dual coordinate descent for one tag: min ½‖w‖² + C Σ max(0, 1 − y·(w·x + b))², the bias as a feature of value 1.
 * Returns w (length nFeat) and b.
 */
function trainSvm(
  x: Matrix,
  rows: Int32Array,
  y: Int8Array,
  nFeat: number,
  c: number,
  epochs: number,
  rand: () => number,
): { w: Float64Array; b: number } {
  const w = new Float64Array(nFeat);
  let b = 0;
  const n = rows.length;
  const alpha = new Float64Array(n);
  const diagNeg = 0.5 / c;
  const diagPos = 0.5 / (c * POS_WEIGHT);
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const { rowStart, cols, vals } = x;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, rand);
    let pgMax = Number.NEGATIVE_INFINITY;
    let pgMin = Number.POSITIVE_INFINITY;
    for (let o = 0; o < n; o++) {
      const i = order[o] as number;
      const r = rows[i] as number;
      const yi = y[i] as number;
      const s = rowStart[r] as number;
      const e = rowStart[r + 1] as number;
      let dot = b;
      let sq = 1;
      for (let p = s; p < e; p++) {
        const v = vals[p] as number;
        dot += (w[cols[p] as number] as number) * v;
        sq += v * v;
      }
      const a = alpha[i] as number;
      const diag = yi > 0 ? diagPos : diagNeg;
      const g = yi * dot - 1 + diag * a;
      const pg = a === 0 ? Math.min(g, 0) : g;
      if (pg > pgMax) pgMax = pg;
      if (pg < pgMin) pgMin = pg;
      if (pg === 0) continue;
      const na = Math.max(a - g / (sq + diag), 0);
      const d = (na - a) * yi;
      if (d === 0) continue;
      alpha[i] = na;
      for (let p = s; p < e; p++) {
        const f = cols[p] as number;
        w[f] = (w[f] as number) + d * (vals[p] as number);
      }
      b += d;
    }
    if (pgMax - pgMin < 0.1) break;
  }
  return { w, b };
}

/** Cost multiplier of the positive examples (1: the classes weigh the same; thresholds handle the imbalance). */
const POS_WEIGHT = 1;
/**
 * The threshold of a tag with no held-back positive: a little below the SVM's natural 0, since a rare tag's margins
 * run low. A tag with fewer than BLEND held-back positives gets a mix of its tuned threshold and this one.
 */
const FALLBACK = -0.5;
const BLEND = 10;
function marginOf(x: Matrix, r: number, w: Float64Array, b: number): number {
  let dot = b;
  for (let p = x.rowStart[r] as number, e = x.rowStart[r + 1] as number; p < e; p++) {
    dot += (w[x.cols[p] as number] as number) * (x.vals[p] as number);
  }
  return dot;
}

/**
 * The threshold maximising F1 on the held-back margins (midpoint between the last yes and the first no), pulled
 * towards `fallback` when the held-back part has few positives of the tag.
 */
function tuneThreshold(scores: { m: number; pos: boolean }[], fallback: number): number {
  const positives = scores.filter((s) => s.pos).length;
  if (positives === 0) return fallback;
  scores.sort((a, b) => b.m - a.m);
  let tp = 0;
  let bestF = 0;
  let best = fallback;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as { m: number; pos: boolean };
    if (s.pos) tp++;
    const f = (2 * tp) / (i + 1 + positives);
    const next = scores[i + 1];
    if (f > bestF && (!next || next.m < s.m)) {
      bestF = f;
      best = next ? (s.m + next.m) / 2 : s.m - 0.1;
    }
  }
  const k = Math.min(1, positives / BLEND);
  return k * best + (1 - k) * fallback;
}

/** Trains a topic model from tagged texts; synchronous, JSON-serialisable output (see src/topics/model.ts). */
export function trainTopics(examples: TrainExample[], options?: TrainOptions): TopicModel {
  const list = validate(examples);
  const r = TrainOptionsSchema.safeParse(options ?? {});
  if (!r.success) {
    const issues = r.error.issues.map((i) => ({
      path: ['options', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new InvalidOptionsError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  const opt = r.data;
  const holdout = opt.holdout ?? 0.15;
  const minDf = opt.minDf ?? 2;
  const c = opt.c ?? 1;
  const epochs = opt.epochs ?? 30;
  const seed = opt.seed ?? 1;
  const bigrams = opt.bigrams ?? true;
  const prune = opt.prune ?? 0.02;

  const docs = list.filter((e) => e.tags.length > 0);
  if (!docs.length) throw new InvalidInputError('trainTopics: no example has a tag');
  const n = docs.length;

  // Features: intern, count document frequencies, keep those with df ≥ minDf (in stable first-seen order).
  const intern = new Map<string, number>();
  const df: number[] = [];
  const docTerms: Int32Array[] = [];
  const docCounts: Int32Array[] = [];
  for (const d of docs) {
    const { counts } = extractFeatures(d.text, bigrams);
    const ids = new Int32Array(counts.size);
    const cs = new Int32Array(counts.size);
    let j = 0;
    for (const [f, cnt] of counts) {
      let id = intern.get(f);
      if (id === undefined) {
        id = df.length;
        intern.set(f, id);
        df.push(0);
      }
      df[id] = (df[id] as number) + 1;
      ids[j] = id;
      cs[j] = cnt;
      j++;
    }
    docTerms.push(ids);
    docCounts.push(cs);
  }
  const all = [...intern.keys()];
  const remap = new Int32Array(all.length).fill(-1);
  const features: string[] = [];
  const idf: number[] = [];
  for (let id = 0; id < all.length; id++) {
    const d = df[id] as number;
    if (d < minDf) continue;
    remap[id] = features.length;
    features.push(all[id] as string);
    idf.push(Math.log((1 + n) / (1 + d)) + 1);
  }
  const nFeat = features.length;

  // The tf-idf matrix.
  const rowStart = new Int32Array(n + 1);
  const colList: number[] = [];
  const valList: number[] = [];
  for (let i = 0; i < n; i++) {
    const ids = docTerms[i] as Int32Array;
    const cs = docCounts[i] as Int32Array;
    const row: [number, number][] = [];
    let norm = 0;
    for (let j = 0; j < ids.length; j++) {
      const f = remap[ids[j] as number] as number;
      if (f < 0) continue;
      const v = (1 + Math.log(cs[j] as number)) * (idf[f] as number);
      row.push([f, v]);
      norm += v * v;
    }
    row.sort((a, b) => a[0] - b[0]);
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (const [f, v] of row) {
      colList.push(f);
      valList.push(v * inv);
    }
    rowStart[i + 1] = colList.length;
  }
  const x: Matrix = { rowStart, cols: Int32Array.from(colList), vals: Float64Array.from(valList) };

  // Tags, sorted; per tag the examples carrying it.
  const tagIds = [...new Set(docs.flatMap((d) => d.tags))].sort();
  const tagIndex = new Map(tagIds.map((t, k) => [t, k]));
  const has: Set<number>[] = docs.map((d) => new Set(d.tags.map((t) => tagIndex.get(t) as number)));

  // Held-back split (seeded).
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  shuffle(perm, rng(seed));
  const nHold = n >= 20 ? Math.round(n * holdout) : 0;
  const fitRows = perm.slice(0, n - nHold).sort();
  const holdRows = perm.slice(n - nHold).sort();
  const allRows = perm.slice().sort();

  const yFor = (rows: Int32Array, k: number): Int8Array => {
    const y = new Int8Array(rows.length);
    for (let i = 0; i < rows.length; i++) y[i] = (has[rows[i] as number] as Set<number>).has(k) ? 1 : -1;
    return y;
  };

  const thresholds = new Float64Array(tagIds.length);
  let atLeastOne = true;
  if (nHold > 0) {
    const hold: Float64Array[] = [];
    for (let k = 0; k < tagIds.length; k++) {
      const { w, b } = trainSvm(x, fitRows, yFor(fitRows, k), nFeat, c, epochs, rng(seed + 7919 * (k + 1)));
      const ms = new Float64Array(holdRows.length);
      for (let i = 0; i < holdRows.length; i++) ms[i] = marginOf(x, holdRows[i] as number, w, b);
      hold.push(ms);
      const scores = Array.from(ms, (m, i) => ({ m, pos: (has[holdRows[i] as number] as Set<number>).has(k) }));
      thresholds[k] = tuneThreshold(scores, FALLBACK);
    }
    // Whether giving the best tag to a text that reached no threshold helps, measured on the held-back part.
    let gain = 0;
    for (let i = 0; i < holdRows.length; i++) {
      let best = -1;
      let bestGap = Number.NEGATIVE_INFINITY;
      let any = false;
      for (let k = 0; k < tagIds.length; k++) {
        const gap = ((hold[k] as Float64Array)[i] as number) - (thresholds[k] as number);
        if (gap >= 0) any = true;
        if (gap > bestGap) {
          bestGap = gap;
          best = k;
        }
      }
      if (!any && best >= 0) gain += (has[holdRows[i] as number] as Set<number>).has(best) ? 1 : -1;
    }
    atLeastOne = gain > 0;
  }

  // Final models on every example.
  const tags: TopicModelTag[] = [];
  let maxAbs = 0;
  for (let k = 0; k < tagIds.length; k++) {
    const { w, b } = trainSvm(x, allRows, yFor(allRows, k), nFeat, c, epochs, rng(seed + 104729 * (k + 1)));
    const indices: number[] = [];
    const weights: number[] = [];
    for (let f = 0; f < nFeat; f++) {
      const v = w[f] as number;
      if (Math.abs(v) < prune) continue;
      indices.push(f);
      weights.push(round(v));
      if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
    }
    const id = tagIds[k] as string;
    tags.push({
      id,
      label: id,
      iptc: opt.iptc?.[id] ?? null,
      bias: round(b),
      threshold: round(thresholds[k] as number),
      indices,
      weights,
    });
  }

  // Drop features no tag uses, except that the l2 norm needs them all: keep every feature's idf, but features no
  // tag uses are merged into the norm only, so they are kept as they are (the model stays exact).
  return {
    format: TOPIC_MODEL_FORMAT,
    version: TOPIC_MODEL_VERSION,
    features,
    idf: idf.map(round),
    bigrams,
    scale: 4,
    atLeastOne,
    tags,
    stats: { examples: n, heldBack: nHold, features: nFeat, tags: tagIds.length, minDf, c },
  };
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
