import type { Stage } from '../../pipeline/types.js';
import type { Quote } from '../../schema.js';
import { attribute } from './attribute.js';
import { continuation } from './continuation.js';
import { dropScareQuotes } from './drop-scare-quotes.js';
import { indirectQuotes } from './indirect.js';
import { labelSpeaker } from './label-speaker.js';
import { mergeInterrupted } from './merge-interrupted.js';
import { mergeRuns } from './merge-runs.js';
import { quoteMarks } from './quote-marks.js';
import { SpeakerResolver } from './resolve-speaker.js';
import { sentenceSubjectSpeaker } from './sentence-subject.js';
import { splitUnclosed } from './split-unclosed.js';
import type { QuoteCandidate } from './types.js';

/**
 * The quotes stage: direct quotes from every quote-mark style, interrupted quotes joined, speakers from the
 * attribution patterns (`"…," X said`, `said X`, `X said: "…"`, `X told Y: "…"`, `according to X`) resolved against
 * the people found by the entities stage. Indirect quotes (`X said that …`, `…, X said.`, `according to X, …`)
 * come with the `indirectQuotes` option.
 */
/** Join a verbless continuation paragraph to the quote before it (one quote, two fragments). */
const MERGE_ACROSS_PARAGRAPHS = true;

const sortedByStart = (list: readonly { start: number }[]): boolean => {
  for (let k = 1; k < list.length; k++)
    if ((list[k] as { start: number }).start < (list[k - 1] as { start: number }).start) return false;
  return true;
};

/** The fragments of the direct quotes, in order. */
function fragmentsOf(items: readonly QuoteCandidate[]) {
  const out: { start: number; end: number }[] = [];
  for (const q of items) for (const f of q.fragments) out.push(f);
  return out;
}

export const quotesStage: Stage<'quotes', QuoteCandidate> = {
  name: 'quotes',
  needs: ['entities'],
  extractors: [quoteMarks],
  refiners: [
    splitUnclosed,
    attribute,
    mergeInterrupted,
    dropScareQuotes,
    sentenceSubjectSpeaker,
    labelSpeaker,
    continuation,
    (ctx, items) => mergeRuns(ctx, items, MERGE_ACROSS_PARAGRAPHS),
  ],
  finalize(ctx, items): Quote[] {
    const resolver = new SpeakerResolver(ctx, fragmentsOf(items));
    const text = ctx.doc.text;
    const span = (r: { start: number; end: number }) => ({
      start: r.start,
      end: r.end,
      text: text.slice(r.start, r.end),
    });
    const indirect = ctx.options.indirectQuotes ? indirectQuotes(ctx, items) : [];
    // Direct quotes come sorted by start; indirect ones are merged in (a stable merge: direct first on a tie, as
    // the stable sort of the two lists concatenated gave).
    const out: Quote[] = [];
    const emit = (q: QuoteCandidate, kind: 'direct' | 'indirect') => {
      out.push({
        start: q.start,
        end: q.end,
        text: text.slice(q.start, q.end),
        kind,
        fragments: q.fragments.map(span),
        speaker: q.attribution ? resolver.resolve(q.attribution, q.start) : null,
        cue: q.attribution?.cue ? span(q.attribution.cue) : null,
        zone: ctx.zoneAt(q.start),
      });
    };
    if (!sortedByStart(items) || !sortedByStart(indirect)) {
      const all = [
        ...items.map((q) => ({ q, kind: 'direct' as const })),
        ...indirect.map((q) => ({ q, kind: 'indirect' as const })),
      ].sort((a, b) => a.q.start - b.q.start);
      for (const { q, kind } of all) emit(q, kind);
      return out;
    }
    let i = 0;
    let j = 0;
    while (i < items.length || j < indirect.length) {
      const d = items[i];
      const x = indirect[j];
      if (d && (!x || d.start <= x.start)) {
        emit(d, 'direct');
        i++;
      } else if (x) {
        emit(x, 'indirect');
        j++;
      }
    }
    return out;
  },
};
