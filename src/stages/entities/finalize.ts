/** Builds the stage result: people and organizations grouped by entity, place candidates for the places stage. */
import { getGazetteer } from '../../gazetteer/index.js';
import { prefixStartBefore } from '../../gazetteer/prefix.js';
import type { Context, EntitiesResult, PlaceCandidate } from '../../pipeline/types.js';
import type { Organization, Person } from '../../schema.js';
import type { Candidate } from './candidate.js';
import { isCommonWord, placeEntry } from './lexicon.js';

/**
 * Lower-case ASCII letters and digits, every other run of characters one '-', none at either end ("x" when
 * nothing is left). One pass over the characters with slices of the kept runs (no regex passes).
 */
function dashed(s: string): string {
  let out = '';
  let from = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const keep = (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
    if (keep) {
      if (from < 0) from = i;
    } else if (from >= 0) {
      out = out ? `${out}-${s.slice(from, i)}` : s.slice(from, i);
      from = -1;
    }
  }
  if (from >= 0) out = out ? `${out}-${s.slice(from)}` : from === 0 ? s : s.slice(from);
  return out || 'x';
}

/** Above this length the native regex passes beat the character loop (a run of capitals over a whole text). */
const LONG = 256;
const NON_ASCII = /[^\x00-\x7f]/;

export function slug(s: string): string {
  if (s.length > LONG) {
    const base = NON_ASCII.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '') : s;
    return (
      base
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'x'
    );
  }
  // ASCII names (most) need no decomposition.
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) >= 0x80) return dashed(s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  }
  return dashed(s.toLowerCase());
}

/** 0..1: mentioned often and early. */
function salience(len: number, group: Candidate[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const c of group) if (c.start < first) first = c.start;
  const s = 0.6 * Math.min(1, group.length / 5) + 0.4 * (1 - first / len);
  return Math.round(Math.min(1, Math.max(0, s)) * 1000) / 1000;
}

function uniqueId(used: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const mention = (c: Candidate) => ({ start: c.start, end: c.end, text: c.text, zone: 'body' as const });

/** The trimmed, non-empty strings of `field` over the group, first occurrence first. */
function uniq(g: Candidate[], field: 'titles' | 'roles'): string[] {
  let seen: Set<string> | null = null;
  const out: string[] = [];
  for (const c of g) {
    for (const x of c[field]) {
      const v = x.trim();
      if (!v) continue;
      seen ??= new Set();
      if (seen.has(v)) continue;
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** The canonical name of the group, else its longest mention (the first of equal length). */
function nameOf(g: Candidate[]): string {
  for (const c of g) if (c.canonical) return c.canonical;
  let best = g[0] as Candidate;
  for (const c of g) if (c.text.length > best.text.length) best = c;
  return best.text;
}

/** The longest demonym worth a look-up ("Central African", "South Ossetians" fit). */
const MAX_DEMONYM = 24;

/** True when the whole span is a demonym or nationality adjective ("Sri Lankan", "Israelis", "South Ossetian"). */
function isDemonym(ctx: Context, text: string): boolean {
  return getGazetteer(ctx.config).anyDemonym(text) !== null;
}

/** The place candidate of a person's span right after a place-name prefix the gazetteer knows it with; else null. */
function prefixedPlace(ctx: Context, c: Candidate): PlaceCandidate | null {
  const text = ctx.doc.text;
  const s = prefixStartBefore(text, c.start);
  if (s < 0) return null;
  // "Raynola St. Clair": a capitalised word before the prefix makes it a person's name ("In St. Joseph" does not).
  if (s > 0 && text.charCodeAt(s - 1) === 32) {
    let w = s - 1;
    while (w > 0 && text.charCodeAt(w - 1) !== 32 && text.charCodeAt(w - 1) !== 10) w--;
    const prev = text.slice(w, s - 1);
    if (prev && /\p{Lu}/u.test(prev.charAt(0)) && !isCommonWord(prev.toLowerCase())) return null;
  }
  const whole = text.slice(s, c.end);
  const e = placeEntry(ctx, whole);
  if (!e || e.kind === 'other') return null;
  return { start: s, end: c.end, text: whole, rule: `${c.rule}+prefix` };
}

/** The last word of a county's name ("Henry County", "HENRY COUNTY"). */
const COUNTY_LAST = / (?:County|COUNTY)$/;

export function finalize(ctx: Context, items: Candidate[]): EntitiesResult {
  const len = Math.max(1, ctx.doc.text.length);
  // Groups in order of first mention, by entity key (people) and by canonical name or surface (organizations).
  const per = new Map<string, Candidate[]>();
  const org = new Map<string, Candidate[]>();
  const placeCandidates: PlaceCandidate[] = [];
  for (const c of items) {
    // "Henry County": a name ending in "County" is never a person, whatever the tagger's guess; it goes to the
    // places stage (which reads US counties) as a place candidate. "Parish" is also a surname ("Mary Parish").
    if (c.type === 'PER' && COUNTY_LAST.test(c.text)) {
      placeCandidates.push({ start: c.start, end: c.end, text: c.text, rule: c.rule, kindHint: 'region' });
      continue;
    }
    // "Sri Lankan", "Palestinians": a name that is wholly a demonym is no person (the places stage reads it as its
    // country, as it reads every demonym). An organization keeps it: "Indians" is also a club.
    if (c.type === 'PER' && c.end - c.start <= MAX_DEMONYM && isDemonym(ctx, c.text)) continue;
    // "St. Joseph, Mo.": a name right after "St. ", "Mt. " or "Ft. " that the gazetteer knows with it is a place.
    if (c.type === 'PER') {
      const p = prefixedPlace(ctx, c);
      if (p) {
        placeCandidates.push(p);
        continue;
      }
    }
    if (c.type === 'PER') {
      const k = c.entityKey ?? c.text.toLowerCase();
      const g = per.get(k);
      if (g) g.push(c);
      else per.set(k, [c]);
    } else if (c.type === 'ORG') {
      const k = (c.canonical ?? c.text).toLowerCase();
      const g = org.get(k);
      if (g) g.push(c);
      else org.set(k, [c]);
    } else if (c.type === 'LOC') {
      const p: PlaceCandidate = { start: c.start, end: c.end, text: c.text, rule: c.rule };
      if (c.kindHint) p.kindHint = c.kindHint;
      placeCandidates.push(p);
    }
  }
  const used = new Set<string>();
  const people: Person[] = [];
  for (const g of per.values()) {
    const name = nameOf(g);
    let nationality: string | null = null;
    for (const c of g) {
      if (c.nationality) {
        nationality = c.nationality;
        break;
      }
    }
    people.push({
      id: uniqueId(used, `person:${slug(name)}`),
      name,
      titles: uniq(g, 'titles'),
      roles: uniq(g, 'roles'),
      nationality,
      mentions: g.map(mention),
      salience: salience(len, g),
    });
  }
  const organizations: Organization[] = [];
  for (const g of org.values()) {
    const name = nameOf(g);
    let kind: Organization['kind'] = 'other';
    for (const c of g) {
      if (c.orgKind) {
        kind = c.orgKind;
        break;
      }
    }
    organizations.push({
      id: uniqueId(used, `org:${slug(name)}`),
      name,
      kind,
      mentions: g.map(mention),
      salience: salience(len, g),
    });
  }
  people.sort((a, b) => b.salience - a.salience);
  organizations.sort((a, b) => b.salience - a.salience);
  return { people, organizations, placeCandidates };
}
