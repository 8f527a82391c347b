import type { Token } from '../../text/types.js';
import { isTerminal, rightPhrase, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';
import { SKIPPABLE } from './words.js';

/** Tokens between a speaker and its verb when an appositive or relative clause sits between them. */
const MAX_INSERT = 22;

/**
 * `"…," X said` (also `"…," X, a spokesman for Y, said`, `"…," X, 30, of Raleigh, who was polled, said`,
 * `"…," Sen. X (R-Fla.) said` and `"…," X told Reuters`): the speaker right after the quote, then its speech verb.
 */
export function speakerSaid(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.afterFrom;
  while (k < w.afterTo && tokens[k]?.text === ',') k++;
  const p = rightPhrase(tokens, k, w.afterTo);
  if (!p) return null;
  let j = p.to;
  while (j < w.afterTo && SKIPPABLE.has(tokens[j]!.lower)) j++;
  if (j >= w.afterTo) return null;
  let cue = speechVerb(tokens, j);
  if (!cue && (tokens[j]!.text === ',' || tokens[j]!.text === '(')) cue = verbAfterInsert(tokens, j, w.afterTo);
  if (!cue) return null;
  return { mention: { start: p.start, end: p.end }, kind: p.kind, cue, rule: 'speaker-said', side: 'after' };
}

/** The speech verb closing an insert that opens at token j (`, …,` or `(…)`), within the sentence; else null. */
function verbAfterInsert(tokens: Token[], j: number, limit: number) {
  const to = Math.min(limit, j + MAX_INSERT);
  for (let c = j + 1; c < to; c++) {
    const t = tokens[c] as Token;
    // "N.C.," and "Va.," abbreviations before a comma do not end the sentence.
    if (isTerminal(t) && !(t.text === '.' && (tokens[c + 1]?.text === ',' || tokens[c + 1]?.text === ')'))) return null;
    const cue = speechVerb(tokens, c);
    if (cue && !t.lower.endsWith('ing')) return cue;
  }
  return null;
}
