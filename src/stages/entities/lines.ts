import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';

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
      if (t.upper || (t.text.length === 1 && t.cap)) upper++;
      if (t.text.length >= 4) {
        long++;
        if (t.cap) longCap++;
      }
    }
    if (words >= 2 && upper / words >= 0.6) flags[p.index] = 1;
    else if (p.zone === 'headline' && long >= 3 && longCap / long >= 0.75) flags[p.index] = 1;
  }
  cache.set(ctx, flags);
  return flags;
}

export function isCapsToken(ctx: Context, t: Token): boolean {
  return capsParagraphs(ctx)[t.paragraph] === 1;
}

const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«', ':', '-', '–', '—', '•', '*']);

/** The token starts its sentence (or follows an opening quote, bracket, colon or dash there). */
export function sentenceInitial(ctx: Context, i: number): boolean {
  const { tokens, sentences } = ctx.doc;
  const t = tokens[i] as Token;
  const s = sentences[t.sentence];
  let k = i - 1;
  while (k >= (s?.tokenStart ?? 0) && OPENERS.has((tokens[k] as Token).text)) k--;
  return k < (s?.tokenStart ?? 0);
}
