/** The name lists of data/names/ (compiled into src/data/names.generated.ts), as lookup tables built on first use. */

import * as L from '../../data/names.generated.js';
import type { OrganizationKind, PlaceKind } from '../../schema.js';

export interface KnownOrg {
  name: string;
  kind: OrganizationKind;
}

export interface NameLists {
  titles: ReadonlySet<string>;
  roles: ReadonlySet<string>;
  speechVerbs: ReadonlySet<string>;
  notNames: ReadonlySet<string>;
  givenNames: ReadonlySet<string>;
  /** Lower-case connector → 'org' | 'particle'. */
  connectors: ReadonlyMap<string, string>;
  surnameSuffixes: readonly string[];
  surnamePrefixes: readonly string[];
  /** Lower-case keyword → kind and where ('head' | 'suffix'). */
  orgKeywords: ReadonlyMap<string, { kind: OrganizationKind; where: string }>;
  /** Exact name or alias → the organization (all-caps aliases are matched case-sensitively, others in lower case). */
  knownOrgs: ReadonlyMap<string, KnownOrg>;
  placeWords: ReadonlyMap<string, { kind: PlaceKind; where: string }>;
  /** The longest key of `knownOrgs` (longer surfaces need no look-up). */
  knownOrgMax: number;
}

let lists: NameLists | null = null;

export function nameLists(): NameLists {
  if (lists) return lists;
  const knownOrgs = new Map<string, KnownOrg>();
  let knownOrgMax = 0;
  for (const [name = '', kind = 'other', aliases = ''] of L.knownOrgs) {
    const org: KnownOrg = { name, kind: kind as OrganizationKind };
    for (const n of [name, ...aliases.split('|')]) {
      if (!n) continue;
      const k = isAcronym(n) ? n : n.toLowerCase();
      knownOrgs.set(k, org);
      knownOrgMax = Math.max(knownOrgMax, k.length);
    }
  }
  lists = {
    titles: new Set(L.titles),
    roles: new Set(L.roles),
    speechVerbs: new Set(L.speechVerbs),
    notNames: new Set(L.notNames),
    givenNames: new Set(L.givenNames),
    connectors: new Map(L.connectors.map(([w = '', k = '']) => [w, k])),
    surnameSuffixes: L.surnameAffixes.filter((r) => r[1] === 'suffix').map((r) => (r[0] ?? '').slice(1)),
    surnamePrefixes: L.surnameAffixes.filter((r) => r[1] === 'prefix').map((r) => r[0] ?? ''),
    orgKeywords: new Map(
      L.orgKeywords.map(([w = '', k = 'other', where = 'head']) => [w, { kind: k as OrganizationKind, where }]),
    ),
    knownOrgs,
    knownOrgMax,
    placeWords: new Map(
      L.placeWords.map(([w = '', k = 'other', where = 'suffix']) => [w, { kind: k as PlaceKind, where }]),
    ),
  };
  return lists;
}

/** The known organization named by `surface` (exact, else in lower case), or undefined. */
export function knownOrg(surface: string): KnownOrg | undefined {
  const l = nameLists();
  if (surface.length > l.knownOrgMax) return undefined;
  return l.knownOrgs.get(surface) ?? l.knownOrgs.get(surface.toLowerCase());
}

/** "NATO", "U.N.", "AFU": two or more capitals (periods allowed), no lower-case letter. */
export function isAcronym(s: string): boolean {
  if (s.length < 2) return false;
  // ASCII (nearly every call) without the two Unicode regexes.
  let caps = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) caps++;
    else if (c >= 128) return /^[\p{Lu}.&]+$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);
    else if (c !== 46 && c !== 38) return false;
  }
  return caps >= 2;
}
