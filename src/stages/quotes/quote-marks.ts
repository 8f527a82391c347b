import type { Context } from '../../pipeline/types.js';
import { isAlnumAt } from '../../text/tokenize.js';
import type { Token } from '../../text/types.js';
import {
  APOSTROPHE,
  CAN_CLOSE,
  CAN_OPEN,
  classifyMark,
  classifyPair,
  DOUBLE,
  FAMILY,
  GRAVE,
  GUILLEMET,
  isEndPunct,
  isMarkCode,
  LEFT_DOUBLE,
  LOW_DOUBLE,
  RIGHT_DOUBLE,
  RIGHT_SINGLE,
  SINGLE,
  STRAIGHT_DOUBLE,
} from './marks.js';
import { speechVerb, tokenAt } from './tokens.js';
import type { Attribution, QuoteCandidate, Range } from './types.js';
import { oneZone } from './zone.js';

const NONE = 0x7fffffff;
/** Longest quote nested in another of the same style (characters). */
const NESTED_MAX = 200;

interface ParagraphQuote extends Range {
  unclosed: boolean;
  /** Unclosed and nothing opens after it: the quote may go on in the next paragraph. */
  runsOn: boolean;
}

const maybeMark = (c: number) => c === STRAIGHT_DOUBLE || (c >= 0xab && isMarkCode(c));

/** A letter or digit in text[from, to): a quote without one ("", “…”, a run of marks) is not a quote. */
export function hasWordChar(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const l = c | 0x20;
      if ((c >= 48 && c <= 57) || (l >= 97 && l <= 122)) return true;
      continue;
    }
    if (!isMarkCode(c) && isAlnumAt(text, i)) return true;
  }
  return false;
}

/**
 * Pairs the marks of one paragraph in one left-to-right pass with precomputed "next" pointers: linear, and one
 * typed-array slot (not an object) per mark, so a paragraph of a million marks stays cheap.
 */
