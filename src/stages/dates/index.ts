import type { Stage } from '../../pipeline/types.js';
// PLACEHOLDER (being written this session): replaced by the real stage before commit.
export const datesStage: Stage<'dates'> = {
  name: 'dates',
  needs: [],
  extractors: [],
  refiners: [],
  finalize: () => [],
};
