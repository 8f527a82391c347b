/**
 * Extractor for ALL-CAPS and title-case lines, where capitals say nothing: only names we know (known organizations,
 * gazetteer places, compromise's lexicon) are typed; other capitalised words are left untyped so merge-surname can
 * still link "KOROLEV" to a person named in the body.
 */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { type Candidate, candidate } from './candidate.js';
import { isNameToken } from './capitalised.js';
import { isCommonWord, lexiconOrg, strongPlace } from './lexicon.js';
import { isCapsToken, teamInScores } from './lines.js';
import { nameLists } from './lists.js';

export function capsLine(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const toks = ctx.doc.tokens;
  const { knownOrgs } = nameLists();
  let i = 0;
  while (i < toks.length) {
    const t = toks[i] as Token;
    if (!isNameToken(t) || !isCapsToken(ctx, t)) {
      i++;
      continue;
    }
    let found: Candidate | null = null;
    for (let n = 3; n >= 1 && !found; n--) {
      const last = toks[i + n - 1];
      if (!last || last.sentence !== t.sentence) continue;
      let ok = true;
      for (let k = i; k < i + n; k++) if (!isNameToken(toks[k])) ok = false;
      if (!ok) continue;
      const c = candidate(ctx, i, i + n, 'caps-line', true);
      const surface = c.text;
      const org = knownOrgs.get(surface) ?? knownOrgs.get(surface.toLowerCase());
      if (org) {
        c.type = 'ORG';
        c.rule = 'known-org';
        c.orgKind = org.kind;
        c.canonical = org.name;
        found = c;
      } else if (strongPlace(ctx, surface)) {
        if (teamInScores(ctx, i, i + n, surface)) {
          c.type = 'ORG';
          c.rule = 'score-line-team';
          c.orgKind = 'sports';
        } else {
          c.type = 'LOC';
          c.rule = 'gazetteer';
        }
        found = c;
      } else if (n > 1 && lexiconOrg(surface)) {
        c.type = 'ORG';
        c.rule = 'lexicon-org';
        found = c;
      } else if (n === 1 && !isCommonWord(t.lower)) {
        found = c;
      }
    }
    if (found) {
      out.push(found);
      i = found.t1;
    } else i++;
  }
  return out;
}
