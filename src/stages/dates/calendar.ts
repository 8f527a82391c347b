/** Calendar arithmetic on YYYY-MM-DD strings, in UTC. */

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export function parseYmd(s: string): Ymd | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export const fmtDay = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
export const fmtMonth = (y: number, m: number): string => `${pad4(y)}-${pad2(m)}`;
export const fmtYear = (y: number): string => pad4(y);
/**
 * TimeML's placeholder for a year that cannot be known (no reference date, none written): `XXXX-08-11`, `XXXX-08`,
 * `XXXX-Q3`, `XXXX-SU` (the form SUTime gives "Aug. 11" with no document date).
 */
export const NO_YEAR = 'XXXX';
export const fmtDayNoYear = (m: number, d: number): string => `${NO_YEAR}-${pad2(m)}-${pad2(d)}`;
export const fmtMonthNoYear = (m: number): string => `${NO_YEAR}-${pad2(m)}`;

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDay(y: number, m: number, d: number): boolean {
  return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Days since the epoch. */
export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / 86_400_000;

export function fromDayNumber(n: number): Ymd {
  const dt = new Date(n * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function addDays(r: Ymd, days: number): Ymd {
  return fromDayNumber(dayNumber(r.y, r.m, r.d) + days);
}

export function weekday(r: Ymd): number {
  return new Date(Date.UTC(r.y, r.m - 1, r.d)).getUTCDay();
}

/** ISO 8601 week of a day, as TIMEX3 "2023-W32". */
export function isoWeek(r: Ymd): string {
  const n = dayNumber(r.y, r.m, r.d);
  const dow = (weekday(r) + 6) % 7; // Monday 0
  const thursday = fromDayNumber(n - dow + 3);
  const week = Math.floor((n - dow + 3 - dayNumber(thursday.y, 1, 1)) / 7) + 1;
  return `${fmtYear(thursday.y)}-W${pad2(week)}`;
}

export function addMonths(y: number, m: number, delta: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + delta;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

export const quarterOf = (m: number): number => Math.floor((m - 1) / 3) + 1;

/** The season holding a month (meteorological, northern hemisphere; December is the winter of its own year). */
export function seasonOf(m: number): string {
  if (m >= 3 && m <= 5) return 'SP';
  if (m >= 6 && m <= 8) return 'SU';
  if (m >= 9 && m <= 11) return 'FA';
  return 'WI';
}
