import type { Topic } from '../../schema.js';
import type { Match } from './match.js';
import type { CompiledTaxonomy } from './taxonomy.js';

/** How much a match counts by where it sits: the headline and the lead say what the article is about. */
export const POSITION_BOOST = { headline: 2.5, lead: 1.5, body: 1 } as const;
/** The strength at which a topic of a short article scores 0.5 (before the spread factor). */
const HALF = 3;
const MAX_EVIDENCE = 20;

interface Pool {
  /** Best occurrence weights per trigger (key "entry:trigger"), any order. */
  byTrigger: Map<string, number[]>;
  /** Evidence spans keyed by start, so a phrase counted by a child and the parent counts once. */
  spans: Map<number, { start: number; end: number }>;
  paragraphs: Set<number>;
  taken: Set<number>;
}

/**
 * Strength: per trigger, occurrence weights (position-boosted) summed with harmonic decay (the k-th repeat counts
 * 1/k), summed over triggers. Score: strength / (strength + HALF · lengthFactor), lengthFactor = max(1, √(words/200))
 * so long articles need more evidence, times a spread factor (0.75 for one paragraph, up to 1 for three or more).
 */
export function scoreTopics(tax: CompiledTaxonomy, matches: Match[], words: number): Topic[] {
  const pools = new Map<number, Pool>();
  for (const m of matches) {
    const e = tax.entries[m.entry];
    if (!e) continue;
    const w = m.weight * POSITION_BOOST[m.position];
    for (const k of e.chain) {
      let p = pools.get(k);
      if (!p) {
        p = { byTrigger: new Map(), spans: new Map(), paragraphs: new Set(), taken: new Set() };
        pools.set(k, p);
      }
      // a span already counted for this pool by another entry (a phrase listed under both child and parent)
      if (p.taken.has(m.start)) continue;
      p.taken.add(m.start);
      const key = `${m.entry}:${m.trigger}`;
      const list = p.byTrigger.get(key);
      if (list) list.push(w);
      else p.byTrigger.set(key, [w]);
      p.spans.set(m.start, { start: m.start, end: m.end });
      p.paragraphs.add(m.paragraph);
    }
  }
  const lengthFactor = Math.max(1, Math.sqrt(words / 200));
  const out: Topic[] = [];
  for (const [k, p] of pools) {
    const e = tax.entries[k];
    if (!e) continue;
    let strength = 0;
    for (const ws of p.byTrigger.values()) {
      ws.sort((a, b) => b - a);
      ws.forEach((w, i) => {
        strength += w / (i + 1);
      });
    }
    const spread = Math.min(1, 0.5 + 0.25 * p.paragraphs.size);
    const score = Math.round((strength / (strength + HALF * lengthFactor)) * spread * 1e6) / 1e6;
    if (score < tax.threshold || score <= 0) continue;
    const evidence = [...p.spans.values()].sort((a, b) => a.start - b.start).slice(0, MAX_EVIDENCE);
    out.push({ id: e.id, label: e.label, score, iptc: e.iptc, evidence: evidence.map((s) => ({ ...s, text: '' })) });
  }
  out.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return out;
}
