/**
 * The v1 output contract (DESIGN.md §1). Every object is strict: unknown keys are rejected.
 * Offsets are JavaScript string indices (UTF-16 code units) into the caller's exact input, end exclusive.
 *
 * Date values are TIMEX3 values (TimeML): ISO 8601 calendar values (`2023-08-11`, `2023-08`, `2023`) plus
 * `2023-W32` (ISO week), `2023-Q3` (quarter), `2023-SU` (season: SP, SU, FA, WI), `199` (the 1990s, a decade),
 * `18` (the 19th century, the 1800s) and parts of a day: `2023-07-11TNI` (night; `TMO`, `TAF`, `TEV`).
 */
import { z } from 'zod';

export const ZONE_KINDS = [
  'headline',
  'byline',
  'dateline',
  'body',
  'caption',
  'credit',
  'author-bio',
  'related',
  'boilerplate',
] as const;

/** A zone of the input: what part of a pasted page a stretch of text is. */
export const ZoneKindSchema = z.enum(ZONE_KINDS);

/** A stretch of the input: `text === input.slice(start, end)` and `end > start`. */
export const SpanSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
});

export const MentionSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  zone: ZoneKindSchema,
});

const salience = z.number().min(0).max(1);

export const PersonSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  titles: z.array(z.string()),
  roles: z.array(z.string()),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  mentions: z.array(MentionSchema),
  salience,
});

export const ORGANIZATION_KINDS = [
  'media',
  'government',
  'military',
  'company',
  'party',
  'ngo',
  'education',
  'international',
  'sports',
  'other',
] as const;

export const OrganizationSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(ORGANIZATION_KINDS),
  mentions: z.array(MentionSchema),
  salience,
});

export const PLACE_KINDS = ['continent', 'country', 'region', 'city', 'town', 'village', 'feature', 'other'] as const;

export const PlaceSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(PLACE_KINDS),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable(),
  geonameId: z.number().int().positive().nullable(),
  lat: z.number().min(-90).max(90).nullable(),
  lon: z.number().min(-180).max(180).nullable(),
  mentions: z.array(MentionSchema),
  salience,
});

export const FocusSchema = z.strictObject({
  countries: z.array(z.strictObject({ code: z.string().regex(/^[A-Z]{2}$/), score: salience })),
  place: z.string().nullable(),
});

export const DATE_GRAINS = ['day', 'week', 'month', 'season', 'quarter', 'half', 'year', 'decade', 'century'] as const;

/**
 * A TIMEX3 value: `2023-08-11`, `2023-08`, `2023`, `2023-W32`, `2023-Q3`, `2023-H2` (a half), `2023-SU`, `199` (decade),
 * `18` (century),
 * TimeML's weekend of a week: `2023-W32-WE` ("the weekend"), and a part of a day: `2023-07-11TNI` ("Tuesday night";
 * also `TMO` morning, `TAF` afternoon, `TEV` evening; grain `day`); with no reference date to give the year, TimeML's
 * `XXXX` placeholder on a month, day, quarter or season (`XXXX-08-11`, `XXXX-08`, `XXXX-Q3`, `XXXX-SU`).
 */
export const Timex3ValueSchema = z
  .string()
  .regex(
    /^(\d{2}|\d{3}|\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T(MO|AF|EV|NI))?)?|-W(0[1-9]|[1-4]\d|5[0-3])(-WE)?|-Q[1-4]|-H[12]|-(SP|SU|FA|WI))?|XXXX-((0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?|Q[1-4]|SP|SU|FA|WI))$/,
  );

export const DateMentionSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  value: Timex3ValueSchema,
  /** For a range ("July 3-5"): the TIMEX3 value of its last day. Named `endValue` because `end` is the span's offset. */
  endValue: Timex3ValueSchema.optional(),
  grain: z.enum(DATE_GRAINS),
  relative: z.boolean(),
  inferred: z.boolean(),
  zone: ZoneKindSchema,
});

export const FragmentSchema = SpanSchema;

export const QuoteSchema = z.strictObject({
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  text: z.string().min(1),
  kind: z.enum(['direct', 'indirect']),
  fragments: z.array(SpanSchema),
  speaker: z
    .strictObject({
      name: z.string().min(1),
      personId: z.string().nullable(),
      mention: SpanSchema,
    })
    .nullable(),
  cue: SpanSchema.nullable(),
  zone: ZoneKindSchema,
});

export const TopicSchema = z.strictObject({
  id: z.string().min(1),
  label: z.string().min(1),
  score: salience,
  iptc: z
    .string()
    .regex(/^medtop:\d{8}$/)
    .nullable(),
  evidence: z.array(SpanSchema),
});

export const WarningSchema = z.strictObject({
  code: z.string().min(1),
  message: z.string().min(1),
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
});

export const ZoneSchema = z.strictObject({
  kind: ZoneKindSchema,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

/** The whole result of `tagArticle`, schema version 1. */
export const ArticleTagsSchema = z.strictObject({
  schemaVersion: z.literal(1),
  generator: z.strictObject({ name: z.literal('article-tagger'), version: z.string(), data: z.string() }),
  language: z.literal('en'),
  publishedAt: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  headline: SpanSchema.nullable(),
  authors: z.array(z.strictObject({ name: z.string().min(1), span: SpanSchema })),
  zones: z.array(ZoneSchema),
  people: z.array(PersonSchema),
  organizations: z.array(OrganizationSchema),
  places: z.array(PlaceSchema),
  focus: FocusSchema.optional(),
  dates: z.array(DateMentionSchema),
  quotes: z.array(QuoteSchema),
  topics: z.array(TopicSchema),
  warnings: z.array(WarningSchema),
});

export type ZoneKind = z.infer<typeof ZoneKindSchema>;
export type Span = z.infer<typeof SpanSchema>;
export type Mention = z.infer<typeof MentionSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];
export type Organization = z.infer<typeof OrganizationSchema>;
export type PlaceKind = (typeof PLACE_KINDS)[number];
export type Place = z.infer<typeof PlaceSchema>;
export type Focus = z.infer<typeof FocusSchema>;
export type DateGrain = (typeof DATE_GRAINS)[number];
export type DateMention = z.infer<typeof DateMentionSchema>;
export type Quote = z.infer<typeof QuoteSchema>;
export type Topic = z.infer<typeof TopicSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type Zone = z.infer<typeof ZoneSchema>;
/** The result of `tagArticle` (schema version 1). */
export type ArticleTags = z.infer<typeof ArticleTagsSchema>;
