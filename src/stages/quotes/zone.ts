import type { Context } from '../../pipeline/types.js';
import { zoneEnd } from '../../text/zones.js';

/**
 * Whether [start, end) lies inside one zone. A quote is kept only when it lies inside one zone (assemble drops one
 * that crosses a boundary), so the stage never joins parts across one: a quote paragraph the zoner reads as chrome
 * ("related", "boilerplate") must not take the body's quote with it.
 */
export const oneZone = (ctx: Context, start: number, end: number): boolean => end <= zoneEnd(ctx.doc.zones, start);
