/** Refiner: one candidate per stretch of text. User entries beat typed candidates, typed beat untyped, longer beat shorter. */
import type { Context } from '../../pipeline/types.js';
import type { Candidate } from './candidate.js';

function rank(c: Candidate): number {
  return (c.source === 'user' ? 4 : 0) + (c.source === 'place-of' ? 2 : 0) + (c.type ? 1 : 0);
}

/** Best first: rank, then length, then start (then the order given, the sort being stable). */
function better(a: Candidate, b: Candidate): number {
  return rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start;
}

/** Clusters up to this size compare their members pairwise; larger ones use a bitmap of covered offsets. */
const PAIRWISE_MAX = 32;

/**
 * Keeps, best first, the candidates of one cluster that overlap none kept before them; returns them by start.
 * `cluster` is in start order.
 */
function resolve(cluster: Candidate[], out: Candidate[]): void {
  const ranked = cluster.slice().sort(better);
  const kept: Candidate[] = [];
  if (cluster.length <= PAIRWISE_MAX) {
    outer: for (const c of ranked) {
      for (const k of kept) if (c.start < k.end && k.start < c.end) continue outer;
      kept.push(c);
    }
  } else {
    const lo = (cluster[0] as Candidate).start;
    let hi = lo;
    for (const c of cluster) if (c.end > hi) hi = c.end;
    const covered = new Uint8Array(hi - lo);
    outer: for (const c of ranked) {
      for (let i = c.start - lo; i < c.end - lo; i++) if (covered[i]) continue outer;
      covered.fill(1, c.start - lo, c.end - lo);
      kept.push(c);
    }
  }
  kept.sort((a, b) => a.start - b.start);
  for (const c of kept) out.push(c);
}

/**
 * Greedy selection, best first, of candidates that overlap none kept before them, in start order. Overlaps are
 * rare and local (the tagger's spans are disjoint; "the village of X" and the tagger's "X" meet), so the text is cut
 * into clusters of overlapping candidates: a candidate alone in its cluster is kept, and the greedy choice runs
 * inside each cluster only (it never looks beyond one: candidates of different clusters never overlap).
 */
export function dropOverlaps(_ctx: Context, items: Candidate[]): Candidate[] {
  if (items.length < 2) return items.slice();
  let sorted = items;
  for (let i = 1; i < items.length; i++) {
    if ((items[i] as Candidate).start < (items[i - 1] as Candidate).start) {
      // Each extractor's output is in text order: a merge of a few sorted runs (cheap for the stable sort).
      sorted = items.slice().sort((a, b) => a.start - b.start);
      break;
    }
  }
  const out: Candidate[] = [];
  let from = 0;
  let end = (sorted[0] as Candidate).end;
  for (let i = 1; i <= sorted.length; i++) {
    const c = sorted[i];
    if (c && c.start < end) {
      if (c.end > end) end = c.end;
      continue;
    }
    if (i - from === 1) out.push(sorted[from] as Candidate);
    else resolve(sorted.slice(from, i), out);
    if (!c) break;
    from = i;
    end = c.end;
  }
  return out;
}
