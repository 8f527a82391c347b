import type { Context } from '../../pipeline/types.js';
import type { OrganizationKind, PlaceKind } from '../../schema.js';
import type { Token } from '../../text/types.js';

export type EntityType = 'PER' | 'ORG' | 'LOC';

/**
 * A span that may name an entity, with the evidence seen around it. Offsets are normalized-text offsets; `t0..t1` is
 * the token range [t0, t1). `features` are the cues a later learned tagger will weigh; today `classify` reads them
 * with rules, and `rule` records which rule decided `type`.
 */
export interface Candidate {
  start: number;
  end: number;
  t0: number;
  t1: number;
  text: string;
  type: EntityType | null;
  rule: string;
  /** The extractor that found it. */
  source: string;
  /** In an all-caps or title-case line, where capitals say nothing. */
  capsLine: boolean;
  titles: string[];
  roles: string[];
  nationality: string | null;
  features: Features;
  orgKind?: OrganizationKind;
  kindHint?: PlaceKind;
  /** Canonical name for grouping (a user entry's or a known organization's name, an acronym's expansion). */
  canonical?: string;
  /** Set by merge refiners: the key of the entity this mention belongs to. */
  entityKey?: string;
}

/**
 * The cues read around a candidate. Every field is present from the start (false, '' or 0 when unset), so all
 * candidates share one object shape (property reads and writes stay monomorphic in the refiners' hot loops).
 */
export interface Features {
  /** A title word before the name ("Lieutenant", "Gen."). */
  title: boolean;
  /** A lower-case role phrase before the name ("intelligence chief"). */
  roleBefore: boolean;
  /** ", the first deputy foreign minister" after the name. */
  apposition: boolean;
  /** A speech verb right after the name. */
  speech: boolean;
  /** ", Lithuania": a country after the name. */
  commaCountry: boolean;
  /** The place preposition before the name ("in"), or ''. */
  placePrep: string;
  /** At the start of its sentence. */
  initial: boolean;
  /** Tokens in the span. */
  tokens: number;
}

export function noFeatures(): Features {
  return {
    title: false,
    roleBefore: false,
    apposition: false,
    speech: false,
    commaCountry: false,
    placePrep: '',
    initial: false,
    tokens: 0,
  };
}

export function candidate(ctx: Context, t0: number, t1: number, source: string, capsLine = false): Candidate {
  const toks = ctx.doc.tokens;
  const start = (toks[t0] as Token).start;
  const end = (toks[t1 - 1] as Token).end;
  return {
    start,
    end,
    t0,
    t1,
    // One token: its own string (the same text; its hash, once computed by a look-up, is reused by the next).
    text: t1 - t0 === 1 ? (toks[t0] as Token).text : ctx.doc.text.slice(start, end),
    type: null,
    rule: '',
    source,
    capsLine,
    titles: [],
    roles: [],
    nationality: null,
    features: noFeatures(),
  };
}

/** The same candidate narrowed to tokens [t0, t1). */
export function narrow(ctx: Context, c: Candidate, t0: number, t1: number): Candidate {
  const n = candidate(ctx, t0, t1, c.source, c.capsLine);
  n.titles = c.titles.slice();
  n.roles = c.roles.slice();
  n.nationality = c.nationality;
  n.features = { ...c.features };
  return n;
}

export function tok(ctx: Context, i: number): Token | undefined {
  return ctx.doc.tokens[i];
}
