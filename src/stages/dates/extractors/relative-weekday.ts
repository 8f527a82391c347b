import type { Context } from '../../../pipeline/types.js';
import { addDays, fmtDay, parseYmd, weekday } from '../calendar.js';
import { BEFORE_WORDS, WEEKDAYS } from '../lexicon.js';
import { candidate, lowerAt, positionsOf, reference, tenseAt, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';
import { DAY_PARTS } from './part-of-day.js';

const WEEKDAY_WORDS = triggers([...WEEKDAYS.keys()]);
/** "Friday and Saturday", "Friday or Thursday": the nearest such day; "Monday through Friday": the next one. */
const LINKS = new Set(['and', 'or']);
const RANGE_LINKS = new Set(['to', 'through', 'until', 'till', '-', '\u2013']);
const WEEK_SHIFT: ReadonlyMap<string, number> = new Map([
  ['this', 0],
  ['next', 1],
  ['last', -1],
]);

/**
 * "on Monday", "last Friday", "next Tuesday", "Wednesday": the most recent such day before publication in past or
 * tense-less sentences, the next one in future sentences (will, going to, next).
 */
export function relativeWeekday(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const ref = reference(ctx);
  const toks = ctx.doc.tokens;
  for (const i of positionsOf(ctx, WEEKDAY_WORDS)) {
    const t = toks[i];
    if (t?.kind !== 'word' || !t.cap) continue;
    const wd = WEEKDAYS.get(t.lower);
    if (wd === undefined) continue;
    const prev = lowerAt(ctx, i - 1);
    // "every Friday", "each Sunday": a set (TIMEX3 SET), not a date.
    if (prev === 'every' || prev === 'each') continue;
    // "Saturday Night Live", "Monday Night Football", "CBS Sunday Morning": a programme's name.
    const n = toks[i + 1];
    if (n?.kind === 'word' && n.cap && n.sentence === t.sentence && DAY_PARTS.has(n.lower)) continue;
    let t0 = i;
    let value: string | null = null;
    let dir: 'past' | 'future';
    let strict = false;
    // "the previous Friday", "the following Monday": counted from the day the story is at (the anchor refiner).
    const anaphor =
      lowerAt(ctx, i - 2) === 'the'
        ? BEFORE_WORDS.has(prev)
          ? 'previous-weekday'
          : prev === 'following'
            ? 'next-weekday'
            : undefined
        : undefined;
    if (prev === 'last' || prev === 'past' || BEFORE_WORDS.has(prev)) {
      dir = 'past';
      strict = true;
      t0 = i - 1;
    } else if (prev === 'next' || prev === 'coming' || anaphor === 'next-weekday') {
      dir = 'future';
      strict = true;
      t0 = i - 1;
    } else {
      dir = tenseAt(ctx, i) === 'future' ? 'future' : 'past';
      if (prev === 'this') t0 = i - 1;
    }
    // "on Friday and Saturday", "Monday or Tuesday", "Friday and Thursday": the second day is the one nearest the
    // first (the clause names one stretch of days), whatever the tense says; "Monday through Friday" the next one.
    const before = out[out.length - 1];
    const linked =
      before?.t1 === i - 1 &&
      before.value !== null &&
      (LINKS.has(prev) || RANGE_LINKS.has(prev)) &&
      toks[i - 2]?.sentence === t.sentence;
    if (ref && linked) {
      const first = parseYmd(before.value as string);
      if (first) {
        let delta = (wd - weekday(first) + 7) % 7;
        if (delta > 3 && LINKS.has(prev)) delta -= 7;
        const d = addDays(first, delta === 0 ? 7 : delta);
        value = fmtDay(d.y, d.m, d.d);
      }
    }
    // "Monday this week", "Tuesday next week", "Friday last week": that weekday of the week named (ISO weeks, Monday
    // first), one mention.
    const weekShift = lowerAt(ctx, i + 2) === 'week' ? WEEK_SHIFT.get(lowerAt(ctx, i + 1)) : undefined;
    let t1 = i + 1;
    if (weekShift !== undefined && toks[i + 2]?.sentence === t.sentence) {
      t1 = i + 3;
      if (ref) {
        const d = addDays(ref, ((wd + 6) % 7) - ((weekday(ref) + 6) % 7) + 7 * weekShift);
        value = fmtDay(d.y, d.m, d.d);
      }
    }
    if (ref && value === null) {
      const today = weekday(ref);
      let delta: number;
      if (dir === 'past') {
        delta = -((today - wd + 7) % 7);
        if (strict && delta === 0) delta = -7;
      } else {
        delta = (wd - today + 7) % 7;
        if (strict && delta === 0) delta = 7;
      }
      const d = addDays(ref, delta);
      value = fmtDay(d.y, d.m, d.d);
    }
    out.push(
      candidate(ctx, t0, t1, 'relative-weekday', 'day', value, {
        relative: true,
        ...(anaphor && t1 === i + 1 ? { anaphor } : {}),
      }),
    );
  }
  return out;
}
