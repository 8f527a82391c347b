import type { PublicStage } from '../options.js';
import type { Context, Stage, StageName, StageResults } from './types.js';

/** Which internal stages produce each public list. */
const PRODUCERS: Record<PublicStage, StageName> = {
  people: 'entities',
  organizations: 'entities',
  places: 'places',
  dates: 'dates',
  quotes: 'quotes',
  topics: 'topics',
};

// biome-ignore lint/suspicious/noExplicitAny: a heterogeneous list of stages
export type AnyStage = Stage<any, any>;

/** The stages to run for `include`, with everything they need, in pipeline order. */
export function plan(stages: readonly AnyStage[], include: ReadonlySet<PublicStage>): AnyStage[] {
  const byName = new Map(stages.map((s) => [s.name as StageName, s]));
  const wanted = new Set<StageName>();
  const add = (name: StageName) => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const n of byName.get(name)?.needs ?? []) add(n);
  };
  for (const p of include) add(PRODUCERS[p]);
  return stages.filter((s) => wanted.has(s.name));
}

/** Runs stages in order. A stage that throws (a bug: stages never throw on text) leaves an empty result and a warning. */
export function runStages(
  ctx: Context,
  stages: readonly AnyStage[],
  empty: { [K in StageName]: () => StageResults[K] },
): void {
  const results = ctx.results as Record<StageName, unknown>;
  for (const stage of stages) {
    try {
      let items: unknown[] = [];
      for (const extract of stage.extractors) items = items.concat(extract(ctx));
      for (const refine of stage.refiners) items = refine(ctx, items);
      results[stage.name as StageName] = stage.finalize(ctx, items);
    } catch (e) {
      results[stage.name as StageName] = empty[stage.name as StageName]();
      ctx.warn('STAGE_FAILED', `the ${stage.name} stage failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
