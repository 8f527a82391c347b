import type { Context } from '../../pipeline/types.js';
import { isUpperOrDigitAt, nextWord, wordMatch } from '../../text/tokenize.js';
import { NAMING_CUES } from './speech-verbs.js';
import type { QuoteCandidate } from './types.js';

/** Words inside a quote at or below which, with no attribution, it reads as a scare quote or a title. */
export const SCARE_MAX_WORDS = 3;
/**
 * Words: runs of letters and digits joined by single ' ’ - . (the regex `[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*`),
 * found by the tokenizer's class-table scan (`nextWord`), not a regex match per word.
 */
function wordCount(text: string, max: number): number {
  let n = 0;
  let at = 0;
  while (n <= max) {
    if (nextWord(text, at, text.length) < 0) break;
    at = wordMatch.end;
    n++;
  }
  return n;
}

/** Refiner `drop-scare-quotes`: a so-called "special operation" (1–3 words, no speech context) is not speech. */
export function dropScareQuotes(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  return items.filter((q) => {
    const inner = ctx.doc.text.slice(q.start, q.end);
    // A title is not speech, unless a lead-in introduces it; "told “Fox and Friends”" names the one told.
    if ((q.attribution?.side !== 'before' || toldCue(ctx.doc.text, q.attribution.cue)) && isTitle(inner)) return false;
    const a = q.attribution;
    const speech =
      a !== null &&
      !namingCue(ctx.doc.text, a.cue) &&
      !(a.side === 'before' && wordsBetween(ctx.doc.text, a.cue, q.start));
    return speech || wordCount(inner, SCARE_MAX_WORDS) > SCARE_MAX_WORDS;
  });
}

/** "saying he would “never” do it": words between a lead-in's verb and a short quote make it a term, not speech. */
function wordsBetween(text: string, cue: { start: number; end: number } | null, start: number): boolean {
  if (cue === null || cue.end > start) return false;
  return wordCount(text.slice(cue.end, start).replace(LINKS, ' '), 0) > 0;
}
const LINKS = /\bthat\b/gi;

const TOLD = new Set(['told', 'tells', 'tell', 'telling']);
/** The cue is "told": what follows it names the one told. */
export const toldCue = (text: string, cue: { start: number; end: number } | null) =>
  cue !== null && TOLD.has(text.slice(cue.start, cue.end).toLowerCase());

/** "calls the war a “special operation”": a naming verb before a short quote marks a term, not speech. */
function namingCue(text: string, cue: { start: number; end: number } | null): boolean {
  return cue !== null && NAMING_CUES.has(text.slice(cue.start, cue.end).toLowerCase());
}

const MINOR = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'from', 'vs']);
const MINOR_MAX = 4;
const TITLE_MAX_WORDS = 8;

/** "Saturday Night Live", "The Nightly Show with Larry Wilmore": every major word capitalised, a title not speech. */
export function isTitle(inner: string): boolean {
  let n = 0;
  const len = inner.length;
  for (let start = nextWord(inner, 0, len); start >= 0; start = nextWord(inner, wordMatch.end, len)) {
    if (++n > TITLE_MAX_WORDS) return false;
    // A capitalised word or a number; else a minor word after the first ("of", "the"): MINOR's words are lower case.
    if (isUpperOrDigitAt(inner, start)) continue;
    if (n > 1 && wordMatch.end - start <= MINOR_MAX && MINOR.has(inner.slice(start, wordMatch.end))) continue;
    return false;
  }
  return n >= 2 && !/[!?]/.test(inner);
}
