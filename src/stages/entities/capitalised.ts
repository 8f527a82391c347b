/** Extractor: maximal runs of capitalised words in mixed-case text, joined over "of/the/for/and/de/van/bin ...". */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { type Candidate, candidate } from './candidate.js';
import { isCapsToken } from './lines.js';
import { nameLists } from './lists.js';

const PARTICLE_PREFIX = /^(?:al|el|bin|ibn|de|di|da|du|van|von|d|l)['\u2019-]\p{Lu}/u;

/** A word that can be part of a name: capitalised ("Korolev", "NATO") or particle-prefixed ("al-Assad"). */
export function isNameToken(t: Token | undefined): boolean {
  if (t?.kind !== 'word') return false;
  if (t.cap) return t.lower !== "'s" && t.lower !== '’s';
  return PARTICLE_PREFIX.test(t.text);
}

export function capitalised(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const toks = ctx.doc.tokens;
  const { connectors, titles } = nameLists();
  for (const s of ctx.doc.sentences) {
    let i = s.tokenStart;
    while (i < s.tokenEnd) {
      const first = toks[i] as Token;
      if (!isNameToken(first) || isCapsToken(ctx, first)) {
        i++;
        continue;
      }
      let end = i + 1;
      let j = i + 1;
      while (j < s.tokenEnd) {
        const t = toks[j] as Token;
        if (isNameToken(t) && t.start - (toks[j - 1] as Token).end <= 1) {
          end = ++j;
          continue;
        }
        if (t.kind === 'word' && !t.cap && connectors.has(t.lower)) {
          let k = j;
          while (k < s.tokenEnd && k < j + 2 && connectors.has((toks[k] as Token).lower)) k++;
          if (k < s.tokenEnd && isNameToken(toks[k])) {
            j = k;
            continue;
          }
        }
        // "Gen. Valery Gerasimov", "Mr. Smith": the period of an abbreviated title.
        if (t.text === '.' && titles.has((toks[j - 1] as Token).lower) && isNameToken(toks[j + 1])) {
          j++;
          continue;
        }
        break;
      }
      out.push(candidate(ctx, i, end, 'capitalised'));
      i = end;
    }
  }
  return out;
}
