/**
 * Features of the learned name tagger (docs/ner.md), shared by training (scripts/train-ner.ts) and inference
 * (ner-model.ts) so both see the same tokens and the same hashes.
 *
 * Every feature is a 32-bit hash of (template, value). Per-token observation features are computed once per
 * document; the label-history features (previous two labels, the label the same word got earlier in the article)
 * are added during left-to-right decoding.
 */
import { getGazetteer } from '../../gazetteer/index.js';
import { forEachLexiconGroup } from '../../nlp/compromise.js';
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { placeEntry } from './lexicon.js';
import { capsParagraphs, sentenceInitial } from './lines.js';
import { nameLists } from './lists.js';

export const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type NerType = (typeof TYPES)[number];
/** Label 0 is O; then B, I, L, U for each type in TYPES order: label = 1 + 4 * type + part. */
export const N_LABELS = 1 + 4 * TYPES.length;
export const PART = ['B', 'I', 'L', 'U'] as const;

export function labelName(l: number): string {
  if (l === 0) return 'O';
  return `${PART[(l - 1) % 4]}-${TYPES[Math.floor((l - 1) / 4)]}`;
}

/** Type index (0..3) of a label, -1 for O. */
export const typeOf = (l: number): number => (l === 0 ? -1 : Math.floor((l - 1) / 4));
/** Part of a label: 0 B, 1 I, 2 L, 3 U; -1 for O. */
export const partOf = (l: number): number => (l === 0 ? -1 : (l - 1) % 4);

/** BILOU transition: may label `b` follow label `a` (a = -1 at the start of a sentence)? */
export function allowed(a: number, b: number): boolean {
  const pa = a <= 0 ? -1 : partOf(a);
  const inside = pa === 0 || pa === 1; // after B or I we must continue the same entity
  const pb = partOf(b);
  if (inside) return (pb === 1 || pb === 2) && typeOf(a) === typeOf(b);
  return b === 0 || pb === 0 || pb === 3;
}

/** Label allowed to end a sentence. */
export const canEnd = (l: number): boolean => l === 0 || partOf(l) >= 2;

