import type { Stage } from '../../pipeline/types.js';
// PLACEHOLDER (being written this session): replaced by the real stage before commit.
export const topicsStage: Stage<'topics'> = {
  name: 'topics',
  needs: [],
  extractors: [],
  refiners: [],
  finalize: () => [],
};
