/**
 * The compiled gazetteer (src/data/places.generated.ts, written by scripts/data/places.ts), read in place.
 *
 * Records are separated by `~`. PLACES_DATA: records sorted by folded name (then countries, continents, regions,
 * features, cities, towns, villages; then population), each `name` + a fixed 14-character tail:
 *   RRR  region-and-kind: index into PLACES_REGIONS (`CC|admin1`) × 8 + kind (KIND_LETTERS), base 64;
 *   LLLLL coordinates (codec.ts) or `-----`; IIII geonameId in base 64 (`0000`: none); PP population (codec.ts
 *   encPop: log scale; regions: a quarter of their towns' total, a prior).
 * A record with the previous record's name leaves the name out; names are Latin-1 with `^` escapes (encName), so
 * every compiled string is one byte a character and cheap to scan at import.
 * PLACES_ALTS: `key|offset` sorted by key: alternate names and official forms (folded) → record offset.
 * PLACES_COUNTRIES: `CC|offset`; PLACES_PREFERRED: `key|id` (the usual referent of an ambiguous name);
 * PLACE_DEMONYMS: `word|CC` (words folded), or `word|@name` for an area's demonym ("european|@Europe").
 *
 * Nothing is indexed at load: a lookup binary-searches the two sorted strings, and parses (then caches) the
 * records it returns. Only the small tables (countries, regions, demonyms, preferred) are read eagerly.
 */
import {
  PLACE_DEMONYMS,
  PLACES_ALTS,
  PLACES_COMMON_WORDS,
  PLACES_COUNTRIES,
  PLACES_DATA,
  PLACES_PREFERRED,
  PLACES_REGIONS,
} from '../data/places.generated.js';
import type { PlaceKind } from '../schema.js';
import { detached } from '../text/normalize.js';
import { dec64, decCoords, decName, decPop } from './codec.js';
import { fold } from './fold.js';
import type { GazetteerEntry } from './index.js';
import { KIND_CODES, KIND_LETTERS } from './kinds.js';

export { KIND_CODES } from './kinds.js';

/** Length of a record's fixed tail (region-and-kind 3, coordinates 5, id 4, population 2). */
const TAIL = 14;

export interface BuiltinTable {
  /** Number of records. */
  readonly size: number;
  /** Entries for a folded key, best prior first (a fresh array). */
  lookup(key: string): GazetteerEntry[];
  /** Every record, in data order (parses all of them: for tests and tools). */
  all(): Generator<GazetteerEntry>;
  byId(id: number): GazetteerEntry | null;
  countries: Map<string, GazetteerEntry>;
  /** Folded demonym → ISO code of its country. */
  demonyms: Map<string, string>;
  /** Folded demonym of a continent, region or city → the place's name ("texan" → "Texas"). */
  areaDemonyms: Map<string, string>;
  /** Folded place names that are also common English words ("mobile", "reading", "bath"). */
  commonWords: ReadonlySet<string>;
  /** Milliseconds the lazy load took. */
  loadMs: number;
}

let table: BuiltinTable | null = null;

/** Field and record separators of the compiled strings. */
const FS = '|';
const RS = '~';

const KIND_RANK: Partial<Record<PlaceKind, number>> = { country: 0, continent: 1 };
/** An entry reached only through an alternate name ranks as if a tenth as populous (alternates are noisier). */
const ALT_PENALTY = 10;

const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function lineStart(s: string, at: number): number {
  return s.lastIndexOf(RS, at - 1) + 1;
}
function lineEnd(s: string, at: number): number {
  const e = s.indexOf(RS, at);
  return e < 0 ? s.length : e;
}

/**
 * Record starts of a `~`-separated string, built once (one indexOf scan): record r spans `starts[r]` up to
 * `starts[r + 1] - 1` (the last entry is the string's length + 1).
 */
function recordStarts(s: string, minLength: number): Int32Array {
  const buf = new Int32Array(Math.floor((s.length + 1) / (minLength + 1)) + 2);
  let n = 0;
  buf[n++] = 0;
  for (let i = s.indexOf(RS); i >= 0; i = s.indexOf(RS, i + 1)) buf[n++] = i + 1;
  buf[n++] = s.length + 1;
  return buf.slice(0, n);
}

