import type { Context } from '../../../pipeline/types.js';
import { addDays, isoWeek, weekday } from '../calendar.js';
import { candidate, lowerAt, positionsOf, reference, tenseAt, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';

const WORDS = triggers(['weekend', 'week-end']);
const BEFORE = new Set(['the', 'this', 'last', 'next', 'that', 'past', 'coming']);
/** Closed-class words that may follow "the weekend" (anything else makes it a modifier: "weekend sales"). */
const AFTER_OK = new Set([
  ...['and', 'of', 'to', 'in', 'at', 'when', 'after', 'before', 'on', 'that', 'toward', 'towards', 'for', 'with'],
  ...['by', 'from', 'as', 'but', 'or', 'while', 'during', 'near', 'into', 'amid', 'against', 'despite', 'than'],
  ...['through', 'until', 'because', 'since', 'so', 'where', 'without', 'under', 'across', 'outside', 'inside'],
]);

/**
 * "the weekend", "over the weekend", "last weekend", "next weekend": TIMEX3 `2023-W32-WE`, the ISO week of the
 * Saturday meant: the latest one on or before the reference date in past or tense-less clauses, the next one in
 * future clauses or after "next/coming".
 */
export function weekend(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  for (const i of positionsOf(ctx, WORDS)) {
    if (i < 1) continue;
    const p = lowerAt(ctx, i - 1);
    if (!BEFORE.has(p)) continue;
    // "weekend sales", "the weekend's", "the weekend edition": only the word on its own.
    const n = toks[i + 1];
    // A preposition, conjunction or "that" after it closes the phrase ("over the weekend on Twitter", "said over the
    // weekend that ...").
    if (n && (n.kind === 'word' || n.lower === "'s" || n.lower === '’s') && !AFTER_OK.has(n.lower)) continue;
    let value: string | null = null;
    if (ref) {
      const forward = p === 'next' || p === 'coming' || (p !== 'last' && p !== 'past' && tenseAt(ctx, i) === 'future');
      const wd = weekday(ref);
      const sat = forward ? addDays(ref, (6 - wd + 7) % 7) : addDays(ref, wd === 6 ? 0 : -((wd + 1) % 7));
      value = `${isoWeek(sat)}-WE`;
    }
    out.push(candidate(ctx, i - 1, i + 1, 'weekend', 'week', value, { relative: true }));
  }
  return out;
}
