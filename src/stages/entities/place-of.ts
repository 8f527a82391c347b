/** Extractor: "the village of Teysin", "the town of Pabrade": a place even when the gazetteer lacks it. */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { type Candidate, candidate } from './candidate.js';
import { isNameToken } from './capitalised.js';
import { nameLists } from './lists.js';

export function placeOf(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const toks = ctx.doc.tokens;
  const { placeWords } = nameLists();
  for (let i = 0; i + 2 < toks.length; i++) {
    const cue = toks[i] as Token;
    // Cheap tests first: this runs over every token.
    if (cue.cap || (toks[i + 1] as Token).lower !== 'of') continue;
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
