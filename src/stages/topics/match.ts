import { porterKeeps, stem } from '../../nlp/natural.js';
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { type CompiledTaxonomy, type Hit, MEMO_LIMIT, MEMO_SLOTS } from './taxonomy.js';

/** One trigger match: units [from, to) of the in-scope text, with its offsets. */
export interface Match {
  entry: number;
  trigger: number;
  weight: number;
  from: number;
  to: number;
  start: number;
  end: number;
  /** 'headline', 'lead' (first body paragraph) or 'body': where the match sits, for scoring. */
  position: 'headline' | 'lead' | 'body';
  paragraph: number;
}

/**
 * The match units of the in-scope text in reused typed arrays (no object or string per token): words split at
 * hyphens, the possessive "'s" dropped, each unit as the id of its stem in the taxonomy's vocabulary (-1: a stem no
 * trigger uses, or a break between in-scope runs, so no phrase spans a chrome gap). Valid for `n` units until the
 * next call.
 */
export interface Units {
  ids: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  paragraphs: Int32Array;
  n: number;
  words: number;
}

const A = 97;

/** Index of a word's first three letters (a–z) in the prefix table, or -1 when they are not all a–z. */
export function prefixIndex(lower: string, from = 0): number {
  const a = lower.charCodeAt(from) - A;
  const b = lower.charCodeAt(from + 1) - A;
  const c = lower.charCodeAt(from + 2) - A;
  if (a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25) return -1;
  return a * 676 + b * 26 + c;
}

// One set of buffers per thread, grown as needed (tagging is synchronous, so calls never interleave).
const units: Units = {
  ids: new Int32Array(4096),
  starts: new Int32Array(4096),
  ends: new Int32Array(4096),
  paragraphs: new Int32Array(4096),
  n: 0,
  words: 0,
};

/** After a very long article, gives the grown buffers back (the next article starts small again). */
function release(u: Units): void {
  if (u.ids.length <= 1 << 16) return;
  u.ids = new Int32Array(4096);
  u.starts = new Int32Array(4096);
  u.ends = new Int32Array(4096);
  u.paragraphs = new Int32Array(4096);
  u.n = 0;
}

function grow(u: Units): void {
  const size = u.ids.length * 2;
  const more = (a: Int32Array) => {
    const b = new Int32Array(size);
    b.set(a);
    return b;
  };
  u.ids = more(u.ids);
  u.starts = more(u.starts);
  u.ends = more(u.ends);
  u.paragraphs = more(u.paragraphs);
}

function push(u: Units, id: number, start: number, end: number, p: number): void {
  if (u.n === u.ids.length) grow(u);
  const k = u.n++;
  u.ids[k] = id;
  u.starts[k] = start;
  u.ends[k] = end;
  u.paragraphs[k] = p;
}

/**
 * The stem id of a lower-cased word, memoised per taxonomy (see WordMemo). Porter only rewrites endings, so a word
 * whose first three letters begin no trigger stem is not stemmed (its unit matches nothing).
 */