/** Offset of the first line of sorted `s` whose key is ≥ key (before the record index is built). */
function lowerBoundAt(s: string, key: string, cmpAt: (at: number, key: string) => number): number {
  let lo = 0;
  let hi = s.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const st = Math.max(lo, lineStart(s, mid));
    if (cmpAt(st, key) < 0) lo = lineEnd(s, st) + 1;
    else hi = st;
  }
  return lo;
}

/** Number of the first record of sorted `n` records whose key is ≥ key; cmp(r, key) compares record r's key. */
function lowerBound(n: number, key: string, cmp: (r: number, key: string) => number): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(mid, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The fold of one UTF-16 unit on its own (`fold` of the character), '' for a combining mark; null for a unit whose
 * fold may depend on its neighbours (whitespace, surrogate halves, capital sigma): names with one are folded whole.
 */
const unitFolds = new Map<number, string | null>();
const WHITE = /\s/;
function foldUnit(c: number): string | null {
  let f = unitFolds.get(c);
  if (f === undefined) {
    const ch = String.fromCharCode(c);
    f = WHITE.test(ch) || ch.trim() === '' || (c >= 0xd800 && c <= 0xdfff) || c === 0x3a3 ? null : fold(ch);
    unitFolds.set(c, f);
  }
  return f;
}

/**
 * `fold(decName(raw))` of a compiled name, a character at a time (names are folded this way when the quick filter is
 * built: ~5x faster than NFD over the whole name); whitespace is trimmed and collapsed as `fold` does. Falls back to
 * `fold` itself for a name with a unit whose fold depends on context. test/gazetteer.test.ts checks it equals
 * `fold(decName(raw))` for every record of the compiled data.
 */
export function foldRawName(raw: string, start = 0, end = raw.length): string {
  let out = '';
  let space = false;
  for (let i = start; i < end; i++) {
    let c = raw.charCodeAt(i);
    if (c === 94 /* ^ */) {
      c = dec64(raw, i + 1, i + 4);
      i += 3;
    }
    if (c === 32 || (c >= 9 && c <= 13) || c === 0xa0) {
      space = out.length > 0;
      continue;
    }
    const f = c < 128 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : String.fromCharCode(c)) : foldUnit(c);
    // A mark with nothing before it or after a space: fold trims and collapses before it strips marks.
    if (f === null || (f === '' && (space || out.length === 0))) return fold(decName(raw.slice(start, end)));
    if (space && f) {
      out += ' ';
      space = false;
    }
    out += f;
  }
  return out;
}

/** FNV-1a over a string's UTF-16 units (the quick filter's hash). */
function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
/** log2 of the quick filter's bits (4M bits, 512 kB: under 0.5 % false "maybe" for ~140k keys with two probes). */
const FILTER_BITS = 22;
/** Second probe of a hash. */
const rehash = (h: number) => {
  const x = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (x ^ (x >>> 12)) >>> 0;
};
/** Binary-searched look-ups after which the record index is built (~20 ms; one article makes a few hundred). */
const INDEX_AFTER = 1000;
/**
 * Binary-searched look-ups after which the quick filter is built. Building it costs ~40-120 ms (every name hashed,
 * non-ASCII ones folded) and saves ~1.5 µs a miss, so it is built once the searches have cost about as much (a
 * long-running process on new text); one article makes ~250, 300 articles ~4,700 (the memo answers repeats), a 1 MB
 * worst-case text of random capitalised words ~19,000 (where the filter would about break even).
 */
const FILTER_AFTER = 50_000;

/** Lookups remembered across articles (names recur); cleared when it grows past this many keys. */
const MEMO_MAX = 20_000;

