/** Refiner: one candidate per stretch of text. User entries beat typed candidates, typed beat untyped, longer beat shorter. */
import type { Context } from '../../pipeline/types.js';
import type { Candidate } from './candidate.js';

function rank(c: Candidate): number {
  return (c.source === 'user' ? 4 : 0) + (c.source === 'place-of' ? 2 : 0) + (c.type ? 1 : 0);
}

/** Reused between calls (cleared after each) up to this many offsets: no new buffer per article. */
const SHARED_MAX = 1 << 16;
let shared: Uint8Array | null = null;

/** `items` by start when no two of them overlap (the usual case: the tagger's spans are disjoint), else null. */
function disjoint(items: Candidate[]): Candidate[] | null {
  let out = items;
  for (let i = 1; i < items.length; i++) {
    if ((items[i] as Candidate).start < (items[i - 1] as Candidate).start) {
      // Extractors' outputs are each in text order: a merge of a few sorted runs (cheap for the stable sort).
      out = items.slice().sort((a, b) => a.start - b.start);
      break;
    }
  }
  for (let i = 1; i < out.length; i++) if ((out[i] as Candidate).start < (out[i - 1] as Candidate).end) return null;
  return out === items ? items.slice() : out;
}

export function dropOverlaps(_ctx: Context, items: Candidate[]): Candidate[] {
  const n = items.length;
  if (n < 2) return items.slice();
  const all = disjoint(items);
  if (all) return all;
  // Rank and length computed once per item, not in every comparison.
  const order = new Array<number>(n);
  const key = new Array<number>(n);
  let lo = Number.POSITIVE_INFINITY;
  let hi = 0;
  let sorted = true;
  for (let i = 0; i < n; i++) {
    const c = items[i] as Candidate;
    order[i] = i;
    key[i] = rank(c) * 2 ** 32 + (c.end - c.start);
    if (c.start < lo) lo = c.start;
    if (c.end > hi) hi = c.end;
    if (i > 0 && c.start < (items[i - 1] as Candidate).start) sorted = false;
  }
  order.sort((a, b) => {
    const d = (key[b] as number) - (key[a] as number);
    return d || (items[a] as Candidate).start - (items[b] as Candidate).start;
  });
  // A bitmap of covered offsets (linear in the total span length, never quadratic in the number of candidates).
  const size = hi - lo + 1;
  let covered: Uint8Array;
  if (size <= SHARED_MAX) {
    shared ??= new Uint8Array(SHARED_MAX);
    covered = shared;
  } else covered = new Uint8Array(size);
  const keep = new Array<boolean>(n).fill(false);
  outer: for (const i of order) {
    const c = items[i] as Candidate;
    const a = c.start - lo;
    const b = c.end - lo;
    for (let k = a; k < b; k++) if (covered[k]) continue outer;
    covered.fill(1, a, b);
    keep[i] = true;
  }
  if (covered === shared) covered.fill(0, 0, size);
  const kept: Candidate[] = [];
  for (let i = 0; i < n; i++) if (keep[i]) kept.push(items[i] as Candidate);
  return sorted ? kept : kept.sort((a, b) => a.start - b.start);
}
