/**
 * Refiner: trims capitalised runs to the name (CoNLL spans) and records what it trimmed. Drops sentence-initial
 * common words ("After", "The"), splits at months and weekdays, moves leading demonyms to `nationality` ("Russian
 * Lieutenant Ivan Korolev" → RU), titles to `titles` ("Lieutenant") and longer title phrases to `roles` ("Digital
 * Transformation Minister"), and reads the lower-case role before the name ("intelligence chief Kyrylo Budanov").
 */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';
import { type Candidate, narrow } from './candidate.js';
import { demonymCode, isCommonWord, isNotName, isVerb, lexiconOrg, strongPlace } from './lexicon.js';
import { sentenceInitial } from './lines.js';
import { isAcronym, knownOrg, nameLists } from './lists.js';

const ROLE_STOP = new Set(['the', 'a', 'an', 'and', 'by', 'of', 'to', 'with', 'for', 'from', 'said', 'says', 'as']);

/** True when the run is a whole known name that must not be trimmed ("Russian Federation", "Presidential Office"). */
function keepWhole(ctx: Context, c: Candidate): boolean {
  const L = nameLists();
  if (knownOrg(c.text)) return true;
  if (c.t1 - c.t0 > 1 && (strongPlace(ctx, c.text) || lexiconOrg(c.text))) return true;
  const toks = ctx.doc.tokens;
  for (let i = c.t0; i < c.t1; i++) {
    const t = toks[i] as Token;
    const k = L.orgKeywords.get(t.lower);
    if (k && (k.where === 'head' || i === c.t1 - 1) && i > c.t0) return true;
    const p = L.placeWords.get(t.lower);
    if (p && p.where === 'suffix' && i === c.t1 - 1 && i > c.t0) return true;
  }
  return false;
}

function trimOne(ctx: Context, c: Candidate): Candidate[] {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  let t0 = c.t0;
  // Leading words that are not names.
  while (t0 < c.t1) {
    const t = toks[t0] as Token;
    const lower = t.lower;
    if (t.kind !== 'word' || L.connectors.has(lower) || isNotName(lower) || lower === 'a' || lower === 'an') {
      t0++;
      continue;
    }
    const nextIsTitle = L.titles.has(toks[t0 + 1]?.lower ?? '') && t0 + 1 < c.t1;
    if (
      sentenceInitial(ctx, t0) &&
      !t.upper &&
      isCommonWord(lower) &&
      !L.titles.has(lower) &&
      !nextIsTitle &&
      !L.givenNames.has(lower)
    ) {
      if (demonymCode(ctx, t.text) === null) {
        t0++;
        continue;
      }
    }
    break;
  }
  if (t0 >= c.t1) return [];
  // Split at inner months, weekdays and other non-names.
  const pieces: Candidate[] = [];
  let from = t0;
  for (let i = t0; i <= c.t1; i++) {
    const t = toks[i];
    if (i === c.t1 || (t && t.kind === 'word' && t.cap && isNotName(t.lower))) {
      let a = from;
      let b = i;
      while (a < b && (toks[a] as Token).kind !== 'word') a++;
      while (b > a && (L.connectors.has((toks[b - 1] as Token).lower) || (toks[b - 1] as Token).kind !== 'word')) b--;
      if (b > a) pieces.push(narrow(ctx, c, a, b));
      from = i + 1;
    }
  }
  return pieces.flatMap((p) => stripTitles(ctx, p));
}

function stripTitles(ctx: Context, c: Candidate): Candidate[] {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  if (keepWhole(ctx, c)) return [c];
  // Leading demonyms: "Russian Lieutenant Ivan Korolev", "Lithuanian border guards" (nothing left: dropped).
  let t0 = c.t0;
  while (t0 < c.t1) {
    const code = demonymCode(ctx, (toks[t0] as Token).text);
    if (code === null || isAcronym((toks[t0] as Token).text)) break;
    if (code && !c.nationality) c.nationality = code;
    t0++;
  }
  // The last title word followed by a name: everything up to it is title or role.
  let last = -1;
  for (let i = t0; i < c.t1 - 1; i++) {
    const t = toks[i] as Token;
    if (L.titles.has(t.lower) && !t.upper) last = i;
  }
  if (last >= 0) {
    let runStart = last;
    while (
      runStart > t0 &&
      (L.titles.has((toks[runStart - 1] as Token).lower) || (toks[runStart - 1] as Token).text === '.')
    )
      runStart--;
    let nameStart = last + 1;
    while (nameStart < c.t1 && (toks[nameStart] as Token).text === '.') nameStart++;
    if (nameStart >= c.t1) return [];
    const text = ctx.doc.text;
    const title = text.slice((toks[runStart] as Token).start, (toks[last] as Token).end);
    c.titles.push(title);
    if (runStart > t0) c.roles.push(text.slice((toks[t0] as Token).start, (toks[last] as Token).end));
    const n = narrow(ctx, c, nameStart, c.t1);
    n.features.title = true;
    return [n];
  }
  if (t0 >= c.t1) return [];
  return [t0 === c.t0 ? c : narrow(ctx, c, t0, c.t1)];
}

/** The lower-case role phrase right before a name: "military intelligence chief" of "... chief Kyrylo Budanov". */
export function roleBefore(ctx: Context, c: Candidate): void {
  const toks = ctx.doc.tokens;
  const L = nameLists();
  const prev = toks[c.t0 - 1];
  if (prev?.kind !== 'word' || prev.cap || prev.sentence !== (toks[c.t0] as Token).sentence) return;
  const lower = prev.lower;
  const bare = lower.startsWith('ex-') ? lower.slice(3) : lower.startsWith('former-') ? lower.slice(7) : lower;
  if (!L.roles.has(bare) && !L.titles.has(bare)) return;
  let k = c.t0 - 1;
  while (k - 1 >= 0 && c.t0 - k < 5) {
    const t = toks[k - 1] as Token;
    if (t.kind !== 'word' || t.cap || ROLE_STOP.has(t.lower) || t.sentence !== prev.sentence) break;
    if (t.lower.endsWith("'s") || t.lower.endsWith('’s') || isVerb(t.lower)) break;
    k--;
  }
  c.roles.push(ctx.doc.text.slice((toks[k] as Token).start, prev.end));
  c.features.roleBefore = true;
  // "Ukrainian engineer Oleksandr Hrytsenko": a demonym before the role phrase gives the nationality.
  const before = toks[k - 1];
  if (before?.cap && before.sentence === prev.sentence && !c.nationality) {
    const code = demonymCode(ctx, before.text);
    if (code) c.nationality = code;
  }
}

export function titleName(ctx: Context, items: Candidate[]): Candidate[] {
  const out: Candidate[] = [];
  for (const c of items) {
    if (c.source !== 'capitalised') {
      out.push(c);
      continue;
    }
    for (const n of trimOne(ctx, c)) {
      roleBefore(ctx, n);
      out.push(n);
    }
  }
  return out;
}
