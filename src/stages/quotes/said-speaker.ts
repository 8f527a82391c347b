import { cueLength, rightPhrase, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';

/** `"…," said X` (also `"…," said X, a spokesman for Y`): the verb right after the quote, the speaker after it. */
export function saidSpeaker(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.afterFrom;
  while (k < w.afterTo && tokens[k]?.text === ',') k++;
  if (k >= w.afterTo) return null;
  const cue = speechVerb(tokens, k);
  if (!cue || tokens[k]!.lower.endsWith('ing')) return null;
  const p = rightPhrase(tokens, k + cueLength(tokens, k, cue), w.afterTo);
  if (!p) return null;
  return { mention: { start: p.start, end: p.end }, kind: p.kind, cue, rule: 'said-speaker', side: 'after' };
}
