/**
 * Refiner: "the Armed Forces of Ukraine (AFU)": the acronym in brackets becomes a mention of the organization before
 * it, and so does every later "AFU".
 */
import type { Context } from '../../pipeline/types.js';
import type { Candidate } from './candidate.js';
import { isAcronym } from './lists.js';

export function linkAcronym(ctx: Context, items: Candidate[]): Candidate[] {
  const toks = ctx.doc.tokens;
  const expansion = new Map<string, Candidate>();
  for (let n = 0; n + 1 < items.length; n++) {
    const c = items[n] as Candidate;
    const a = items[n + 1] as Candidate;
    if (c.type !== 'ORG' || a.t1 - a.t0 !== 1 || !isAcronym(a.text)) continue;
    if (toks[c.t1]?.text !== '(' || a.t0 !== c.t1 + 1 || toks[a.t1]?.text !== ')') continue;
    expansion.set(a.text, c);
  }
  if (!expansion.size) return items;
  for (const c of items) {
    const e = expansion.get(c.text);
    if (!e || (c.type && c.type !== 'ORG')) continue;
    c.type = 'ORG';
    c.rule = 'acronym-link';
    c.canonical = e.canonical ?? e.text;
    c.orgKind = e.orgKind ?? 'other';
  }
  return items;
}