export function loadBuiltins(): BuiltinTable {
  if (table) return table;
  const t0 = now();
  const data = PLACES_DATA;
  const regions = PLACES_REGIONS.split(RS).map((r) => {
    const bar = r.indexOf(FS);
    const cc = r.slice(0, bar);
    return { cc: cc === '--' ? null : cc, admin1: r.slice(bar + 1) };
  });
  /** Start of the (escaped) name of the record at `at`: its own, or the nearest earlier record's when it repeats it. */
  const nameStart = (at: number): number => {
    let st = at;
    while (st > 0 && lineEnd(data, st) - st <= TAIL) st = lineStart(data, st - 1);
    return st;
  };
  const rawName = (at: number): string => {
    const st = nameStart(at);
    return data.slice(st, lineEnd(data, st) - TAIL);
  };
  /**
   * The record index, built on the first look-up (not at import: ~5 ms): record starts, the record whose name each
   * record uses (itself, or the nearest earlier record with a name when it repeats it), and the alternates' line
   * starts. Binary searches then step by record number instead of scanning for separators.
   */
  let starts: Int32Array | null = null;
  let owners: Int32Array | null = null;
  let altStarts: Int32Array | null = null;
  /** Folded names of the records whose names are not plain ASCII (by owner record), folded once on first compare. */
  let folded: (string | undefined)[] = [];
  const buildIndex = (): Int32Array => {
    const st = recordStarts(data, TAIL);
    const n = st.length - 1;
    const own = new Int32Array(n);
    for (let r = 0; r < n; r++) own[r] = r > 0 && st[r + 1]! - 1 - st[r]! <= TAIL ? own[r - 1]! : r;
    owners = own;
    altStarts = recordStarts(PLACES_ALTS, 2);
    folded = new Array<string | undefined>(n).fill(undefined);
    starts = st;
    return st;
  };
  /** cmpData by offset, for the look-ups before the index is built (folds non-ASCII names at every compare). */
  const cmpDataAt = (at: number, key: string): number => {
    const st = nameStart(at);
    const end = lineEnd(data, st) - TAIL;
    for (let i = st; i < end; i++) {
      let c = data.charCodeAt(i);
      if (c >= 128 || c === 94 || c < 32 || (c === 32 && data.charCodeAt(i - 1) === 32)) {
        return order(fold(decName(data.slice(st, end))), key);
      }
      if (c >= 65 && c <= 90) c += 32;
      const j = i - st;
      if (j >= key.length) return 1;
      const k = key.charCodeAt(j);
      if (c !== k) return c - k;
    }
    return end - st - key.length;
  };
  /** cmpAlt by offset, for the look-ups before the index is built. */
  const cmpAltAt = (at: number, key: string): number => {
    const s = PLACES_ALTS;
    for (let i = at; ; i++) {
      const c = s.charCodeAt(i);
      const j = i - at;
      if (c === 124 /* | */ || Number.isNaN(c)) return j - key.length;
      if (j >= key.length) return 1;
      const k = key.charCodeAt(j);
      if (c !== k) return c - k;
    }
  };
  /**
   * The quick "not in the gazetteer" filter: a Bloom filter (two probes) of every key a look-up can find, i.e. each
   * record name as cmpData compares it (lower-cased ASCII, or folded) and each alternate key. Most look-ups on new
   * text miss; the filter answers those without a binary search. Built after FILTER_AFTER searches (not at load).
   */
  let filter: Int32Array | null = null;
  let searched = 0;
  const MASK = (1 << FILTER_BITS) - 1;
  const buildFilter = (): void => {
    const st = starts ?? buildIndex();
    const own = owners as Int32Array;
    const f = new Int32Array(1 << (FILTER_BITS - 5));
    const add = (h: number) => {
      const a = h & MASK;
      const b = rehash(h) & MASK;
      f[a >>> 5]! |= 1 << (a & 31);
      f[b >>> 5]! |= 1 << (b & 31);
    };
    const n = st.length - 1;
    for (let r = 0; r < n; r++) {
      if (own[r] !== r) continue;
      const s0 = st[r]!;
      const end = st[r + 1]! - 1 - TAIL;
      let h = 0x811c9dc5;
      let plain = true;
      for (let i = s0; i < end; i++) {
        let c = data.charCodeAt(i);
        if (c >= 128 || c === 94 || c < 32 || (c === 32 && data.charCodeAt(i - 1) === 32)) {
          plain = false;
          break;
        }
        if (c >= 65 && c <= 90) c += 32;
        h = Math.imul(h ^ c, 0x01000193);
      }
      if (plain) add(h >>> 0);
      else {
        let k = folded[r];
        if (k === undefined) folded[r] = k = foldRawName(data, s0, end);
        add(hashKey(k));
      }
    }
    const alts = PLACES_ALTS;
    const as = altStarts as Int32Array;
    for (let r = 0; r < as.length - 1; r++) {
      let h = 0x811c9dc5;
      for (let i = as[r]!; i < alts.length; i++) {
        const c = alts.charCodeAt(i);
        if (c === 124 /* | */) break;
        h = Math.imul(h ^ c, 0x01000193);
      }
      add(h >>> 0);
    }
    filter = f;
  };
  /** False when `key` is surely not in the gazetteer (true before the filter is built). */
  const maybe = (key: string): boolean => {
    const f = filter;
    if (!f) {
      if (searched >= FILTER_AFTER) buildFilter();
      return true;
    }
    const h = hashKey(key);
    const a = h & MASK;
    const b = rehash(h) & MASK;
    return ((f[a >>> 5]! >>> (a & 31)) & 1) === 1 && ((f[b >>> 5]! >>> (b & 31)) & 1) === 1;
  };
  /**
   * Compares the folded name of record `r` with `key` without building strings: ASCII names fold to lower case, so
   * they compare character by character; anything else (escapes, non-ASCII letters) is folded in full, once.
   */
  const cmpData = (r: number, key: string): number => {
    const o = (owners as Int32Array)[r]!;
    const f = folded[o];
    if (f !== undefined) return order(f, key);
    const st = (starts as Int32Array)[o]!;
    const end = (starts as Int32Array)[o + 1]! - 1 - TAIL;
    for (let i = st; i < end; i++) {
      let c = data.charCodeAt(i);
      if (c >= 128 || c === 94 || c < 32 || (c === 32 && data.charCodeAt(i - 1) === 32)) {
        const name = fold(decName(data.slice(st, end)));
        folded[o] = name;
        return order(name, key);
      }
      if (c >= 65 && c <= 90) c += 32;
      const j = i - st;
      if (j >= key.length) return 1;
      const k = key.charCodeAt(j);
      if (c !== k) return c - k;
    }
    return end - st - key.length;
  };
  /** Compares the key of PLACES_ALTS line `r` (folded already) with `key`. */
  const cmpAlt = (r: number, key: string): number => {
    const s = PLACES_ALTS;
    const at = (altStarts as Int32Array)[r]!;
    for (let i = at; ; i++) {
      const c = s.charCodeAt(i);
      const j = i - at;
      if (c === 124 /* | */ || Number.isNaN(c)) return j - key.length;
      if (j >= key.length) return 1;
      const k = key.charCodeAt(j);
      if (c !== k) return c - k;
    }
  };
  const cache = new Map<number, GazetteerEntry>();
  const entry = (at: number): GazetteerEntry => {
    const hit = cache.get(at);
    if (hit) return hit;
    const t = lineEnd(data, at) - TAIL;
    const rk = dec64(data, t, t + 3);
    const region = regions[rk >>> 3];
    const ll = decCoords(data, t + 3);
    const id = dec64(data, t + 8, t + 12);
    const e: GazetteerEntry = {
      geonameId: id > 0 ? id : null,
      name: decName(rawName(at)),
      kind: KIND_CODES[KIND_LETTERS[rk & 7] ?? 'o'] ?? 'other',
      countryCode: region?.cc ?? null,
      lat: ll ? ll[0] : null,
      lon: ll ? ll[1] : null,
      population: decPop(data, t + 12),
    };
    if (region?.admin1) e.admin1 = region.admin1;
    cache.set(at, e);
    return e;
  };
  const pairs = (s: string, value: (v: string) => string | number) => {
    const m = new Map<string, ReturnType<typeof value>>();
    for (const line of s.split(RS)) {
      const tab = line.indexOf(FS);
      if (tab > 0) m.set(line.slice(0, tab), value(line.slice(tab + 1)));
    }
    return m;
  };
  const countries = new Map<string, GazetteerEntry>();
  for (const [cc, at] of pairs(PLACES_COUNTRIES, (v) => dec64(v))) countries.set(cc, entry(at as number));
  const demonyms = new Map<string, string>();
  const areaDemonyms = new Map<string, string>();
  for (const [k, v] of pairs(PLACE_DEMONYMS, (x) => x) as Map<string, string>) {
    if (v.startsWith('@')) areaDemonyms.set(k, v.slice(1));
    else demonyms.set(k, v);
  }
  const preferred = pairs(PLACES_PREFERRED, (v) => dec64(v)) as Map<string, number>;
  let ids: Map<number, number> | null = null;
  let size = -1;

  const memo = new Map<string, GazetteerEntry[]>();
  const prior = (e: GazetteerEntry, alt: boolean) =>
    (KIND_RANK[e.kind] ?? 2) * 1e12 - (alt ? e.population / ALT_PENALTY : e.population);

  /** Entries best prior first (the usual referent of an ambiguous name first), remembered for `key`; a fresh array. */
  const rank = (key: string, scored: [GazetteerEntry, number][]): GazetteerEntry[] => {
    scored.sort((a, b) => a[1] - b[1]);
    const out = scored.map(([e]) => e);
    const want = preferred.get(key);
    if (want !== undefined) {
      const i = out.findIndex((e) => e.geonameId === want);
      if (i > 0) out.unshift(...out.splice(i, 1));
    }
    if (memo.size >= MEMO_MAX) memo.clear();
    memo.set(detached(key), out);
    return out.slice();
  };

  table = {
    /** Counted on first use (a scan of the whole string). */
    get size() {
      if (size < 0) {
        size = data.length ? 1 : 0;
        for (let i = data.indexOf(RS); i >= 0; i = data.indexOf(RS, i + 1)) size++;
      }
      return size;
    },
    countries,
    demonyms,
    areaDemonyms,
    commonWords: new Set(PLACES_COMMON_WORDS.split(RS).filter(Boolean)),
    loadMs: 0,
    *all() {
      for (let at = 0; at < data.length; at = lineEnd(data, at) + 1) yield entry(at);
    },
    byId(id) {
      if (!ids) {
        ids = new Map();
        for (let at = 0; at < data.length; at = lineEnd(data, at) + 1) {
          const t = lineEnd(data, at) - TAIL;
          const n = dec64(data, t + 8, t + 12);
          if (n > 0) ids.set(n, at);
        }
      }
      const at = ids.get(id);
      return at === undefined ? null : entry(at);
    },
    lookup(key) {
      if (!key) return [];
      const known = memo.get(key);
      if (known) return known.slice();
      if (!maybe(key)) return [];
      const scored: [GazetteerEntry, number][] = [];
      searched++;
      if (!starts && searched <= INDEX_AFTER) {
        // The first look-ups (one article's worth) search the strings in place: building the index costs ~20 ms.
        for (let at = lowerBoundAt(data, key, cmpDataAt); at < data.length && cmpDataAt(at, key) === 0; ) {
          const e = entry(at);
          scored.push([e, prior(e, false)]);
          at = lineEnd(data, at) + 1;
        }
        const alts = PLACES_ALTS;
        for (let at = lowerBoundAt(alts, key, cmpAltAt); at < alts.length && cmpAltAt(at, key) === 0; ) {
          const tab = alts.indexOf(FS, at);
          const end = lineEnd(alts, at);
          const e = entry(dec64(alts, tab + 1, end));
          if (!scored.some(([x]) => x === e)) scored.push([e, prior(e, true)]);
          at = end + 1;
        }
        return rank(key, scored);
      }
      const st = starts ?? buildIndex();
      const n = st.length - 1;
      for (let r = lowerBound(n, key, cmpData); r < n && cmpData(r, key) === 0; r++) {
        const e = entry(st[r]!);
        scored.push([e, prior(e, false)]);
      }
      const as = altStarts as Int32Array;
      const na = as.length - 1;
      for (let r = lowerBound(na, key, cmpAlt); r < na && cmpAlt(r, key) === 0; r++) {
        const line = as[r]!;
        const tab = PLACES_ALTS.indexOf(FS, line);
        const e = entry(dec64(PLACES_ALTS, tab + 1, as[r + 1]! - 1));
        if (!scored.some(([x]) => x === e)) scored.push([e, prior(e, true)]);
      }
      return rank(key, scored);
    },
  };
  table.loadMs = now() - t0;
  return table;
}
