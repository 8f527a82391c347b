import type { Context } from '../../../pipeline/types.js';
import { fmtDay, validDay } from '../calendar.js';
import { candidate, intOf, NUMBERS, positionsOf, tokenAt, touching, yearOf } from '../scan.js';
import type { DateCandidate } from '../types.js';

const WEEK = /^w(\d{2})$/;

/** "2023-07-10" and "2023-W32": ISO 8601 written out. */
export function isoDate(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = ctx.doc.tokens;
  let last = -1;
  for (const i of positionsOf(ctx, NUMBERS)) {
    if (i <= last) continue;
    const y = yearOf(toks[i]);
    if (y === null) continue;
    const dash = tokenAt(ctx, i + 1);
    if (dash?.text !== '-' || !touching(toks[i], dash)) continue;
    const m = tokenAt(ctx, i + 2);
    if (!touching(dash, m) || !m) continue;
    const w = WEEK.exec(m.lower);
    if (w) {
      const week = Number(w[1]);
      if (week >= 1 && week <= 53) out.push(candidate(ctx, i, i + 3, 'iso-week', 'week', `${y}-W${w[1]}`));
      continue;
    }
    const dash2 = tokenAt(ctx, i + 3);
    const d = tokenAt(ctx, i + 4);
    if (m.text.length !== 2 || !dash2 || dash2.text !== '-' || !touching(m, dash2) || !touching(dash2, d)) continue;
    if (d?.text.length !== 2) continue;
    const mm = intOf(m, 2);
    const dd = intOf(d, 2);
    if (mm === null || dd === null || !validDay(y, mm, dd)) continue;
    out.push(candidate(ctx, i, i + 5, 'iso-date', 'day', fmtDay(y, mm, dd), { priority: 2 }));
    last = i + 4;
  }
  return out;
}
