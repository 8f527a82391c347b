/** Extractor: "the village of Teysin", "the town of Pabrade": a place even when the gazetteer lacks it. */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { type Candidate, candidate } from './candidate.js';
import { isNameToken } from './capitalised.js';
import { nameLists } from './lists.js';

const OF = ['of', 'Of', 'OF', 'oF'];

/** The index of the token that starts at `at`, or -1 (binary search: tokens are in text order). */
function tokenAt(toks: readonly Token[], at: number): number {
  let lo = 0;
  let hi = toks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((toks[mid] as Token).start < at) lo = mid + 1;
    else hi = mid;
  }
  return lo < toks.length && (toks[lo] as Token).start === at ? lo : -1;
}

/**
 * Indices of the tokens "of" (any case), in text order. The text is searched for the word (a fast string scan)
 * rather than every token read: "of" is a few percent of the tokens.
 */
function ofTokens(ctx: Context): number[] {
  const { text, tokens } = ctx.doc;
  const out: number[] = [];
  for (const w of OF) {
    for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) {
      const i = tokenAt(tokens, at);
      if (i >= 0 && (tokens[i] as Token).end === at + 2) out.push(i);
    }
  }
  if (out.length > 1) out.sort((a, b) => a - b);
  return out;
}

export function placeOf(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const toks = ctx.doc.tokens;
  const { placeWords } = nameLists();
  for (const o of ofTokens(ctx)) {
    // "of" at o, the cue word before it, the name after it.
    const i = o - 1;
    if (i < 0 || o + 1 >= toks.length) continue;
    const cue = toks[i] as Token;
    if (cue.cap) continue;
    const w = placeWords.get(cue.lower);
    if (w?.where !== 'cue') continue;
    let j = i + 2;
    while (j < toks.length && j < i + 5 && isNameToken(toks[j]) && (toks[j] as Token).sentence === cue.sentence) j++;
    if (j === i + 2) continue;
    const c = candidate(ctx, i + 2, j, 'place-of');
    c.type = 'LOC';
    c.rule = `${cue.lower}-of`;
    c.kindHint = w.kind;
    out.push(c);
  }
  return out;
}
