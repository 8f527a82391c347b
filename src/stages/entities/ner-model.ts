/**
 * The learned name tagger (docs/ner.md): an averaged perceptron over BILOU labels for PER / ORG / LOC / MISC,
 * decoded greedily left to right with BILOU constraints. The weights are trained by scripts/train-ner.ts and
 * committed in src/data/ner-model.generated.ts; they are decoded on first use.
 */
import { NER_MODEL } from '../../data/ner-model.generated.js';
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import {
  allowed,
  canEnd,
  type DocFeatures,
  docFeatures,
  historyFeatures,
  N_LABELS,
  type NerType,
  partOf,
  skipToken,
  TYPES,
  tokenFeatures,
  typeOf,
} from './ner-features.js';

/** Adds the weights of `feats` for every label into `scores` (length N_LABELS). */
export type Scorer = (feats: ArrayLike<number>, from: number, to: number, scores: Float64Array) => void;

export interface NerSpan {
  t0: number;
  t1: number;
  type: NerType;
}

/** ALLOWED[(a + 1) * N_LABELS + b]: label b may follow label a (a = -1 at a sentence start). */
const ALLOWED = new Uint8Array((N_LABELS + 1) * N_LABELS);
for (let a = -1; a < N_LABELS; a++)
  for (let b = 0; b < N_LABELS; b++) ALLOWED[(a + 1) * N_LABELS + b] = allowed(a, b) ? 1 : 0;
const ENDS = Uint8Array.from({ length: N_LABELS }, (_, l) => (canEnd(l) ? 1 : 0));

/**
 * Greedy left-to-right decoding of one document. Tokens `skipToken` rules out are O unscored. `onToken` (training)
 * sees each scored token's features and the chosen label and returns the label to continue with (the gold one).
 */
export function decode(
  ctx: Context,
  score: Scorer,
  onToken?: (i: number, feats: number[], predicted: number) => number,
): Int8Array {
  const toks = ctx.doc.tokens;
  const df: DocFeatures = docFeatures(ctx);
  const labels = new Int8Array(toks.length);
  const memory = new Map<number, number>();
  const scores = new Float64Array(N_LABELS);
  const feats: number[] = [];
  let l1 = -1;
  let l2 = -1;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (i > 0 && (toks[i - 1] as Token).sentence !== t.sentence) {
      l1 = -1;
      l2 = -1;
    }
    if (skipToken(t, l1)) {
      labels[i] = 0;
      l2 = l1;
      l1 = 0;
      continue;
    }
    const last = i + 1 >= toks.length || (toks[i + 1] as Token).sentence !== t.sentence;
    const key = df.lowH[i] as number;
    const nl = t.cap ? (memory.get(key) ?? -1) : -1;
    feats.length = 0;
    tokenFeatures(df, i, feats);
    historyFeatures(feats, df, i, l1, l2, nl);
    scores.fill(0);
    score(feats, 0, feats.length, scores);
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    const row = (l1 + 1) * N_LABELS;
    for (let l = 0; l < N_LABELS; l++) {
      if (ALLOWED[row + l] === 0 || (last && ENDS[l] === 0)) continue;
      const s = scores[l] as number;
      if (s > bestScore) {
        bestScore = s;
        best = l;
      }
    }
    const label = onToken ? onToken(i, feats, best) : best;
    labels[i] = label;
    if (t.cap) memory.set(key, label === 0 ? -2 : typeOf(label));
    l2 = l1;
    l1 = label;
  }
  return labels;
}

/** Entity spans of a label sequence (tolerant: a B without its L still closes at the next non-I label). */
export function spansOf(labels: Int8Array): NerSpan[] {
  const out: NerSpan[] = [];
  let open = -1;
  let type = -1;
  for (let i = 0; i <= labels.length; i++) {
    const l = i < labels.length ? (labels[i] as number) : 0;
    const p = partOf(l);
    const ty = typeOf(l);
    if (open >= 0 && (p === 0 || p === 3 || l === 0 || ty !== type)) {
      out.push({ t0: open, t1: i, type: TYPES[type] as NerType });
      open = -1;
    }
    if (p === 3) out.push({ t0: i, t1: i + 1, type: TYPES[ty] as NerType });
    else if (p === 0 || ((p === 1 || p === 2) && open < 0)) {
      open = i;
      type = ty;
    }
    if (p === 2 && open >= 0) {
      out.push({ t0: open, t1: i + 1, type: TYPES[type] as NerType });
      open = -1;
    }
  }
  return out;
}

interface Loaded {
  /** Open-addressing table of [bucket + 1, row offset] pairs. */
  table: Int32Array;
  slots: number;
  codes: Uint8Array;
  values: Float32Array;
}
let loaded: Loaded | null = null;

function base64Bytes(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/**
 * Decodes the committed weights: `data` is base64 of the row count (uint32 LE), the bucket ids of the kept rows as
 * ascending deltas (LEB128 varints), then one int8 code per label for each row (log scale, see train-ner.ts). The
 * rows go into a small open-addressing table so that scoring touches about 2 MB of memory.
 */
export function loadModel(): Loaded {
  if (loaded) return loaded;
  const bytes = base64Bytes(NER_MODEL.data);
  const rows =
    ((bytes[0] as number) |
      ((bytes[1] as number) << 8) |
      ((bytes[2] as number) << 16) |
      ((bytes[3] as number) << 24)) >>>
    0;
  let slots = 1024;
  while (slots < rows * 2) slots *= 2;
  const table = new Int32Array(slots * 2);
  let p = 4;
  let bucket = 0;
  for (let r = 0; r < rows; r++) {
    let v = 0;
    let shift = 0;
    for (;;) {
      const b = bytes[p++] as number;
      v += (b & 127) * 2 ** shift;
      shift += 7;
      if (b < 128) break;
    }
    bucket += v;
    let slot = bucket & (slots - 1);
    while (table[slot * 2] !== 0) slot = (slot + 1) & (slots - 1);
    table[slot * 2] = bucket + 1;
    table[slot * 2 + 1] = r * N_LABELS;
  }
  // int8 codes on a log scale: value = sign * eps * (exp(|code| / a) - 1).
  const values = new Float32Array(256);
  for (let q = -127; q <= 127; q++)
    values[q & 255] = Math.sign(q) * NER_MODEL.eps * (Math.exp(Math.abs(q) / NER_MODEL.a) - 1);
  loaded = { table, slots, codes: bytes.subarray(p, p + rows * N_LABELS), values };
  return loaded;
}

function committedScorer(): Scorer {
  const { table, slots, codes, values } = loadModel();
  const mask = (1 << NER_MODEL.bits) - 1;
  const smask = slots - 1;
  return (feats, from, to, scores) => {
    for (let k = from; k < to; k++) {
      const b = (feats[k] as number) & mask;
      let slot = b & smask;
      let r = -1;
      for (;;) {
        const key = table[slot * 2] as number;
        if (key === b + 1) {
          r = table[slot * 2 + 1] as number;
          break;
        }
        if (key === 0) break;
        slot = (slot + 1) & smask;
      }
      if (r < 0) continue;
      for (let l = 0; l < N_LABELS; l++) scores[l] = (scores[l] as number) + (values[codes[r + l] as number] as number);
    }
  };
}

let scorer: Scorer | null = null;

/** Tags the document with the committed model. */
export function tagDoc(ctx: Context): NerSpan[] {
  scorer ??= committedScorer();
  return spansOf(decode(ctx, scorer));
}
