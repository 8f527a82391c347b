import { z } from 'zod';
import { InvalidOptionsError } from '../errors.js';
import { scanWords } from './features.js';

/**
 * The learned topic model (written by `trainTopics`, read by `createTagger({ topicModel })`): plain JSON.
 * Documents are vectors of tf-idf weights (1 + ln tf) · idf over `features`, l2-normalised; each tag is a sparse
 * linear classifier (margin = bias + Σ weight · x) that says yes when the margin reaches its `threshold`.
 */
export const TOPIC_MODEL_FORMAT = 'article-tagger/topic-model';
export const TOPIC_MODEL_VERSION = 1;

const finite = z.number().finite();

export const TopicModelTagSchema = z.strictObject({
  /** The tag as given in the training data; it becomes `Topic.id` and (unless `label` says otherwise) the label. */
  id: z.string().min(1),
  label: z.string().min(1),
  /** An IPTC Media Topic code for the tag, or null. */
  iptc: z
    .string()
    .regex(/^medtop:\d{8}$/, 'must be an IPTC Media Topic code such as "medtop:20000645"')
    .nullable(),
  bias: finite,
  /** The margin at or above which the tag is given. */
  threshold: finite,
  /** Indices into `features` (strictly increasing) and their weights. */
  indices: z.array(z.number().int().nonnegative()),
  weights: z.array(finite),
});

export const TopicModelSchema = z
  .strictObject({
    format: z.literal(TOPIC_MODEL_FORMAT),
    version: z.literal(TOPIC_MODEL_VERSION),
    /** Stems ("inflat") and bigrams of stems ("interest rate"). */
    features: z.array(z.string().min(1)),
    /** Inverse document frequency of each feature (parallel to `features`). */
    idf: z.array(finite.nonnegative()),
    bigrams: z.boolean(),
    /** Slope of the logistic that turns (margin - threshold) into the 0-1 score. */
    scale: finite.positive(),
    /** When no tag reaches its threshold, give the best one anyway (a training archive where every text has a tag). */
    atLeastOne: z.boolean(),
    tags: z.array(TopicModelTagSchema).min(1, 'needs at least one tag'),
    /** Training summary (informational). */
    stats: z.record(z.string(), z.union([finite, z.string()])).optional(),
  })
  .superRefine((m, ctx) => {
    if (m.idf.length !== m.features.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['idf'],
        message: `has ${m.idf.length} values for ${m.features.length} features`,
      });
    }
    const n = m.features.length;
    const ids = new Set<string>();
    m.tags.forEach((t, i) => {
      if (ids.has(t.id)) ctx.addIssue({ code: 'custom', path: ['tags', i, 'id'], message: `repeats tag "${t.id}"` });
      ids.add(t.id);
      if (t.indices.length !== t.weights.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['tags', i, 'weights'],
          message: `has ${t.weights.length} values for ${t.indices.length} indices`,
        });
      }
      for (let k = 0; k < t.indices.length; k++) {
        const f = t.indices[k] as number;
        if (f >= n || (k > 0 && f <= (t.indices[k - 1] as number))) {
          ctx.addIssue({
            code: 'custom',
            path: ['tags', i, 'indices', k],
            message: f >= n ? `is ${f}, past the ${n} features` : 'indices must be strictly increasing',
          });
          break;
        }
      }
    });
  });

export type TopicModel = z.output<typeof TopicModelSchema>;
export type TopicModelTag = z.output<typeof TopicModelTagSchema>;

/** A model ready to score: feature lookup and per-feature postings (tag, weight). */
export interface CompiledTopicModel {
  model: TopicModel;
  index: Map<string, number>;
  idf: Float64Array;
  /** Postings of feature f: [postStart[f], postStart[f + 1]) in postTag / postWeight. */
  postStart: Int32Array;
  postTag: Int32Array;
  postWeight: Float64Array;
  /** Bigram lookup without building strings: first stem's feature → second stem's feature → bigram feature. */
  pairs: Map<number, Map<number, number>>;
  /** Scratch space of `margins` (per feature: count, first span), reset after each text. */
  counts: Float64Array;
  firstStart: Int32Array;
  firstEnd: Int32Array;
}

