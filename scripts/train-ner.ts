/**
 * Trains the learned name tagger (docs/ner.md) on ../shared/datasets/ner-train.jsonl (CoNLL-2003 eng.train) only.
 *
 *   npx tsx scripts/train-ner.ts [--epochs N] [--final] [--heldout-out FILE]
 *
 * Without --final, every 10th article (index % 10 === 9) is held out and scored after each epoch (exact-span
 * micro and per-type F1 on PER/ORG/LOC, predictions overlapping gold MISC ignored as the official scorer does);
 * with --final the model is trained on all articles. Either way the averaged, int8-quantised weights are written to
 * src/data/ner-model.generated.ts. The text goes through our own normalize/buildDoc so training sees the tokens the
 * stage sees; gold character spans become BILOU labels on those tokens.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolveConfig } from '../src/config.js';
import type { Context } from '../src/pipeline/types.js';
import { N_LABELS, skipToken, TYPES } from '../src/stages/entities/ner-features.js';
import { decode, type Scorer, spansOf } from '../src/stages/entities/ner-model.js';
import { buildDoc } from '../src/text/doc.js';
import { normalize } from '../src/text/normalize.js';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const EPOCHS = Number(arg('--epochs', '10'));
const FINAL = args.includes('--final');
const HELDOUT_OUT = arg('--heldout-out', '');
const BITS = 20;
const SIZE = 1 << BITS;
const MASK = SIZE - 1;
const TRAIN = new URL('../../shared/datasets/ner-train.jsonl', import.meta.url);

interface Gold {
  start: number;
  end: number;
  type: string;
}
interface Item {
  ctx: Context;
  gold: Int8Array;
  spans: Gold[];
}

const config = resolveConfig({});
const lines = readFileSync(TRAIN, 'utf8').split('\n').filter(Boolean);
const t0 = performance.now();
const train: Item[] = [];
const held: Item[] = [];
const heldLines: string[] = [];
let misaligned = 0;
let unreachable = 0;
let entities = 0;
lines.forEach((line, idx) => {
  const a = JSON.parse(line) as { text: string; entities: Gold[] };
  const norm = normalize(a.text);
  const toNorm = new Int32Array(a.text.length + 1);
  for (let i = norm.text.length; i >= 0; i--) toNorm[norm.toRaw[i] as number] = i;
  const doc = buildDoc(norm.text);
  const ctx = {
    input: a.text,
    doc,
    config,
    options: {},
    publishedAt: null,
    results: {},
    warnings: [],
    warn() {},
    inScope: () => true,
    zoneAt: (o: number) => doc.zoneAt(o),
  } as unknown as Context;
  const gold = new Int8Array(doc.tokens.length);
  const spans: Gold[] = [];
  for (const e of a.entities) {
    entities++;
    const s = toNorm[e.start] as number;
    const en = toNorm[e.end] as number;
    spans.push({ start: s, end: en, type: e.type });
    const ty = TYPES.indexOf(e.type as (typeof TYPES)[number]);
    const ids: number[] = [];
    for (const t of doc.tokens) if (t.start < en && t.end > s) ids.push(t.i);
    if (!ids.length) continue;
    const first = doc.tokens[ids[0] as number];
    const last = doc.tokens[ids[ids.length - 1] as number];
    if (first?.start !== s || last?.end !== en) misaligned++;
    if (ids.length === 1) gold[ids[0] as number] = 1 + 4 * ty + 3;
    else
      ids.forEach((id, k) => {
        gold[id] = 1 + 4 * ty + (k === 0 ? 0 : k === ids.length - 1 ? 2 : 1);
      });
  }
  for (let i = 0; i < doc.tokens.length; i++) {
    const prev = i > 0 && doc.tokens[i - 1]?.sentence === doc.tokens[i]?.sentence ? (gold[i - 1] as number) : -1;
    if (gold[i] !== 0 && skipToken(doc.tokens[i] as (typeof doc.tokens)[number], prev)) unreachable++;
  }
  const item = { ctx, gold, spans };
  if (!FINAL && idx % 10 === 9) {
    held.push(item);
    heldLines.push(line);
  } else train.push(item);
});
if (HELDOUT_OUT) writeFileSync(HELDOUT_OUT, `${heldLines.join('\n')}\n`);
process.stdout.write(
  `articles: ${train.length} train, ${held.length} held out; ${entities} entities, ${misaligned} not on token boundaries, ${unreachable} entity tokens the tagger skips (${Math.round(performance.now() - t0)} ms)\n`,
);

// Averaged perceptron with the lazy-averaging trick: avg = w - u / c.
const w = new Float32Array(SIZE * N_LABELS);
const u = new Float32Array(SIZE * N_LABELS);
let c = 1;

const scoreWith =
  (table: Float32Array): Scorer =>
  (feats, from, to, scores) => {
    for (let k = from; k < to; k++) {
      const r = ((feats[k] as number) & MASK) * N_LABELS;
      for (let l = 0; l < N_LABELS; l++) scores[l] = (scores[l] as number) + (table[r + l] as number);
    }
  };

function averaged(): Float32Array {
  const avg = new Float32Array(w.length);
  for (let i = 0; i < w.length; i++) avg[i] = (w[i] as number) - (u[i] as number) / c;
  return avg;
}

function evaluate(items: Item[], score: Scorer): string {
  const tp: Record<string, number> = {};
  const fp: Record<string, number> = {};
  const fn: Record<string, number> = {};
  for (const k of ['PER', 'ORG', 'LOC', 'ALL']) tp[k] = fp[k] = fn[k] = 0;
  const add = (m: Record<string, number>, k: string) => {
    m[k] = (m[k] as number) + 1;
    m.ALL = (m.ALL as number) + 1;
  };
  for (const it of items) {
    const toks = it.ctx.doc.tokens;
    const pred = spansOf(decode(it.ctx, score)).map((s) => ({
      start: toks[s.t0]?.start as number,
      end: toks[s.t1 - 1]?.end as number,
      type: s.type as string,
    }));
    const gold = it.spans.filter((g) => g.type !== 'MISC');
    const misc = it.spans.filter((g) => g.type === 'MISC');
    const key = (s: Gold) => `${s.start}:${s.end}:${s.type}`;
    const goldKeys = new Set(gold.map(key));
    const predKeys = new Set<string>();
    for (const p of pred) {
      if (p.type === 'MISC') continue;
      if (misc.some((m) => m.start < p.end && m.end > p.start)) continue;
      predKeys.add(key(p));
      if (goldKeys.has(key(p))) add(tp, p.type);
      else add(fp, p.type);
    }
    for (const g of gold) if (!predKeys.has(key(g))) add(fn, g.type);
  }
  const f1 = (k: string) => {
    const p = (tp[k] as number) / Math.max(1, (tp[k] as number) + (fp[k] as number));
    const r = (tp[k] as number) / Math.max(1, (tp[k] as number) + (fn[k] as number));
    return `${k} ${(p + r ? (2 * p * r) / (p + r) : 0).toFixed(3)} (P ${p.toFixed(3)} R ${r.toFixed(3)})`;
  };
  return ['ALL', 'PER', 'ORG', 'LOC'].map(f1).join('  ');
}

// Deterministic shuffling (mulberry32).
let seed = 12345;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const live = scoreWith(w);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const te = performance.now();
  const order = train.slice();
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j] as Item, order[i] as Item];
  }
  let errors = 0;
  let tokens = 0;
  for (const it of order) {
    decode(it.ctx, live, (i, feats, pred) => {
      const g = it.gold[i] as number;
      tokens++;
      if (pred !== g) {
        errors++;
        for (const f of feats) {
          const r = (f & MASK) * N_LABELS;
          w[r + g] = (w[r + g] as number) + 1;
          u[r + g] = (u[r + g] as number) + c;
          w[r + pred] = (w[r + pred] as number) - 1;
          u[r + pred] = (u[r + pred] as number) - c;
        }
      }
      c++;
      return g;
    });
  }
  let line = `epoch ${epoch}: ${errors} errors / ${tokens} tokens (${Math.round(performance.now() - te)} ms)`;
  if (held.length && (epoch === EPOCHS || epoch % 2 === 0))
    line += `\n  held out: ${evaluate(held, scoreWith(averaged()))}`;
  process.stdout.write(`${line}\n`);
}

// Export: int8 codes on a log scale, value = sign * EPS * (exp(|code| / A) - 1), so small weights keep their
// relative precision; rows whose codes are all zero are dropped.
const avg = averaged();
const mags: number[] = [];
for (let i = 0; i < avg.length; i += 3) if (avg[i] !== 0) mags.push(Math.abs(avg[i] as number));
mags.sort((a, b) => a - b);
const EPS = Number(arg('--eps', String(mags[Math.floor(mags.length * 0.5)] ?? 1)));
const maxMag = mags[mags.length - 1] ?? 1;
const A = 127 / Math.log(1 + maxMag / EPS);
const code = (v: number) => Math.sign(v) * Math.min(127, Math.round(A * Math.log(1 + Math.abs(v) / EPS)));
const value = (q: number) => Math.sign(q) * EPS * (Math.exp(Math.abs(q) / A) - 1);
const rows: number[] = [];
const q = new Int8Array(avg.length);
for (let b = 0; b < SIZE; b++) {
  let any = false;
  for (let l = 0; l < N_LABELS; l++) {
    const v = code(avg[b * N_LABELS + l] as number);
    q[b * N_LABELS + l] = v;
    if (v !== 0) any = true;
  }
  if (any) rows.push(b);
}
// Two base64 strings: the bucket ids of the kept rows as ascending deltas (LEB128 varints), decoded at load into a
// direct index, and the codes (N_LABELS a row), which ner-model.ts decodes a row at a time on first use.
const deltas: number[] = [];
let prev = 0;
for (const b of rows) {
  let v = b - prev;
  prev = b;
  while (v >= 128) {
    deltas.push((v & 127) | 128);
    v = Math.floor(v / 128);
  }
  deltas.push(v);
}
const codeBytes = new Uint8Array(rows.length * N_LABELS);
rows.forEach((b, r) => {
  for (let l = 0; l < N_LABELS; l++) codeBytes[r * N_LABELS + l] = (q[b * N_LABELS + l] as number) & 255;
});
const buckets64 = Buffer.from(deltas).toString('base64');
const codes64 = Buffer.from(codeBytes).toString('base64');
const out = new URL('../src/data/ner-model.generated.ts', import.meta.url);
writeFileSync(
  out,
  `// Generated by scripts/train-ner.ts from ../shared/datasets/ner-train.jsonl (${FINAL ? 'all articles' : '90 %, every 10th held out'}, ${EPOCHS} epochs): do not edit.\n` +
    `// ${rows.length} weight rows of ${N_LABELS} labels, int8, ${deltas.length} bytes of bucket deltas + ${codeBytes.length} bytes of codes. See docs/ner.md.\n` +
    `export const NER_MODEL = {\n  bits: ${BITS},\n  eps: ${EPS},\n  a: ${A},\n  rows: ${rows.length},\n  buckets: '${buckets64}',\n  codes: '${codes64}',\n} as const;\n`,
);
if (held.length) {
  const qf = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) qf[i] = value(q[i] as number);
  process.stdout.write(`held out, int8 weights: ${evaluate(held, scoreWith(qf))}\n`);
}
process.stdout.write(
  `wrote ${out.pathname}: ${rows.length} rows, ${((buckets64.length + codes64.length) / 1e6).toFixed(2)} MB base64 (${Math.round(performance.now() - t0)} ms total)\n`,
);
