/**
 * The learned name tagger (docs/ner.md): an averaged perceptron over BILOU labels for PER / ORG / LOC / MISC,
 * decoded greedily left to right with BILOU constraints. The weights are trained by scripts/train-ner.ts and
 * committed in src/data/ner-model.generated.ts; they are decoded on first use.
 */
import type { ResolvedConfig } from '../../config.js';
import { NER_MODEL } from '../../data/ner-model.generated.js';
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { capsParagraphs, sentenceInitial } from './lines.js';
import {
  allowed,
  canEnd,
  type DocFeatures,
  docFeatures,
  FLAG_BITS,
  historyFeatures,
  isParticle,
  mix,
  N_LABELS,
  type NerType,
  NONE,
  pairCode,
  partOf,
  shapeHash,
  skippable,
  skipToken,
  T,
  TYPES,
  tokenFeatures,
  typeOf,
  wordFlags,
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
export function spansOf(labels: Int8Array, n = labels.length): NerSpan[] {
  const out: NerSpan[] = [];
  let open = -1;
  let type = -1;
  for (let i = 0; i <= n; i++) {
    const l = i < n ? (labels[i] as number) : 0;
    if (l === 0 && open < 0) continue;
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
  /**
   * The kept buckets as a rank index: per 32 buckets a bit word (bit set = the model has a row for the bucket) and the
   * number of rows before the word, interleaved (2^bits / 16 int32, 256 KB): a bucket's row is that count plus the
   * set bits below it in its word. Rows are in bucket order.
   */
  rank: Int32Array;
  /** int8 codes, N_LABELS a row, decoded from base64 a row at a time on first use (`done`). */
  codes: Uint8Array;
  done: Uint8Array;
  /** Weight of a code in fixed point (`SCALE` units): integer sums are exact in any order (see `decodeFast`). */
  values: Int32Array;
}
let loaded: Loaded | null = null;

/** Base64 digit values by character code ('=' and others 0). */
const B64 = new Uint8Array(128);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;

/** Decodes the base64 groups g0 .. g1 - 1 of `s` (4 characters, 3 bytes each) into out[3 * g0 ..]. */
function decodeGroups(s: string, g0: number, g1: number, out: Uint8Array): void {
  for (let g = g0; g < g1; g++) {
    const i = g * 4;
    const v =
      ((B64[s.charCodeAt(i)] as number) << 18) |
      ((B64[s.charCodeAt(i + 1)] as number) << 12) |
      ((B64[s.charCodeAt(i + 2)] as number) << 6) |
      (B64[s.charCodeAt(i + 3)] as number);
    const o = g * 3;
    out[o] = v >> 16;
    out[o + 1] = (v >> 8) & 255;
    out[o + 2] = v & 255;
  }
}

/**
 * Loads the committed weights (`NER_MODEL`, see train-ner.ts): `buckets` is base64 of the bucket ids of the kept rows
 * as ascending deltas (LEB128 varints), decoded here into a rank index by bucket (`Loaded.rank`); `codes` is base64 of one int8 code per label for each row (log scale), which stays encoded until a
 * row is first read (`decodeRow`): loading decodes about 70 KB instead of 1.2 MB. `values` maps a code to its weight.
 */
export function loadModel(): Loaded {
  if (loaded) return loaded;
  const rows = NER_MODEL.rows;
  const enc = NER_MODEL.buckets;
  const deltas = new Uint8Array(Math.ceil(enc.length / 4) * 3);
  decodeGroups(enc, 0, Math.ceil(enc.length / 4), deltas);
  // A fresh page costs tens of microseconds on some hosts: the rank index touches 64 pages where a direct index of
  // 2^20 int32 would touch 1024.
  const rank = new Int32Array(1 << (NER_MODEL.bits - 4));
  let p = 0;
  let bucket = 0;
  for (let r = 0; r < rows; r++) {
    let b = deltas[p++] as number;
    let v = b & 127;
    let shift = 7;
    while (b >= 128) {
      b = deltas[p++] as number;
      v |= (b & 127) << shift;
      shift += 7;
    }
    bucket += v;
    rank[(bucket >>> 5) * 2] = (rank[(bucket >>> 5) * 2] as number) | (1 << (bucket & 31));
  }
  let before = 0;
  for (let k = 0; k < rank.length; k += 2) {
    rank[k + 1] = before;
    before += popcount(rank[k] as number);
  }
  // int8 codes on a log scale: value = sign * eps * (exp(|code| / a) - 1), in fixed point (SCALE units a point).
  const values = new Int32Array(256);
  for (let q = -127; q <= 127; q++)
    values[q & 255] = Math.round(Math.sign(q) * NER_MODEL.eps * (Math.exp(Math.abs(q) / NER_MODEL.a) - 1) * SCALE);
  // Room for whole base64 groups past the last row.
  const codes = new Uint8Array(Math.ceil((rows * N_LABELS) / 3) * 3);
  loaded = { rank, codes, done: new Uint8Array(rows), values };
  return loaded;
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** Decodes row `row`'s codes (the base64 groups that hold its N_LABELS bytes). */
function decodeRow(m: Loaded, row: number): void {
  const start = row * N_LABELS;
  decodeGroups(NER_MODEL.codes, Math.floor(start / 3), Math.floor((start + N_LABELS - 1) / 3) + 1, m.codes);
  m.done[row] = 1;
}

const MASK = (1 << NER_MODEL.bits) - 1;

/**
 * Fixed-point units per weight point. The smallest weight (eps · (e^{1/a} − 1) ≈ 0.027) is ~3.5 units; the largest
 * (≈ 34.6) ~4,400; cached sums (`decodeFast`) are int16 and any sum past ±32,767 is not cached.
 */
export const SCALE = 128;

/** Row of feature `h` in the model, -1 when the model has none (its codes decoded on first use). */
function rowOf(m: Loaded, h: number): number {
  const b = h & MASK;
  const k = (b >>> 5) * 2;
  const word = m.rank[k] as number;
  const bit = 1 << (b & 31);
  if ((word & bit) === 0) return -1;
  const row = (m.rank[k + 1] as number) + popcount(word & (bit - 1));
  if (m.done[row] === 0) decodeRow(m, row);
  return row;
}

/**
 * Lanes of the fast decoder's vectors (`decodeFast`): lane k holds label LABEL_AT[k]. Lanes 0..7 are the labels that
 * may follow O, L, U or a sentence start (B and U of each type), lanes 8 + 2 * type and 9 + 2 * type the two that may
 * follow B or I of that type (I, L): a token adds only the lanes its previous label allows.
 */
const LABEL_AT = new Uint8Array(N_LABELS - 1);
/** LANE_OF[label] (label 0, O: -1, its score is 0). */
const LANE_OF = new Int8Array(N_LABELS).fill(-1);
for (let l = 1; l < N_LABELS; l++) {
  const type = typeOf(l);
  const part = partOf(l);
  const k = part === 0 || part === 3 ? 2 * type + (part === 3 ? 1 : 0) : 8 + 2 * type + (part === 2 ? 1 : 0);
  LABEL_AT[k] = l;
  LANE_OF[l] = k;
}

/**
 * Adds the weights of feature `h` relative to label O (label l's minus O's) to into[at .. at + N_LABELS - 1), for
 * labels 1 .. N_LABELS - 1: adding the same amount to every label's score changes no choice, so O's score stays 0.
 */
function addRel(m: Loaded, h: number, into: Int32Array, at: number): void {
  const row = rowOf(m, h);
  if (row < 0) return;
  const r = row * N_LABELS;
  const codes = m.codes;
  const values = m.values;
  const o = values[codes[r] as number] as number;
  for (let k = 0; k < N_LABELS - 1; k++)
    into[at + k] = (into[at + k] as number) + (values[codes[r + (LABEL_AT[k] as number)] as number] as number) - o;
}

/** Adds the weights of feature `h` to into[at .. at + N_LABELS). */
function addFeature(m: Loaded, h: number, into: Float64Array, at: number): void {
  const row = rowOf(m, h);
  if (row < 0) return;
  const r = row * N_LABELS;
  const codes = m.codes;
  const values = m.values;
  for (let l = 0; l < N_LABELS; l++)
    into[at + l] = (into[at + l] as number) + (values[codes[r + l] as number] as number);
}

function committedScorer(): Scorer {
  const m = loadModel();
  return (feats, from, to, scores) => {
    for (let k = from; k < to; k++) addFeature(m, feats[k] as number, scores, 0);
  };
}

let scorer: Scorer | null = null;

/** The committed model through the generic (training) path: `tokenFeatures` + `historyFeatures` per token. */
export function decodeReference(ctx: Context): Int8Array {
  scorer ??= committedScorer();
  return decode(ctx, scorer);
}

// ---------------------------------------------------------------------------------------------------------------
// Fast inference. The same features and the same greedy decoding as `decode`, computed differently: the features of
// a token that depend on one word form alone (its word, shape, affixes, flags; or its word and shape seen from a
// neighbour at -2..+2) are summed once per distinct form into weight vectors, cached per configuration across
// documents; per token only the pair features (bigrams, shape trigram), the label history and the document features
// are looked up.
//
// Forms and pair entries are numbered and kept in typed arrays (no object per form, no Map keyed by form). Per
// document, every distinct text (and lower-case text) gets an entry in a small document table (`DOC`): the skip bit,
// occurrences, the per-document sets (seen lower case, seen capitalised, label memory) and the form, looked up in the
// cache's table only when a token within two of a scored token needs it (about half the tokens).

/** Form bits. */
const B_WORD = 1;
const B_CAP = 2;

// Parts of a form's cached vectors. The first NEAR are read for most recurring forms (as the word at -2 or +2, in a
// caps line, sentence-initial) and share one pool block (O_VEC); own, -1 and +1 are in the side vectors (`sideVec`)
// and need their own block (O_VEC2) only next to a hapax.
const PREV2 = 0;
const NEXT2 = 1;
const CAPS = 2;
const INIT = 3;
const OWN = 4;
const PREV = 5;
const NEXT = 6;
const NEAR = 4;
const FAR = 3;
// Slots of a form's history vectors: l1w + l1s after a sentence start (a = 1) and after O (a = 2); the nl
// features by nl (-2, 0..3).
const HS_NL = 2;
const HSLOTS = 7;
/** Lanes of a cached vector: labels 1 .. N_LABELS - 1 relative to O (`addRel`). */
const LANES = N_LABELS - 1;
/** `O_READY` / `O_HREADY`: bit p set when part (slot) p is cached, bit WIDE << p when it does not fit the pool. */
const WIDE = 1 << 8;
/**
 * Kinds of pair entries: the left side by the previous form, the right side by the next form (`sideVec`), two-word
 * gazetteer code.
 */
const P_LEFT = 0;
const P_RIGHT = 1;
const P_GAZ = 2;
/** Int32 a pair slot. */
const PW = 4;

/** The cache is dropped (between documents) once it holds this many forms. */
const FORM_LIMIT = 40_000;
/**
 * The cache is dropped (between documents) once its vectors fill this many int16 cells (16 MB). At 8 MB the bench's
 * 1,763 articles dropped it every few hundred articles and each rebuild cost more than the cache saves: the people
 * stage read +1.00-1.10 ms per 1,000 words over base there against +0.45-0.48 at this limit (stage-time, --n 1763),
 * for ~15 MB more peak RSS in a process tagging the corpus three times (266 -> 283 MB).
 */
const POOL_LIMIT = 1 << 23;
/**
 * The cache is dropped (between documents) once it holds this many pair entries (a table of 16 bytes a slot, at most
 * half full: 8 MB; the 300 stage-time articles make 48,000).
 */
const PAIR_LIMIT = 1 << 18;

// A form is FS int32 in `FormCache.forms` (one 64-byte line: a token's form is one cache miss), at these offsets:
/** FNV of the text (the table's key). */
const O_HASH = 0;
/** Hashes of the lower-case text (numbers: their shape), the raw text (capitalised forms) and the shape. */
const O_LOW = 1;
const O_RAW = 2;
const O_SHAPE = 3;
/** Length of the text (UTF-16 units). */
const O_LEN = 4;
const O_BITS = 5;
/** Word flags, -1 until computed. */
const O_FLAGS = 6;
/** Occurrences seen (all documents since the cache was made): a form's vectors are cached from the second on. */
const O_COUNT = 7;
/** Pool offset of the form's NEAR part vectors (-1: none yet) and the bit mask of the parts filled. */
const O_VEC = 8;
const O_READY = 9;
/** Pool offset of the form's HSLOTS history vectors (-1: none yet) and the bit mask of the slots filled. */
const O_HV = 10;
const O_HREADY = 11;
/** Pool offset of the form's FAR part vectors (own, -1, +1), allocated on first use (-1: none yet). */
const O_VEC2 = 12;
/** The first six UTF-16 units of the text, two a field (0 past the end): a text of six or fewer is compared here. */
const O_C0 = 13;
const FS = 16;

/** Per configuration: the distinct token texts seen (forms) and what is cached for them. */
class FormCache {
  /** Forms: count and capacity. */
  n = 0;
  cap = 1024;
  forms: Int32Array = new Int32Array(this.cap * FS);
  text: string[] = [];
  lowerText: string[] = [];
  /** Open-addressing table on the text hash, 2 int32 a slot: the hash, form id + 1 (0 = empty). */
  table: Int32Array = new Int32Array(this.cap * 4);
  /**
   * Pair entries, PW int32 a slot: form a + 1 (0 = empty), form b + 1 (0 = none), kind, value (a two-word gazetteer
   * code, or a side vector's pool offset: -1 not made yet, -2 does not fit).
   */
  pairSlots = 4096;
  pairs: Int32Array = new Int32Array(4096 * PW);
  nPairs = 0;
  /**
   * Shape trigram vectors by the trigram's hash: open addressing, 2 int32 a slot (the hash, the pool offset + 2; 0 =
   * empty), at most half full.
   */
  trigrams: Int32Array = new Int32Array(1024 * 2);
  nTrigrams = 0;
  /**
   * All cached vectors (form parts, pairs, trigrams, history slots), LANES int16 each (weights relative to O, in
   * fixed point: `addRel`), by offset.
   */
  pool = new Int16Array(1 << 16);
  used = 0;
}

/** A table (`FormCache.table` layout) of `slots` slots holding ids 0 .. n - 1 whose hashes are keys[id * stride]. */
function rehash(keys: Int32Array, stride: number, n: number, slots: number): Int32Array {
  const table = new Int32Array(slots * 2);
  const mask = slots - 1;
  for (let id = 0; id < n; id++) {
    const h = keys[id * stride] as number;
    let slot = h & mask;
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
    table[slot * 2] = h;
    table[slot * 2 + 1] = id + 1;
  }
  return table;
}

function fnvOf(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}

/** UTF-16 units k and k + 1 of s (0 past the end) in one int. */
function pair16(s: string, k: number): number {
  const len = s.length;
  return (k < len ? s.charCodeAt(k) : 0) | ((k + 1 < len ? s.charCodeAt(k + 1) : 0) << 16);
}

/**
 * The form of token t (made on first sight), `h` the FNV of its text. A slot whose hash matches is checked against the
 * length and first six units kept in the form's record (which the caller reads next anyway); only longer texts are
 * compared as strings.
 */
function formOf(c: FormCache, t: Token, h: number): number {
  const s = t.text;
  const len = s.length;
  const p0 = pair16(s, 0);
  const p1 = pair16(s, 2);
  const p2 = pair16(s, 4);
  let table = c.table;
  let mask = (table.length >> 1) - 1;
  let slot = h & mask;
  const F0 = c.forms;
  for (;;) {
    const v = table[slot * 2 + 1] as number;
    if (v === 0) break;
    if (table[slot * 2] === h) {
      const o = (v - 1) * FS;
      if (
        F0[o + O_LEN] === len &&
        F0[o + O_C0] === p0 &&
        F0[o + O_C0 + 1] === p1 &&
        F0[o + O_C0 + 2] === p2 &&
        (len <= 6 || c.text[v - 1] === s)
      )
        return v - 1;
    }
    slot = (slot + 1) & mask;
  }
  if (c.n >= c.cap) {
    c.cap *= 2;
    const next = new Int32Array(c.cap * FS);
    next.set(c.forms);
    c.forms = next;
    table = rehash(c.forms, FS, c.n, c.cap * 2);
    c.table = table;
    mask = (table.length >> 1) - 1;
    slot = h & mask;
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
  }
  const id = c.n++;
  table[slot * 2] = h;
  table[slot * 2 + 1] = id + 1;
  c.text.push(s);
  c.lowerText.push(t.lower);
  const lowerH = t.lower === s ? h : fnvOf(t.lower);
  const sh = shapeHash(s);
  const low = t.kind === 'number' ? sh : lowerH;
  const F = c.forms;
  const o = id * FS;
  F[o + O_HASH] = h;
  F[o + O_LOW] = low;
  F[o + O_RAW] = t.cap ? h : low;
  F[o + O_SHAPE] = sh;
  F[o + O_LEN] = s.length;
  F[o + O_C0] = p0;
  F[o + O_C0 + 1] = p1;
  F[o + O_C0 + 2] = p2;
  F[o + O_BITS] = (t.kind === 'word' ? B_WORD : 0) | (t.cap ? B_CAP : 0);
  F[o + O_FLAGS] = -1;
  F[o + O_COUNT] = 0;
  F[o + O_VEC] = -1;
  F[o + O_VEC2] = -1;
  F[o + O_READY] = 0;
  F[o + O_HV] = -1;
  F[o + O_HREADY] = 0;
  return id;
}

/** Slot of pair (a, b, kind) in `c.pairs` (b = -1: no neighbour); `make`: claim an empty slot when missing. */
function pairSlot(c: FormCache, a: number, b: number, kind: number, make: boolean): number {
  if (make && c.nPairs * 2 >= c.pairSlots) {
    const old = c.pairs;
    const oldSlots = c.pairSlots;
    c.pairSlots = oldSlots * 2;
    c.pairs = new Int32Array(c.pairSlots * PW);
    const mask = c.pairSlots - 1;
    for (let k = 0; k < oldSlots; k++) {
      const o = k * PW;
      if (old[o] === 0) continue;
      let slot = mix(((old[o] as number) << 2) | (old[o + 2] as number), old[o + 1] as number) & mask;
      while (c.pairs[slot * PW] !== 0) slot = (slot + 1) & mask;
      c.pairs.set(old.subarray(o, o + PW), slot * PW);
    }
  }
  const pairs = c.pairs;
  const mask = c.pairSlots - 1;
  let slot = mix(((a + 1) << 2) | kind, b + 1) & mask;
  for (;;) {
    const o = slot * PW;
    const k = pairs[o] as number;
    if (k === 0) {
      if (!make) return -1;
      pairs[o] = a + 1;
      pairs[o + 1] = b + 1;
      pairs[o + 2] = kind;
      pairs[o + 3] = -1;
      c.nPairs++;
      return slot;
    }
    if (k === a + 1 && pairs[o + 1] === b + 1 && pairs[o + 2] === kind) return slot;
    slot = (slot + 1) & mask;
  }
}

const formCaches = new WeakMap<ResolvedConfig, FormCache>();

/** Offset of `size` fresh zeroed cells in the pool (which may be replaced by a larger copy: re-read `c.pool`). */
function alloc(c: FormCache, size: number): number {
  if (c.used + size > c.pool.length) {
    const next = new Int16Array(c.pool.length * 2);
    next.set(c.pool);
    c.pool = next;
  }
  const at = c.used;
  c.used += size;
  return at;
}

function formCache(ctx: Context): FormCache {
  let c = formCaches.get(ctx.config);
  if (!c || c.n > FORM_LIMIT || c.used > POOL_LIMIT || c.nPairs > PAIR_LIMIT) {
    c = new FormCache();
    formCaches.set(ctx.config, c);
  }
  return c;
}

/** Adds the features of part `p` of form f (`t` a token of it) to v[at .. at + LANES) (`addRel`). */
function fillPart(m: Loaded, c: FormCache, ctx: Context, f: number, t: Token, p: number, v: Int32Array, at: number) {
  const bits = c.forms[f * FS + O_BITS] as number;
  const cap = (bits & B_CAP) !== 0;
  let fl = c.forms[f * FS + O_FLAGS] as number;
  if ((p === OWN || p === PREV || p === NEXT) && fl < 0) {
    const places = cap && budget > 0;
    if (cap) budget--;
    fl = wordFlags(ctx, t, places);
    c.forms[f * FS + O_FLAGS] = fl;
  }
  const lowH = c.forms[f * FS + O_LOW] as number;
  const shapeH = c.forms[f * FS + O_SHAPE] as number;
  switch (p) {
    case OWN: {
      addRel(m, mix(T.bias, 0), v, at);
      addRel(m, mix(T.w, lowH), v, at);
      addRel(m, mix(T.raw, c.forms[f * FS + O_RAW] as number), v, at);
      addRel(m, mix(T.shape, shapeH), v, at);
      if (bits & B_WORD) {
        const lw = c.lowerText[f] as string;
        const k1 = Math.min(4, lw.length - 1);
        let hp = 0x811c9dc5;
        let hs = 0x811c9dc5;
        for (let k = 1; k <= k1; k++) {
          hp = Math.imul(hp ^ lw.charCodeAt(k - 1), 0x01000193);
          hs = Math.imul(hs ^ lw.charCodeAt(lw.length - k), 0x01000193);
          addRel(m, mix(T.pre + k - 1, hp >>> 0), v, at);
          addRel(m, mix(T.suf + k - 1, hs >>> 0), v, at);
        }
      }
      addRel(m, mix(T.len, Math.min(c.forms[f * FS + O_LEN] as number, 12)), v, at);
      if (fl) for (const bit of FLAG_BITS) if (fl & bit) addRel(m, mix(T.flag, bit * 2 + (cap ? 1 : 0)), v, at);
      break;
    }
    case PREV:
      addRel(m, mix(T.wm1, lowH), v, at);
      addRel(m, mix(T.sm1, shapeH), v, at);
      if (fl) for (const bit of FLAG_BITS) if (fl & bit) addRel(m, mix(T.flagm1, bit), v, at);
      break;
    case NEXT:
      addRel(m, mix(T.wp1, lowH), v, at);
      addRel(m, mix(T.sp1, shapeH), v, at);
      if (fl) for (const bit of FLAG_BITS) if (fl & bit) addRel(m, mix(T.flagp1, bit), v, at);
      break;
    case PREV2:
      addRel(m, mix(T.wm2, lowH), v, at);
      addRel(m, mix(T.sm2, shapeH), v, at);
      break;
    case NEXT2:
      addRel(m, mix(T.wp2, lowH), v, at);
      addRel(m, mix(T.sp2, shapeH), v, at);
      break;
    case CAPS:
      addRel(m, mix(T.capsLine, shapeH), v, at);
      addRel(m, mix(T.capsW, lowH), v, at);
      break;
    default:
      addRel(m, mix(T.initial, shapeH), v, at);
  }
}

/**
 * Caches the vector in SCRATCH: the pool offset of a copy, or -1 when a lane is out of the int16 range (not cached:
 * the caller recomputes it each time; no article comes near it).
 */
function cache(c: FormCache): number {
  for (let l = 0; l < LANES; l++) {
    const x = SCRATCH[l] as number;
    if (x > 32767 || x < -32767) return -1;
  }
  const at = alloc(c, LANES);
  c.pool.set(SCRATCH, at);
  return at;
}

/** Adds part `p` of form f to the scores: from its cached vector when the form recurs, else feature by feature. */
function addPart(sc: Int32Array, m: Loaded, c: FormCache, ctx: Context, f: number, t: Token, p: number): void {
  const F = c.forms;
  const o = f * FS;
  if ((F[o + O_COUNT] as number) < 2) {
    fillPart(m, c, ctx, f, t, p, sc, 0);
    return;
  }
  const ready = F[o + O_READY] as number;
  if (ready & (1 << p)) {
    addVec(
      sc,
      c.pool,
      p < NEAR ? (F[o + O_VEC] as number) + p * LANES : (F[o + O_VEC2] as number) + (p - NEAR) * LANES,
    );
    return;
  }
  if (ready & (WIDE << p)) {
    fillPart(m, c, ctx, f, t, p, sc, 0);
    return;
  }
  SCRATCH.fill(0);
  fillPart(m, c, ctx, f, t, p, SCRATCH, 0);
  addLanes(sc, SCRATCH, 0);
  if (!fits()) {
    F[o + O_READY] = ready | (WIDE << p);
    return;
  }
  const field = p < NEAR ? O_VEC : O_VEC2;
  let v = F[o + field] as number;
  if (v < 0) {
    v = alloc(c, (p < NEAR ? NEAR : FAR) * LANES);
    F[o + field] = v;
  }
  c.pool.set(SCRATCH, v + (p < NEAR ? p : p - NEAR) * LANES);
  F[o + O_READY] = ready | (1 << p);
}

/** Every lane of SCRATCH fits an int16. */
function fits(): boolean {
  for (let l = 0; l < LANES; l++) {
    const x = SCRATCH[l] as number;
    if (x > 32767 || x < -32767) return false;
  }
  return true;
}

/**
 * Gazetteer look-ups left for the current document (single capitalised words and two-word names). A look-up costs
 * microseconds and a hostile text of 150,000 distinct capitalised words would need 300,000; past the budget the
 * remaining new words get no gazetteer flags and the form cache is dropped after the document, so no partial flags
 * outlive it. Articles never come near it.
 */
const GAZ_BUDGET = 20_000;
let budget = GAZ_BUDGET;

/**
 * The left side of token i (form f, previous form g, -1: none): f's own part + g's PREV part + bgm + wm1s0; or its
 * right side (g the next form): g's NEXT part + bgp + s0wp1. Pool offset, -1 when the sum does not fit an int16 (the
 * caller adds the parts and features one by one).
 */
function sideVec(
  m: Loaded,
  c: FormCache,
  ctx: Context,
  toks: readonly Token[],
  i: number,
  f: number,
  g: number,
  right: boolean,
): number {
  const slot = pairSlot(c, f, g, right ? P_RIGHT : P_LEFT, true);
  let at = c.pairs[slot * PW + 3] as number;
  if (at === -1) {
    SCRATCH.fill(0);
    const o = g >= 0 ? (c.forms[g * FS + O_LOW] as number) : NONE;
    if (right) {
      if (g >= 0) fillPart(m, c, ctx, g, toks[i + 1] as Token, NEXT, SCRATCH, 0);
      else SCRATCH.set(NONE_NEXT);
      addRel(m, mix(T.bgp, mix(c.forms[f * FS + O_LOW] as number, o)), SCRATCH, 0);
      addRel(m, mix(T.s0wp1, mix(c.forms[f * FS + O_SHAPE] as number, o)), SCRATCH, 0);
    } else {
      fillPart(m, c, ctx, f, toks[i] as Token, OWN, SCRATCH, 0);
      if (g >= 0) fillPart(m, c, ctx, g, toks[i - 1] as Token, PREV, SCRATCH, 0);
      else for (let l = 0; l < LANES; l++) SCRATCH[l] = (SCRATCH[l] as number) + (NONE_PREV[l] as number);
      addRel(m, mix(T.bgm, mix(o, c.forms[f * FS + O_LOW] as number)), SCRATCH, 0);
      addRel(m, mix(T.wm1s0, mix(o, c.forms[f * FS + O_SHAPE] as number)), SCRATCH, 0);
    }
    at = cache(c);
    // cache() never replaces c.pairs (pairSlot above may have: read it after).
    c.pairs[slot * PW + 3] = at < 0 ? -2 : at;
  }
  return at < 0 ? -1 : at;
}

/** The shape trigram feature (shapes are few): pool offset, -1 when not cached (see `sideVec`). */
function trigramVec(m: Loaded, c: FormCache, k: number): number {
  const key = k | 0;
  let table = c.trigrams;
  let mask = (table.length >> 1) - 1;
  let slot = key & mask;
  for (;;) {
    const v = table[slot * 2 + 1] as number;
    if (v === 0) break;
    if (table[slot * 2] === key) return v - 2;
    slot = (slot + 1) & mask;
  }
  SCRATCH.fill(0);
  addRel(m, mix(T.s3, k), SCRATCH, 0);
  const at = cache(c);
  if (++c.nTrigrams * 2 > mask + 1) {
    const old = table;
    table = new Int32Array(old.length * 2);
    mask = (table.length >> 1) - 1;
    for (let q = 0; q < old.length; q += 2) {
      if (old[q + 1] === 0) continue;
      let r = (old[q] as number) & mask;
      while (table[r * 2 + 1] !== 0) r = (r + 1) & mask;
      table[r * 2] = old[q] as number;
      table[r * 2 + 1] = old[q + 1] as number;
    }
    c.trigrams = table;
    slot = key & mask;
    while (table[slot * 2 + 1] !== 0) slot = (slot + 1) & mask;
  }
  table[slot * 2] = key;
  table[slot * 2 + 1] = at + 2;
  return at;
}

/**
 * l1w + l1s (slots 0, 1: a = 1, 2) or nls + nlw (slots 2..6: nl = -2, 0..3) of form f: pool offset, -1 when not
 * cached (see `sideVec`).
 */
function histVec(m: Loaded, c: FormCache, f: number, k: number, a: number): number {
  const F = c.forms;
  const o = f * FS;
  const ready = F[o + O_HREADY] as number;
  if (ready & (1 << k)) return (F[o + O_HV] as number) + k * LANES;
  if (ready & (WIDE << k)) return -1;
  SCRATCH.fill(0);
  if (k < HS_NL) {
    addRel(m, mix(T.l1w, mix(a, F[o + O_LOW] as number)), SCRATCH, 0);
    addRel(m, mix(T.l1s, mix(a, F[o + O_SHAPE] as number)), SCRATCH, 0);
  } else {
    addRel(m, mix(T.nls, mix(a, F[o + O_SHAPE] as number)), SCRATCH, 0);
    addRel(m, mix(T.nlw, mix(a, F[o + O_LOW] as number)), SCRATCH, 0);
  }
  if (!fits()) {
    F[o + O_HREADY] = ready | (WIDE << k);
    return -1;
  }
  let hv = F[o + O_HV] as number;
  if (hv < 0) {
    hv = alloc(c, HSLOTS * LANES);
    F[o + O_HV] = hv;
  }
  c.pool.set(SCRATCH, hv + k * LANES);
  F[o + O_HREADY] = ready | (1 << k);
  return hv + k * LANES;
}

/** Weight vectors of features that depend on no word form: neighbours outside the sentence, history, flags. */
interface Consts {
  /** NONE neighbour at -1, +1, -2, +2 (LANES each, in that order). */
  none: Int32Array;
  capSeen: Int32Array;
  /** lowerSeen in mixed-case text (0) and in a caps line (1). */
  lowerSeen: Int32Array;
  /** gazSpan by code 0..6. */
  gaz: Int32Array;
  /** l1, l2 and l1|l2 by (l1 + 2) * HIST_W + (l2 + 2). */
  hist: Int32Array;
  /** nl by nl + 8 (0..11). */
  nl: Int32Array;
}
const HIST_W = N_LABELS + 2;
let consts: Consts | null = null;
/** `Consts.none` at -1 and at +1. */
let NONE_PREV = new Int32Array(LANES);
let NONE_NEXT = new Int32Array(LANES);

export function constants(m: Loaded): Consts {
  if (consts) return consts;
  const none = new Int32Array(4 * LANES);
  addRel(m, mix(T.wm1, NONE), none, 0);
  addRel(m, mix(T.sm1, NONE), none, 0);
  addRel(m, mix(T.wp1, NONE), none, LANES);
  addRel(m, mix(T.sp1, NONE), none, LANES);
  addRel(m, mix(T.wm2, NONE), none, 2 * LANES);
  addRel(m, mix(T.sm2, NONE), none, 2 * LANES);
  addRel(m, mix(T.wp2, NONE), none, 3 * LANES);
  addRel(m, mix(T.sp2, NONE), none, 3 * LANES);
  const capSeen = new Int32Array(LANES);
  addRel(m, mix(T.capSeen, 1), capSeen, 0);
  const lowerSeen = new Int32Array(2 * LANES);
  addRel(m, mix(T.lowerSeen, 0), lowerSeen, 0);
  addRel(m, mix(T.lowerSeen, 1), lowerSeen, LANES);
  const gaz = new Int32Array(7 * LANES);
  for (let g = 1; g < 7; g++) addRel(m, mix(T.gazSpan, g), gaz, g * LANES);
  const hist = new Int32Array(HIST_W * HIST_W * LANES);
  for (let a = 1; a < HIST_W; a++)
    for (let b = 1; b < HIST_W; b++) {
      const at = (a * HIST_W + b) * LANES;
      addRel(m, mix(T.l1, a), hist, at);
      addRel(m, mix(T.l2, b), hist, at);
      addRel(m, mix(T.l12, a * 32 + b), hist, at);
    }
  const nl = new Int32Array(12 * LANES);
  for (let k = 0; k < 12; k++) addRel(m, mix(T.nl, k), nl, k * LANES);
  consts = { none, capSeen, lowerSeen, gaz, hist, nl };
  NONE_PREV = none.subarray(0, LANES);
  NONE_NEXT = none.subarray(LANES, 2 * LANES);
  return consts;
}

const INSIDE = Uint8Array.from({ length: N_LABELS }, (_, l) => (l > 0 && partOf(l) < 2 ? 1 : 0));
const TYPE_OF = Int8Array.from({ length: N_LABELS }, (_, l) => typeOf(l));
/** Scores of labels 1 .. N_LABELS - 1 relative to O (whose score is 0), and the scratch vector of `cache`. */
const SCORES = new Int32Array(LANES);
const SCRATCH = new Int32Array(LANES);

/** The lanes the current token needs (`LABEL_AT`): [lo, hi). */
let lo = 0;
let hi = LANES;

function addVec(sc: Int32Array, v: Int16Array, at: number): void {
  for (let l = lo; l < hi; l++) sc[l] = (sc[l] as number) + (v[at + l] as number);
}

function addLanes(sc: Int32Array, v: Int32Array, at: number): void {
  for (let l = lo; l < hi; l++) sc[l] = (sc[l] as number) + (v[at + l] as number);
}

// The document table: one record per distinct text or lower-case text of the document's tokens (a dense key id, DS
// int32 a record in `DOC`), found through an open-addressing table on the FNV hash (`DOC_TABLE`: the hash and the
// id + 1, at most half full). The table starts small (DOC_MIN slots, enough for an article's ~0.4 keys a token) and
// doubles when half full, reinserting the ids from their records: ids never move, so the per-token key ids stay
// valid. Only the table's used part is cleared per document; records are written when their key is first seen.
/** FNV of the key. */
const D_HASH = 0;
/** Token whose text (i + 1) or lower-case text (-(i + 1)) is the key. */
const D_TOK = 1;
/** The key's form (text keys), -1 until a token needs it. */
const D_FORM = 2;
/**
 * D_* bits; at bits 4..7 the label memory, 0 or nl + 8 (the type last given to a capitalised word of this lower-case
 * text, -2 for O); from bit 8 on the occurrences as a token's text.
 */
const D_BITS = 3;
const DS = 4;
/** `skippable` (set with D_TEXT: the key was some token's text and the bit is computed). */
const D_SKIP = 1;
const D_TEXT = 2;
/** A lower-case word in mixed-case text has this lower-case text ("seen lower case"). */
const D_SEEN = 4;
/** A capitalised, not all-caps word in mixed-case text has this lower-case text ("seen capitalised"). */
const D_CAPSEEN = 8;
const D_OCC = 256;
/** Slots of the document table at the start of each document (16 KB). */
const DOC_MIN = 2048;

/** Per-document tables, module buffers reused across documents (grown as needed). */
let DOC = new Int32Array(DOC_MIN * DS);
let DOC_TABLE = new Int32Array(DOC_MIN * 2);
let docMask = DOC_MIN - 1;
/** Keys (ids) in `DOC`. */
let nKeys = 0;
/** Per token: its text's and its lower-case text's key id in `DOC`; its form (-1 until needed); its skip bit. */
let TEXT_SLOT = new Int32Array(4096);
let LOWER_SLOT = new Int32Array(4096);
let FORM_BUF = new Int32Array(4096);
let SKIP_BUF = new Uint8Array(4096);
let GAZ_BUF = new Uint8Array(4096);
/** The cells read ahead of the decoding loop, summed and kept small (so that those reads are not dropped). */
let _touched = 0;
/** Per always-scored token: its left and right side vectors' pool offsets found before decoding (-1: not found). */
let PL_BUF = new Int32Array(4096);
let PR_BUF = new Int32Array(4096);

/** Doubles the document table and reinserts every key id from its record's hash (ids do not move). */
function growDocTable(): void {
  const slots = (docMask + 1) * 2;
  if (DOC_TABLE.length < slots * 2) DOC_TABLE = new Int32Array(slots * 2);
  else DOC_TABLE.fill(0, 0, slots * 2);
  docMask = slots - 1;
  const T2 = DOC_TABLE;
  const D = DOC;
  for (let id = 0; id < nKeys; id++) {
    const h = D[id * DS + D_HASH] as number;
    let slot = h & docMask;
    while (T2[slot * 2 + 1] !== 0) slot = (slot + 1) & docMask;
    T2[slot * 2] = h;
    T2[slot * 2 + 1] = id + 1;
  }
}

/** Id of the key `s` (FNV `h`; the text (lower = false) or lower-case text of token i), made when missing. */
function docKey(toks: readonly Token[], s: string, h: number, i: number, lower: boolean): number {
  const T2 = DOC_TABLE;
  let slot = h & docMask;
  for (;;) {
    const v = T2[slot * 2 + 1] as number;
    if (v === 0) return newKey(h, slot, lower ? -(i + 1) : i + 1);
    if (T2[slot * 2] === h) {
      const k = DOC[(v - 1) * DS + D_TOK] as number;
      if ((k > 0 ? (toks[k - 1] as Token).text : (toks[-k - 1] as Token).lower) === s) return v - 1;
    }
    slot = (slot + 1) & docMask;
  }
}

/** A new key (FNV `h`, its token `tok` as in D_TOK) in the empty table slot `slot`: its id. */
function newKey(h: number, slot: number, tok: number): number {
  const id = nKeys++;
  if (DOC.length < nKeys * DS) {
    const next = new Int32Array(DOC.length * 2);
    next.set(DOC);
    DOC = next;
  }
  const D = DOC;
  const o = id * DS;
  D[o + D_HASH] = h;
  D[o + D_TOK] = tok;
  D[o + D_FORM] = -1;
  D[o + D_BITS] = 0;
  if (nKeys * 2 > docMask + 1) growDocTable();
  else {
    DOC_TABLE[slot * 2] = h;
    DOC_TABLE[slot * 2 + 1] = id + 1;
  }
  return id;
}

/** Fills the document table for `toks` (n tokens; `caps` the caps-line paragraphs). */
function indexDoc(toks: readonly Token[], n: number, caps: Uint8Array): void {
  if (TEXT_SLOT.length < n) {
    TEXT_SLOT = new Int32Array(n * 2);
    LOWER_SLOT = new Int32Array(n * 2);
    FORM_BUF = new Int32Array(n * 2);
    SKIP_BUF = new Uint8Array(n * 2);
    GAZ_BUF = new Uint8Array(n * 2);
    PL_BUF = new Int32Array(n * 2);
    PR_BUF = new Int32Array(n * 2);
  }
  // Sized for the document up front (a long one would otherwise rehash every key at each doubling): one slot per
  // token, rounded up to a power of two, keeps the load under one half for news text (~0.4 keys per token).
  let slots = DOC_MIN;
  while (slots < n) slots *= 2;
  if (DOC_TABLE.length < slots * 2) DOC_TABLE = new Int32Array(slots * 2);
  else DOC_TABLE.fill(0, 0, slots * 2);
  docMask = slots - 1;
  nKeys = 0;
  for (let i = 0; i < n; i++) {
    const t = toks[i] as Token;
    const s = t.text;
    let h = 0x811c9dc5;
    let wide = 0;
    for (let k = 0; k < s.length; k++) {
      const u = s.charCodeAt(k);
      wide |= u;
      h = Math.imul(h ^ u, 0x01000193);
    }
    const id = docKey(toks, s, h, i, false);
    const low = t.lower;
    // The lower-case key first: it may grow (replace) DOC.
    const lid = low === s ? id : docKey(toks, low, fnvOf(low), i, true);
    const D = DOC;
    const o = id * DS;
    let bits = D[o + D_BITS] as number;
    if ((bits & D_TEXT) === 0) {
      let skip: boolean;
      if (t.kind === 'punct') skip = true;
      else if (t.kind !== 'word' || t.cap) skip = false;
      // ASCII text equal to its lower-case text has no capital: `skippable` without the \p{Lu} test.
      else if (wide < 0x80 && low === s) skip = !isParticle(s);
      else skip = skippable(t);
      bits |= D_TEXT | (skip ? D_SKIP : 0);
    }
    D[o + D_BITS] = bits + D_OCC;
    TEXT_SLOT[i] = id;
    FORM_BUF[i] = -1;
    SKIP_BUF[i] = bits & D_SKIP;
    LOWER_SLOT[i] = lid;
    if (t.kind === 'word' && caps[t.paragraph] !== 1) {
      if (!t.cap) D[lid * DS + D_BITS] = (D[lid * DS + D_BITS] as number) | D_SEEN;
      else if (!t.upper) D[lid * DS + D_BITS] = (D[lid * DS + D_BITS] as number) | D_CAPSEEN;
    }
  }
}

/**
 * The form of token i, looked up in the cache (made on first sight) the first time a token of its text needs it in
 * the document; the form's count grows by the text's occurrences in the document. May grow (replace) `c.forms`.
 */
function formAt(c: FormCache, toks: readonly Token[], i: number): number {
  let f = FORM_BUF[i] as number;
  if (f >= 0) return f;
  const o = (TEXT_SLOT[i] as number) * DS;
  f = DOC[o + D_FORM] as number;
  if (f < 0) {
    f = formOf(c, toks[i] as Token, DOC[o + D_HASH] as number);
    c.forms[f * FS + O_COUNT] = (c.forms[f * FS + O_COUNT] as number) + ((DOC[o + D_BITS] as number) >>> 8);
    DOC[o + D_FORM] = f;
  }
  FORM_BUF[i] = f;
  return f;
}

/** Labels of the last document `decodeInto` decoded (a module buffer reused across documents). */
let LABEL_BUF = new Int8Array(4096);

/** Greedy decoding of one document with the committed model (same labels as `decodeReference`). */
export function decodeFast(ctx: Context): Int8Array {
  const n = decodeInto(ctx); // may replace LABEL_BUF
  return LABEL_BUF.slice(0, n);
}

/** `decodeFast` into `LABEL_BUF` (no allocation per document); returns the number of tokens. */
function decodeInto(ctx: Context): number {
  const m = loadModel();
  const K = constants(m);
  const toks = ctx.doc.tokens;
  const n = toks.length;
  const c = formCache(ctx);
  budget = GAZ_BUDGET;
  const caps = capsParagraphs(ctx);
  indexDoc(toks, n, caps);
  // Read ahead: the form table slot and form record of each distinct text (its first probe), independent reads whose
  // misses overlap, so that the look-ups below mostly hit the cache.
  {
    const table = c.table;
    const mask = (table.length >> 1) - 1;
    const F = c.forms;
    let x = 0;
    for (let k = 0; k < nKeys; k++) {
      const o = k * DS;
      if ((DOC[o + D_TOK] as number) <= 0) continue;
      const v = table[((DOC[o + D_HASH] as number) & mask) * 2 + 1] as number;
      if (v > 0) x += F[(v - 1) * FS + O_COUNT] as number;
    }
    _touched = (_touched + x) & 1023;
  }
  // The forms of the tokens within two of a token that is always scored (not `skippable`) and that token's side
  // vectors already cached, in one pass of independent look-ups before the label-dependent loop below: their memory
  // waits overlap (inside the decoding loop they waited one by one). Nothing is made here (side vectors, word flags
  // and the gazetteer budget stay in the loop's order); tokens scored only inside an entity get their forms there.
  for (let i = 0; i < n; i++) {
    if (SKIP_BUF[i] === 1) continue;
    const sent = (toks[i] as Token).sentence;
    const j1 = Math.min(n - 1, i + 2);
    for (let j = i < 2 ? 0 : i - 2; j <= j1; j++) if ((toks[j] as Token).sentence === sent) formAt(c, toks, j);
    const F = c.forms;
    const f = FORM_BUF[i] as number;
    let pl = -1;
    let pr = -1;
    if ((F[f * FS + O_COUNT] as number) > 1) {
      const gp = i > 0 && (toks[i - 1] as Token).sentence === sent ? (FORM_BUF[i - 1] as number) : -1;
      const gn = i + 1 < n && (toks[i + 1] as Token).sentence === sent ? (FORM_BUF[i + 1] as number) : -1;
      if (gp < 0 || (F[gp * FS + O_COUNT] as number) > 1) {
        const slot = pairSlot(c, f, gp, P_LEFT, false);
        if (slot >= 0) pl = c.pairs[slot * PW + 3] as number;
      }
      if (gn < 0 || (F[gn * FS + O_COUNT] as number) > 1) {
        const slot = pairSlot(c, f, gn, P_RIGHT, false);
        if (slot >= 0) pr = c.pairs[slot * PW + 3] as number;
      }
    }
    PL_BUF[i] = pl;
    PR_BUF[i] = pr;
    // Touch the pool lines the loop reads for this token (its side vectors, history vectors, the ±2 words' parts), so
    // that those misses too overlap here rather than one by one in the loop.
    const pool = c.pool;
    let x = 0;
    if (pl >= 0) x += pool[pl] as number;
    if (pr >= 0) x += pool[pr] as number;
    const hv = F[f * FS + O_HV] as number;
    if (hv >= 0) x += pool[hv + LANES] as number;
    if (i >= 2 && (toks[i - 2] as Token).sentence === sent) {
      const v = F[(FORM_BUF[i - 2] as number) * FS + O_VEC] as number;
      if (v >= 0) x += pool[v] as number;
    }
    if (i + 2 < n && (toks[i + 2] as Token).sentence === sent) {
      const v = F[(FORM_BUF[i + 2] as number) * FS + O_VEC] as number;
      if (v >= 0) x += pool[v + LANES] as number;
    }
    _touched = (_touched + x) & 1023;
  }
  // Two-word gazetteer names (as `gazetteerPairs`), memoised per pair of word forms.
  const text = ctx.doc.text;
  const gazPos = GAZ_BUF;
  gazPos.fill(0, 0, n);
  for (let i = 0; i + 1 < n; i++) {
    const a = toks[i] as Token;
    const b = toks[i + 1] as Token;
    if (!a.cap || !b.cap || b.sentence !== a.sentence || caps[a.paragraph] === 1 || a.kind !== 'word') continue;
    let code: number;
    if (b.start === a.end + 1 && text.charCodeAt(a.end) === 32) {
      const fa = formAt(c, toks, i);
      const fb = formAt(c, toks, i + 1);
      const found = pairSlot(c, fa, fb, P_GAZ, false);
      code = found < 0 ? -1 : (c.pairs[found * PW + 3] as number);
      if (code < 0 && budget > 0) {
        budget--;
        code = pairCode(ctx, text.slice(a.start, b.end));
        const slot = pairSlot(c, fa, fb, P_GAZ, true); // may replace c.pairs: read it after
        c.pairs[slot * PW + 3] = code;
      }
    } else if (budget > 0) {
      budget--;
      code = pairCode(ctx, text.slice(a.start, b.end));
    } else code = 0;
    if (code > 0) {
      gazPos[i] = code;
      gazPos[i + 1] = code + 2;
    }
  }
  if (LABEL_BUF.length < n) LABEL_BUF = new Int8Array(n * 2);
  const labels = LABEL_BUF;
  const sc = SCORES;
  const D = DOC;
  let l1 = -1;
  let l2 = -1;
  for (let i = 0; i < n; i++) {
    const t = toks[i] as Token;
    const sent = t.sentence;
    if (i > 0 && (toks[i - 1] as Token).sentence !== sent) {
      l1 = -1;
      l2 = -1;
    }
    if (SKIP_BUF[i] === 1 && (l1 < 0 || INSIDE[l1] === 0)) {
      labels[i] = 0;
      l2 = l1;
      l1 = 0;
      continue;
    }
    const cap = t.cap;
    const lw = (LOWER_SLOT[i] as number) * DS + D_BITS;
    const hasP1 = i > 0 && (toks[i - 1] as Token).sentence === sent;
    const hasN1 = i + 1 < n && (toks[i + 1] as Token).sentence === sent;
    const hasP2 = hasP1 && i > 1 && (toks[i - 2] as Token).sentence === sent;
    const hasN2 = hasN1 && i + 2 < n && (toks[i + 2] as Token).sentence === sent;
    // Forms first: a new form may grow (replace) c.forms.
    const f = formAt(c, toks, i);
    const gp = hasP1 ? formAt(c, toks, i - 1) : -1;
    const gn = hasN1 ? formAt(c, toks, i + 1) : -1;
    const gp2 = hasP2 ? formAt(c, toks, i - 2) : -1;
    const gn2 = hasN2 ? formAt(c, toks, i + 2) : -1;
    const F = c.forms;
    sc.fill(0);
    if (l1 > 0 && INSIDE[l1] === 1) {
      lo = 8 + 2 * (TYPE_OF[l1] as number);
      hi = lo + 2;
    } else {
      lo = 0;
      hi = 8;
    }
    const w = F[f * FS + O_LOW] as number;
    const sh = F[f * FS + O_SHAPE] as number;
    const wm1 = gp >= 0 ? (F[gp * FS + O_LOW] as number) : NONE;
    const sm1 = gp >= 0 ? (F[gp * FS + O_SHAPE] as number) : NONE;
    const wp1 = gn >= 0 ? (F[gn * FS + O_LOW] as number) : NONE;
    const sp1 = gn >= 0 ? (F[gn * FS + O_SHAPE] as number) : NONE;
    const rec = (F[f * FS + O_COUNT] as number) > 1;
    // The left side (own part, the previous word's part, bgm + wm1s0) and the right side (the next word's part, bgp +
    // s0wp1) from one cached vector each when the form and that neighbour recur (a hapax's pairs would never be read
    // again), else part by part. Left before right: a form's word flags are computed in the same order either way.
    const known = SKIP_BUF[i] === 0;
    let pl = known ? (PL_BUF[i] as number) : -1;
    if (pl < 0)
      pl = rec && (gp < 0 || (F[gp * FS + O_COUNT] as number) > 1) ? sideVec(m, c, ctx, toks, i, f, gp, false) : -1;
    if (pl >= 0) addVec(sc, c.pool, pl);
    else {
      addPart(sc, m, c, ctx, f, t, OWN);
      if (gp >= 0) addPart(sc, m, c, ctx, gp, toks[i - 1] as Token, PREV);
      else addLanes(sc, K.none, 0);
      addRel(m, mix(T.bgm, mix(wm1, w)), sc, 0);
      addRel(m, mix(T.wm1s0, mix(wm1, sh)), sc, 0);
    }
    let pr = known ? (PR_BUF[i] as number) : -1;
    if (pr < 0)
      pr = rec && (gn < 0 || (F[gn * FS + O_COUNT] as number) > 1) ? sideVec(m, c, ctx, toks, i, f, gn, true) : -1;
    if (pr >= 0) addVec(sc, c.pool, pr);
    else {
      if (gn >= 0) addPart(sc, m, c, ctx, gn, toks[i + 1] as Token, NEXT);
      else addLanes(sc, K.none, LANES);
      addRel(m, mix(T.bgp, mix(w, wp1)), sc, 0);
      addRel(m, mix(T.s0wp1, mix(sh, wp1)), sc, 0);
    }
    if (gp2 >= 0) addPart(sc, m, c, ctx, gp2, toks[i - 2] as Token, PREV2);
    else addLanes(sc, K.none, 2 * LANES);
    if (gn2 >= 0) addPart(sc, m, c, ctx, gn2, toks[i + 2] as Token, NEXT2);
    else addLanes(sc, K.none, 3 * LANES);
    const capsLine = caps[t.paragraph] === 1;
    if (capsLine) {
      addPart(sc, m, c, ctx, f, t, CAPS);
      if ((D[lw] as number) & D_CAPSEEN) addLanes(sc, K.capSeen, 0);
    }
    if (sentenceInitial(ctx, i)) addPart(sc, m, c, ctx, f, t, INIT);
    if (cap && (D[lw] as number) & D_SEEN) addLanes(sc, K.lowerSeen, capsLine ? LANES : 0);
    const gz = gazPos[i] as number;
    if (gz) addLanes(sc, K.gaz, gz * LANES);
    const a = l1 + 2;
    addLanes(sc, K.hist, (a * HIST_W + l2 + 2) * LANES);
    const memo = cap ? ((D[lw] as number) >>> 4) & 15 : 0;
    const nl = memo === 0 ? -1 : memo - 8;
    if (nl !== -1) addLanes(sc, K.nl, (nl + 8) * LANES);
    if (!rec) {
      // A form seen once: its trigram and history features one by one (nothing cached for hapaxes).
      addRel(m, mix(T.s3, mix(mix(sm1, sh), sp1)), sc, 0);
      addRel(m, mix(T.l1w, mix(a, w)), sc, 0);
      addRel(m, mix(T.l1s, mix(a, sh)), sc, 0);
      if (nl !== -1) {
        addRel(m, mix(T.nls, mix(nl + 8, sh)), sc, 0);
        addRel(m, mix(T.nlw, mix(nl + 8, w)), sc, 0);
      }
    } else {
      // Offsets first: a look-up may grow (replace) the pool.
      const tri = trigramVec(m, c, mix(mix(sm1, sh), sp1));
      const hs = a <= 2 ? histVec(m, c, f, a - 1, a) : -1;
      const nk = nl === -1 ? -1 : histVec(m, c, f, nl === -2 ? HS_NL : HS_NL + 1 + nl, nl + 8);
      const pool = c.pool;
      if (tri >= 0) addVec(sc, pool, tri);
      else addRel(m, mix(T.s3, mix(mix(sm1, sh), sp1)), sc, 0);
      if (hs >= 0) addVec(sc, pool, hs);
      else {
        addRel(m, mix(T.l1w, mix(a, w)), sc, 0);
        addRel(m, mix(T.l1s, mix(a, sh)), sc, 0);
      }
      if (nk >= 0) addVec(sc, pool, nk);
      else if (nl !== -1) {
        addRel(m, mix(T.nls, mix(nl + 8, sh)), sc, 0);
        addRel(m, mix(T.nlw, mix(nl + 8, w)), sc, 0);
      }
    }
    const last = !hasN1;
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    const row = (l1 + 1) * N_LABELS;
    for (let l = 0; l < N_LABELS; l++) {
      if (ALLOWED[row + l] === 0 || (last && ENDS[l] === 0)) continue;
      const s = l === 0 ? 0 : (sc[LANE_OF[l] as number] as number);
      if (s > bestScore) {
        bestScore = s;
        best = l;
      }
    }
    labels[i] = best;
    if (cap) D[lw] = ((D[lw] as number) & ~0xf0) | ((best === 0 ? 6 : 8 + (TYPE_OF[best] as number)) << 4);
    l2 = l1;
    l1 = best;
  }
  if (budget <= 0) formCaches.delete(ctx.config);
  return n;
}

/** Tags the document with the committed model. */
export function tagDoc(ctx: Context): NerSpan[] {
  const n = decodeInto(ctx);
  return spansOf(LABEL_BUF, n);
}

/** Size of the form cache of a configuration (tests, tuning): forms, pair entries, pool cells. */
export function formCacheStats(config: ResolvedConfig): {
  forms: number;
  pairs: number;
  cells: number;
} {
  const c = formCaches.get(config);
  return c ? { forms: c.n, pairs: c.nPairs, cells: c.used } : { forms: 0, pairs: 0, cells: 0 };
}