export function compileTopicModel(model: TopicModel): CompiledTopicModel {
  const n = model.features.length;
  const index = new Map<string, number>();
  model.features.forEach((f, i) => {
    index.set(f, i);
  });
  const counts = new Int32Array(n + 1);
  for (const t of model.tags) for (const f of t.indices) (counts[f + 1] as number)++;
  for (let f = 0; f < n; f++) counts[f + 1] = (counts[f + 1] as number) + (counts[f] as number);
  const postStart = counts.slice();
  const fill = counts.slice(0, n);
  const total = postStart[n] as number;
  const postTag = new Int32Array(total);
  const postWeight = new Float64Array(total);
  model.tags.forEach((t, k) => {
    for (let j = 0; j < t.indices.length; j++) {
      const f = t.indices[j] as number;
      const at = fill[f] as number;
      postTag[at] = k;
      postWeight[at] = t.weights[j] as number;
      fill[f] = at + 1;
    }
  });
  const pairs = new Map<number, Map<number, number>>();
  model.features.forEach((f, i) => {
    const sp = f.indexOf(' ');
    if (sp < 0) return;
    const a = index.get(f.slice(0, sp));
    const b = index.get(f.slice(sp + 1));
    if (a === undefined || b === undefined) return;
    let m = pairs.get(a);
    if (!m) {
      m = new Map();
      pairs.set(a, m);
    }
    m.set(b, i);
  });
  return {
    model,
    index,
    idf: Float64Array.from(model.idf),
    postStart,
    postTag,
    postWeight,
    pairs,
    counts: new Float64Array(n),
    firstStart: new Int32Array(n),
    firstEnd: new Int32Array(n),
  };
}

const cache = new WeakMap<object, CompiledTopicModel>();

/** Validates (zod, errors name the path under `config.topicModel`) and compiles a model; cached per model object. */
export function resolveTopicModel(value: unknown): CompiledTopicModel {
  if (value !== null && typeof value === 'object') {
    const hit = cache.get(value);
    if (hit) return hit;
  }
  const r = TopicModelSchema.safeParse(value);
  if (!r.success) {
    const issues = r.error.issues.slice(0, 10).map((i) => ({
      path: ['config', 'topicModel', ...i.path.map(String)].join('.'),
      message: i.message,
    }));
    throw new InvalidOptionsError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
  }
  const compiled = compileTopicModel(r.data);
  if (value !== null && typeof value === 'object') cache.set(value, compiled);
  return compiled;
}

export interface ScoredTag {
  tag: number;
  margin: number;
  score: number;
  /** Spans of the strongest positive features of the tag found in the text. */
  evidence: { start: number; end: number }[];
}

const MAX_EVIDENCE = 5;