export function wordId(tax: CompiledTaxonomy, lower: string): number {
  const len = lower.length;
  // A word whose first three letters begin no trigger stem (about a tenth of the words) has no id: no memo look-up.
  if (len >= 3) {
    const prefix = prefixIndex(lower);
    if (prefix >= 0 && !tax.prefixTable[prefix]) return -1;
  }
  const memo = tax.memo;
  const slots = memo.slots;
  let h = 0x811c9dc5;
  for (let k = 0; k < len; k++) h = Math.imul(h ^ lower.charCodeAt(k), 0x01000193);
  let at = (h & (MEMO_SLOTS - 1)) << 2;
  for (;;) {
    const n = slots[at + 2] as number;
    if (n === 0) break;
    if (n === len && slots[at] === h) {
      const chars = memo.chars;
      const off = slots[at + 1] as number;
      let k = 0;
      while (k < len && chars[off + k] === lower.charCodeAt(k)) k++;
      if (k === len) return slots[at + 3] as number;
    }
    at = (at + 4) & (MEMO_SLOTS * 4 - 1);
  }
  // A word no Porter rule rewrites (about half of news words, most made-up ones) is its own stem (porterKeeps).
  const s = len >= 3 && !porterKeeps(lower) ? stem(lower) : lower; // (a prefix outside the table returned above)
  const id = s ? (tax.vocab.get(s) ?? -1) : -1;
  if (len === 0) return id;
  if (memo.size >= MEMO_LIMIT) {
    slots.fill(0);
    memo.size = 0;
    memo.used = 0;
    at = (h & (MEMO_SLOTS - 1)) << 2;
  }
  if (memo.used + len > memo.chars.length) {
    const more = new Uint16Array(Math.max(memo.chars.length * 2, memo.used + len));
    more.set(memo.chars.subarray(0, memo.used));
    memo.chars = more;
  }
  for (let k = 0; k < len; k++) memo.chars[memo.used + k] = lower.charCodeAt(k);
  slots[at] = h;
  slots[at + 1] = memo.used;
  slots[at + 2] = len;
  slots[at + 3] = id;
  memo.used += len;
  memo.size++;
  return id;
}

/** Zones are assigned per paragraph, so scope is checked once a paragraph. */
export function scopedUnits(ctx: Context, tax: CompiledTaxonomy): Units {
  const u = units;
  u.n = 0;
  u.words = 0;
  const tokens = ctx.doc.tokens;
  const vocab = tax.vocab;
  let lastIn = true;
  for (const p of ctx.doc.paragraphs) {
    const first = ctx.doc.sentences[p.sentenceStart];
    const last = ctx.doc.sentences[p.sentenceEnd - 1];
    if (!first || !last) continue;
    if (!ctx.inScope(p.start)) {
      if (lastIn && u.n) push(u, -1, -1, -1, -1);
      lastIn = false;
      continue;
    }
    lastIn = true;
    const pi = p.index;
    for (let i = first.tokenStart; i < last.tokenEnd; i++) {
      const t = tokens[i] as Token;
      const lower = t.lower;
      if (t.kind !== 'word') {
        push(u, vocab.get(lower) ?? -1, t.start, t.end, pi);
        continue;
      }
      u.words++;
      if (lower.indexOf('-') < 0) {
        if (lower === "'s" || lower === '’s') continue;
        push(u, wordId(tax, lower), t.start, t.end, pi);
        continue;
      }
      let from = 0;
      for (let k = 0; k <= lower.length; k++) {
        if (k === lower.length || lower.charCodeAt(k) === 45) {
          if (k > from) push(u, wordId(tax, lower.slice(from, k)), t.start + from, t.start + k, pi);
          from = k + 1;
        }
      }
    }
  }
  return u;
}

/** Whether the surface of units [from, from + exact.length) is the exact term's words (compared without slicing). */
function exactOk(h: Hit, text: string, u: Units, from: number): boolean {
  const exact = h.exact;
  if (!exact) return true;
  for (let k = 0; k < exact.length; k++) {
    const w = exact[k] as string;
    const start = u.starts[from + k] as number;
    if ((u.ends[from + k] as number) - start !== w.length) return false;
    if (!h.anyCase) {
      if (!text.startsWith(w, start)) return false;
      continue;
    }
    for (let c = 0; c < w.length; c++) {
      let x = text.charCodeAt(start + c);
      if (x >= 65 && x <= 90) x += 32;
      else if (x > 127) {
        // outside ASCII: compare the lower-cased surface (its length may differ)
        if (text.slice(start, start + w.length).toLowerCase() !== w) return false;
        break;
      }
      if (x !== w.charCodeAt(c)) return false;
    }
  }
  return true;
}

/**
 * Walks the trie from every unit (one pass over the text; each walk is bounded by the longest trigger), then drops
 * matches cancelled by an overlapping negative of the same entry and overlaps within an entry (longest first).
 */
