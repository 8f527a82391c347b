import type { Stage } from '../../pipeline/types.js';
// PLACEHOLDER (being written this session): replaced by the real stage before commit.
export const quotesStage: Stage<'quotes'> = {
  name: 'quotes',
  needs: ['entities'],
  extractors: [],
  refiners: [],
  finalize: () => [],
};