export function pairMarks(text: string, start: number, end: number): ParagraphQuote[] {
  // No letter or digit in the paragraph (a run of marks): no quote can have one.
  if (!hasWordChar(text, start, end)) return [];
  // One scan: the marks that can open or close, into working arrays that grow as marks are found.
  let b = scratch(0);
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (!maybeMark(c)) {
      // `''…,'' said X` and ``` ``…'' ```: a doubled apostrophe or grave accent is one double mark, recorded at its
      // first character when it opens and at its second when it closes (the quote spans both).
      if ((c === APOSTROPHE || c === GRAVE) && i + 1 < end && text.charCodeAt(i + 1) === c) {
        const f = classifyPair(text, i, start, end);
        if (f !== 0) {
          if (n + 1 >= b.size) b = grow(b, n);
          b.pos[n] = f & CAN_OPEN ? i : i + 1;
          b.flags[n] = f;
          b.codes[n] = STRAIGHT_DOUBLE;
          n++;
        }
        i++;
      }
      continue;
    }
    const f = classifyMark(text, i, start, end);
    if (f === 0) continue;
    if (n + 1 >= b.size) b = grow(b, n);
    b.pos[n] = i;
    b.flags[n] = f;
    b.codes[n] = c;
    n++;
  }
  if (n === 0) return [];
  const { pos, flags, codes, nextDoubleClose, nextDoubleOpenOnly, nextLeftDouble, nextSingleClose } = b;
  const { nextSingleOpen, nextGuilClose, nextDoubleOpen } = b;
  // next[k]: the first index >= k with the property, or NONE.
  nextDoubleClose[n] = NONE;
  nextDoubleOpenOnly[n] = NONE;
  nextLeftDouble[n] = NONE;
  nextSingleClose[n] = NONE;
  nextSingleOpen[n] = NONE;
  nextGuilClose[n] = NONE;
  nextDoubleOpen[n] = NONE;
  for (let k = n - 1; k >= 0; k--) {
    const f = flags[k] as number;
    const family = f & FAMILY;
    const open = (f & CAN_OPEN) !== 0;
    const close = (f & CAN_CLOSE) !== 0;
    nextDoubleClose[k] = family === DOUBLE && close ? k : (nextDoubleClose[k + 1] as number);
    nextDoubleOpenOnly[k] = family === DOUBLE && open && !close ? k : (nextDoubleOpenOnly[k + 1] as number);
    nextLeftDouble[k] = codes[k] === LEFT_DOUBLE ? k : (nextLeftDouble[k + 1] as number);
    nextSingleClose[k] = family === SINGLE && close ? k : (nextSingleClose[k + 1] as number);
    nextSingleOpen[k] = family === SINGLE && open ? k : (nextSingleOpen[k + 1] as number);
    nextDoubleOpen[k] = family === DOUBLE && open ? k : (nextDoubleOpen[k + 1] as number);
    nextGuilClose[k] = family === GUILLEMET && close ? k : (nextGuilClose[k + 1] as number);
  }
  const out: ParagraphQuote[] = [];
  const emit = (from: number, to: number, unclosed: boolean, runsOn: boolean) => {
    if (hasWordChar(text, from + 1, to)) out.push({ start: from, end: to, unclosed, runsOn });
  };
  let k = 0;
  while (k < n) {
    const f = flags[k] as number;
    const at = pos[k] as number;
    if ((f & CAN_OPEN) === 0) {
      k++;
      continue;
    }
    const family = f & FAMILY;
    if (family === DOUBLE) {
      const low = codes[k] === LOW_DOUBLE;
      let close = nextDoubleClose[k + 1] as number;
      if (low) close = Math.min(close, nextLeftDouble[k + 1] as number);
      const interrupt = low ? NONE : (nextDoubleOpenOnly[k + 1] as number);
      if (close !== NONE && close < interrupt) {
        emit(at, (pos[close] as number) + 1, false, false);
        k = close + 1;
        continue;
      }
      // `“… the claim that a deal “has to do with Israel” makes clear …,” wrote X`: a quote nested in one of the same
      // (curly) style; the outer closer follows the inner one before any other opener.
      if (!low && close !== NONE && interrupt !== NONE && close > interrupt && codes[k] === LEFT_DOUBLE) {
        const outer = nextDoubleClose[close + 1] as number;
        if (
          outer !== NONE &&
          outer < (nextDoubleOpenOnly[interrupt + 1] as number) &&
          codes[interrupt] === LEFT_DOUBLE &&
          codes[close] === RIGHT_DOUBLE &&
          codes[outer] === RIGHT_DOUBLE &&
          (pos[close] as number) - (pos[interrupt] as number) <= NESTED_MAX
        ) {
          emit(at, (pos[outer] as number) + 1, false, false);
          k = outer + 1;
          continue;
        }
      }
      // `“Let’s go. We can win.’ Kim was …`: no double closer, but a right single mark after the sentence's own
      // punctuation, with no single opener before it, closes the quote (typed with the wrong mark).
      const single = low ? NONE : (nextSingleClose[k + 1] as number);
      if (
        single !== NONE &&
        single < interrupt &&
        single < (nextSingleOpen[k + 1] as number) &&
        codes[single] === RIGHT_SINGLE &&
        isEndPunct(text.charCodeAt((pos[single] as number) - 1))
      ) {
        emit(at, (pos[single] as number) + 1, false, false);
        k = single + 1;
        continue;
      }
      // No closing mark before the next opening one: the quote is capped there, or at the paragraph's end.
      const stop = interrupt === NONE ? end : (pos[interrupt] as number);
      emit(at, trimEnd(text, at, stop), true, interrupt === NONE);
      if (interrupt === NONE) break;
      k = interrupt;
      continue;
    }
    if (family === GUILLEMET) {
      const close = nextGuilClose[k + 1] as number;
      if (close !== NONE) {
        emit(at, (pos[close] as number) + 1, false, false);
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
      (pos[close] as number) - at > 3
    ) {
      emit(at, (pos[close] as number) + 1, false, false);
      k = close + 1;
      continue;
    }
    k++;
  }
  if (n > KEEP_SCRATCH) buffers = null;
  return out;
}

/** Per-mark working arrays, reused from paragraph to paragraph (a flood of marks gets its own, released after). */
interface Scratch {
  size: number;
  pos: Int32Array;
  flags: Uint8Array;
  codes: Uint16Array;
  nextDoubleClose: Int32Array;
  nextDoubleOpenOnly: Int32Array;
  nextLeftDouble: Int32Array;
  nextSingleClose: Int32Array;
  nextSingleOpen: Int32Array;
  nextGuilClose: Int32Array;
  nextDoubleOpen: Int32Array;
}
const KEEP_SCRATCH = 4096;
let buffers: Scratch | null = null;

function scratch(count: number): Scratch {
  if (buffers && buffers.size > count) return buffers;
  const size = Math.max(256, count + 1);
  buffers = {
    size,
    pos: new Int32Array(size),
    flags: new Uint8Array(size),
    codes: new Uint16Array(size),
    nextDoubleClose: new Int32Array(size),
    nextDoubleOpenOnly: new Int32Array(size),
    nextLeftDouble: new Int32Array(size),
    nextSingleClose: new Int32Array(size),
    nextSingleOpen: new Int32Array(size),
    nextGuilClose: new Int32Array(size),
    nextDoubleOpen: new Int32Array(size),
  };
  return buffers;
}

/** Working arrays twice as large, keeping the first n marks found. */
function grow(b: Scratch, n: number): Scratch {
  const next = scratch(b.size * 2);
  next.pos.set(b.pos.subarray(0, n));
  next.flags.set(b.flags.subarray(0, n));
  next.codes.set(b.codes.subarray(0, n));
  return next;
}

function trimEnd(text: string, start: number, end: number): number {
  while (end > start + 1 && (text.charCodeAt(end - 1) === 0x20 || text.charCodeAt(end - 1) === 0x0a)) end--;
  return end;
}

