import type { Context } from '../../../pipeline/types.js';
import { dayNumber, NO_YEAR, type Ymd } from '../calendar.js';
import { SEASONS } from '../lexicon.js';
import { candidate, lowerAt, positionsOf, reference, tenseAt, tokenAt, triggers, yearOf } from '../scan.js';
import type { DateCandidate } from '../types.js';

const SEASON_WORDS = triggers([...SEASONS.keys()]);
const START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const SEASON_PREPS = new Set([
  'in',
  'into',
  'during',
  'over',
  'by',
  'until',
  'through',
  'throughout',
  'since',
  'for',
  'the',
]);
const CROPS = new Set([
  'wheat',
  'wheats',
  'crop',
  'crops',
  'barley',
  'grain',
  'grains',
  'corn',
  'oats',
  'rye',
  'rapeseed',
  'planting',
  'plantings',
  'sowing',
  'sowings',
  'seeding',
  'durum',
  'cereals',
  'vegetables',
]);
const CONTEXT = new Set(['this', 'last', 'next', 'the', 'past', 'coming', 'early', 'late', 'mid', 'that']);

/** Which year's season `code` a relative phrase means. */
function seasonYear(ref: Ymd, code: string, how: 'last' | 'next' | 'this' | 'past' | 'future'): number {
  const start = START[code] as number;
  const m = ref.m;
  const started = code === 'WI' ? m === 12 || m <= 2 : m >= start;
  const ended = code === 'WI' ? m >= 3 && m < 12 : m >= start + 3;
  const yOfCurrent = code === 'WI' && m <= 2 ? ref.y - 1 : ref.y;
  if (how === 'this') return yOfCurrent;
  // Between March and November the last winter began the December before (the coming one is `yOfCurrent`).
  if (how === 'last' || how === 'past') return code === 'WI' && ended ? ref.y - 1 : ended ? yOfCurrent : yOfCurrent - 1;
  return started ? yOfCurrent + 1 : yOfCurrent;
}

/** Days from the reference date to the middle of `code` in year y (winter: its January). */
function toMiddle(ref: Ymd, code: string, y: number): number {
  const start = START[code] as number;
  const m = start === 12 ? 1 : start + 1;
  return dayNumber(start === 12 ? y + 1 : y, m, 15) - dayNumber(ref.y, ref.m, ref.d);
}

/**
 * No tense cue ("hopes of seeing the duo on the ticket in the fall", written in June): the nearer of the last and the
 * next season, one ahead counting twice as far (as `inferYear` does for months: news tells of the past more often).
 */
function nearerSeason(ref: Ymd, code: string): 'past' | 'future' {
  const back = Math.abs(toMiddle(ref, code, seasonYear(ref, code, 'past')));
  const ahead = Math.abs(toMiddle(ref, code, seasonYear(ref, code, 'future')));
  return ahead * 2 < back ? 'future' : 'past';
}

/** "summer 2023", "the summer of 2023", "this summer", "last fall", "in the spring". */
export function season(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = ctx.doc.tokens;
  let last = -1;
  for (const i of positionsOf(ctx, SEASON_WORDS)) {
    if (i <= last) continue;
    const t = toks[i];
    if (t?.kind !== 'word') continue;
    const code = SEASONS.get(t.lower);
    if (!code) continue;
    const j = i + 1;
    let k = j;
    if (lowerAt(ctx, k) === 'of' || lowerAt(ctx, k) === ',') k++;
    const y = yearOf(tokenAt(ctx, k));
    const prev = lowerAt(ctx, i - 1);
    if (y !== null) {
      out.push(candidate(ctx, i, k + 1, 'season-year', 'season', `${y}-${code}`));
      last = k;
      continue;
    }
    if (!CONTEXT.has(prev)) continue;
    // "the fall of the Berlin Wall", "the spring of discontent": of + a non-year is not a season; nor is a crop named
    // by its season ("the winter wheat belt", "spring crops", "the autumn barley harvest").
    if (lowerAt(ctx, j) === 'of' || CROPS.has(lowerAt(ctx, j))) continue;
    const ref = reference(ctx);
    let how: 'last' | 'next' | 'this' | 'past' | 'future';
    let relative = true;
    if (prev === 'this' || prev === 'that') how = 'this';
    else if (prev === 'last' || prev === 'past') how = 'last';
    else if (prev === 'next' || prev === 'coming') how = 'next';
    else {
      relative = false;
      const tense = tenseAt(ctx, i);
      how = tense === 'future' ? 'future' : tense === 'past' || !ref ? 'past' : nearerSeason(ref, code);
      // "in the spring", "during the summer", "in early spring"; not "the spring in the valley".
      const p2 = lowerAt(ctx, i - 2);
      if (
        !(prev === 'the' && SEASON_PREPS.has(p2)) &&
        !(['early', 'late', 'mid'].includes(prev) && SEASON_PREPS.has(p2))
      ) {
        continue;
      }
    }
    // No reference date: "in the spring" is `XXXX-SP` (the year cannot be known); "last spring" stays out.
    const value = ref ? `${seasonYear(ref, code, how)}-${code}` : relative ? null : `${NO_YEAR}-${code}`;
    const t0 = relative ? i - 1 : i;
    out.push(candidate(ctx, t0, j, 'season', 'season', value, { relative, inferred: ref !== null }));
  }
  return out;
}
