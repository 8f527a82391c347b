import type { Token } from '../../text/types.js';
import { capitalName, overMojibake } from './speaker-said.js';
import { cueLength, rightPhrase, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';
import { makePhrase, type Phrase } from './words.js';

/** `"…," said X` (also `"…," said X, a spokesman for Y`): the verb right after the quote, the speaker after it. */
export function saidSpeaker(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.afterFrom;
  while (k < w.afterTo && tokens[k]?.text === ',') k++;
  if (k >= w.afterTo) return null;
  const cue = speechVerb(tokens, k);
  if (!cue || tokens[k]!.lower.endsWith('ing')) return null;
  const from = k + cueLength(tokens, k, cue);
  let p =
    rightPhrase(tokens, from, w.afterTo) ??
    capitalName(tokens, from, w.afterTo) ??
    lonePronoun(tokens, from, w.afterTo);
  // "said 9/11 widow Terry Strada": a number (and its slash or hyphen) before the phrase.
  let s = from;
  while (!p && s < from + 3 && s + 1 < w.afterTo && isNumberish(tokens[s])) p = rightPhrase(tokens, ++s, w.afterTo);
  if (!p) return null;
  p = overMojibake(tokens, p, w.afterTo);
  const start = s > from ? (tokens[from] as Token).start : p.start;
  return { mention: { start, end: p.end }, kind: p.kind, cue, rule: 'said-speaker', side: 'after' };
}

const isNumberish = (t: Token | undefined) =>
  t !== undefined && (t.kind === 'number' || t.text === '/' || t.text === '-');

/** "“…,” read one.", "tweeted another.": "one" or "another" alone, ending the clause, is the speaker. */
function lonePronoun(tokens: Token[], k: number, limit: number): Phrase | null {
  const t = tokens[k];
  if (k + 1 >= limit + 1 || !t || (t.lower !== 'one' && t.lower !== 'another')) return null;
  const after = tokens[k + 1];
  if (after && after.paragraph === t.paragraph && after.kind !== 'punct') return null;
  return { ...makePhrase(tokens, k, k + 1), kind: 'description' };
}