/** The margin of every tag for a text (bias + w · x), and the document's features for evidence. */
export function margins(
  cm: CompiledTopicModel,
  text: string,
  keep?: (offset: number) => boolean,
): { margins: Float64Array; feats: Int32Array; values: Float64Array; first: [number, number][] } {
  const touched: number[] = [];
  const { counts, firstStart, firstEnd, pairs, index } = cm;
  const touch = (f: number, start: number, end: number) => {
    const c = counts[f] as number;
    if (c === 0) {
      touched.push(f);
      firstStart[f] = start;
      firstEnd[f] = end;
    }
    counts[f] = c + 1;
  };
  const bigrams = cm.model.bigrams;
  let prev = -1;
  let prevStart = 0;
  scanWords(
    text,
    (s, start, end) => {
      if (s === null) {
        prev = -1;
        return;
      }
      const u = index.get(s) ?? -1;
      if (u >= 0) {
        touch(u, start, end);
        if (bigrams && prev >= 0) {
          const b = pairs.get(prev)?.get(u);
          if (b !== undefined) touch(b, prevStart, end);
        }
      }
      prev = u;
      prevStart = start;
    },
    keep,
  );
  touched.sort((a, b) => a - b);
  const feats: number[] = [];
  const vals: number[] = [];
  const spans: [number, number][] = [];
  let norm = 0;
  for (const i of touched) {
    const v = (1 + Math.log(counts[i] as number)) * (cm.idf[i] as number);
    feats.push(i);
    vals.push(v);
    spans.push([firstStart[i] as number, firstEnd[i] as number]);
    norm += v * v;
    counts[i] = 0;
  }
  const tags = cm.model.tags;
  const m = new Float64Array(tags.length);
  for (let k = 0; k < tags.length; k++) m[k] = (tags[k] as TopicModelTag).bias;
  const values = new Float64Array(vals.length);
  const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let j = 0; j < feats.length; j++) {
    const f = feats[j] as number;
    const x = (vals[j] as number) * inv;
    values[j] = x;
    for (let p = cm.postStart[f] as number, e = cm.postStart[f + 1] as number; p < e; p++) {
      const k = cm.postTag[p] as number;
      m[k] = (m[k] as number) + (cm.postWeight[p] as number) * x;
    }
  }
  return { margins: m, feats: Int32Array.from(feats), values, first: spans };
}

/** The tags the model gives a text, best first, with 0–1 scores and evidence. */
export function predictTags(cm: CompiledTopicModel, text: string, keep?: (offset: number) => boolean): ScoredTag[] {
  const { margins: m, feats, values, first } = margins(cm, text, keep);
  if (feats.length === 0) return [];
  const tags = cm.model.tags;
  const chosen: number[] = [];
  let best = -1;
  let bestGap = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < tags.length; k++) {
    const gap = (m[k] as number) - (tags[k] as TopicModelTag).threshold;
    if (gap >= 0) chosen.push(k);
    if (gap > bestGap) {
      bestGap = gap;
      best = k;
    }
  }
  if (!chosen.length && cm.model.atLeastOne && best >= 0 && feats.length > 0) chosen.push(best);
  // A tag needs evidence: a tag that passes on its bias alone (a text sharing no word with its examples) is left out.
  const out: ScoredTag[] = [];
  for (const k of chosen) {
    const t = tags[k] as TopicModelTag;
    const evidence = evidenceFor(cm, k, feats, values, first);
    if (!evidence.length) continue;
    const margin = m[k] as number;
    const score = 1 / (1 + Math.exp(-cm.model.scale * (margin - t.threshold)));
    out.push({ tag: k, margin, score: Math.round(score * 1e6) / 1e6, evidence });
  }
  out.sort((a, b) => b.score - a.score || a.tag - b.tag);
  return out;
}

function evidenceFor(
  cm: CompiledTopicModel,
  k: number,
  feats: Int32Array,
  values: Float64Array,
  first: [number, number][],
): { start: number; end: number }[] {
  const contrib: [number, number][] = [];
  for (let j = 0; j < feats.length; j++) {
    const f = feats[j] as number;
    for (let p = cm.postStart[f] as number, e = cm.postStart[f + 1] as number; p < e; p++) {
      if (cm.postTag[p] !== k) continue;
      const c = (cm.postWeight[p] as number) * (values[j] as number);
      if (c > 0) contrib.push([c, j]);
      break;
    }
  }
  contrib.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  const spans: { start: number; end: number }[] = [];
  for (const [, j] of contrib) {
    const [start, end] = first[j] as [number, number];
    if (spans.some((s) => s.start < end && start < s.end)) continue;
    spans.push({ start, end });
    if (spans.length >= MAX_EVIDENCE) break;
  }
  return spans.sort((a, b) => a.start - b.start);
}
