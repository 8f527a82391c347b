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
  // Cheap test first, one token read per token: this runs over every token. "of" at i + 1, the cue at i.
  for (let o = 1; o + 1 < toks.length; o++) {
    if ((toks[o] as Token).lower !== 'of') continue;
    const i = o - 1;
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
