import type { Context } from '../../pipeline/types.js';
import type { QuoteCandidate } from './types.js';

/**
 * Refiner `continuation`: a quote with no attribution of its own that opens its paragraph (or follows an attributed
 * quote in the same paragraph) right after an attributed quote inherits that speaker: the seed's second Korolev quote.
 */
export function continuation(ctx: Context, items: QuoteCandidate[]): QuoteCandidate[] {
  const { paragraphs, text } = ctx.doc;
  for (let i = 1; i < items.length; i++) {
    const q = items[i] as QuoteCandidate;
    const prev = items[i - 1] as QuoteCandidate;
    if (q.attribution || !prev.attribution) continue;
    const opensParagraph = paragraphs[q.paragraph]?.start === q.start;
    const adjacent =
      (opensParagraph && q.paragraph === prev.lastParagraph + 1) ||
      (q.paragraph === prev.lastParagraph && !/[\u201C"\u201E\u00AB]/.test(text.slice(prev.end, q.start)));
    if (!adjacent) continue;
    q.attribution = { ...prev.attribution, rule: 'continuation', side: 'inherited' };
  }
  return items;
}
