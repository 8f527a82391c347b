import type { Context } from '../../pipeline/types.js';
import { classifyMark, LEFT_DOUBLE, LOW_DOUBLE, type Mark } from './marks.js';
import type { QuoteCandidate, Range } from './types.js';

const MARK_CHARS = /["“”„″«»‘’‚]/g;
const NONE = Number.MAX_SAFE_INTEGER;

interface ParagraphQuote extends Range {
  unclosed: boolean;
  /** Unclosed and nothing opens after it: the quote may go on in the next paragraph. */
  runsOn: boolean;
}

/** Pairs the marks of one paragraph in one left-to-right pass with precomputed "next" pointers: linear. */
export function pairMarks(text: string, start: number, end: number): ParagraphQuote[] {
  const marks: Mark[] = [];
  MARK_CHARS.lastIndex = start;
  for (let m = MARK_CHARS.exec(text); m && m.index < end; m = MARK_CHARS.exec(text)) {
    const mark = classifyMark(text, m.index, start, end);
    if (mark) marks.push(mark);
  }
  const n = marks.length;
  // next[k]: the first index >= k with the property, or NONE.
  const nextDoubleClose = new Array<number>(n + 1).fill(NONE);
  const nextDoubleOpenOnly = new Array<number>(n + 1).fill(NONE);
  const nextLeftDouble = new Array<number>(n + 1).fill(NONE);
  const nextSingleClose = new Array<number>(n + 1).fill(NONE);
  const nextSingleOpen = new Array<number>(n + 1).fill(NONE);
  const nextGuilClose = new Array<number>(n + 1).fill(NONE);
  const nextDoubleOpen = new Array<number>(n + 1).fill(NONE);
  for (let k = n - 1; k >= 0; k--) {
    const mk = marks[k] as Mark;
    nextDoubleClose[k] = mk.family === 'double' && mk.canClose ? k : (nextDoubleClose[k + 1] as number);
    nextDoubleOpenOnly[k] =
      mk.family === 'double' && mk.canOpen && !mk.canClose ? k : (nextDoubleOpenOnly[k + 1] as number);
    nextLeftDouble[k] = mk.code === LEFT_DOUBLE ? k : (nextLeftDouble[k + 1] as number);
    nextSingleClose[k] = mk.family === 'single' && mk.canClose ? k : (nextSingleClose[k + 1] as number);
    nextSingleOpen[k] = mk.family === 'single' && mk.canOpen ? k : (nextSingleOpen[k + 1] as number);
    nextDoubleOpen[k] = mk.family === 'double' && mk.canOpen ? k : (nextDoubleOpen[k + 1] as number);
    nextGuilClose[k] = mk.family === 'guillemet' && mk.canClose ? k : (nextGuilClose[k + 1] as number);
  }
  const out: ParagraphQuote[] = [];
  let k = 0;
  while (k < n) {
    const mk = marks[k] as Mark;
    if (!mk.canOpen) {
      k++;
      continue;
    }
    if (mk.family === 'double') {
      let close = nextDoubleClose[k + 1] as number;
      if (mk.code === LOW_DOUBLE) close = Math.min(close, nextLeftDouble[k + 1] as number);
      const interrupt = mk.code === LOW_DOUBLE ? NONE : (nextDoubleOpenOnly[k + 1] as number);
      if (close !== NONE && close < interrupt) {
        out.push({ start: mk.pos, end: (marks[close] as Mark).pos + 1, unclosed: false, runsOn: false });
        k = close + 1;
        continue;
      }
      // No closing mark before the next opening one: the quote is capped there, or at the paragraph's end.
      const stop = interrupt === NONE ? end : (marks[interrupt] as Mark).pos;
      out.push({ start: mk.pos, end: trimEnd(text, mk.pos, stop), unclosed: true, runsOn: interrupt === NONE });
      if (interrupt === NONE) break;
      k = interrupt;
      continue;
    }
    if (mk.family === 'guillemet') {
      const close = nextGuilClose[k + 1] as number;
      if (close !== NONE) {
        out.push({ start: mk.pos, end: (marks[close] as Mark).pos + 1, unclosed: false, runsOn: false });
        k = close + 1;
        continue;
      }
      k++;
      continue;
    }
    // Single marks: a closer before the next single or double opener; ‘quoted’ content of two characters or less ('n') is not.
    const close = nextSingleClose[k + 1] as number;
    if (
      close !== NONE &&
      close < (nextSingleOpen[k + 1] as number) &&
      close < (nextDoubleOpen[k + 1] as number) &&
      (marks[close] as Mark).pos - mk.pos > 3
    ) {
      out.push({ start: mk.pos, end: (marks[close] as Mark).pos + 1, unclosed: false, runsOn: false });
      k = close + 1;
      continue;
    }
    k++;
  }
  return out;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start + 1 && (text[end - 1] === ' ' || text[end - 1] === '\n')) end--;
  return end;
}

const OPENS_PARAGRAPH = /^["“„″«]/;

/**
 * Extractor `quote-marks`: every span between an opening and a closing quote mark, per paragraph; an unclosed quote at
 * a paragraph's end goes on in the next paragraph when that one opens with a mark (one quote, a fragment each).
 */
export function quoteMarks(ctx: Context): QuoteCandidate[] {
  const { text, paragraphs } = ctx.doc;
  const out: QuoteCandidate[] = [];
  let pending: QuoteCandidate | null = null;
  for (const p of paragraphs) {
    const found = pairMarks(text, p.start, p.end);
    let i = 0;
    if (pending) {
      const first = found[0];
      if (first && first.start === p.start && OPENS_PARAGRAPH.test(text[p.start] as string)) {
        pending.fragments.push({ start: first.start, end: first.end });
        pending.end = first.end;
        pending.lastParagraph = p.index;
        pending.unclosed = first.unclosed;
        pending.rule = 'quote-marks:multi-paragraph';
        i = 1;
        if (first.runsOn) continue;
      }
      pending = null;
    }
    for (; i < found.length; i++) {
      const q = found[i] as ParagraphQuote;
      const c: QuoteCandidate = {
        start: q.start,
        end: q.end,
        fragments: [{ start: q.start, end: q.end }],
        paragraph: p.index,
        lastParagraph: p.index,
        rule: q.unclosed ? 'quote-marks:unclosed' : 'quote-marks',
        unclosed: q.unclosed,
        attribution: null,
      };
      out.push(c);
      if (q.runsOn) pending = c;
    }
  }
  return out;
}
