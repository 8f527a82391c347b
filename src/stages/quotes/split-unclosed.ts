import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { saidSpeaker } from './said-speaker.js';
import { speakerSaid } from './speaker-said.js';
import { isTerminal, tokenAt } from './tokens.js';
import type { QuoteCandidate } from './types.js';
import { AFTER_REACH } from './window.js';

/** Words a quote holds before the comma it is cut at. */
const MIN_WORDS = 4;
/** Commas tried inside one unclosed quote. */
const MAX_COMMAS = 12;

/**
 * Refiner `split-unclosed`, before `attribute`: a quote whose closing mark is missing runs to its paragraph's end, so
 * its attribution sits inside it (`"There was no help for families, said Kessel, who leads the group.`). The first
 * comma inside it followed by a complete attribution (`said X` or `X said`, then a comma, a sentence end or the
 * paragraph's end) is where the words end: the quote is cut after that comma and `attribute` reads the rest.
 */
export function splitUnclosed(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  const { tokens, paragraphs } = ctx.doc;
  for (const q of items) {
    if (!q.unclosed || q.fragments.length !== 1) continue;
    const para = paragraphs[q.lastParagraph];
    if (!para) continue;
    const from = tokenAt(tokens, q.start) + 1;
    const to = tokenAt(tokens, Math.min(q.end, para.end));
    let words = 0;
    let commas = 0;
    for (let c = from; c < to && commas < MAX_COMMAS; c++) {
      const t = tokens[c] as Token;
      if (t.kind === 'word') words++;
      if (t.text !== ',') continue;
      commas++;
      if (words < MIN_WORDS) continue;
      const w = {
        tokens,
        afterFrom: c + 1,
        afterTo: Math.min(to, c + 1 + AFTER_REACH),
        beforeFrom: c,
        beforeTo: c,
        quote: q,
      };
      const a = saidSpeaker(w) ?? speakerSaid(w);
      if (!a?.cue) continue;
      const end = tokenAt(tokens, Math.max(a.mention.end, a.cue.end));
      const after = tokens[end];
      // The attribution is a clause of its own: a comma, a sentence end or the paragraph's end follows it.
      if (end < to && after && !(after.text === ',' || isTerminal(after))) continue;
      q.end = t.end;
      (q.fragments[0] as { end: number }).end = t.end;
      q.unclosed = false;
      q.rule = `${q.rule}+split-unclosed`;
      break;
    }
  }
  return items;
}