const OPENS_PARAGRAPH = /^(?:["\u201c\u201e\u2033\u00ab]|''|``)/;

/**
 * Extractor `quote-marks`: every span between an opening and a closing quote mark, per paragraph; an unclosed quote at
 * a paragraph's end goes on in the next paragraph when that one opens with a mark (one quote, a fragment each).
 */
export function quoteMarks(ctx: Context): QuoteCandidate[] {
  const { text, paragraphs } = ctx.doc;
  const out: QuoteCandidate[] = [];
  let pending: QuoteCandidate | null = null;
  let last: QuoteCandidate | null = null;
  for (const p of paragraphs) {
    const found = pairMarks(text, p.start, p.end);
    let i = 0;
    // `"…⏎Ada Kim, Leeds Institute."`: a short last line inside the marks is the quote's signature, not its words.
    if (last && !last.attribution && last.lastParagraph === p.index - 1 && found.length === 0) {
      const prev = paragraphs[p.index - 1];
      if (prev && trimEnd(text, prev.start, prev.end) === last.end)
        last.attribution = signatureLine(text, p.start, p.end);
    }
    if (pending) {
      const first = found[0];
      if (
        first &&
        first.start === p.start &&
        OPENS_PARAGRAPH.test(text.slice(p.start, p.start + 2)) &&
        oneZone(ctx, pending.start, first.end)
      ) {
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
      last = c;
      if (q.runsOn) pending = c;
    }
  }
  return out;
}

const SIGNATURE_WORDS = 9;
const DESCRIPTION_WORDS = 5;
const SENTENCE_WORDS = new Set(
  'a an the is was are were be been has had have do did does not no will would can could should to it this that we i you he she they'.split(
    ' ',
  ),
);
const SIGNATURE_END = /\.["\u201d\u2033]$/;
const CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'at', 'in', 'de', 'van', 'von']);

/**
 * A paragraph that is only a signature closing the quote of the paragraph before: `Ada Kim, Leeds Institute."` or
 * `Party committee member.”` — at most nine words, the first capitalised, no sentence punctuation but the final full
 * stop and its closing mark. The mention is the line up to its first comma.
 */
function signatureLine(text: string, start: number, end: number): Attribution | null {
  end = trimEnd(text, start, end);
  if (end - start < 4 || !SIGNATURE_END.test(text.slice(end - 2, end))) return null;
  const line = text.slice(start, end - 2);
  if (/[.!?;:"\u201c\u201d\u201e\u00ab\u00bb()]/.test(line)) return null;
  const comma = line.indexOf(',');
  const head = (comma < 0 ? line : line.slice(0, comma)).trimEnd();
  const words = line.split(/[\s,]+/).filter((w) => w !== '');
  const headWords = head.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0 || words.length > SIGNATURE_WORDS || headWords.length === 0) return null;
  if (!/^\p{Lu}/u.test(headWords[0] as string)) return null;
  const named = headWords.length >= 2 && headWords.every((w) => /^\p{Lu}/u.test(w) || CONNECTORS.has(w));
  // A description (`Party committee member.`) is short and verbless: no function word or verb form of a sentence.
  if (!named && (words.length > DESCRIPTION_WORDS || words.some((w) => SENTENCE_WORDS.has(w.toLowerCase()))))
    return null;
  return {
    mention: { start, end: start + head.length },
    kind: named ? 'name' : 'description',
    cue: null,
    rule: 'signature-line',
    side: 'after',
  };
}

/** Words after a quote read for the speech verb of its own trailing attribution (`…,” said the former director`). */
const TRAILER_REACH = 6;
const RELATIVE = new Set(['which', 'that', 'who', 'whom', 'whose']);

/**
 * Quote q closes on a comma, ? or ! inside its marks and a speech verb follows within a few words of its paragraph
 * (`“…,” an angry X replied.`, `“…?” asked X`): it has a trailing attribution of its own, found or not, so it is not
 * the second part of the quote before it.
 */
export function ownTrailer(ctx: Context, q: QuoteCandidate): boolean {
  const { text, tokens } = ctx.doc;
  const { start, end } = q;
  if (end - start < 3 || !isMarkCode(text.charCodeAt(end - 1))) return false;
  const p = text.charCodeAt(end - 2);
  if (p !== 0x2c && p !== 0x3f && p !== 0x21) return false;
  const first = tokenAt(tokens, end);
  for (let k = first; k < tokens.length && k - first < TRAILER_REACH; k++) {
    const t = tokens[k] as Token;
    if (t.paragraph !== q.lastParagraph || isMarkCode(t.text.charCodeAt(0)) || t.text === '.') return false;
    // `“…,” which X thinks …`: a relative clause goes on with the sentence; it is no attribution of the quote.
    if (k === first && RELATIVE.has(t.lower)) return false;
    if (speechVerb(tokens, k)) return true;
  }
  return false;
}
