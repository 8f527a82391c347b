/** Builds the stage result: people and organizations grouped by entity, place candidates for the places stage. */
import type { Context, EntitiesResult, PlaceCandidate } from '../../pipeline/types.js';
import type { Organization, Person } from '../../schema.js';
import type { Candidate } from './candidate.js';

const NON_ASCII = /[^\x00-\x7f]/;

export function slug(s: string): string {
  // ASCII names (most) need no decomposition.
  const base = NON_ASCII.test(s) ? s.normalize('NFD').replace(/\p{M}/gu, '') : s;
  return (
    base
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'x'
  );
}

/** 0..1: mentioned often and early. */
function salience(ctx: Context, group: Candidate[]): number {
  const len = Math.max(1, ctx.doc.text.length);
  const first = group.reduce((m, c) => Math.min(m, c.start), Number.POSITIVE_INFINITY);
  const s = 0.6 * Math.min(1, group.length / 5) + 0.4 * (1 - first / len);
  return Math.round(Math.min(1, Math.max(0, s)) * 1000) / 1000;
}

function uniqueId(used: Set<string>, base: string): string {
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

function group(items: Candidate[], keyOf: (c: Candidate) => string): Map<string, Candidate[]> {
  const m = new Map<string, Candidate[]>();
  for (const c of items) {
    const k = keyOf(c);
    const g = m.get(k);
    if (g) g.push(c);
    else m.set(k, [c]);
  }
  return m;
}

const mention = (c: Candidate) => ({ start: c.start, end: c.end, text: c.text, zone: 'body' as const });
const uniq = (xs: string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

export function finalize(ctx: Context, items: Candidate[]): EntitiesResult {
  const used = new Set<string>();
  const people: Person[] = [];
  for (const g of group(
    items.filter((c) => c.type === 'PER'),
    (c) => c.entityKey ?? c.text.toLowerCase(),
  ).values()) {
    const canonical = g.find((c) => c.canonical)?.canonical;
    const name = canonical ?? g.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text;
    people.push({
      id: uniqueId(used, `person:${slug(name)}`),
      name,
      titles: uniq(g.flatMap((c) => c.titles)),
      roles: uniq(g.flatMap((c) => c.roles)),
      nationality: g.find((c) => c.nationality)?.nationality ?? null,
      mentions: g.map(mention),
      salience: salience(ctx, g),
    });
  }
  const organizations: Organization[] = [];
  for (const g of group(
    items.filter((c) => c.type === 'ORG'),
    (c) => (c.canonical ?? c.text).toLowerCase(),
  ).values()) {
    const name =
      g.find((c) => c.canonical)?.canonical ?? g.reduce((a, b) => (b.text.length > a.text.length ? b : a)).text;
    organizations.push({
      id: uniqueId(used, `org:${slug(name)}`),
      name,
      kind: g.find((c) => c.orgKind)?.orgKind ?? 'other',
      mentions: g.map(mention),
      salience: salience(ctx, g),
    });
  }
  const placeCandidates: PlaceCandidate[] = items
    .filter((c) => c.type === 'LOC')
    .map((c) => {
      const p: PlaceCandidate = { start: c.start, end: c.end, text: c.text, rule: c.rule };
      if (c.kindHint) p.kindHint = c.kindHint;
      return p;
    });
  people.sort((a, b) => b.salience - a.salience);
  organizations.sort((a, b) => b.salience - a.salience);
  return { people, organizations, placeCandidates };
}