export function findMatches(ctx: Context, tax: CompiledTaxonomy): { matches: Match[]; words: number } {
  const u = scopedUnits(ctx, tax);
  const text = ctx.doc.text;
  const headline = ctx.doc.headline;
  let leadParagraph = -1;
  for (const p of ctx.doc.paragraphs) {
    if (p.zone === 'body' && ctx.inScope(p.start)) {
      leadParagraph = p.index;
      break;
    }
  }
  const positives: Match[] = [];
  const negatives: { entry: number; from: number; to: number }[] = [];
  const n = u.n;
  const { ids, starts, ends, paragraphs } = u;
  const { rootNext, edges, hasNext, hits } = tax;
  const v = tax.vocab.size;
  for (let i = 0; i < n; i++) {
    const s0 = ids[i] as number;
    if (s0 < 0) continue;
    let node = rootNext[s0] as number;
    for (let j = i; node >= 0; ) {
      const hs = hits[node];
      if (hs) {
        for (const h of hs) {
          if (!exactOk(h, text, u, i)) continue;
          if (h.negative) {
            negatives.push({ entry: h.entry, from: i, to: j + 1 });
            continue;
          }
          const start = starts[i] as number;
          const p = paragraphs[i] as number;
          positives.push({
            entry: h.entry,
            trigger: h.trigger,
            weight: h.weight,
            from: i,
            to: j + 1,
            start,
            end: ends[j] as number,
            position:
              headline && start >= headline.start && start < headline.end
                ? 'headline'
                : p === leadParagraph
                  ? 'lead'
                  : 'body',
            paragraph: p,
          });
        }
      }
      j++;
      if (j >= n || !hasNext[node]) break;
      const s = ids[j] as number;
      node = s < 0 ? -1 : (edges.get(node * v + s) ?? -1);
    }
  }
  if (!positives.length) {
    release(u);
    return { matches: positives, words: u.words };
  }
  // Units a negative covers, per entry (key entry · (n + 1) + unit): a positive touching one is cancelled.
  let blocked: Set<number> | null = null;
  if (negatives.length) {
    blocked = new Set();
    for (const neg of negatives) for (let k = neg.from; k < neg.to; k++) blocked.add(neg.entry * (n + 1) + k);
  }
  // Positives come by start unit. Bucket them by entry (a counting sort, stable), then keep per entry the longest
  // uncancelled match of each start that does not overlap the last one kept.
  const e = tax.entries.length;
  const count = new Int32Array(e + 1);
  for (const m of positives) count[m.entry + 1] = (count[m.entry + 1] as number) + 1;
  for (let k = 0; k < e; k++) count[k + 1] = (count[k + 1] as number) + (count[k] as number);
  const order = new Int32Array(positives.length);
  for (let k = 0; k < positives.length; k++) {
    const entry = (positives[k] as Match).entry;
    const at = count[entry] as number;
    order[at] = k;
    count[entry] = at + 1;
  }
  const kept: Match[] = [];
  let lastEntry = -1;
  let lastTo = -1;
  for (let a = 0; a < order.length; ) {
    const first = positives[order[a] as number] as Match;
    let best: Match | null = null;
    let b = a;
    for (; b < order.length; b++) {
      const m = positives[order[b] as number] as Match;
      if (m.entry !== first.entry || m.from !== first.from) break;
      if (best && m.to <= best.to) continue;
      if (blocked) {
        let cancelled = false;
        for (let x = m.from; x < m.to && !cancelled; x++) cancelled = blocked.has(m.entry * (n + 1) + x);
        if (cancelled) continue;
      }
      best = m;
    }
    // [a, b): one entry, one start; best: its longest uncancelled match (the first listed among equals)
    if (best && !(best.entry === lastEntry && best.from < lastTo)) {
      lastEntry = best.entry;
      lastTo = best.to;
      kept.push(best);
    }
    a = b;
  }
  release(u);
  return { matches: kept, words: u.words };
}