export function fnv(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hash of (template, value), well mixed (murmur3 finaliser). */
export function mix(template: number, v: number): number {
  let h = (Math.imul(template + 1, 0x9e3779b1) ^ v) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Word shape with runs collapsed: "Korolev" → "Xx", "NATO" → "X", "U.S." → "X.X.", "1996-08-22" → "d-d-d". */
export function shape(text: string): string {
  let out = '';
  let last = '';
  for (let i = 0; i < text.length && out.length <= 8; i++) {
    const code = text.charCodeAt(i);
    let c: string;
    if (code >= 65 && code <= 90) c = 'X';
    else if (code >= 97 && code <= 122) c = 'x';
    else if (code >= 48 && code <= 57) c = 'd';
    else if (code < 128) c = text[i] as string;
    else {
      const ch = text[i] as string;
      const up = ch.toUpperCase();
      const low = ch.toLowerCase();
      c = up === low ? ch : ch === up ? 'X' : 'x';
    }
    if (c !== last || (c !== 'X' && c !== 'x' && c !== 'd')) out += c;
    last = c;
  }
  return out;
}

/** fnv(shape(text)) without building the string. */
export function shapeHash(text: string): number {
  let h = 0x811c9dc5;
  let len = 0;
  let last = -1;
  for (let i = 0; i < text.length && len <= 8; i++) {
    const code = text.charCodeAt(i);
    let c: number;
    if (code >= 65 && code <= 90)
      c = 88; // X
    else if (code >= 97 && code <= 122)
      c = 120; // x
    else if (code >= 48 && code <= 57)
      c = 100; // d
    else if (code < 128) c = code;
    else {
      const ch = text[i] as string;
      const up = ch.toUpperCase();
      const low = ch.toLowerCase();
      c = up === low ? code : ch === up ? 88 : 120;
    }
    if (c !== last || (c !== 88 && c !== 120 && c !== 100)) {
      h = Math.imul(h ^ c, 0x01000193);
      len++;
    }
    last = c;
  }
  return h >>> 0;
}

// Templates.
export const T = {
  bias: 0,
  w: 1,
  raw: 2,
  shape: 3,
  pre: 4, // 4..7
  suf: 8, // 8..11
  wm1: 12,
  wp1: 13,
  wm2: 14,
  wp2: 15,
  sm1: 16,
  sp1: 17,
  sm2: 18,
  sp2: 19,
  bgm: 20,
  bgp: 21,
  s3: 22,
  capsLine: 23,
  initial: 24,
  flag: 25,
  flagm1: 26,
  flagp1: 27,
  len: 28,
  lowerSeen: 29,
  capsW: 30,
  gazSpan: 31,
  wm1s0: 32,
  s0wp1: 33,
  capSeen: 34,
  // Label-history templates (added while decoding).
  l1: 40,
  l2: 41,
  l12: 42,
  l1w: 43,
  l1s: 44,
  nl: 45,
  nls: 46,
  nlw: 47,
} as const;

// Word flags (gazetteers and lists).
const F = {
  place: 1,
  country: 2,
  demonym: 4,
  given: 8,
  lastName: 16,
  lexPlace: 32,
  lexOrg: 64,
  knownOrg: 128,
  orgKeyword: 256,
  title: 512,
  role: 1024,
  notName: 2048,
  speech: 4096,
  month: 8192,
  placeWord: 16384,
  bigCity: 32768,
} as const;
export const FLAG_BITS: readonly number[] = Object.values(F);

const PLACE_TAGS = new Set(['Place', 'Country', 'City', 'Region']);
const GIVEN_TAGS = new Set(['FirstName', 'MaleName', 'FemaleName']);

/** The word-list bits of a lexicon tag list (0 when none applies). */
function tagFlags(tags: readonly string[]): number {
  let f = 0;
  for (const tag of tags) {
    if (PLACE_TAGS.has(tag)) f |= F.lexPlace;
    else if (GIVEN_TAGS.has(tag)) f |= F.given;
    else if (tag === 'LastName') f |= F.lastName;
    else if (tag === 'Organization' || tag === 'SportsTeam') f |= F.lexOrg;
    else if (tag === 'Month' || tag === 'WeekDay') f |= F.month;
    else if (tag === 'Demonym') f |= F.demonym;
  }
  return f;
}

let LIST_FLAGS: Map<string, number> | null = null;

/**
 * Per lower-case word, the bits of compromise's lexicon tags and of the name lists, merged into one map on first use:
 * a word seen for the first time costs one look-up instead of ten (on a text of made-up words, where every
 * form is new, those look-ups were a tenth of the name stage). A known-organization key in capitals ("NATO") never
 * equals a lower-case word, so it is found by the exact-text test in wordFlags, as before.
 */
export function listFlags(): Map<string, number> {
  if (LIST_FLAGS) return LIST_FLAGS;
  const m = new Map<string, number>();
  const or = (w: string, bit: number) => m.set(w, (m.get(w) ?? 0) | bit);
  // Group by group: the tags are read once per group, and only the words of groups with a bit are split.
  forEachLexiconGroup((tags, words) => {
    const f = tagFlags(tags);
    if (f) for (const w of words.split('\n')) or(w, f);
  });
  const L = nameLists();
  for (const w of L.givenNames) or(w, F.given);
  for (const w of L.knownOrgs.keys()) or(w, F.knownOrg);
  for (const w of L.orgKeywords.keys()) or(w, F.orgKeyword);
  for (const w of L.titles) or(w, F.title);
  for (const w of L.roles) or(w, F.role);
  for (const w of L.notNames) or(w, F.notName);
  for (const w of L.speechVerbs) or(w, F.speech);
  for (const w of L.placeWords.keys()) or(w, F.placeWord);
  LIST_FLAGS = m;
  return m;
}

/** `places`: false skips the gazetteer look-up (see the per-document budget in ner-model.ts). */
export function wordFlags(ctx: Context, t: Token, places = true): number {
  if (t.kind !== 'word') return 0;
  let f = listFlags().get(t.lower) ?? 0;
  if (!(f & F.knownOrg) && nameLists().knownOrgs.has(t.text)) f |= F.knownOrg;
  if (t.cap) {
    const e = places ? placeEntry(ctx, t.text) : null;
    if (e) {
      f |= F.place;
      if (e.kind === 'country' || e.kind === 'continent') f |= F.country;
      else if (e.population >= 100000 || (e.kind !== 'city' && e.kind !== 'town' && e.kind !== 'village'))
        f |= F.bigCity;
    }
    // demonymCode without its memo and second lexicon look-up: the lexicon's Demonym tag is read above.
    if (!(f & F.demonym) && getGazetteer(ctx.config).demonym(t.text) !== null) f |= F.demonym;
  }
  return f;
}

/** Per-document token tables; a token's observation features are built on demand (`tokenFeatures`). */
export interface DocFeatures {
  ctx: Context;
  /** Hash of each token's lower-case text (numbers: their shape), raw text and shape. */
  lowH: Uint32Array;
  rawH: Uint32Array;
  shapeH: Uint32Array;
  /** Word flags, computed on first use (-1 = not yet). */
  flags: Int32Array;
  /** Two-word gazetteer names outside caps lines: 1, 3 place B/L; 4, 6 known organization B/L. */
  gazPos: Uint8Array;
  caps: Uint8Array;
  lowerSeen: Set<string>;
  capSeen: Set<string>;
}

const cache = new WeakMap<Context, DocFeatures>();
export const NONE = fnv('<none>');
const PARTICLES = new Set([
  'al',
  'bin',
  'da',
  'de',
  'del',
  'della',
  'der',
  'di',
  'du',
  'el',
  'ibn',
  'la',
  'le',
  'van',
  'von',
  'ben',
  'dos',
  'das',
  'do',
  'ter',
  'den',
  'mac',
  'st',
]);
const HAS_UPPER = /\p{Lu}/u;

/**
 * Tokens the tagger does not score: outside an entity (the previous label is O, L or U), a punctuation mark or a
 * lower-case word with no capital inside and not a name particle ("van", "al") is O. Training and decoding skip the
 * same tokens; this is most of the text and most of the cost.
 */
export function skipToken(t: Token, l1: number): boolean {
  if (l1 > 0 && partOf(l1) < 2) return false;
  return skippable(t);
}

/** The part of `skipToken` that depends on the token alone (a function of its text). */
/** A name particle ("van", "al", "de"…): never skipped. */
export function isParticle(lower: string): boolean {
  return PARTICLES.has(lower);
}

export function skippable(t: Token): boolean {
  if (t.kind === 'punct') return true;
  if (t.kind !== 'word' || t.cap) return false;
  return !PARTICLES.has(t.lower) && !HAS_UPPER.test(t.text);
}

export function docFeatures(ctx: Context): DocFeatures {
  const hit = cache.get(ctx);
  if (hit) return hit;
  const toks = ctx.doc.tokens;
  const n = toks.length;
  const lowH = new Uint32Array(n);
  const rawH = new Uint32Array(n);
  const shapeH = new Uint32Array(n);
  const caps = capsParagraphs(ctx);
  // Words seen in lower case somewhere in the article ("the Mark" vs "mark").
  const lowerSeen = new Set<string>();
  // Words written with a capital in mixed-case text: a headline's "KOROLEV" is the body's "Korolev".
  const capSeen = new Set<string>();
  for (let i = 0; i < n; i++) {
    const t = toks[i] as Token;
    if (t.kind === 'word' && caps[t.paragraph] !== 1) {
      if (!t.cap) lowerSeen.add(t.lower);
      else if (!t.upper) capSeen.add(t.lower);
    }
    const sh = shape(t.text);
    shapeH[i] = fnv(sh);
    lowH[i] = t.kind === 'number' ? (shapeH[i] as number) : fnv(t.lower);
    rawH[i] = t.cap ? fnv(t.text) : (lowH[i] as number);
  }
  const gazPos = gazetteerPairs(ctx, caps);
  const df: DocFeatures = {
    ctx,
    lowH,
    rawH,
    shapeH,
    flags: new Int32Array(n).fill(-1),
    gazPos,
    caps,
    lowerSeen,
    capSeen,
  };
  cache.set(ctx, df);
  return df;
}

/**
 * Two-word gazetteer names outside caps lines, by token: 1, 3 place B/L; 4, 6 known organization B/L.
 */
export function gazetteerPairs(ctx: Context, caps: Uint8Array): Uint8Array {
  const toks = ctx.doc.tokens;
  const n = toks.length;
  const gazPos = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const a = toks[i] as Token;
    if (!a.cap || a.kind !== 'word' || caps[a.paragraph] === 1) continue;
    const b = toks[i + 1];
    if (!b?.cap || b.sentence !== a.sentence) continue;
    const code = pairCode(ctx, ctx.doc.text.slice(a.start, b.end));
    if (code) {
      gazPos[i] = code;
      gazPos[i + 1] = code + 2;
    }
  }
  return gazPos;
}

/** A two-word surface: 4 a known organization, 1 a gazetteer place, 0 neither (or it spans a line break). */
export function pairCode(ctx: Context, surface: string): number {
  if (surface.includes('\n')) return 0;
  const L = nameLists();
  if (L.knownOrgs.has(surface) || L.knownOrgs.has(surface.toLowerCase())) return 4;
  return placeEntry(ctx, surface) !== null ? 1 : 0;
}

function flagsAt(df: DocFeatures, i: number): number {
  let f = df.flags[i] as number;
  if (f < 0) {
    f = wordFlags(df.ctx, df.ctx.doc.tokens[i] as Token);
    df.flags[i] = f;
  }
  return f;
}

/** Token i's observation features, pushed onto `out`. */
export function tokenFeatures(df: DocFeatures, i: number, out: number[]): void {
  const toks = df.ctx.doc.tokens;
  const n = toks.length;
  const { lowH, shapeH } = df;
  const t = toks[i] as Token;
  const lw = t.lower;
  const sh = shapeH[i] as number;
  const w = lowH[i] as number;
  const sent = t.sentence;
  const wm1 = i > 0 && toks[i - 1]?.sentence === sent ? (lowH[i - 1] as number) : NONE;
  const wp1 = i + 1 < n && toks[i + 1]?.sentence === sent ? (lowH[i + 1] as number) : NONE;
  const wm2 = wm1 !== NONE && i > 1 && toks[i - 2]?.sentence === sent ? (lowH[i - 2] as number) : NONE;
  const wp2 = wp1 !== NONE && i + 2 < n && toks[i + 2]?.sentence === sent ? (lowH[i + 2] as number) : NONE;
  const sm1 = wm1 === NONE ? NONE : (shapeH[i - 1] as number);
  const sp1 = wp1 === NONE ? NONE : (shapeH[i + 1] as number);
  const sm2 = wm2 === NONE ? NONE : (shapeH[i - 2] as number);
  const sp2 = wp2 === NONE ? NONE : (shapeH[i + 2] as number);
  const capsLine = df.caps[t.paragraph] === 1;
  out.push(mix(T.bias, 0), mix(T.w, w), mix(T.raw, df.rawH[i] as number), mix(T.shape, sh));
  if (t.kind === 'word') {
    // Prefixes and suffixes of 1..4 characters, hashed incrementally (no substrings).
    const m = Math.min(4, lw.length - 1);
    let hp = 0x811c9dc5;
    let hs = 0x811c9dc5;
    for (let k = 1; k <= m; k++) {
      hp = Math.imul(hp ^ lw.charCodeAt(k - 1), 0x01000193);
      hs = Math.imul(hs ^ lw.charCodeAt(lw.length - k), 0x01000193);
      out.push(mix(T.pre + k - 1, hp >>> 0), mix(T.suf + k - 1, hs >>> 0));
    }
  }
  out.push(
    mix(T.wm1, wm1),
    mix(T.wp1, wp1),
    mix(T.wm2, wm2),
    mix(T.wp2, wp2),
    mix(T.sm1, sm1),
    mix(T.sp1, sp1),
    mix(T.sm2, sm2),
    mix(T.sp2, sp2),
    mix(T.bgm, mix(wm1, w)),
    mix(T.bgp, mix(w, wp1)),
    mix(T.s3, mix(mix(sm1, sh), sp1)),
    mix(T.wm1s0, mix(wm1, sh)),
    mix(T.s0wp1, mix(sh, wp1)),
    mix(T.len, Math.min(t.text.length, 12)),
  );
  if (capsLine) {
    out.push(mix(T.capsLine, sh), mix(T.capsW, w));
    if (df.capSeen.has(lw)) out.push(mix(T.capSeen, 1));
  }
  if (sentenceInitial(df.ctx, i)) out.push(mix(T.initial, sh));
  if (t.cap && df.lowerSeen.has(lw)) out.push(mix(T.lowerSeen, capsLine ? 1 : 0));
  if (df.gazPos[i]) out.push(mix(T.gazSpan, df.gazPos[i] as number));
  const f0 = flagsAt(df, i);
  const fm1 = wm1 === NONE ? 0 : flagsAt(df, i - 1);
  const fp1 = wp1 === NONE ? 0 : flagsAt(df, i + 1);
  if (f0 | fm1 | fp1) {
    for (const bit of FLAG_BITS) {
      if (f0 & bit) out.push(mix(T.flag, bit * 2 + (t.cap ? 1 : 0)));
      if (fm1 & bit) out.push(mix(T.flagm1, bit));
      if (fp1 & bit) out.push(mix(T.flagp1, bit));
    }
  }
}

/**
 * The label-history features of token i: previous two labels (l1, l2 are labels, -1 before the sentence), and the
 * type the same word was last given earlier in the article (`nl`, -1 none; -2 seen but labelled O).
 */
export function historyFeatures(out: number[], df: DocFeatures, i: number, l1: number, l2: number, nl: number): void {
  const w = df.lowH[i] as number;
  const s = df.shapeH[i] as number;
  const a = l1 + 2;
  const b = l2 + 2;
  out.push(mix(T.l1, a), mix(T.l2, b), mix(T.l12, a * 32 + b), mix(T.l1w, mix(a, w)), mix(T.l1s, mix(a, s)));
  if (nl !== -1) out.push(mix(T.nl, nl + 8), mix(T.nls, mix(nl + 8, s)), mix(T.nlw, mix(nl + 8, w)));
}
