import { stem } from '../../nlp/natural.js';
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import type { CompiledTaxonomy, Hit, TrieNode } from './taxonomy.js';

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
 * The match units of the in-scope text in parallel arrays (no object per token): words split at hyphens, the
 * possessive "'s" dropped, a break ('\u0000') between in-scope runs so no phrase spans a chrome gap.
 */
export interface Units {
  stems: string[];
  starts: number[];
  ends: number[];
  paragraphs: number[];
  words: number;
}

const BREAK = '\u0000';
const A = 97;

/** Index of a word's first three letters (a–z) in the prefix table, or -1 when they are not all a–z. */
export function prefixIndex(lower: string, from = 0): number {
  const a = lower.charCodeAt(from) - A;
  const b = lower.charCodeAt(from + 1) - A;
  const c = lower.charCodeAt(from + 2) - A;
  if (a < 0 || a > 25 || b < 0 || b > 25 || c < 0 || c > 25) return -1;
  return a * 676 + b * 26 + c;
}

/**
 * Zones are assigned per paragraph, so scope is checked once a paragraph. Porter only rewrites endings, so a word
 * whose first three letters begin no trigger stem is not stemmed (its unit matches nothing).
 */
export function scopedUnits(ctx: Context, tax: CompiledTaxonomy): Units {
  const u: Units = { stems: [], starts: [], ends: [], paragraphs: [], words: 0 };
  const tokens = ctx.doc.tokens;
  const table = tax.prefixTable;
  const cut = (lower: string): string => {
    if (lower.length < 3) return lower;
    const k = prefixIndex(lower);
    return k < 0 || table[k] ? stem(lower) : '';
  };
  const push = (s: string, start: number, end: number, p: number) => {
    u.stems.push(s);
    u.starts.push(start);
    u.ends.push(end);
    u.paragraphs.push(p);
  };
  let lastIn = true;
  for (const p of ctx.doc.paragraphs) {
    const first = ctx.doc.sentences[p.sentenceStart];
    const last = ctx.doc.sentences[p.sentenceEnd - 1];
    if (!first || !last) continue;
    if (!ctx.inScope(p.start)) {
      if (lastIn && u.stems.length) push(BREAK, -1, -1, -1);
      lastIn = false;
      continue;
    }
    lastIn = true;
    for (let i = first.tokenStart; i < last.tokenEnd; i++) {
      const t = tokens[i] as Token;
      if (t.kind !== 'word') {
        push(t.lower, t.start, t.end, p.index);
        continue;
      }
      u.words++;
      const lower = t.lower;
      if (lower === "'s" || lower === '’s') continue;
      if (lower.indexOf('-') < 0) {
        push(cut(lower), t.start, t.end, p.index);
        continue;
      }
      let from = 0;
      for (let k = 0; k <= lower.length; k++) {
        if (k === lower.length || lower.charCodeAt(k) === 45) {
          if (k > from) push(cut(lower.slice(from, k)), t.start + from, t.start + k, p.index);
          from = k + 1;
        }
      }
    }
  }
  return u;
}

function exactOk(h: Hit, text: string, u: Units, from: number): boolean {
  if (!h.exact) return true;
  for (let k = 0; k < h.exact.length; k++) {
    const surface = text.slice(u.starts[from + k] as number, u.ends[from + k] as number);
    if ((h.anyCase ? surface.toLowerCase() : surface) !== h.exact[k]) return false;
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
  const n = u.stems.length;
  const rootNext = tax.root.next;
  if (!rootNext) return { matches: [], words: u.words };
  for (let i = 0; i < n; i++) {
    const s0 = u.stems[i] as string;
    if (!s0) continue;
    let node: TrieNode | undefined = rootNext.get(s0);
    for (let j = i; node; ) {
      if (node.hits) {
        for (const h of node.hits) {
          if (!exactOk(h, text, u, i)) continue;
          if (h.negative) {
            negatives.push({ entry: h.entry, from: i, to: j + 1 });
            continue;
          }
          const start = u.starts[i] as number;
          const p = u.paragraphs[i] as number;
          positives.push({
            entry: h.entry,
            trigger: h.trigger,
            weight: h.weight,
            from: i,
            to: j + 1,
            start,
            end: u.ends[j] as number,
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
      if (j >= n || !node.next) break;
      const s = u.stems[j] as string;
      node = s ? node.next.get(s) : undefined;
    }
  }
  // Units a negative covers, per entry (key entry · (n + 1) + unit): a positive touching one is cancelled.
  let blocked: Set<number> | null = null;
  if (negatives.length) {
    blocked = new Set();
    for (const neg of negatives) for (let k = neg.from; k < neg.to; k++) blocked.add(neg.entry * (n + 1) + k);
  }
  // Longest match first within an entry; an entry's units are used once.
  positives.sort((a, b) => a.entry - b.entry || a.from - b.from || b.to - a.to);
  const kept: Match[] = [];
  let lastEntry = -1;
  let lastTo = -1;
  for (const m of positives) {
    if (blocked) {
      let cancelled = false;
      for (let k = m.from; k < m.to && !cancelled; k++) cancelled = blocked.has(m.entry * (n + 1) + k);
      if (cancelled) continue;
    }
    if (m.entry === lastEntry && m.from < lastTo) continue;
    lastEntry = m.entry;
    lastTo = m.to;
    kept.push(m);
  }
  return { matches: kept, words: u.words };
}
