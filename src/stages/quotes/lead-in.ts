import type { Token } from '../../text/types.js';
import { subject } from './sentence-subject.js';
import { isTerminal, leftPhrase, speechVerb } from './tokens.js';
import type { Attribution } from './types.js';
import type { Window } from './window.js';

/**
 * A lead-in before the quote: `X said: "…"`, `X told the BBC: "…"`, `X told Reuters that "…"`, `X added, "…"`,
 * and `…, saying: "…"` (the sentence's subject speaks).
 */
export function leadIn(w: Window): Attribution | null {
  const { tokens } = w;
  let k = w.beforeTo - 1;
  while (k >= w.beforeFrom && (tokens[k]!.text === ',' || tokens[k]!.text === ':' || tokens[k]!.lower === 'that')) k--;
  for (let v = k; v >= Math.max(w.beforeFrom, k - 6); v--) {
    const t = tokens[v] as Token;
    if (isTerminal(t)) return null;
    const cue = speechVerb(tokens, v);
    if (!cue) continue;
    const min = sentenceStart(tokens, v, w.beforeFrom);
    // "…, saying:", "adding,", "arguing," (a participle): the sentence's subject speaks, not the noun before it.
    const participle = t.lower.endsWith('ing');
    const p = participle
      ? (subject(tokens, min, v) ?? leftPhrase(tokens, v, min))
      : (leftPhrase(tokens, v, min) ?? subject(tokens, min, v));
    if (!p) return null;
    return { mention: { start: p.start, end: p.end }, kind: p.kind, cue, rule: 'lead-in', side: 'before' };
  }
  return null;
}

function sentenceStart(tokens: Token[], k: number, floor: number): number {
  const s = (tokens[k] as Token).sentence;
  let j = k;
  while (j - 1 >= floor && k - j < 40 && (tokens[j - 1] as Token).sentence === s) j--;
  return j;
}
