import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { placeEntry } from './lexicon.js';

const cache = new WeakMap<Context, Uint8Array>();

/**
 * Paragraphs where capitals carry no signal: ALL CAPS lines ("CRICKET - LEICESTERSHIRE TAKE OVER") and title-case
 * headlines ("Officer Flees To Lithuania"). 1 = caps line. Computed once per context.
 */
export function capsParagraphs(ctx: Context): Uint8Array {
  let flags = cache.get(ctx);
  if (flags) return flags;
  const { paragraphs, tokens } = ctx.doc;
  flags = new Uint8Array(paragraphs.length);
  for (const p of paragraphs) {
    const first = ctx.doc.sentences[p.sentenceStart];
    const last = ctx.doc.sentences[p.sentenceEnd - 1];
    if (!first || !last) continue;
    let words = 0;
    let upper = 0;
    let longCap = 0;
    let long = 0;
    for (let i = first.tokenStart; i < last.tokenEnd; i++) {
      const t = tokens[i] as Token;
      if (t.kind !== 'word') continue;
      words++;
      // end - start is the text's length (no read of the string).
      const n = t.end - t.start;
      if (t.upper || (n === 1 && t.cap)) upper++;
      if (n >= 4) {
        long++;
        if (t.cap) longCap++;
      }
    }
    if (words >= 2 && upper / words >= 0.6) flags[p.index] = 1;
    else if (p.zone === 'headline' && long >= 3 && longCap / long >= 0.85 && tokens[last.tokenEnd - 1]?.text !== '.')
      flags[p.index] = 1;
  }
  cache.set(ctx, flags);
  return flags;
}

/** In a caps line, or an all-caps word next to another all-caps word ("PRESS DIGEST - Ireland"). */
export function isCapsToken(ctx: Context, t: Token): boolean {
  if (capsParagraphs(ctx)[t.paragraph] === 1) return true;
  if (!t.upper) return false;
  const toks = ctx.doc.tokens;
  return Boolean(toks[t.i - 1]?.upper || toks[t.i + 1]?.upper);
}

const scoreCache = new WeakMap<Context, Uint8Array>();

/**
 * Paragraphs that read as sports results or standings ("Ajax 2 Marseille 1", "NEW YORK 72 59 .550"): two or more
 * numbers and at most two lower-case words. Places there are teams.
 */
export function scoreLine(ctx: Context, paragraph: number): boolean {
  let flags = scoreCache.get(ctx);
  if (!flags) {
    const { paragraphs, sentences, tokens } = ctx.doc;
    flags = new Uint8Array(paragraphs.length);
    for (const p of paragraphs) {
      const a = sentences[p.sentenceStart]?.tokenStart ?? 0;
      const b = sentences[p.sentenceEnd - 1]?.tokenEnd ?? 0;
      let numbers = 0;
      let lower = 0;
      for (let i = a; i < b; i++) {
        const t = tokens[i] as Token;
        if (t.kind === 'number') numbers++;
        else if (t.kind === 'word' && !t.cap) lower++;
      }
      if (numbers >= 2 && lower <= 2) flags[p.index] = 1;
    }
    scoreCache.set(ctx, flags);
  }
  return flags[paragraph] === 1;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', ':', '-', '–', '—', '•', '*']);

/**
 * The token starts its sentence (or follows an opening quote, bracket, colon or dash there). Runs for every token
 * (the tagger's features): the openers are punctuation, so a word or number before the token ends the test without
 * a look-up of its text.
 */
export function sentenceInitial(ctx: Context, i: number): boolean {
  const { tokens, sentences } = ctx.doc;
  const t = tokens[i] as Token;
  const from = sentences[t.sentence]?.tokenStart ?? 0;
  let k = i - 1;
  while (k >= from) {
    const p = tokens[k] as Token;
    if (p.kind !== 'punct' || !OPENERS.has(p.text)) break;
    k--;
  }
  return k < from;
}

/** A city or region followed by a score in a results line (not a country, not a dateline's year): a team. */
export function teamInScores(ctx: Context, t0: number, t1: number, surface: string): boolean {
  const toks = ctx.doc.tokens;
  const first = toks[t0] as Token;
  const next = toks[t1];
  if (next?.kind !== 'number' || /^(?:1[89]|20)\d\d$/.test(next.text)) return false;
  if (!scoreLine(ctx, first.paragraph)) return false;
  return placeEntry(ctx, surface)?.kind !== 'country';
}
