import type { Context } from '../../../pipeline/types.js';
import { addDays, fmtDay, weekday } from '../calendar.js';
import { WEEKDAYS } from '../lexicon.js';
import { candidate, lowerAt, positionsOf, reference, tenseAt, triggers } from '../scan.js';
import type { DateCandidate } from '../types.js';
import { DAY_PARTS } from './part-of-day.js';

const WEEKDAY_WORDS = triggers([...WEEKDAYS.keys()]);

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
    if (prev === 'last' || prev === 'past' || prev === 'previous') {
      dir = 'past';
      strict = true;
      t0 = i - 1;
    } else if (prev === 'next' || prev === 'coming') {
      dir = 'future';
      strict = true;
      t0 = i - 1;
    } else {
      dir = tenseAt(ctx, i) === 'future' ? 'future' : 'past';
      if (prev === 'this') t0 = i - 1;
    }
    if (ref) {
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
    out.push(candidate(ctx, t0, i + 1, 'relative-weekday', 'day', value, { relative: true }));
  }
  return out;
}
