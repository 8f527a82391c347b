import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { isTitle, toldCue } from './drop-scare-quotes.js';
import { ownTrailer } from './quote-marks.js';
import { speechVerb, tokenAt } from './tokens.js';
import type { QuoteCandidate } from './types.js';

const MAX_GAP = 250;

/**
 * Refiner `merge-interrupted`: `"…," he said, "…"` and `"…," he said. "…"` are ONE quote with two fragments, when the
 * second part has no attribution of its own (or only the same one, found again as its lead-in).
 */
export function mergeInterrupted(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  const out: QuoteCandidate[] = [];
  for (const q of items) {
    const prev = out[out.length - 1];
    const a = prev?.attribution;
    if (
      prev &&
      a &&
      a.side === 'after' &&
      // a signature under a quote closes it: the next line's quote is another's (a vox pop's list of signed quotes)
      a.rule !== 'dash-signature' &&
      !prev.unclosed &&
      prev.lastParagraph === q.paragraph &&
      q.start - prev.end <= MAX_GAP &&
      a.mention.start >= prev.end &&
      a.mention.end <= q.start &&
      (!q.attribution || (q.attribution.side === 'before' && q.attribution.mention.start === a.mention.start)) &&
      shortTail(ctx.doc.text.slice(Math.max(a.mention.end, a.cue?.end ?? 0), q.start)) &&
      !newCue(ctx.doc.tokens, Math.max(a.mention.end, a.cue?.end ?? 0), q.start) &&
      !(toldCue(ctx.doc.text, a.cue) && isTitle(ctx.doc.text.slice(q.start, q.end))) &&
      !ownTrailer(ctx, q)
    ) {
      prev.fragments.push(...q.fragments);
      prev.end = q.end;
      prev.lastParagraph = q.lastParagraph;
      prev.unclosed = q.unclosed;
      prev.rule = `${prev.rule}+merge-interrupted`;
      continue;
    }
    out.push(q);
  }
  return out;
}

/** `"…," X said in a statement, adding that "…"`: a speech verb of its own before the second part makes it a new quote. */
function newCue(tokens: Token[], from: number, to: number): boolean {
  for (let k = tokenAt(tokens, from); k < tokens.length && (tokens[k] as Token).start < to; k++) {
    if (speechVerb(tokens, k)) return true;
  }
  return false;
}

const TAIL_WORD = /[\p{L}\p{N}]+/gu;

/** What follows the attribution before the second part: at most 25 words ("on Friday", "a spokesman for Y, …"). */
function shortTail(tail: string): boolean {
  let n = 0;
  TAIL_WORD.lastIndex = 0;
  for (let m = TAIL_WORD.exec(tail); m; m = TAIL_WORD.exec(tail)) {
    if (++n > 25) return false;
  }
  return true;
}
