import type { Stage } from '../../pipeline/types.js';
// PLACEHOLDER (being written this session): replaced by the real stage before commit.
export const placesStage: Stage<'places'> = {
  name: 'places',
  needs: ['entities'],
  extractors: [],
  refiners: [],
  finalize: () => ({ places: [] }),
};
