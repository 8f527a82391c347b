import { isTerminal, rightPhrase, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';
import { SKIPPABLE } from './words.js';

/**
 * `"…," X said` (also `"…," X, a spokesman for Y, said` and `"…," X told Reuters`): the speaker right after the
 * quote, then its speech verb.
 */
export function speakerSaid(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.afterFrom;
  while (k < w.afterTo && tokens[k]?.text === ',') k++;
  const p = rightPhrase(tokens, k, w.afterTo);
  if (!p) return null;
  let j = p.to;
  if (tokens[j]?.text === ',' && j < w.afterTo) {
    // Skip an appositive up to its closing comma.
    let c = j + 1;
    while (c < w.afterTo && c - j < 20 && tokens[c]!.text !== ',' && !isTerminal(tokens[c]!)) c++;
    if (tokens[c]?.text !== ',') return null;
    j = c + 1;
  }
  while (j < w.afterTo && SKIPPABLE.has(tokens[j]!.lower)) j++;
  if (j >= w.afterTo) return null;
  const cue = speechVerb(tokens, j);
  if (!cue) return null;
  return { mention: { start: p.start, end: p.end }, kind: p.kind, cue, rule: 'speaker-said', side: 'after' };
}
