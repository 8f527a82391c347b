import type { Context } from '../../../pipeline/types.js';
import type { DateCandidate } from '../types.js';

/** Drops dates that needed a reference date when there is none, with one NO_REFERENCE_DATE warning. */
export function requireReference(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const kept = items.filter((c) => c.value !== null);
  if (kept.length < items.length) {
    ctx.warn(
      'NO_REFERENCE_DATE',
      `${items.length - kept.length} relative date(s) left out: no publishedAt given and no dateline date found`,
    );
  }
  return kept;
}
