/**
 * Normalization keeps an offset map back to the caller's exact input.
 *
 * Same-length replacements: control characters and tabs become spaces, a lone CR a newline, lone surrogates U+FFFD,
 * non-breaking and other Unicode spaces a plain space. Deletions: the CR of CRLF, zero-width characters (ZWSP, ZWNJ,
 * ZWJ, word joiner, BOM) and soft hyphens, so "Kor\u00ADolev" stays one word. `toRaw[i]` is the raw index of
 * normalized character i; `toRaw[text.length]` is the raw length.
 */
export interface Normalized {
  text: string;
  toRaw: Int32Array;
  /** True when nothing was deleted, so offsets are the same in both strings. */
  identity: boolean;
}

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

export function normalize(raw: string): Normalized {
  const n = raw.length;
  const out: string[] = [];
  const toRaw = new Int32Array(n + 1);
  let j = 0;
  let chunkStart = 0;
  let identity = true;
  const flush = (upTo: number) => {
    if (upTo > chunkStart) out.push(raw.slice(chunkStart, upTo));
  };
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
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
        toRaw[j++] = i;
        toRaw[j++] = i + 1;
        i++;
        continue;
      }
      rep = '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      rep = '\ufffd';
    } else if (c === 0x2028 || c === 0x2029) {
      rep = '\n';
    } else if (c >= 0xa0 && SPACES.test(raw[i] as string)) {
      rep = ' ';
    }
    if (rep === undefined) {
      toRaw[j++] = i;
      continue;
    }
    flush(i);
    chunkStart = i + 1;
    if (rep === null) {
      identity = false;
      continue;
    }
    out.push(rep);
    toRaw[j++] = i;
  }
  flush(n);
  toRaw[j] = n;
  const text = out.join('');
  return { text, toRaw: identity ? toRaw : toRaw.slice(0, j + 1), identity };
}

/** Maps a normalized span [start, end) to the raw span that covers exactly the same characters. */
export function spanToRaw(map: Int32Array, start: number, end: number): { start: number; end: number } {
  const s = map[start] as number;
  const e = end > start ? (map[end - 1] as number) + 1 : s;
  // A surrogate pair occupies two normalized slots mapped one-to-one, so e already covers the low half.
  return { start: s, end: e };
}
