import { z } from 'zod';
import { InvalidOptionsError } from './errors.js';

export const PUBLIC_STAGES = ['people', 'organizations', 'places', 'dates', 'quotes', 'topics'] as const;
export type PublicStage = (typeof PUBLIC_STAGES)[number];

const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD date')
  .refine(
    (s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'is not a calendar date',
  );

/** Options of one `tagArticle` call. */
export const TagOptionsSchema = z.strictObject({
  /** The reference date for "Aug. 11" and "last week": YYYY-MM-DD, or a Date read as a calendar date in UTC. */
  publishedAt: z
    .union([isoDay, z.date().refine((d) => !Number.isNaN(d.getTime()), 'is an invalid Date')])
    .nullable()
    .optional(),
  /** Keep mentions found in page chrome (bylines, bios, teasers) in the lists. Default false. */
  keepChrome: z.boolean().optional(),
  /** Longest text accepted, in UTF-16 code units. Default 1,000,000. */
  maxLength: z.number().int().positive().optional(),
  /** Run only these stages (and what they need); the other lists stay empty. Default: all. */
  include: z.array(z.enum(PUBLIC_STAGES)).optional(),
  /** How to read numeric dates such as 08/11/2023. Default 'auto'. */
  dateOrder: z.enum(['MDY', 'DMY', 'auto']).optional(),
  /**
   * Also emit indirect (reported) speech as quotes of kind 'indirect': `X said (that) ...`, `..., X said.`,
   * `according to X, ...`. Default true: on PolNeAR dev their precision is 0.905, over the 0.80 bar for emitting them
   * by default (docs/ACCURACY.md has the figure). Pass false for direct quotes only.
   */
  indirectQuotes: z.boolean().optional(),
  /**
   * Places named inside organization names, as place mentions (the organization keeps its whole span). Unset (the
   * default): only a civic or educational body's town or state ("Texas" of "Texas Department of Transportation",
   * "Athens" of "Athens Police Department", "Cincinnati" of "University of Cincinnati"), as geoparsing corpora
   * (LGL, GeoWebNews) annotate them; not a club's, a company's, a party's or a national body's ("Bayern Munich",
   * "Air France", "U.S. Senate"), which CoNLL-style NER leaves inside the ORG. true: every nested place the
   * gazetteer is sure of, brands' included (a country facet from "U.S. Senate"; costs CoNLL LOC precision).
   * false: none (strict CoNLL-style spans). docs/ACCURACY.md has the figures.
   */
  placesInNames: z.boolean().optional(),
  /**
   * Demonyms and nationality adjectives as mentions of their country ("Russian troops": a mention of Russia; "Sri
   * Lankan government": Sri Lanka), as the geoparsing corpora LGL and GeoWebNews annotate them. Default true. Not
   * a demonym inside a person's or organization's name the tagger typed ("Indian Army"), nor one naming a language ("in
   * French", "English-language"). false: demonyms only feed `focus` and a person's `nationality`
   * (docs/decisions.md, "Demonyms are place mentions").
   */
  demonymPlaces: z.boolean().optional(),
});
export type TagOptions = z.input<typeof TagOptionsSchema>;

export interface ResolvedOptions {
  publishedAt: string | null;
  keepChrome: boolean;
  maxLength: number;
  include: ReadonlySet<PublicStage>;
  dateOrder: 'MDY' | 'DMY' | 'auto';
  /** Emit indirect quotes (kind 'indirect'); see TagOptionsSchema. */
  indirectQuotes: boolean;
  /** Places nested inside organization names: civic bodies' only (default), all, or none; see TagOptionsSchema. */
  placesInNames: 'civic' | 'all' | 'none';
  /** Demonyms as mentions of their country; see TagOptionsSchema. */
  demonymPlaces: boolean;
}

export const DEFAULT_MAX_LENGTH = 1_000_000;
/** Indirect quotes are emitted by default only when their PolNeAR dev precision reaches 0.80. */
export const INDIRECT_QUOTES_DEFAULT = true;

/** Validates with zod and throws InvalidOptionsError naming every bad path. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = r.error.issues.map((i) => ({ path: [what, ...i.path.map(String)].join('.'), message: i.message }));
  throw new InvalidOptionsError(issues.map((i) => `${i.path}: ${i.message}`).join('; '), issues);
}

export function resolveOptions(options: unknown): ResolvedOptions {
  const o = parseWith(TagOptionsSchema, options ?? {}, 'options');
  let publishedAt: string | null = null;
  if (o.publishedAt instanceof Date) publishedAt = o.publishedAt.toISOString().slice(0, 10);
  else if (typeof o.publishedAt === 'string') publishedAt = o.publishedAt;
  return {
    publishedAt,
    keepChrome: o.keepChrome ?? false,
    maxLength: o.maxLength ?? DEFAULT_MAX_LENGTH,
    include: new Set(o.include ?? PUBLIC_STAGES),
    dateOrder: o.dateOrder ?? 'auto',
    indirectQuotes: o.indirectQuotes ?? INDIRECT_QUOTES_DEFAULT,
    placesInNames: o.placesInNames === undefined ? 'civic' : o.placesInNames ? 'all' : 'none',
    demonymPlaces: o.demonymPlaces ?? true,
  };
}
