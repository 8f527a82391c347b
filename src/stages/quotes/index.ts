import type { Stage } from '../../pipeline/types.js';
import type { Quote } from '../../schema.js';
import { attribute } from './attribute.js';
import { continuation } from './continuation.js';
import { dropScareQuotes } from './drop-scare-quotes.js';
import { indirectQuotes } from './indirect.js';
import { mergeInterrupted } from './merge-interrupted.js';
import { mergeRuns } from './merge-runs.js';
import { quoteMarks } from './quote-marks.js';
import { SpeakerResolver } from './resolve-speaker.js';
import { sentenceSubjectSpeaker } from './sentence-subject.js';
import type { QuoteCandidate } from './types.js';

/**
 * The quotes stage: direct quotes from every quote-mark style, interrupted quotes joined, speakers from the
 * attribution patterns (`"…," X said`, `said X`, `X said: "…"`, `X told Y: "…"`, `according to X`) resolved against
 * the people found by the entities stage. Indirect quotes (`X said that …`, `…, X said.`, `according to X, …`)
 * come with the `indirectQuotes` option.
 */
/** Join a verbless continuation paragraph to the quote before it (one quote, two fragments). */
const MERGE_ACROSS_PARAGRAPHS = true;

export const quotesStage: Stage<'quotes', QuoteCandidate> = {
  name: 'quotes',
  needs: ['entities'],
  extractors: [quoteMarks],
  refiners: [
    attribute,
    mergeInterrupted,
    dropScareQuotes,
    sentenceSubjectSpeaker,
    continuation,
    (ctx, items) => mergeRuns(ctx, items, MERGE_ACROSS_PARAGRAPHS),
  ],
  finalize(ctx, items): Quote[] {
    const resolver = new SpeakerResolver(ctx);
    const text = ctx.doc.text;
    const span = (r: { start: number; end: number }) => ({
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
    });
    const indirect = ctx.options.indirectQuotes ? indirectQuotes(ctx, items) : [];
    const all = [
      ...items.map((q) => ({ q, kind: 'direct' as const })),
      ...indirect.map((q) => ({ q, kind: 'indirect' as const })),
    ].sort((a, b) => a.q.start - b.q.start);
    return all.map(({ q, kind }) => ({
      ...span(q),
      kind,
      fragments: q.fragments.map(span),
      speaker: q.attribution ? resolver.resolve(q.attribution, q.start) : null,
      cue: q.attribution?.cue ? span(q.attribution.cue) : null,
      zone: ctx.zoneAt(q.start),
    }));
  },
};
