import type { Context } from '../../../pipeline/types.js';
import { addDays, fmtDay } from '../calendar.js';
import { candidate, positionsOf, reference, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';

const OFFSET: ReadonlyMap<string, number> = new Map([
  ['yesterday', -1],
  ['today', 0],
  ['tomorrow', 1],
]);

const DAY_WORDS = triggers([...OFFSET.keys()]);

/** "yesterday", "today", "tomorrow" against the reference date. */
export function relativeDay(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  for (const i of positionsOf(ctx, DAY_WORDS)) {
    const t = toks[i];
    if (t?.kind !== 'word') continue;
    const off = OFFSET.get(t.lower);
    if (off === undefined) continue;
    // "VOA Today", "USA Today": a capitalised word before a capitalised "Today" makes a name.
    const p = toks[i - 1];
    if (t.cap && p?.kind === 'word' && p.cap && p.sentence === t.sentence) continue;
    let value: string | null = null;
    if (ref) {
      const d = addDays(ref, off);
      value = fmtDay(d.y, d.m, d.d);
    }
    out.push(candidate(ctx, i, i + 1, 'relative-day', 'day', value, { relative: true }));
  }
  return out;
}
