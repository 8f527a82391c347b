import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { accordingTo } from './according-to.js';
import { leadIn } from './lead-in.js';
import { saidSpeaker } from './said-speaker.js';
import { speakerSaid } from './speaker-said.js';
import { tokenAt } from './tokens.js';
import type { Attribution, QuoteCandidate } from './types.js';
import { AFTER_REACH, BEFORE_REACH, type Window } from './window.js';

type Pattern = (w: Window) => Attribution | null;
const AFTER: Pattern[] = [accordingTo, saidSpeaker, speakerSaid];
const SENTENCE_DONE = /[.!?…]["”’»″]$/;

/** Refiner `attribute`: tries the attribution patterns on the words around each quote (after it, then before it). */
export function attribute(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  const { tokens, paragraphs, text } = ctx.doc;
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  for (let i = 0; i < sorted.length; i++) {
    const q = sorted[i] as QuoteCandidate;
    const prev = sorted[i - 1];
    const next = sorted[i + 1];
    const first = paragraphs[q.paragraph]!;
    const last = paragraphs[q.lastParagraph]!;
    const afterFrom = tokenAt(tokens, q.end);
    let afterTo = Math.min(tokenAt(tokens, last.end), afterFrom + AFTER_REACH);
    if (next && next.start < last.end) afterTo = Math.min(afterTo, tokenAt(tokens, next.start));
    const beforeTo = tokenAt(tokens, q.start);
    let beforeFrom = Math.max(tokenAt(tokens, first.start), beforeTo - BEFORE_REACH);
    if (prev && prev.end > first.start) beforeFrom = Math.max(beforeFrom, tokenAt(tokens, prev.end));
    const w: Window = { tokens, afterFrom, afterTo, beforeFrom, beforeTo, quote: q };
    const nextToken = tokens[afterFrom] as Token | undefined;
    const newSentence = SENTENCE_DONE.test(text.slice(q.end - 2, q.end)) && nextToken?.cap && !isPronoun(nextToken);
    const order: Pattern[] = newSentence ? [leadIn, ...AFTER] : [...AFTER, leadIn];
    for (const pattern of order) {
      const a = pattern(w);
      if (a && !(a.side === 'after' && next && leadsInto(text, a, q, next))) {
        q.attribution = a;
        break;
      }
    }
    if (!q.attribution && !SENTENCE_DONE.test(text.slice(q.end - 2, q.end))) {
      // `"…" for Clinton, said Kunin.`, `"…" if she loses, said X.`: the sentence goes on, then its attribution.
      for (let c = afterFrom + 1; c < afterTo; c++) {
        const t = tokens[c] as Token;
        if (t.text === '.' || t.text === '!' || t.text === '?' || t.text === ';' || t.text === ':') break;
        if (t.text !== ',') continue;
        const a = saidSpeaker({ ...w, afterFrom: c + 1 }) ?? speakerSaid({ ...w, afterFrom: c + 1 });
        if (a) {
          q.attribution = { ...a, rule: `${a.rule}:after-clause` };
          break;
        }
      }
    }
    if (!q.attribution && first.start === q.start && q.paragraph > 0) {
      // "Cruz continued:⏏“…”": a paragraph ending in a colon introduces the quote that opens the next one.
      const before = paragraphs[q.paragraph - 1]!;
      if (text[before.end - 1] === ':') {
        const to = tokenAt(tokens, before.end);
        const from = Math.max(tokenAt(tokens, before.start), to - BEFORE_REACH);
        q.attribution = leadIn({ tokens, afterFrom: to, afterTo: to, beforeFrom: from, beforeTo: to, quote: q });
        if (q.attribution) q.attribution.rule = 'lead-in:colon';
      }
    }
  }
  return sorted;
}

const isPronoun = (t: Token) => t.lower === 'he' || t.lower === 'she' || t.lower === 'they';

/**
 * An attribution found after quote q that is really the lead-in of the next quote: its cue runs straight into the next
 * mark (`the protesters chanted "…"`), or q ended its sentence and the cue is followed by a colon or comma and the mark.
 */
function leadsInto(text: string, a: Attribution, q: QuoteCandidate, next: QuoteCandidate): boolean {
  const end = Math.max(a.mention.end, a.cue?.end ?? 0);
  if (end > next.start) return false;
  const between = text.slice(end, next.start);
  if (/^\s*$/.test(between) || /^\s*:\s*$/.test(between)) return true;
  return /^\s*,\s*$/.test(between) && SENTENCE_DONE.test(text.slice(q.end - 2, q.end));
}
