import type { Token } from '../../text/types.js';
import { isTerminal, leftPhrase, rightPhrase } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';

/** `"…," according to X` and `According to X, "…"`. */
export function accordingTo(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.afterFrom;
  while (k < w.afterTo && tokens[k]?.text === ',') k++;
  if (tokens[k]?.lower === 'according' && tokens[k + 1]?.lower === 'to' && k + 1 < w.afterTo) {
    const p = rightPhrase(tokens, k + 2, w.afterTo);
    if (p) return attribution(p, { start: tokens[k]!.start, end: tokens[k + 1]!.end }, 'after');
  }
  // Lead-in: "According to X, “…”": the phrase ends at the comma before the mark.
  for (let j = w.beforeTo - 1; j >= w.beforeFrom + 1; j--) {
    // "…, according to Tchadinfos.com. “…,” his friend told the website": a source in the sentence before is not it.
    if (endsSentence(tokens, j)) return null;
    if (tokens[j]?.lower === 'to' && tokens[j - 1]?.lower === 'according') {
      let end = w.beforeTo;
      while (end > j + 1 && tokens[end - 1]?.kind === 'punct') end--;
      const p = rightPhrase(tokens, j + 1, end) ?? leftPhrase(tokens, end, j + 1, 0);
      if (p) return attribution(p, { start: tokens[j - 1]!.start, end: tokens[j]!.end }, 'before');
      return null;
    }
  }
  return null;
}

function attribution(
  p: { start: number; end: number; kind: Attribution['kind'] },
  cue: { start: number; end: number },
  side: 'after' | 'before',
): Attribution {
  return { mention: { start: p.start, end: p.end }, kind: p.kind, cue, rule: 'according-to', side };
}

/** Token j ends a sentence: "!", "?", ";", or a full stop not after an abbreviation or initial ("Sen.", "J."). */
export function endsSentence(tokens: Token[], j: number): boolean {
  const t = tokens[j] as Token;
  if (!isTerminal(t)) return false;
  if (t.text !== '.') return true;
  const b = tokens[j - 1];
  return !(b && b.end === t.start && b.cap && b.text.length <= 3);
}
