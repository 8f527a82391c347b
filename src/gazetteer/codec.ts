/** Number encoding of the compiled gazetteer (shared by scripts/data/places.ts and the runtime loader). */
const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_.';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS.length; i++) VALUE[DIGITS.charCodeAt(i)] = i;

/** A non-negative integer in base 64 (digits, letters, `_`, `.`). */
export function enc64(n: number): string {
  let s = '';
  do {
    s = DIGITS[n % 64] + s;
    n = Math.floor(n / 64);
  } while (n > 0);
  return s;
}

/** Decodes `s.slice(start, end)` written by enc64; NaN on a character outside the alphabet. */
export function dec64(s: string, start = 0, end = s.length): number {
  let n = 0;
  for (let i = start; i < end; i++) {
    const v = VALUE[s.charCodeAt(i)] ?? -1;
    if (v < 0) return Number.NaN;
    n = n * 64 + v;
  }
  return n;
}

const LON_STEPS = 36001;
/** Latitude and longitude at 0.01° in five base-64 digits. */
export function encCoords(lat: number, lon: number): string {
  const a = Math.round((lat + 90) * 100);
  const o = Math.round((lon + 180) * 100);
  return enc64(a * LON_STEPS + o).padStart(5, '0');
}

export function decCoords(s: string, start: number): [number, number] | null {
  const n = dec64(s, start, start + 5);
  if (Number.isNaN(n)) return null;
  const a = Math.floor(n / LON_STEPS);
  const o = n - a * LON_STEPS;
  return [(a - 9000) / 100, (o - 18000) / 100];
}
