import { z } from 'zod';
import { parseWith } from './options.js';
import { ORGANIZATION_KINDS, PLACE_KINDS } from './schema.js';
import { resolveTaxonomy, TaxonomyConfigSchema, type TaxonomyHandle } from './stages/topics/taxonomy.js';
import { type CompiledTopicModel, resolveTopicModel, type TopicModel } from './topics/model.js';

const name = z.string().trim().min(1);

export const UserPersonSchema = z.strictObject({
  name,
  aliases: z.array(name).optional(),
  titles: z.array(z.string()).optional(),
  nationality: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
});
export const UserOrganizationSchema = z.strictObject({
  name,
  aliases: z.array(name).optional(),
  kind: z.enum(ORGANIZATION_KINDS).optional(),
});
export const UserPlaceSchema = z.strictObject({
  name,
  aliases: z.array(name).optional(),
  kind: z.enum(PLACE_KINDS).optional(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullable()
    .optional(),
  geonameId: z.number().int().positive().nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lon: z.number().min(-180).max(180).nullable().optional(),
});

/** Configuration of `createTagger`: user gazetteers and taxonomy, merged into copies of the built-ins. */
export const TaggerConfigSchema = z.strictObject({
  people: z.array(UserPersonSchema).optional(),
  organizations: z.array(UserOrganizationSchema).optional(),
  places: z.array(UserPlaceSchema).optional(),
  /** Names never tagged as a person, organization or place (matched case-insensitively). */
  suppress: z.array(name).optional(),
  /** Topic taxonomy changes (add, extend, remove, rename, replace, threshold); see src/stages/topics/taxonomy.ts. */
  taxonomy: TaxonomyConfigSchema.optional(),
  /** A model from `trainTopics` (validated when the tagger is created); its tags replace the built-in taxonomy. */
  topicModel: z.custom<TopicModel>((v) => v !== undefined).optional(),
});
export type TaggerConfig = z.input<typeof TaggerConfigSchema>;
export type UserPerson = z.output<typeof UserPersonSchema>;
export type UserOrganization = z.output<typeof UserOrganizationSchema>;
export type UserPlace = z.output<typeof UserPlaceSchema>;

export interface ResolvedConfig {
  people: UserPerson[];
  organizations: UserOrganization[];
  places: UserPlace[];
  suppress: ReadonlySet<string>;
  taxonomy: TaxonomyHandle;
  /** The compiled learned topic model, or null (built-in taxonomy). */
  topicModel: CompiledTopicModel | null;
}

export function resolveConfig(config: unknown): ResolvedConfig {
  const c = parseWith(TaggerConfigSchema, config ?? {}, 'config');
  return {
    people: c.people ?? [],
    organizations: c.organizations ?? [],
    places: c.places ?? [],
    suppress: new Set((c.suppress ?? []).map((s) => s.toLowerCase())),
    taxonomy: resolveTaxonomy((config as { taxonomy?: unknown } | null | undefined)?.taxonomy, c.taxonomy),
    topicModel: c.topicModel === undefined ? null : resolveTopicModel(c.topicModel),
  };
}
