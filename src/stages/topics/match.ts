import { stem } from '../../nlp/natural.js';
import type { Context } from '../../pipeline/types.js';
import { pushUnits, type Unit } from './syntax.js';
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

const BREAK: Unit = { start: -1, end: -1, text: '', stem: '\u0000' };

/** The units of the in-scope tokens, a break unit between runs so no phrase spans a chrome gap. */
export function scopedUnits(ctx: Context): { units: Unit[]; paragraph: number[]; words: number } {
  const units: Unit[] = [];
  const paragraph: number[] = [];
  let words = 0;
  let lastIn = true;
  for (const t of ctx.doc.tokens) {
    if (!ctx.inScope(t.start)) {
      if (lastIn && units.length) {
        units.push(BREAK);
        paragraph.push(-1);
      }
      lastIn = false;
      continue;
    }
    lastIn = true;
    if (t.kind === 'word') words++;
    const before = units.length;
    pushUnits(t, stem, units);
    for (let k = before; k < units.length; k++) paragraph.push(t.paragraph);
  }
  return { units, paragraph, words };
}

function exactOk(h: Hit, units: Unit[], from: number): boolean {
  if (!h.exact) return true;
  for (let k = 0; k < h.exact.length; k++) if ((units[from + k] as Unit).text !== h.exact[k]) return false;
  return true;
}

/**
 * Walks the trie from every unit (one pass over the text; each walk is bounded by the longest trigger), then drops
 * matches cancelled by an overlapping negative of the same entry and overlaps within an entry (longest first).
 */
export function findMatches(ctx: Context, tax: CompiledTaxonomy): { matches: Match[]; words: number } {
  const { units, paragraph, words } = scopedUnits(ctx);
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
  for (let i = 0; i < units.length; i++) {
    let node: TrieNode | undefined = tax.root;
    for (let j = i; j < units.length && node?.next; j++) {
      node = node.next.get((units[j] as Unit).stem);
      if (!node) break;
      if (!node.hits) continue;
      for (const h of node.hits) {
        if (!exactOk(h, units, i)) continue;
        if (h.negative) {
          negatives.push({ entry: h.entry, from: i, to: j + 1 });
          continue;
        }
        const start = (units[i] as Unit).start;
        const p = paragraph[i] as number;
        positives.push({
          entry: h.entry,
          trigger: h.trigger,
          weight: h.weight,
          from: i,
          to: j + 1,
          start,
          end: (units[j] as Unit).end,
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
  }
  let blocked: Map<number, { from: number; to: number }[]> | null = null;
  if (negatives.length) {
    blocked = new Map();
    for (const n of negatives) {
      const list = blocked.get(n.entry);
      if (list) list.push(n);
      else blocked.set(n.entry, [n]);
    }
  }
  // Longest match first within an entry; an entry's units are used once.
  positives.sort((a, b) => a.entry - b.entry || a.from - b.from || b.to - a.to);
  const kept: Match[] = [];
  let lastEntry = -1;
  let lastTo = -1;
  for (const m of positives) {
    const negs = blocked?.get(m.entry);
    if (negs?.some((n) => n.from < m.to && m.from < n.to)) continue;
    if (m.entry === lastEntry && m.from < lastTo) continue;
    if (m.entry !== lastEntry) lastEntry = m.entry;
    lastTo = m.to;
    kept.push(m);
  }
  return { matches: kept, words };
}
