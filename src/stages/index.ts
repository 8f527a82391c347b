import type { AnyStage } from '../pipeline/run.js';
import type { StageName, StageResults } from '../pipeline/types.js';
import { datesStage } from './dates/index.js';
import { entitiesStage } from './entities/index.js';
import { placesStage } from './places/index.js';
import { quotesStage } from './quotes/index.js';
import { topicsStage } from './topics/index.js';

/** The pipeline, in order (DESIGN.md §3): entities → places → dates → quotes (need people) → topics. */
export const STAGES: readonly AnyStage[] = [entitiesStage, placesStage, datesStage, quotesStage, topicsStage];

export const EMPTY_RESULTS: { [K in StageName]: () => StageResults[K] } = {
  entities: () => ({ people: [], organizations: [], placeCandidates: [] }),
  places: () => ({ places: [] }),
  dates: () => [],
  quotes: () => [],
  topics: () => [],
};
