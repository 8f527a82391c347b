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

/** Population in two base-64 digits on a log scale (0.5 % steps up to 4 billion); 0 stays 0. */
const POP_SCALE = 190;
export function encPop(n: number): string {
  const v = n > 0 ? Math.min(4095, 1 + Math.round(Math.log(n) * POP_SCALE)) : 0;
  return enc64(v).padStart(2, '0');
}

export function decPop(s: string, start: number): number {
  const v = dec64(s, start, start + 2);
  return v > 0 ? Math.round(Math.exp((v - 1) / POP_SCALE)) : 0;
}

/**
 * A name with every character above U+00FF (and `^`) written `^` + three base-64 digits of its UTF-16 code unit, so
 * the compiled strings stay Latin-1: one byte a character in memory, and cheaper for the engine to scan.
 */
export function encName(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c > 0xff || c === 94 ? `^${enc64(c).padStart(3, '0')}` : s[i];
  }
  return out;
}

export function decName(s: string): string {
  let at = s.indexOf('^');
  if (at < 0) return s;
  let out = '';
  let from = 0;
  while (at >= 0) {
    out += s.slice(from, at) + String.fromCharCode(dec64(s, at + 1, at + 4));
    from = at + 4;
    at = s.indexOf('^', from);
  }
  return out + s.slice(from);
}
