import { speechVerbs } from '../../data/names.generated.js';

/**
 * Cues of the quotes stage only: verbs that introduce a quote ("called it “a disaster”", "the sign reads") but are
 * too common to mark a person for the entities stage, which also reads data/speech-verbs.txt.
 */
const QUOTE_CUES = [
  'read',
  'reads',
  'fumed',
  'fumes',
  'pressed',
  'presses',
  'states',
  'confessed',
  'confesses',
  'exhorted',
  'quip',
  'quips',
  'remembered',
  'riffed',
  'sang',
  'sings',
  'surmised',
];

/** Naming verbs: they introduce a quote, but a short one after them is a term ("calls it a “special operation”"). */
export const NAMING_CUES: ReadonlySet<string> = new Set([
  'call',
  'called',
  'calling',
  'calls',
  'dubbed',
  'labeled',
  'labelled',
  'labeling',
  'labelling',
]);

/** Speech verbs (every form), from data/speech-verbs.txt compiled by `npm run data`, and the quote-only cues. */
export const SPEECH_VERBS: ReadonlySet<string> = new Set([...speechVerbs, ...QUOTE_CUES, ...NAMING_CUES]);

/** Verbs that are speech only with their particle ("points out", "went on", "shot back", "as X put it"). */
export const PARTICLE_VERBS: ReadonlyMap<string, string> = new Map([
  ['point', 'out'],
  ['pointed', 'out'],
  ['pointing', 'out'],
  ['points', 'out'],
  ['went', 'on'],
  ['goes', 'on'],
  ['shot', 'back'],
  ['fired', 'back'],
  ['hit', 'back'],
  ['pushed', 'back'],
  ['wrote', 'back'],
  ['put', 'it'],
  ['puts', 'it'],
  ['cut', 'in'],
  ['cuts', 'in'],
]);

/** Particle verbs that are not speech without their particle. */
export const PARTICLE_ONLY: ReadonlySet<string> = new Set([
  'point',
  'pointed',
  'pointing',
  'points',
  'went',
  'goes',
  'shot',
  'fired',
  'hit',
  'pushed',
  'put',
  'puts',
  'cut',
  'cuts',
]);
