import type { Context } from '../../../pipeline/types.js';
import { addDays, fmtDay } from '../calendar.js';
import { candidate, lowerAt, positionsOf, reference, triggers } from '../scan.js';
import type { DateCandidate, DayPart } from '../types.js';

/** The part-of-day words and their TIMEX3 codes. */
export const DAY_PARTS: ReadonlyMap<string, DayPart> = new Map([
  ['morning', 'MO'],
  ['afternoon', 'AF'],
  ['evening', 'EV'],
  ['night', 'NI'],
]);

const WORDS = triggers(['tonight', 'night']);
const THIS = triggers(['this']);
/** "the last night of the festival", "on his last night": not yesterday. */
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'that', 'every']);

/**
 * A part of the day standing alone: "tonight" → today `TNI`, "last night" → yesterday `TNI`, "this morning" / "this
 * afternoon" / "this evening" → today `TMO` / `TAF` / `TEV` (TIMEX3 parts of day). A part of the day after a named day
 * ("Tuesday night", "yesterday morning") is the `part-of-day` refiner's.
 */
export function partOfDay(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  const day = (off: number): string | null => {
    if (!ref) return null;
    const d = addDays(ref, off);
    return fmtDay(d.y, d.m, d.d);
  };
  for (const i of positionsOf(ctx, WORDS)) {
    const t = toks[i];
    if (t?.kind !== 'word') continue;
    if (t.lower === 'tonight') {
      // "The Tonight Show", "NBC Tonight": a title.
      const p = toks[i - 1];
      const n = toks[i + 1];
      if (t.cap && ((p?.kind === 'word' && p.cap && p.sentence === t.sentence) || (n?.kind === 'word' && n.cap)))
        continue;
      out.push(candidate(ctx, i, i + 1, 'part-of-day', 'day', day(0), { relative: true, dayPart: 'NI' }));
      continue;
    }
    // "last night"; not "the last night", "Last Night" (a title).
    if (t.cap || lowerAt(ctx, i - 1) !== 'last' || DETERMINERS.has(lowerAt(ctx, i - 2))) continue;
    if (toks[i - 1]?.sentence !== t.sentence) continue;
    out.push(candidate(ctx, i - 1, i + 1, 'part-of-day', 'day', day(-1), { relative: true, dayPart: 'NI' }));
  }
  for (const i of positionsOf(ctx, THIS)) {
    const t = toks[i];
    const n = toks[i + 1];
    if (t?.kind !== 'word' || n?.kind !== 'word' || n.cap || n.sentence !== t.sentence) continue;
    const part = DAY_PARTS.get(n.lower);
    // "this night" is rare and literary; "tonight" is the form.
    if (part === undefined || part === 'NI') continue;
    out.push(candidate(ctx, i, i + 2, 'part-of-day', 'day', day(0), { relative: true, dayPart: part }));
  }
  return out;
}
