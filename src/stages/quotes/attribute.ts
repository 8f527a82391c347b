import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { accordingTo } from './according-to.js';
import { isTitle } from './drop-scare-quotes.js';
import { leadIn } from './lead-in.js';
import { saidSpeaker } from './said-speaker.js';
import { speakerSaid } from './speaker-said.js';
import { cueLength, isTerminal, speechVerb, tokenAt } from './tokens.js';
import type { Attribution, QuoteCandidate } from './types.js';
import { AFTER_REACH, BEFORE_REACH, type Window } from './window.js';
import { SKIPPABLE } from './words.js';

type Pattern = (w: Window) => Attribution | null;
const AFTER: Pattern[] = [accordingTo, saidSpeaker, speakerSaid];
const SENTENCE_DONE = /[.!?…]["”’»″]$/;

/** Refiner `attribute`: tries the attribution patterns on the words around each quote (after it, then before it). */
export function attribute(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  const { tokens, paragraphs, text } = ctx.doc;
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  let n = 0;
  for (let i = 0; i < sorted.length; i++) {
    const q = sorted[i] as QuoteCandidate;
    const prev = sorted[i - 1];
    // The next quote after this one ends: a quote nested inside it ('…' within "…") does not cut its window.
    if (n <= i) n = i + 1;
    while (n < sorted.length && (sorted[n] as QuoteCandidate).start < q.end) n++;
    const next = sorted[n];
    const first = paragraphs[q.paragraph]!;
    const last = paragraphs[q.lastParagraph]!;
    const afterFrom = tokenAt(tokens, q.end);
    let afterTo = Math.min(tokenAt(tokens, last.end), afterFrom + AFTER_REACH);
    if (next && next.start < last.end) afterTo = Math.min(afterTo, tokenAt(tokens, next.start));
    const beforeTo = tokenAt(tokens, q.start);
    let floor = tokenAt(tokens, first.start);
    if (prev && prev.end > first.start) floor = Math.max(floor, tokenAt(tokens, prev.end));
    const beforeFrom = Math.max(floor, beforeTo - BEFORE_REACH);
    const w: Window = { tokens, afterFrom, afterTo, beforeFrom, beforeTo, quote: q, floor };
    const nextToken = tokens[afterFrom] as Token | undefined;
    const sentenceDone = SENTENCE_DONE.test(text.slice(q.end - 2, q.end));
    const newSentence = sentenceDone && nextToken?.cap && !isPronoun(nextToken);
    // `“… soft.” He says referees are …`: a pronoun opening a new sentence that goes on is a new statement, not the
    // attribution of the quote before it (that is `“…,” he said.`, or `“….” He said.` ending there).
    const pronounGoesOn = sentenceDone && nextToken?.cap && isPronoun(nextToken) && goesOn(tokens, afterFrom);
    const order: Pattern[] = pronounGoesOn ? [leadIn] : newSentence ? [leadIn, ...AFTER] : [...AFTER, leadIn];
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

/** The pronoun at token k, its speech verb, then more of the sentence (not its end). */
function goesOn(tokens: Token[], k: number): boolean {
  let v = k + 1;
  while (v < tokens.length && SKIPPABLE.has((tokens[v] as Token).lower)) v++;
  const cue = speechVerb(tokens, v);
  if (!cue) return false;
  const after = tokens[v + cueLength(tokens, v, cue)];
  return after !== undefined && !isTerminal(after) && after.paragraph === (tokens[k] as Token).paragraph;
}

/**
 * An attribution found after quote q that is really the lead-in of the next quote: its cue runs straight into the next
 * mark (`the protesters chanted "…"`), or q ended its sentence and the cue is followed by a colon or comma and the mark.
 */
function leadsInto(text: string, a: Attribution, q: QuoteCandidate, next: QuoteCandidate): boolean {
  const end = Math.max(a.mention.end, a.cue?.end ?? 0);
  if (end > next.start) return false;
  // `X told "Fox and Friends"`: a title after the cue is its object, not a quote it introduces.
  if (isTitle(text.slice(next.start, next.end))) return false;
  const between = text.slice(end, next.start);
  if (/^\s*$/.test(between) || /^\s*:\s*$/.test(between)) return true;
  return /^\s*,\s*$/.test(between) && SENTENCE_DONE.test(text.slice(q.end - 2, q.end));
}
