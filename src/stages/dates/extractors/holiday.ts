import type { Context } from '../../../pipeline/types.js';
import { addDays, dayNumber, fmtDay, isoWeek, parseYmd, weekday, type Ymd } from '../calendar.js';
import { candidate, lowerAt, positionsOf, reference, tenseAt, tokenAt, triggers, yearOf } from '../scan.js';
import type { DateCandidate } from '../types.js';

type DayOf = (y: number) => Ymd;

/** The n-th weekday `wd` (0 Sunday) of a month; n = -1 for the last. */
function nthWeekday(y: number, m: number, wd: number, n: number): Ymd {
  if (n > 0) {
    const first = weekday({ y, m, d: 1 });
    return { y, m, d: 1 + ((wd - first + 7) % 7) + 7 * (n - 1) };
  }
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const last = weekday({ y, m, d: lastDay });
  return { y, m, d: lastDay - ((last - wd + 7) % 7) };
}

/** Western Easter Sunday (anonymous Gregorian algorithm). */
function easter(y: number): Ymd {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return { y, m: month, d: ((h + l - 7 * m + 114) % 31) + 1 };
}

const fixed =
  (m: number, d: number): DayOf =>
  (y) => ({ y, m, d });

/** Holiday names: first word (lower case) → [following words, day-of-year function], longest first. */
const HOLIDAYS: ReadonlyMap<string, [string[], DayOf][]> = new Map([
  [
    'thanksgiving',
    [
      [['day'], (y) => nthWeekday(y, 11, 4, 4)],
      [[], (y) => nthWeekday(y, 11, 4, 4)],
    ],
  ],
  [
    'christmas',
    [
      [['eve'], fixed(12, 24)],
      [['day'], fixed(12, 25)],
      [[], fixed(12, 25)],
    ],
  ],
  [
    'new',
    [
      [['year', "'s", 'day'], fixed(1, 1)],
      [['year', '’s', 'day'], fixed(1, 1)],
      [['year', "'s", 'eve'], fixed(12, 31)],
      [['year', '’s', 'eve'], fixed(12, 31)],
    ],
  ],
  ['independence', [[['day'], fixed(7, 4)]]],
  ['halloween', [[[], fixed(10, 31)]]],
  ['labor', [[['day'], (y) => nthWeekday(y, 9, 1, 1)]]],
  ['memorial', [[['day'], (y) => nthWeekday(y, 5, 1, -1)]]],
  [
    'easter',
    [
      [['sunday'], easter],
      [['monday'], (y) => addDays(easter(y), 1)],
      [[], easter],
    ],
  ],
  ['good', [[['friday'], (y) => addDays(easter(y), -2)]]],
]);

const WORDS = triggers([...HOLIDAYS.keys(), 'fourth']);

/**
 * Holidays: "Thanksgiving (Day)", "Christmas (Eve/Day)", "New Year's Day/Eve", "Independence Day", "the Fourth of
 * July", "Labor Day", "Memorial Day", "Easter", "Good Friday", "Halloween". With a year after them that year; after
 * "last"/"next" the one before/after the reference date; else the nearest one, by the tense as for a bare month.
 * "Easter week", "Christmas week": that day's ISO week.
 */
export function holiday(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  let last = -1;
  for (const i of positionsOf(ctx, WORDS)) {
    const t = toks[i];
    if (i <= last || !t?.cap) continue;
    let forms = HOLIDAYS.get(t.lower);
    let j = i + 1;
    let dayOf: DayOf | null = null;
    if (t.lower === 'fourth' && lowerAt(ctx, i + 1) === 'of' && tokenAt(ctx, i + 2)?.text === 'July') {
      dayOf = fixed(7, 4);
      j = i + 3;
      forms = undefined;
    }
    for (const [rest, f] of forms ?? []) {
      if (rest.every((w, k) => lowerAt(ctx, i + 1 + k) === w)) {
        dayOf = f;
        j = i + 1 + rest.length;
        break;
      }
    }
    if (!dayOf) continue;
    // "Easter week", "Christmas week": the ISO week holding the day (Holy Week ends on Easter Sunday).
    const week = j === i + 1 && lowerAt(ctx, j) === 'week';
    if (week) j++;
    let t0 = i;
    const p = lowerAt(ctx, i - 1);
    let k = j;
    if (lowerAt(ctx, k) === 'of' || lowerAt(ctx, k) === ',') k++;
    const y = yearOf(tokenAt(ctx, k));
    let value: string | null = null;
    let relative = false;
    if (y !== null) {
      const d = dayOf(y);
      value = fmtDay(d.y, d.m, d.d);
      j = k + 1;
    } else if (ref) {
      relative = true;
      const r = dayNumber(ref.y, ref.m, ref.d);
      const tense =
        p === 'last' || p === 'past' ? 'last' : p === 'next' || p === 'coming' ? 'next' : tenseAt(ctx, j - 1);
      if (p === 'last' || p === 'next' || p === 'this' || p === 'past' || p === 'coming') t0 = i - 1;
      let best: Ymd | null = null;
      let bestCost = Number.POSITIVE_INFINITY;
      for (const yy of [ref.y - 1, ref.y, ref.y + 1]) {
        const d = dayOf(yy);
        const dist = dayNumber(d.y, d.m, d.d) - r;
        if ((tense === 'last' && dist >= 0) || (tense === 'next' && dist <= 0)) continue;
        const against = (tense === 'past' && dist > 3) || (tense === 'future' && dist < 0);
        const cost = Math.abs(dist) * (against ? 3 : 1);
        if (cost < bestCost) {
          bestCost = cost;
          best = d;
        }
      }
      if (best) value = fmtDay(best.y, best.m, best.d);
    }
    const day = week && value ? parseYmd(value) : null;
    if (day) out.push(candidate(ctx, t0, j, 'holiday', 'week', isoWeek(day), { relative, inferred: relative }));
    else out.push(candidate(ctx, t0, j, 'holiday', 'day', value, { relative, inferred: relative }));
    last = j - 1;
  }
  return out;
}
