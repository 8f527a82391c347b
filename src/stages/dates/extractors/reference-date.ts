import type { Context } from '../../../pipeline/types.js';
import { NO_YEAR } from '../calendar.js';
import type { DateCandidate } from '../types.js';
import { dayMonth } from './day-month.js';
import { isoDate } from './iso-date.js';
import { monthDay } from './month-day.js';

const CUE = /\b(?:published|updated|posted|last modified|first published)\b/i;
const LEAD_PARAGRAPHS = 6;

/**
 * Sets `ctx.publishedAt` when the caller gave none: the zoner's dateline date, else the first full date (with its
 * year) in a dateline ("BRUSSELS 1996-08-22") or a "Published on … / Updated …" line among the first paragraphs.
 * Returns no candidates: the other extractors find the date itself.
 */
export function referenceDate(ctx: Context): DateCandidate[] {
  if (ctx.publishedAt) return [];
  if (ctx.doc.datelineDate) {
    ctx.publishedAt = ctx.doc.datelineDate;
    return [];
  }
  const paras = ctx.doc.paragraphs.slice(0, LEAD_PARAGRAPHS);
  const last = paras[paras.length - 1];
  if (!last) return [];
  const found = [...isoDate(ctx), ...monthDay(ctx), ...dayMonth(ctx)]
    // A written year only: not inferred, not TimeML's `XXXX` placeholder (no reference date yet).
    .filter((c) => c.start < last.end && !c.inferred && c.grain === 'day' && c.value && !c.value.startsWith(NO_YEAR))
    .sort((a, b) => a.start - b.start);
  for (const c of found) {
    const p = paras.find((x) => x.start <= c.start && c.start < x.end);
    if (!p) continue;
    const line = ctx.doc.text.slice(p.start, p.end);
    const firstTok = ctx.doc.tokens.findIndex((t) => t.start >= p.start);
    const early = firstTok >= 0 && c.t0 - firstTok <= 4;
    if (CUE.test(line) || early || p.end - p.start <= 60) {
      ctx.publishedAt = c.value;
      return [];
    }
  }
  return [];
}
