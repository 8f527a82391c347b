/**
 * Place candidates from the shape of the text, where the name tagger proposes none or types the name otherwise:
 * - a wire dateline in capitals opening a paragraph or a sentence: "TORRINGTON — A fire destroyed ...",
 *   "PATASKALA -- City officials ...": any populated place the gazetteer knows by that exact name;
 * - a legislator's party designation: "Rep. Barbara Lee, D-Oakland," / "(R-Marshall)": the home town or state.
 * Scanned by hand (indexOf and character tests), no regex over unbounded runs.
 */
import { fold, getGazetteer, isCommonWordPlace } from '../../gazetteer/index.js';
import type { Context, PlaceCandidate } from '../../pipeline/types.js';
import { entriesFor } from './resolve.js';

const DASHES = [' \u2014 ', ' -- ', ' \u2013 ', ' - '];
const isUpper = (c: string | undefined) => c !== undefined && /\p{Lu}/u.test(c);
const isCapsChar = (c: string | undefined) =>
  c !== undefined && (c === ' ' || c === '.' || c === "'" || c === '\u2019' || /\p{Lu}/u.test(c));

/** True when offset `at` opens a line, a sentence, or follows a date's year or a period ("2009 PATASKALA"). */
function opensClause(text: string, at: number): boolean {
  if (at === 0) return true;
  const p = text[at - 1];
  if (p === '\n') return true;
  if (p !== ' ') return false;
  const q = text[at - 2];
  return q === '.' || q === '?' || q === '!' || q === '\n' || q === ':' || (q !== undefined && q >= '0' && q <= '9');
}

/** Capitalised datelines before a dash (see the file header). */
export function capsDatelineCandidates(ctx: Context): PlaceCandidate[] {
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  let g: ReturnType<typeof getGazetteer> | null = null;
  for (const dash of DASHES) {
    for (let at = text.indexOf(dash); at >= 0; at = text.indexOf(dash, at + 1)) {
      // The capitals before the dash, at most 30 characters: "TORRINGTON", "ST. PAUL", "NEW LONDON".
      let s = at;
      while (s > 0 && at - s < 30 && isCapsChar(text[s - 1])) s--;
      while (s < at && !isUpper(text[s])) s++;
      if (at - s < 3 || !opensClause(text, s)) continue;
      const name = text.slice(s, at);
      if (!/\p{Lu}{3}/u.test(name) || name.includes('  ')) continue;
      // A dateline starts a sentence in running text; a capitals headline goes on in capitals ("RUGBY - ENGLAND ...").
      if (!/\p{Ll}/u.test(text.slice(at + dash.length, at + dash.length + 24))) continue;
      if (isCommonWordPlace(name)) continue;
      g ??= getGazetteer(ctx.config);
      const top = entriesFor(g, name, 'city', true)[0];
      if (!top || (top.kind !== 'city' && top.kind !== 'town' && top.kind !== 'village')) continue;
      if (fold(top.name) !== fold(name) && top.population < 100_000) continue;
      out.push({ start: s, end: at, text: name, rule: 'caps-dateline', kindHint: 'city' });
    }
  }
  return out;
}

/** Party designations "D-Oakland", "R-Marshall", "I-Vt." after a comma or an opening parenthesis. */
export function partyPlaceCandidates(ctx: Context): PlaceCandidate[] {
  const text = ctx.doc.text;
  const out: PlaceCandidate[] = [];
  let g: ReturnType<typeof getGazetteer> | null = null;
  for (let at = text.indexOf('-'); at >= 0; at = text.indexOf('-', at + 1)) {
    const party = text[at - 1];
    if (party !== 'D' && party !== 'R' && party !== 'I') continue;
    const before = text.slice(Math.max(0, at - 3), at - 1);
    if (!(before.endsWith(', ') || before.endsWith('(') || before.endsWith(' ('))) continue;
    // The name: capitalised words up to a comma or a closing parenthesis ("D-Oakland,", "R-Fort Worth)").
    let e = at + 1;
    while (e < text.length && e - at < 30 && text[e] !== ',' && text[e] !== ')' && text[e] !== '\n') e++;
    const name = text.slice(at + 1, e).trim();
    if (!isUpper(name[0]) || !(text[e] === ',' || text[e] === ')')) continue;
    if (name.split(' ').some((w) => !isUpper(w[0]))) continue;
    g ??= getGazetteer(ctx.config);
    if (!entriesFor(g, name).length) continue;
    out.push({ start: at + 1, end: at + 1 + name.length, text: name, rule: 'party' });
  }
  return out;
}
