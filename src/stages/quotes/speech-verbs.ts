import { speechVerbs } from '../../data/names.generated.js';

/** Speech verbs (every form), from data/speech-verbs.txt compiled by `npm run data`. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set(speechVerbs);

/** Verbs that are speech only with their particle ("points out", "went on"). */
export const PARTICLE_VERBS: ReadonlyMap<string, string> = new Map([
  ['point', 'out'],
  ['pointed', 'out'],
  ['pointing', 'out'],
  ['points', 'out'],
]);
