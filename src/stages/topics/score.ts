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
      const order = p.keys.map((_, i) => i);
      order.sort(
        (a, b) => (p.keys[a] as number) - (p.keys[b] as number) || (p.weights[b] as number) - (p.weights[a] as number),
      );
      let run = 0;
      let lastKey = -1;
      for (const i of order) {
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
  out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return out;
}
