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
  fnv,
  historyFeatures,
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
 * rows go into a small open-addressing table (bucket → row offset in `codes`); `values` maps a code to its weight.
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
  const codes = bytes.subarray(p, p + rows * N_LABELS);
  loaded = { table, slots, codes, values };
  return loaded;
}

const MASK = (1 << NER_MODEL.bits) - 1;

/** Offset of a feature's row in `codes`, -1 when the model has no weights for it. */
function rowOf(m: Loaded, h: number): number {
  const b = h & MASK;
  const smask = m.slots - 1;
  const table = m.table;
  let slot = b & smask;
  for (;;) {
    const key = table[slot * 2] as number;
    if (key === b + 1) return table[slot * 2 + 1] as number;
    if (key === 0) return -1;
    slot = (slot + 1) & smask;
  }
}

/** Adds the weights of feature `h` to into[at .. at + N_LABELS). */
function addFeature(m: Loaded, h: number, into: Float32Array | Float64Array, at: number): void {
  const r = rowOf(m, h);
  if (r < 0) return;
  // The int8 codes (17 bytes a row) rather than decoded floats: a quarter of the memory traffic.
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
// are looked up. The per-document sets (words seen lower case, label memory) are stamps on per-lower-case records.

/** Per lower-case word: document stamps for "seen lower case", "seen capitalised" and the label memory. */
interface Lower {
  lowerSeen: number;
  capSeen: number;
  memDoc: number;
  mem: number;
}

/** Per distinct token text. */
interface Form {
  lower: Lower;
  lowerText: string;
  lowH: number;
  rawH: number;
  shapeH: number;
  len: number;
  word: boolean;
  cap: boolean;
  /** `skippable`: O unscored outside an entity. */
  skip: boolean;
  /** Word flags, -1 until computed. */
  flags: number;
  /** Two-word gazetteer code (`pairCode`) with the next word form, when one space apart. */
  pairs: Map<Form, number> | null;
  /** Occurrences seen (all documents since the cache was made): a form's vectors are cached from the second on. */
  count: number;
  /** Summed weights of the parts below (N_LABELS each), filled on demand; `ready` is a bit mask of the parts. */
  vec: number;
  ready: number;
  /** Summed weights of the label-dependent slots (HS_*), filled on demand; `hready` is a bit mask. */
  hv: number;
  hready: number;
  /** bgm + wm1s0 by the previous form; bgp + s0wp1 by the next form. */
  left: Map<Form, number> | null;
  right: Map<Form, number> | null;
}

const OWN = 0;
const PREV = 1;
const NEXT = 2;
const PREV2 = 3;
const NEXT2 = 4;
const CAPS = 5;
const INIT = 6;
const PARTS = 7;
// Slots of `hv`: l1w + l1s after a sentence start (a = 1) and after O (a = 2); the nl features by nl (-2, 0..3);
const HS_NL = 2;
const HSLOTS = 7;

interface FormCache {
  forms: Map<string, Form>;
  lowers: Map<string, Lower>;
  /** Shape trigram vectors by the trigram's hash. */
  trigrams: Map<number, number>;
  /** All cached vectors (form parts, pairs, trigrams, history slots), N_LABELS floats each, by offset. */
  pool: Float32Array;
  used: number;
}
const formCaches = new WeakMap<ResolvedConfig, FormCache>();
/** The cache is dropped (between documents) once it holds this many forms. */
const FORM_LIMIT = 40_000;
/** The cache is dropped (between documents) once its vectors fill this many floats (16 MB). */
const POOL_LIMIT = 1 << 22;

/** Offset of `size` fresh zeroed floats in the pool (which may be replaced by a larger copy: re-read `c.pool`). */
function alloc(c: FormCache, size: number): number {
  if (c.used + size > c.pool.length) {
    const next = new Float32Array(c.pool.length * 2);
    next.set(c.pool);
    c.pool = next;
  }
  const at = c.used;
  c.used += size;
  return at;
}
let docStamp = 0;

function formCache(ctx: Context): FormCache {
  let c = formCaches.get(ctx.config);
  if (!c || c.forms.size > FORM_LIMIT || c.used > POOL_LIMIT) {
    c = { forms: new Map(), lowers: new Map(), trigrams: new Map(), pool: new Float32Array(1 << 16), used: 0 };
    formCaches.set(ctx.config, c);
  }
  return c;
}

function newForm(c: FormCache, t: Token): Form {
  const sh = shapeHash(t.text);
  const low = t.kind === 'number' ? sh : fnv(t.lower);
  let lower = c.lowers.get(t.lower);
  if (!lower) {
    lower = { lowerSeen: 0, capSeen: 0, memDoc: 0, mem: 0 };
    c.lowers.set(t.lower, lower);
  }
  return {
    lower,
    lowerText: t.lower,
    lowH: low,
    rawH: t.cap ? fnv(t.text) : low,
    shapeH: sh,
    len: Math.min(t.text.length, 12),
    word: t.kind === 'word',
    cap: t.cap,
    skip: skippable(t),
    flags: -1,
    pairs: null,
    count: 0,
    vec: -1,
    ready: 0,
    hv: -1,
    hready: 0,
    left: null,
    right: null,
  };
}

/** Adds the features of part `p` of form f (`t` a token of it) to v[at .. at + N_LABELS). */
function fillPart(m: Loaded, ctx: Context, f: Form, t: Token, p: number, v: Float32Array | Float64Array, at: number) {
  if ((p === OWN || p === PREV || p === NEXT) && f.flags < 0) {
    const places = f.cap && budget > 0;
    if (f.cap) budget--;
    f.flags = wordFlags(ctx, t, places);
  }
  const fl = f.flags;
  switch (p) {
    case OWN: {
      addFeature(m, mix(T.bias, 0), v, at);
      addFeature(m, mix(T.w, f.lowH), v, at);
      addFeature(m, mix(T.raw, f.rawH), v, at);
      addFeature(m, mix(T.shape, f.shapeH), v, at);
      if (f.word) {
        const lw = f.lowerText;
        const k1 = Math.min(4, lw.length - 1);
        let hp = 0x811c9dc5;
        let hs = 0x811c9dc5;
        for (let k = 1; k <= k1; k++) {
          hp = Math.imul(hp ^ lw.charCodeAt(k - 1), 0x01000193);
          hs = Math.imul(hs ^ lw.charCodeAt(lw.length - k), 0x01000193);
          addFeature(m, mix(T.pre + k - 1, hp >>> 0), v, at);
          addFeature(m, mix(T.suf + k - 1, hs >>> 0), v, at);
        }
      }
      addFeature(m, mix(T.len, f.len), v, at);
      if (fl) for (const bit of FLAG_BITS) if (fl & bit) addFeature(m, mix(T.flag, bit * 2 + (f.cap ? 1 : 0)), v, at);
      break;
    }
    case PREV:
      addFeature(m, mix(T.wm1, f.lowH), v, at);
      addFeature(m, mix(T.sm1, f.shapeH), v, at);
      if (fl) for (const bit of FLAG_BITS) if (fl & bit) addFeature(m, mix(T.flagm1, bit), v, at);
      break;
    case NEXT:
      addFeature(m, mix(T.wp1, f.lowH), v, at);
      addFeature(m, mix(T.sp1, f.shapeH), v, at);
      if (fl) for (const bit of FLAG_BITS) if (fl & bit) addFeature(m, mix(T.flagp1, bit), v, at);
      break;
    case PREV2:
      addFeature(m, mix(T.wm2, f.lowH), v, at);
      addFeature(m, mix(T.sm2, f.shapeH), v, at);
      break;
    case NEXT2:
      addFeature(m, mix(T.wp2, f.lowH), v, at);
      addFeature(m, mix(T.sp2, f.shapeH), v, at);
      break;
    case CAPS:
      addFeature(m, mix(T.capsLine, f.shapeH), v, at);
      addFeature(m, mix(T.capsW, f.lowH), v, at);
      break;
    default:
      addFeature(m, mix(T.initial, f.shapeH), v, at);
  }
}

/** Adds part `p` of form f to the scores: from its cached vector when the form recurs, else feature by feature. */
function addPart(sc: Float64Array, m: Loaded, c: FormCache, ctx: Context, f: Form, t: Token, p: number): void {
  if (f.count < 2) {
    fillPart(m, ctx, f, t, p, sc, 0);
    return;
  }
  if (f.vec < 0) f.vec = alloc(c, PARTS * N_LABELS);
  const at = f.vec + p * N_LABELS;
  if (!(f.ready & (1 << p))) {
    fillPart(m, ctx, f, t, p, c.pool, at);
    f.ready |= 1 << p;
  }
  addVec(sc, c.pool, at);
}

/**
 * Gazetteer look-ups left for the current document (single capitalised words and two-word names). A look-up costs
 * microseconds and a hostile text of 150,000 distinct capitalised words would need 300,000; past the budget the
 * remaining new words get no gazetteer flags and the form cache is dropped after the document, so no partial flags
 * outlive it. Articles never come near it.
 */
const GAZ_BUDGET = 20_000;
let budget = GAZ_BUDGET;

const NO_FORM = {} as Form;

/** bgm + wm1s0 (right = false) or bgp + s0wp1 (right = true) of form f next to g (null: none): pool offset. */
function pairVec(m: Loaded, c: FormCache, f: Form, g: Form | null, right: boolean): number {
  const key = g ?? NO_FORM;
  let map = right ? f.right : f.left;
  if (!map) {
    map = new Map();
    if (right) f.right = map;
    else f.left = map;
  }
  let at = map.get(key);
  if (at === undefined) {
    at = alloc(c, N_LABELS);
    const o = g ? g.lowH : NONE;
    if (right) {
      addFeature(m, mix(T.bgp, mix(f.lowH, o)), c.pool, at);
      addFeature(m, mix(T.s0wp1, mix(f.shapeH, o)), c.pool, at);
    } else {
      addFeature(m, mix(T.bgm, mix(o, f.lowH)), c.pool, at);
      addFeature(m, mix(T.wm1s0, mix(o, f.shapeH)), c.pool, at);
    }
    map.set(key, at);
  }
  return at;
}

/** The shape trigram feature (shapes are few): pool offset. */
function trigramVec(m: Loaded, c: FormCache, k: number): number {
  let at = c.trigrams.get(k);
  if (at === undefined) {
    at = alloc(c, N_LABELS);
    addFeature(m, mix(T.s3, k), c.pool, at);
    c.trigrams.set(k, at);
  }
  return at;
}

/** l1w + l1s (slots 0, 1: a = 1, 2) or nls + nlw (slots 2..6: nl = -2, 0..3) of form f: pool offset. */
function histVec(m: Loaded, c: FormCache, f: Form, k: number, a: number): number {
  if (f.hv < 0) f.hv = alloc(c, HSLOTS * N_LABELS);
  const at = f.hv + k * N_LABELS;
  if (!(f.hready & (1 << k))) {
    if (k < HS_NL) {
      addFeature(m, mix(T.l1w, mix(a, f.lowH)), c.pool, at);
      addFeature(m, mix(T.l1s, mix(a, f.shapeH)), c.pool, at);
    } else {
      addFeature(m, mix(T.nls, mix(a, f.shapeH)), c.pool, at);
      addFeature(m, mix(T.nlw, mix(a, f.lowH)), c.pool, at);
    }
    f.hready |= 1 << k;
  }
  return at;
}

/** Weight vectors of features that depend on no word form: neighbours outside the sentence, history, flags. */
interface Consts {
  /** NONE neighbour at -1, +1, -2, +2 (N_LABELS each, in that order). */
  none: Float32Array;
  capSeen: Float32Array;
  /** lowerSeen in mixed-case text (0) and in a caps line (1). */
  lowerSeen: Float32Array;
  /** gazSpan by code 0..6. */
  gaz: Float32Array;
  /** l1, l2 and l1|l2 by (l1 + 2) * HIST_W + (l2 + 2). */
  hist: Float32Array;
  /** nl by nl + 8 (0..11). */
  nl: Float32Array;
}
const HIST_W = N_LABELS + 2;
let consts: Consts | null = null;

function constants(m: Loaded): Consts {
  if (consts) return consts;
  const none = new Float32Array(4 * N_LABELS);
  addFeature(m, mix(T.wm1, NONE), none, 0);
  addFeature(m, mix(T.sm1, NONE), none, 0);
  addFeature(m, mix(T.wp1, NONE), none, N_LABELS);
  addFeature(m, mix(T.sp1, NONE), none, N_LABELS);
  addFeature(m, mix(T.wm2, NONE), none, 2 * N_LABELS);
  addFeature(m, mix(T.sm2, NONE), none, 2 * N_LABELS);
  addFeature(m, mix(T.wp2, NONE), none, 3 * N_LABELS);
  addFeature(m, mix(T.sp2, NONE), none, 3 * N_LABELS);
  const capSeen = new Float32Array(N_LABELS);
  addFeature(m, mix(T.capSeen, 1), capSeen, 0);
  const lowerSeen = new Float32Array(2 * N_LABELS);
  addFeature(m, mix(T.lowerSeen, 0), lowerSeen, 0);
  addFeature(m, mix(T.lowerSeen, 1), lowerSeen, N_LABELS);
  const gaz = new Float32Array(7 * N_LABELS);
  for (let g = 1; g < 7; g++) addFeature(m, mix(T.gazSpan, g), gaz, g * N_LABELS);
  const hist = new Float32Array(HIST_W * HIST_W * N_LABELS);
  for (let a = 1; a < HIST_W; a++)
    for (let b = 1; b < HIST_W; b++) {
      const at = (a * HIST_W + b) * N_LABELS;
      addFeature(m, mix(T.l1, a), hist, at);
      addFeature(m, mix(T.l2, b), hist, at);
      addFeature(m, mix(T.l12, a * 32 + b), hist, at);
    }
  const nl = new Float32Array(12 * N_LABELS);
  for (let k = 0; k < 12; k++) addFeature(m, mix(T.nl, k), nl, k * N_LABELS);
  consts = { none, capSeen, lowerSeen, gaz, hist, nl };
  return consts;
}

const INSIDE = Uint8Array.from({ length: N_LABELS }, (_, l) => (l > 0 && partOf(l) < 2 ? 1 : 0));
const TYPE_OF = Int8Array.from({ length: N_LABELS }, (_, l) => typeOf(l));
const SCORES = new Float64Array(N_LABELS);

function addVec(sc: Float64Array, v: Float32Array, at: number): void {
  for (let l = 0; l < N_LABELS; l++) sc[l] = (sc[l] as number) + (v[at + l] as number);
}

/** Greedy decoding of one document with the committed model (same labels as `decodeReference`). */
export function decodeFast(ctx: Context): Int8Array {
  const m = loadModel();
  const K = constants(m);
  const toks = ctx.doc.tokens;
  const n = toks.length;
  const cache = formCache(ctx);
  const stamp = ++docStamp;
  budget = GAZ_BUDGET;
  const caps = capsParagraphs(ctx);
  const forms: Form[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const t = toks[i] as Token;
    let f = cache.forms.get(t.text);
    if (!f) {
      f = newForm(cache, t);
      cache.forms.set(t.text, f);
    }
    f.count++;
    forms[i] = f;
    if (f.word && caps[t.paragraph] !== 1) {
      if (!f.cap) f.lower.lowerSeen = stamp;
      else if (!t.upper) f.lower.capSeen = stamp;
    }
  }
  // Two-word gazetteer names (as `gazetteerPairs`), memoised per pair of word forms.
  const text = ctx.doc.text;
  const gazPos = new Uint8Array(n);
  for (let i = 0; i + 1 < n; i++) {
    const a = toks[i] as Token;
    const b = toks[i + 1] as Token;
    if (!a.cap || !b.cap || b.sentence !== a.sentence || caps[a.paragraph] === 1) continue;
    const fa = forms[i] as Form;
    if (!fa.word) continue;
    let code: number;
    if (b.start === a.end + 1 && text.charCodeAt(a.end) === 32) {
      const fb = forms[i + 1] as Form;
      code = fa.pairs?.get(fb) ?? -1;
      if (code < 0 && budget > 0) {
        budget--;
        code = pairCode(ctx, text.slice(a.start, b.end));
        fa.pairs ??= new Map();
        fa.pairs.set(fb, code);
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
  const labels = new Int8Array(n);
  const sc = SCORES;
  let l1 = -1;
  let l2 = -1;
  for (let i = 0; i < n; i++) {
    const t = toks[i] as Token;
    const sent = t.sentence;
    if (i > 0 && (toks[i - 1] as Token).sentence !== sent) {
      l1 = -1;
      l2 = -1;
    }
    const f = forms[i] as Form;
    if (f.skip && (l1 < 0 || INSIDE[l1] === 0)) {
      l2 = l1;
      l1 = 0;
      continue;
    }
    const hasP1 = i > 0 && (toks[i - 1] as Token).sentence === sent;
    const hasN1 = i + 1 < n && (toks[i + 1] as Token).sentence === sent;
    const hasP2 = hasP1 && i > 1 && (toks[i - 2] as Token).sentence === sent;
    const hasN2 = hasN1 && i + 2 < n && (toks[i + 2] as Token).sentence === sent;
    sc.fill(0);
    addPart(sc, m, cache, ctx, f, t, OWN);
    const w = f.lowH;
    const sh = f.shapeH;
    let wm1 = NONE;
    let sm1 = NONE;
    let wp1 = NONE;
    let sp1 = NONE;
    if (hasP1) {
      const g = forms[i - 1] as Form;
      addPart(sc, m, cache, ctx, g, toks[i - 1] as Token, PREV);
      wm1 = g.lowH;
      sm1 = g.shapeH;
    } else addVec(sc, K.none, 0);
    if (hasN1) {
      const g = forms[i + 1] as Form;
      addPart(sc, m, cache, ctx, g, toks[i + 1] as Token, NEXT);
      wp1 = g.lowH;
      sp1 = g.shapeH;
    } else addVec(sc, K.none, N_LABELS);
    if (hasP2) {
      const g = forms[i - 2] as Form;
      addPart(sc, m, cache, ctx, g, toks[i - 2] as Token, PREV2);
    } else addVec(sc, K.none, 2 * N_LABELS);
    if (hasN2) {
      const g = forms[i + 2] as Form;
      addPart(sc, m, cache, ctx, g, toks[i + 2] as Token, NEXT2);
    } else addVec(sc, K.none, 3 * N_LABELS);
    const capsLine = caps[t.paragraph] === 1;
    if (capsLine) {
      addPart(sc, m, cache, ctx, f, t, CAPS);
      if (f.lower.capSeen === stamp) addVec(sc, K.capSeen, 0);
    }
    if (sentenceInitial(ctx, i)) addPart(sc, m, cache, ctx, f, t, INIT);
    if (f.cap && f.lower.lowerSeen === stamp) addVec(sc, K.lowerSeen, capsLine ? N_LABELS : 0);
    const gz = gazPos[i] as number;
    if (gz) addVec(sc, K.gaz, gz * N_LABELS);
    const a = l1 + 2;
    addVec(sc, K.hist, (a * HIST_W + l2 + 2) * N_LABELS);
    const nl = f.cap && f.lower.memDoc === stamp ? f.lower.mem : -1;
    if (nl !== -1) addVec(sc, K.nl, (nl + 8) * N_LABELS);
    if (f.count < 2) {
      // A form seen once: its pair and history features one by one (nothing cached for hapaxes).
      addFeature(m, mix(T.bgm, mix(wm1, w)), sc, 0);
      addFeature(m, mix(T.bgp, mix(w, wp1)), sc, 0);
      addFeature(m, mix(T.s3, mix(mix(sm1, sh), sp1)), sc, 0);
      addFeature(m, mix(T.wm1s0, mix(wm1, sh)), sc, 0);
      addFeature(m, mix(T.s0wp1, mix(sh, wp1)), sc, 0);
      addFeature(m, mix(T.l1w, mix(a, w)), sc, 0);
      addFeature(m, mix(T.l1s, mix(a, sh)), sc, 0);
      if (nl !== -1) {
        addFeature(m, mix(T.nls, mix(nl + 8, sh)), sc, 0);
        addFeature(m, mix(T.nlw, mix(nl + 8, w)), sc, 0);
      }
    } else {
      // Offsets first: a look-up may grow (replace) the pool.
      // Pairs are cached only when the neighbour recurs too (a hapax neighbour's pair would never be read again).
      const gp = hasP1 ? (forms[i - 1] as Form) : null;
      const gn = hasN1 ? (forms[i + 1] as Form) : null;
      const pl = gp === null || gp.count > 1 ? pairVec(m, cache, f, gp, false) : -1;
      const pr = gn === null || gn.count > 1 ? pairVec(m, cache, f, gn, true) : -1;
      const tri = trigramVec(m, cache, mix(mix(sm1, sh), sp1));
      const hs = a <= 2 ? histVec(m, cache, f, a - 1, a) : -1;
      const nk = nl === -1 ? -1 : histVec(m, cache, f, nl === -2 ? HS_NL : HS_NL + 1 + nl, nl + 8);
      const pool = cache.pool;
      if (pl >= 0) addVec(sc, pool, pl);
      else {
        addFeature(m, mix(T.bgm, mix(wm1, w)), sc, 0);
        addFeature(m, mix(T.wm1s0, mix(wm1, sh)), sc, 0);
      }
      if (pr >= 0) addVec(sc, pool, pr);
      else {
        addFeature(m, mix(T.bgp, mix(w, wp1)), sc, 0);
        addFeature(m, mix(T.s0wp1, mix(sh, wp1)), sc, 0);
      }
      addVec(sc, pool, tri);
      if (hs >= 0) addVec(sc, pool, hs);
      else {
        addFeature(m, mix(T.l1w, mix(a, w)), sc, 0);
        addFeature(m, mix(T.l1s, mix(a, sh)), sc, 0);
      }
      if (nk >= 0) addVec(sc, pool, nk);
    }
    const last = !hasN1;
    let best = 0;
    let bestScore = Number.NEGATIVE_INFINITY;
    const row = (l1 + 1) * N_LABELS;
    for (let l = 0; l < N_LABELS; l++) {
      if (ALLOWED[row + l] === 0 || (last && ENDS[l] === 0)) continue;
      const s = sc[l] as number;
      if (s > bestScore) {
        bestScore = s;
        best = l;
      }
    }
    labels[i] = best;
    if (f.cap) {
      f.lower.memDoc = stamp;
      f.lower.mem = best === 0 ? -2 : (TYPE_OF[best] as number);
    }
    l2 = l1;
    l1 = best;
  }
  if (budget <= 0) formCaches.delete(ctx.config);
  return labels;
}

/** Tags the document with the committed model. */
export function tagDoc(ctx: Context): NerSpan[] {
  return spansOf(decodeFast(ctx));
}
