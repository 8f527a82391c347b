import type { Stage } from '../../pipeline/types.js';
// PLACEHOLDER (being written this session): replaced by the real stage before commit.
export const entitiesStage: Stage<'entities'> = {
  name: 'entities',
  needs: [],
  extractors: [],
  refiners: [],
  finalize: () => ({ people: [], organizations: [], placeCandidates: [] }),
};
