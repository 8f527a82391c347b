import type { Context, Stage } from '../../pipeline/types.js';
import type { Topic } from '../../schema.js';
import { findMatches } from './match.js';
import { scoreTopics } from './score.js';

/**
 * Topics: matches the taxonomy's triggers (Porter stems, phrases, exact-case names) over the in-scope tokens in one
 * pass, scores each tag from its evidence, and raises evidence to the tag's ancestors, so an article with evidence
 * also gets its IPTC top-level subject (ids "iptc-…").
 */
function extractTopics(ctx: Context): Topic[] {
  const handle = ctx.config.taxonomy;
  const tax = handle.compiled();
  const { matches, words } = findMatches(ctx, tax);
  if (!matches.length) return [];
  const text = ctx.doc.text;
  return scoreTopics(tax, matches, words).map((t) => ({
    ...t,
    evidence: t.evidence.map((s) => ({ start: s.start, end: s.end, text: text.slice(s.start, s.end) })),
  }));
}

export const topicsStage: Stage<'topics', Topic> = {
  name: 'topics',
  needs: [],
  extractors: [extractTopics],
  refiners: [],
  finalize: (_ctx, items) => items,
};
