import type { Context } from '../../../pipeline/types.js';
import type { Token } from '../../../text/types.js';
import { DAY_PARTS } from '../extractors/part-of-day.js';
import type { DateCandidate } from '../types.js';

/**
 * "Tuesday night", "yesterday morning", "Aug. 3 evening": a day followed by a part of the day takes the word into its
 * span, and keeps the day as its value. TIMEX3 would write `…TNI`, but the TempEval annotators value a named day's
 * night or morning as the plain day far more often (on the dev file: 11 of 18 "Tuesday night" DATEs, and every
 * "Tuesday morning"), so the suffix is kept for the standalone forms only ("tonight", "last night", "this morning":
 * the `part-of-day` extractor). Not before a capitalised word ("Monday Night Football") or across a sentence end.
 */
export function partOfDayRefiner(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const toks = ctx.doc.tokens;
  return items.map((c) => {
    if (c.grain !== 'day' || c.endValue || c.dayPart || c.anaphor) return c;
    const n = toks[c.t1];
    if (n?.kind !== 'word' || n.cap || !DAY_PARTS.has(n.lower)) return c;
    if (n.sentence !== (toks[c.t1 - 1] as Token).sentence) return c;
    return { ...c, t1: c.t1 + 1, end: n.end };
  });
}
