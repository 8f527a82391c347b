import type { Topic } from '../../schema.js';
import type { Match } from './match.js';
import type { CompiledTaxonomy } from './taxonomy.js';

/** How much a match counts by where it sits: the headline and the lead say what the article is about. */
export const POSITION_BOOST = { headline: 2.5, lead: 1.5, body: 1 } as const;
/** The strength at which a topic of a short article scores 0.5 (before the spread factor). */
const HALF = 3;
const MAX_EVIDENCE = 20;

interface Pool {
  /** Per counted match: trigger key (entry · 65536 + trigger), weight, span. */
  keys: number[];
  weights: number[];
  starts: number[];
  ends: number[];
  /** The first paragraph with evidence, and whether evidence sits in another one too (the spread saturates at two). */
  paragraph: number;
  spread: boolean;
  /** Starts already counted (ancestors only: a phrase listed under a child and its parent counts once). */
  taken: Set<number> | null;
}

/**
 * Strength: per trigger, occurrence weights (position-boosted) summed with harmonic decay (the k-th repeat counts
 * 1/k), summed over triggers. Score: strength / (strength + HALF · lengthFactor), lengthFactor = max(1, √(words/200))
 * so long articles need more evidence, times a spread factor (0.75 with evidence in one paragraph, 1 with two or more).
 */
export function scoreTopics(tax: CompiledTaxonomy, matches: Match[], words: number, text: string): Topic[] {
  const pools: (Pool | undefined)[] = new Array(tax.entries.length);
  for (const m of matches) {
    const e = tax.entries[m.entry];
    if (!e) continue;
    const w = m.weight * POSITION_BOOST[m.position];
    const chain = e.chain;
    for (let c = 0; c < chain.length; c++) {
      const k = chain[c] as number;
      let p = pools[k];
      if (!p) {
        p = { keys: [], weights: [], starts: [], ends: [], paragraph: m.paragraph, spread: false, taken: null };
        pools[k] = p;
      }
      if (c > 0) {
        p.taken ??= new Set();
        if (p.taken.has(m.start)) continue;
        p.taken.add(m.start);
      } else if (p.taken?.has(m.start)) continue;
      p.keys.push(m.entry * 65536 + m.trigger);
      p.weights.push(w);
      p.starts.push(m.start);
      p.ends.push(m.end);
      if (m.paragraph !== p.paragraph) p.spread = true;
    }
  }
  const lengthFactor = Math.max(1, Math.sqrt(words / 200));
  const out: Topic[] = [];
  for (let k = 0; k < pools.length; k++) {
    const p = pools[k];
    const e = tax.entries[k];
    if (!p || !e) continue;
    let strength = 0;
    const count = p.keys.length;
    if (count === 1) strength = p.weights[0] as number;
    else {
      // Counted matches by trigger key, heaviest first within a key (a stable insertion sort of their indices: the
      // lists are short), summed in that order.
      const order = orderBuffer(count);
      for (let i = 0; i < count; i++) {
        const key = p.keys[i] as number;
        const w = p.weights[i] as number;
        let j = i;
        for (; j > 0; j--) {
          const o = order[j - 1] as number;
          const ko = p.keys[o] as number;
          if (ko < key || (ko === key && (p.weights[o] as number) >= w)) break;
          order[j] = o;
        }
        order[j] = i;
      }
      let run = 0;
      let lastKey = -1;
      for (let x = 0; x < count; x++) {
        const i = order[x] as number;
        const key = p.keys[i] as number;
        run = key === lastKey ? run + 1 : 1;
        lastKey = key;
        strength += (p.weights[i] as number) / run;
      }
    }
    const spread = p.spread ? 1 : 0.75;
    const score = Math.round((strength / (strength + HALF * lengthFactor)) * spread * 1e6) / 1e6;
    if (score < tax.threshold || score <= 0) continue;
    let sorted = true;
    for (let i = 1; i < count && sorted; i++) sorted = (p.starts[i - 1] as number) <= (p.starts[i] as number);
    const ev = p.starts.map((start, i) => ({ start, end: p.ends[i] as number, text: '' }));
    if (!sorted) ev.sort((a, b) => a.start - b.start);
    const evidence = ev.length > MAX_EVIDENCE ? ev.slice(0, MAX_EVIDENCE) : ev;
    for (const x of evidence) x.text = text.slice(x.start, x.end);
    out.push({ id: e.id, label: e.label, score, iptc: e.iptc, evidence });
  }
  out.sort((a, b) => b.score - a.score || compareIds(a.id, b.id));
  return out;
}

/** Ids made of a-z, 0-9 and '-' only: their code-unit order is localeCompare's (ICU root collation). */
const PLAIN_ID = /^[a-z0-9-]*$/;

/**
 * localeCompare of two topic ids, without ICU for plain ids (all the built-in ones): the first localeCompare of a
 * process loads the ICU collator (~9 ms of cold start) and each call costs more than a code-unit comparison.
 */
export function compareIds(a: string, b: string): number {
  if (PLAIN_ID.test(a) && PLAIN_ID.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

let orderBuf = new Int32Array(64);
/** A reused index buffer of at least n slots (tagging is synchronous: one article at a time per thread). */
function orderBuffer(n: number): Int32Array {
  if (orderBuf.length < n) orderBuf = new Int32Array(Math.max(n, orderBuf.length * 2));
  return orderBuf;
}
