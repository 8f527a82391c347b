import type { Context } from '../../pipeline/types.js';

/**
 * The end of the zone holding normalized `offset` (a binary search; zones tile the text). A quote is kept only when it
 * lies inside one zone (assemble drops one that crosses a boundary), so the stage never joins parts across one: a
 * quote paragraph the zoner reads as chrome ("related", "boilerplate") must not take the body's quote with it.
 */
export function zoneEnd(ctx: Context, offset: number): number {
  const zones = ctx.doc.zones;
  let lo = 0;
  let hi = zones.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = zones[mid] as { start: number; end: number };
    if (offset < z.start) hi = mid - 1;
    else if (offset >= z.end) lo = mid + 1;
    else return z.end;
  }
  return Number.POSITIVE_INFINITY;
}

/** Whether [start, end) lies inside one zone. */
export const oneZone = (ctx: Context, start: number, end: number): boolean => end <= zoneEnd(ctx, start);
