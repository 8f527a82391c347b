/**
 * The entities stage: people, organizations and place candidates (for the places stage to resolve).
 * Extractors find candidate spans (capitalised runs, all-caps lines, "the village of X", the user's lists);
 * refiners trim them to CoNLL spans, classify them from their features, and link short and acronym mentions to
 * their entities. Rule-based today; `classify` is where a learned tagger will plug in.
 */
import type { Stage } from '../../pipeline/types.js';
import type { Candidate } from './candidate.js';
import { capitalised } from './capitalised.js';
import { capsLine } from './caps-line.js';
import { classify } from './classify.js';
import { dropOverlaps } from './drop-overlaps.js';
import { dropSuppressed } from './drop-suppressed.js';
import { finalize } from './finalize.js';
import { linkAcronym } from './link-acronym.js';
import { mergeSurname } from './merge-surname.js';
import { placeOf } from './place-of.js';
import { titleName } from './title-name.js';
import { userNames } from './user-names.js';

export const entitiesStage: Stage<'entities', Candidate> = {
  name: 'entities',
  needs: [],
  extractors: [userNames, placeOf, capitalised, capsLine],
  refiners: [titleName, classify, dropOverlaps, linkAcronym, mergeSurname, dropSuppressed],
  finalize,
};
