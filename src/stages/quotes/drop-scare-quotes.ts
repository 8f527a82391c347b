import type { Context } from '../../pipeline/types.js';
import type { QuoteCandidate } from './types.js';

/** Words inside a quote at or below which, with no attribution, it reads as a scare quote or a title. */
export const SCARE_MAX_WORDS = 3;
const WORD = /[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu;

function wordCount(text: string, max: number): number {
  let n = 0;
  WORD.lastIndex = 0;
  while (WORD.exec(text) && n <= max) n++;
  return n;
}

/** Refiner `drop-scare-quotes`: a so-called "special operation" (1–3 words, no speech context) is not speech. */
export function dropScareQuotes(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  return items.filter(
    (q) => q.attribution !== null || wordCount(ctx.doc.text.slice(q.start, q.end), SCARE_MAX_WORDS) > SCARE_MAX_WORDS,
  );
}
