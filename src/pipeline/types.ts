import type { ResolvedConfig } from '../config.js';
import type { ResolvedOptions } from '../options.js';
import type {
  DateMention,
  Focus,
  Organization,
  Person,
  Place,
  PlaceKind,
  Quote,
  Topic,
  Warning,
  ZoneKind,
} from '../schema.js';
import type { Doc } from '../text/types.js';

/**
 * A place name the entity stage recognised in the text; the places stage resolves it against the gazetteer.
 * Offsets are in normalized-text space.
 */
export interface PlaceCandidate {
  start: number;
  end: number;
  text: string;
  /** The rule that produced it ("gazetteer", "village-of", ...), for tests and debugging. */
  rule: string;
  /** What the context says it is ("the village of Teysin" → 'village'). */
  kindHint?: PlaceKind;
}

export interface EntitiesResult {
  people: Person[];
  organizations: Organization[];
  placeCandidates: PlaceCandidate[];
}

export interface PlacesResult {
  places: Place[];
  focus?: Focus;
}

/** What each internal stage leaves in `ctx.results`. Offsets everywhere are normalized-text offsets. */
export interface StageResults {
  entities: EntitiesResult;
  places: PlacesResult;
  dates: DateMention[];
  quotes: Quote[];
  topics: Topic[];
}
export type StageName = keyof StageResults;

/** One per call: the input, options, the parsed document and the results of the stages run so far. */
export interface Context {
  /** The caller's exact input. Stages read `doc.text` (normalized, see text/normalize.ts), never this. */
  readonly input: string;
  readonly doc: Doc;
  readonly options: ResolvedOptions;
  readonly config: ResolvedConfig;
  /** Reference date YYYY-MM-DD: options.publishedAt, else the dateline's date, else null. */
  publishedAt: string | null;
  readonly results: Partial<StageResults>;
  readonly warnings: Warning[];
  /** Adds a warning; offsets (optional) are normalized-text offsets. */
  warn(code: string, message: string, start?: number, end?: number): void;
  /** True when a mention at this normalized offset belongs in the lists: a content zone, or keepChrome. */
  inScope(offset: number): boolean;
  zoneAt(offset: number): ZoneKind;
}

/** Finds candidates; may over-generate. */
export type Extractor<C> = (ctx: Context) => C[];
/** Merges, filters or dedupes candidates; pure. */
export type Refiner<C> = (ctx: Context, items: C[]) => C[];

export interface Stage<K extends StageName, C = unknown> {
  name: K;
  needs: StageName[];
  extractors: Extractor<C>[];
  refiners: Refiner<C>[];
  finalize(ctx: Context, items: C[]): StageResults[K];
}

export const CONTENT_ZONES: ReadonlySet<ZoneKind> = new Set(['headline', 'dateline', 'body', 'caption']);
