/**
 * Extractor: the learned tagger's PER / ORG / LOC spans (ner-model.ts), typed, with what the rules read around them:
 * titles and the role phrase before a person ("intelligence chief Kyrylo Budanov"), a leading demonym as
 * nationality, appositions; an organization's kind and canonical name from data/names; a place's kind hint.
 * MISC spans (nationalities, events, products) are found too but not listed.
 */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { type Candidate, candidate } from './candidate.js';
import { contextFeatures } from './classify.js';
import { demonymCode } from './lexicon.js';
import { isAcronym, nameLists } from './lists.js';
import { tagDoc } from './ner-model.js';
import { roleBefore } from './title-name.js';

/** Title words right before the name ("Lieutenant", "Gen.", "Mr"): recorded, never part of the span. */
function titlesBefore(ctx: Context, c: Candidate): void {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  let k = c.t0;
  while (k > 0) {
    const t = toks[k - 1] as Token;
    if (t.text === '.' && k >= 2 && L.titles.has((toks[k - 2] as Token).lower)) {
      k--;
      continue;
    }
    if (t.kind === 'word' && L.titles.has(t.lower) && t.sentence === (toks[c.t0] as Token).sentence) {
      k--;
      continue;
    }
    break;
  }
  if (k < c.t0) {
    c.titles.push(ctx.doc.text.slice((toks[k] as Token).start, (toks[c.t0 - 1] as Token).end).replace(/\s+\.$/, '.'));
    c.features.title = true;
  }
  const before = toks[k - 1];
  if (before?.cap && !c.nationality) {
    const code = demonymCode(ctx, before.text);
    if (code) c.nationality = code;
  }
}

function orgDetails(c: Candidate): void {
  const L = nameLists();
  const org = L.knownOrgs.get(c.text) ?? L.knownOrgs.get(c.text.toLowerCase());
  if (org) {
    c.orgKind = org.kind;
    c.canonical = org.name;
    return;
  }
  // The head noun is usually the last keyword: "State Border Guard Service" is a service.
  const words = c.text.split(/\s+/);
  for (let i = words.length - 1; i >= 0; i--) {
    const k = L.orgKeywords.get((words[i] as string).toLowerCase());
    if (k && (k.where !== 'suffix' || i === words.length - 1)) {
      c.orgKind = k.kind;
      return;
    }
  }
  if (isAcronym(c.text)) c.orgKind = 'other';
}

export function learned(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const L = nameLists();
  for (const s of tagDoc(ctx)) {
    if (s.type === 'MISC') continue;
    const c = candidate(ctx, s.t0, s.t1, 'model');
    c.type = s.type;
    c.rule = 'model';
    if (s.type === 'PER') {
      titlesBefore(ctx, c);
      roleBefore(ctx, c);
      contextFeatures(ctx, c);
    } else if (s.type === 'ORG') orgDetails(c);
    else {
      const last = c.text.split(/\s+/).pop()?.toLowerCase() ?? '';
      const w = L.placeWords.get(last);
      if (w && w.where === 'suffix' && c.t1 - c.t0 > 1) c.kindHint = w.kind;
    }
    out.push(c);
  }
  return out;
}
