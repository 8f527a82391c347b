/**
 * The entities stage: people, organizations and place candidates (for the places stage to resolve).
 * Extractors: the learned tagger (learned.ts, an averaged perceptron over BILOU labels, docs/ner.md), "the village
 * of X", the user's lists. Refiners keep one candidate per stretch of text, link short and acronym mentions to
 * their entities and drop suppressed names.
 */
import type { Stage } from '../../pipeline/types.js';
import type { Candidate } from './candidate.js';
import { classify } from './classify.js';
import { dropOverlaps } from './drop-overlaps.js';
import { dropSuppressed } from './drop-suppressed.js';
import { finalize } from './finalize.js';
import { learned } from './learned.js';
import { linkAcronym } from './link-acronym.js';
import { mergeSurname } from './merge-surname.js';
import { placeOf } from './place-of.js';
import { titleName } from './title-name.js';
import { userNames } from './user-names.js';

export const entitiesStage: Stage<'entities', Candidate> = {
  name: 'entities',
  needs: [],
  extractors: [userNames, placeOf, learned],
  refiners: [titleName, classify, dropOverlaps, linkAcronym, mergeSurname, dropSuppressed],
  finalize,
};
