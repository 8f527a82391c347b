/** Refiner: one candidate per stretch of text. User entries beat typed candidates, typed beat untyped, longer beat shorter. */
import { keepNonOverlapping } from '../../pipeline/overlap.js';
import type { Context } from '../../pipeline/types.js';
import type { Candidate } from './candidate.js';

function rank(c: Candidate): number {
  return (c.source === 'user' ? 4 : 0) + (c.source === 'place-of' ? 2 : 0) + (c.type ? 1 : 0);
}

export function dropOverlaps(ctx: Context, items: Candidate[]): Candidate[] {
  const sorted = items
    .slice()
    .sort((a, b) => rank(b) - rank(a) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  return keepNonOverlapping(sorted, ctx.doc.text.length);
}
