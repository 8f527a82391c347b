import type { Context } from '../../pipeline/types.js';
import { ownTrailer } from './quote-marks.js';
import type { QuoteCandidate } from './types.js';
import { oneZone } from './zone.js';

/** Longest stretch between two parts joined into one quote. */
const MAX_GAP = 300;
const WORD = /[\p{L}\p{N}]+/gu;
/** Words between a quote and a continuation paragraph: its own closing attribution ("Bozell adds."), at most. */
const MAX_TAIL_WORDS = 15;

/**
 * Refiner `merge-runs`, after continuation: a quote part with no attribution of its own (none, or inherited from the
 * quote before) is the same quotation as that quote (PolNeAR's annotation: one attribution, several fragments):
 * within a paragraph (`“…,” Trump went on. “…”`, `“…” . . . “…”`), and, when `crossParagraph`, a quote paragraph
 * that continues the quote closing the paragraph before it.
 */
export function mergeRuns(ctx: Context, items: QuoteCandidate[], crossParagraph: boolean): QuoteCandidate[] {
  const { text, paragraphs } = ctx.doc;
  const out: QuoteCandidate[] = [];
  for (const q of items) {
    const prev = out[out.length - 1];
    if (prev && crossParagraph && leadsUp(prev, q)) {
      // `“…”⏎“…,” X notes.`: a quote paragraph with no attribution, then one closed by X's, is X's one quotation.
      prev.fragments.push(...q.fragments);
      prev.end = q.end;
      prev.lastParagraph = q.lastParagraph;
      prev.unclosed = q.unclosed;
      prev.attribution = q.attribution;
      prev.rule = `${prev.rule}+merge-runs:back`;
      continue;
    }
    if (prev && joins(prev, q)) {
      prev.fragments.push(...q.fragments);
      prev.end = q.end;
      prev.lastParagraph = q.lastParagraph;
      prev.unclosed = q.unclosed;
      prev.rule = `${prev.rule}+merge-runs`;
      continue;
    }
    out.push(q);
  }
  return out;

  function leadsUp(prev: QuoteCandidate, q: QuoteCandidate): boolean {
    if (prev.attribution || prev.unclosed || q.attribution?.side !== 'after') return false;
    if (!oneZone(ctx, prev.start, q.end)) return false;
    if (q.paragraph !== prev.lastParagraph + 1 || paragraphs[q.paragraph]?.start !== q.start) return false;
    const own = paragraphs[prev.paragraph];
    if (own?.start !== prev.start || prev.fragments.length !== 1) return false;
    // The first part fills its paragraph.
    return /^\s*$/.test(text.slice(prev.end, paragraphs[prev.lastParagraph]?.end ?? prev.end));
  }

  function joins(prev: QuoteCandidate, q: QuoteCandidate): boolean {
    if (q.attribution && q.attribution.side !== 'inherited') return false;
    if (q.start - prev.end > MAX_GAP || prev.unclosed || !oneZone(ctx, prev.start, q.end)) return false;
    // Both parts closed by their own trailing attribution (`“…,” he claimed.⏎“…,” an angry X replied.`): two quotes.
    if (prev.attribution?.side === 'after' && ownTrailer(ctx, q)) return false;
    const between = text.slice(prev.end, q.start);
    if (/["\u201c\u201d\u201e\u00ab\u00bb]/.test(between)) return false;
    if (q.paragraph === prev.lastParagraph) return true;
    if (!crossParagraph || q.paragraph !== prev.lastParagraph + 1) return false;
    if (paragraphs[q.paragraph]?.start !== q.start || !q.attribution) return false;
    // The first part closes its paragraph, apart from its own attribution.
    const tail = text.slice(prev.end, paragraphs[prev.lastParagraph]?.end ?? prev.end);
    let n = 0;
    WORD.lastIndex = 0;
    while (WORD.exec(tail)) if (++n > MAX_TAIL_WORDS) return false;
    return true;
  }
}
