import type { Context } from '../../../pipeline/types.js';
import type { Token } from '../../../text/types.js';
import type { DateCandidate } from '../types.js';

const ONE_WORD = new Set(['early', 'late', 'mid', 'earlier', 'later', 'fiscal']);
const PHRASE_HEAD = new Set(['end', 'beginning', 'start', 'middle', 'turn', 'close']);

/**
 * "mid-July" is one token; "early 2022", "late November", "earlier this year", "the end of 1990" are a modifier before
 * the date: the span takes the modifier in, the value stays at the grain of the date.
 */
export function widenModifiers(ctx: Context, items: DateCandidate[]): DateCandidate[] {
  const toks = ctx.doc.tokens;
  return items.map((c) => {
    let t0 = c.t0;
    const p = toks[t0 - 1];
    if (p && ONE_WORD.has(p.lower)) t0--;
    else if (p?.lower === 'of' && PHRASE_HEAD.has(toks[t0 - 2]?.lower ?? '') && toks[t0 - 3]?.lower === 'the') t0 -= 3;
    if (t0 === c.t0) return c;
    const first = toks[t0] as Token;
    if (first.sentence !== (toks[c.t0] as Token).sentence) return c;
    return { ...c, t0, start: first.start };
  });
}
