/**
 * Normalization keeps an offset map back to the caller's exact input.
 *
 * Same-length replacements: control characters and tabs become spaces, a lone CR a newline, lone surrogates U+FFFD,
 * non-breaking and other Unicode spaces a plain space, the quotation dash U+2015 an em dash. Deletions: the CR of
 * CRLF, zero-width characters (ZWSP, ZWNJ, ZWJ, word joiner, BOM) and soft hyphens, so "Kor\u00ADolev" stays one
 * word. `toRaw[i]` is the raw index of normalized character i; `toRaw[text.length]` is the raw length.
 */
export interface Normalized {
  text: string;
  /** `toRaw[i]` is the raw index of normalized index i (length text.length + 1); built on first access. */
  readonly toRaw: Int32Array;
  /** The same map, or null when normalized and raw offsets are the same (what `spanToRaw` takes; no allocation). */
  rawMap: Int32Array | null;
  /** True when nothing was deleted, so offsets are the same in both strings. */
  identity: boolean;
}

/** Unicode spaces that become a plain space: U+00A0, U+1680, U+2000–U+200A, U+202F, U+205F, U+3000 (by code: no string per character). */
const isUnicodeSpace = (c: number): boolean =>
  c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x202f || c === 0x205f || c === 0x3000;

/**
 * A copy of `s` that does not keep the string it was sliced from alive: V8 makes a slice of 13 characters or more a
 * view into its parent (the whole article), so a memo that outlives the article keys on a copy. The concatenation is
 * flattened into a new string when sliced; shorter slices are copies already.
 */
export const detached = (s: string): string => (s.length < 13 ? s : ` ${s}`.slice(1));

/** True when every code unit of `s` is ASCII (a token's lower case is then its folded form: gazetteer/fold.ts). */
export function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 128) return false;
  return true;
}

/** A-Z or a-z, by character code. */
export const isAsciiLetter = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/**
 * JavaScript's `\s` (WhiteSpace and LineTerminator) by character code: the separators of `split(/\s+/)`, tested
 * without a string or a regex per character. Shared by the zone line scans and the entity rules.
 */
export function isJsSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * One pass over the character codes. Printable ASCII is kept without a look at anything else; the output string is
 * built only once something is replaced, and the offset map only once something is deleted (before that, normalized
 * index i is raw index i), so an article that needs no change costs one scan.
 */
export function normalize(raw: string): Normalized {
  const n = raw.length;
  let out: string[] | null = null;
  let toRaw: Int32Array | null = null;
  let j = 0; // normalized length so far
  let chunkStart = 0;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 0x20 && c < 0x7f) {
      if (toRaw) toRaw[j] = i;
      j++;
      continue;
    }
    let rep: string | null | undefined; // undefined: keep; null: delete; string: replace (one code unit)
    if (c < 0x20) {
      if (c === 0x0a) rep = undefined;
      else if (c === 0x0d) rep = raw.charCodeAt(i + 1) === 0x0a ? null : '\n';
      else rep = ' ';
    } else if (c === 0x7f || (c >= 0x80 && c < 0xa0)) {
      rep = ' ';
    } else if (c === 0xad || c === 0x200b || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) {
      rep = null;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const d = raw.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        if (toRaw) {
          toRaw[j] = i;
          toRaw[j + 1] = i + 1;
        }
        j += 2;
        i++;
        continue;
      }
      rep = '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      rep = '\ufffd';
    } else if (c === 0x2028 || c === 0x2029) {
      rep = '\n';
    } else if (isUnicodeSpace(c)) {
      rep = ' ';
    } else if (c === 0x2015) {
      // HORIZONTAL BAR, the quotation dash ("\u201C\u2026\u201D \u2015 Ana Lima"): an em dash to every rule.
      rep = '\u2014';
    }
    if (rep === undefined) {
      if (toRaw) toRaw[j] = i;
      j++;
      continue;
    }
    out ??= [];
    if (i > chunkStart) out.push(raw.slice(chunkStart, i));
    chunkStart = i + 1;
    if (rep === null) {
      if (!toRaw) {
        toRaw = new Int32Array(n + 1);
        for (let k = 0; k < j; k++) toRaw[k] = k;
      }
      continue;
    }
    out.push(rep);
    if (toRaw) toRaw[j] = i;
    j++;
  }
  if (out && n > chunkStart) out.push(raw.slice(chunkStart, n));
  const text = out ? out.join('') : raw;
  if (!toRaw) return identityResult(text);
  toRaw[j] = n;
  const map = toRaw.slice(0, j + 1);
  return { text, toRaw: map, rawMap: map, identity: false };
}

function identityResult(text: string): Normalized {
  let map: Int32Array | null = null;
  return {
    text,
    get toRaw() {
      if (!map) {
        map = new Int32Array(text.length + 1);
        for (let k = 0; k <= text.length; k++) map[k] = k;
      }
      return map;
    },
    rawMap: null,
    identity: true,
  };
}

/** Maps a normalized span [start, end) to the raw span that covers exactly the same characters. */
export function spanToRaw(map: Int32Array | null, start: number, end: number): { start: number; end: number } {
  if (!map) return { start, end: Math.max(start, end) };
  const s = map[start] as number;
  const e = end > start ? (map[end - 1] as number) + 1 : s;
  // A surrogate pair occupies two normalized slots mapped one-to-one, so e already covers the low half.
  return { start: s, end: e };
}
