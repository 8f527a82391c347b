import type { Context } from '../../../pipeline/types.js';
import { fmtDay, validDay } from '../calendar.js';
import { candidate, intOf, NUMBERS, positionsOf, tokenAt, touching } from '../scan.js';
import type { DateCandidate } from '../types.js';

interface Numeric {
  t0: number;
  t1: number;
  a: number;
  b: number;
  y: number;
  /** Dotted dates ("10.08.2023") are day-first everywhere they are used. */
  dotted: boolean;
}

const DOTTED = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function expandYear(y: number, digits: number): number {
  if (digits === 4) return y;
  return y < 50 ? 2000 + y : 1900 + y;
}

/** Finds "08/11/2023", "8/11/23" and "10.08.2023". */
function findNumeric(ctx: Context): Numeric[] {
  const found: Numeric[] = [];
  const toks = ctx.doc.tokens;
  let last = -1;
  for (const i of positionsOf(ctx, NUMBERS)) {
    if (i <= last) continue;
    const t = toks[i];
    if (t?.kind !== 'number') continue;
    const dm = DOTTED.exec(t.text);
    if (dm) {
      found.push({ t0: i, t1: i + 1, a: Number(dm[1]), b: Number(dm[2]), y: Number(dm[3]), dotted: true });
      continue;
    }
    const a = intOf(t, 2);
    if (a === null) continue;
    const s1 = tokenAt(ctx, i + 1);
    const bt = tokenAt(ctx, i + 2);
    const s2 = tokenAt(ctx, i + 3);
    const yt = tokenAt(ctx, i + 4);
    if (s1?.text !== '/' || !s2 || s2.text !== '/' || !bt || !yt) continue;
    if (!touching(t, s1) || !touching(s1, bt) || !touching(bt, s2) || !touching(s2, yt)) continue;
    const b = intOf(bt, 2);
    const y = intOf(yt, 4);
    if (b === null || y === null || (yt.text.length !== 2 && yt.text.length !== 4)) continue;
    // "1/2/2023/4" or a fraction chain: the next token must not continue it.
    const after = tokenAt(ctx, i + 5);
    if (after && touching(yt, after) && after.text === '/') continue;
    found.push({ t0: i, t1: i + 5, a, b, y: expandYear(y, yt.text.length), dotted: false });
    last = i + 4;
  }
  return found;
}

/**
 * Numeric dates by `dateOrder`; with 'auto', unambiguous dates elsewhere in the article decide (13/08 → DMY,
 * 08/13 → MDY), else an ambiguous one is left out with an AMBIGUOUS_DATE warning.
 */
export function numericDate(ctx: Context): DateCandidate[] {
  const found = findNumeric(ctx);
  if (found.length === 0) return [];
  let order: 'MDY' | 'DMY' | null = ctx.options.dateOrder === 'auto' ? null : ctx.options.dateOrder;
  if (order === null) {
    let dmy = false;
    let mdy = false;
    for (const f of found) {
      if (f.dotted) continue;
      if (f.a > 12 && f.b <= 12) dmy = true;
      if (f.b > 12 && f.a <= 12) mdy = true;
    }
    if (dmy !== mdy) order = dmy ? 'DMY' : 'MDY';
  }
  const out: DateCandidate[] = [];
  for (const f of found) {
    let o: 'MDY' | 'DMY' | null = f.dotted ? 'DMY' : order;
    if (o === null) {
      if (f.a > 12 && f.b <= 12) o = 'DMY';
      else if (f.b > 12 && f.a <= 12) o = 'MDY';
      else if (f.a === f.b) o = 'MDY';
    }
    const first = ctx.doc.tokens[f.t0];
    const last = ctx.doc.tokens[f.t1 - 1];
    if (o === null) {
      if (first && last) {
        ctx.warn(
          'AMBIGUOUS_DATE',
          `"${ctx.doc.text.slice(first.start, last.end)}" could be day-first or month-first: set dateOrder`,
          first.start,
          last.end,
        );
      }
      continue;
    }
    const m = o === 'MDY' ? f.a : f.b;
    const d = o === 'MDY' ? f.b : f.a;
    if (!validDay(f.y, m, d)) continue;
    out.push(candidate(ctx, f.t0, f.t1, 'numeric-date', 'day', fmtDay(f.y, m, d), { priority: 1 }));
  }
  return out;
}
