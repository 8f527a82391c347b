import type { Context, Stage } from '../../pipeline/types.js';
import type { Topic } from '../../schema.js';
import { predictTags } from '../../topics/model.js';
import { findMatches } from './match.js';
import { scoreTopics } from './score.js';

/**
 * Topics: matches the taxonomy's triggers (Porter stems, phrases, exact-case names) over the in-scope tokens in one
 * pass, scores each tag from its evidence, and raises evidence to the tag's ancestors, so an article with evidence
 * also gets its IPTC top-level subject (ids "iptc-…").
 */
function extractTopics(ctx: Context): Topic[] {
  if (ctx.config.topicModel) return learnedTopics(ctx);
  const handle = ctx.config.taxonomy;
  const tax = handle.compiled();
  const { matches, words } = findMatches(ctx, tax);
  if (!matches.length) return [];
  return scoreTopics(tax, matches, words, ctx.doc.text);
}

/**
 * Topics from a learned model (`createTagger({ topicModel })`), which replaces the taxonomy: the tags whose margin
 * reaches their threshold, scored by a logistic of (margin - threshold), with the strongest features as evidence.
 */
function learnedTopics(ctx: Context): Topic[] {
  const cm = ctx.config.topicModel;
  if (!cm) return [];
  const text = ctx.doc.text;
  const keep = ctx.options.keepChrome ? undefined : (offset: number) => ctx.inScope(offset);
  return predictTags(cm, text, keep).map((t) => {
    const tag = cm.model.tags[t.tag];
    return {
      id: tag?.id ?? '',
      label: tag?.label ?? '',
      score: t.score,
      iptc: tag?.iptc ?? null,
      evidence: t.evidence.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) })),
    };
  });
}

export const topicsStage: Stage<'topics', Topic> = {
  name: 'topics',
  needs: [],
  extractors: [extractTopics],
  refiners: [],
  finalize: (_ctx, items) => items,
};
