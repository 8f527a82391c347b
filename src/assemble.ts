import type { Context } from './pipeline/types.js';
import type { ArticleTags, Mention, Span, ZoneKind } from './schema.js';
import { zoneEnd } from './text/zones.js';
import { DATA_VERSION, PACKAGE_VERSION } from './version.js';

interface Mapper {
  span(s: { start: number; end: number }): Span;
  mention(s: { start: number; end: number }, zone?: ZoneKind): Mention;
}

function mapper(ctx: Context, toRaw: Int32Array | null): Mapper {
  const input = ctx.input;
  // The raw span of a normalized one, as spanToRaw computes it, left in rs and re (no object per span).
  let rs = 0;
  let re = 0;
  const toRawSpan = (start: number, end: number): void => {
    if (!toRaw) {
      rs = start;
      re = Math.max(start, end);
      return;
    }
    rs = toRaw[start] as number;
    re = end > start ? (toRaw[end - 1] as number) + 1 : rs;
  };
  return {
    span: (s) => {
      toRawSpan(s.start, s.end);
      return { start: rs, end: re, text: input.slice(rs, re) };
    },
    mention: (s, zone) => {
      toRawSpan(s.start, s.end);
      return { start: rs, end: re, text: input.slice(rs, re), zone: zone ?? ctx.zoneAt(s.start) };
    },
  };
}

const validSpan = (s: { start: number; end: number }) =>
  Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start;

/**
 * Builds the public result: maps every normalized offset back to the caller's input (re-slicing `text` from it),
 * drops mentions outside the content zones unless keepChrome, drops any that cross a zone boundary, and drops
 * entities left without mentions.
 */
export function assemble(ctx: Context, toRaw: Int32Array | null): ArticleTags {
  const m = mapper(ctx, toRaw);
  const inc = ctx.options.include;
  const r = ctx.results;
  // A mention, date or quote lies inside one zone (the contract: `zone` is where all of it is). One that crosses a
  // zone boundary (a stage matched across a line break into the next zone) is dropped rather than mislabelled.
  const zones = ctx.doc.zones;
  const keep = (s: { start: number; end: number }) =>
    validSpan(s) && s.end <= zoneEnd(zones, s.start) && ctx.inScope(s.start);
  const entity = <T extends { mentions: { start: number; end: number }[] }>(e: T): T => ({
    ...e,
    mentions: e.mentions.filter(keep).map((x) => m.mention(x)),
  });
  const people = inc.has('people') ? (r.entities?.people ?? []).map(entity).filter((e) => e.mentions.length) : [];
  const organizations = inc.has('organizations')
    ? (r.entities?.organizations ?? []).map(entity).filter((e) => e.mentions.length)
    : [];
  const places = inc.has('places') ? (r.places?.places ?? []).map(entity).filter((e) => e.mentions.length) : [];
  const dates = inc.has('dates')
    ? (r.dates ?? []).filter(keep).map((d) => ({ ...d, ...m.span(d), zone: ctx.zoneAt(d.start) }))
    : [];
  const quotes = inc.has('quotes')
    ? (r.quotes ?? []).filter(keep).map((q) => ({
        ...q,
        ...m.span(q),
        fragments: q.fragments.filter(validSpan).map(m.span),
        speaker:
          q.speaker && validSpan(q.speaker.mention) ? { ...q.speaker, mention: m.span(q.speaker.mention) } : null,
        cue: q.cue && validSpan(q.cue) ? m.span(q.cue) : null,
        zone: ctx.zoneAt(q.start),
      }))
    : [];
  const topics = inc.has('topics')
    ? (r.topics ?? []).map((t) => ({ ...t, evidence: t.evidence.filter(keep).map(m.span) }))
    : [];
  const out: ArticleTags = {
    schemaVersion: 1,
    generator: { name: 'article-tagger', version: PACKAGE_VERSION, data: DATA_VERSION },
    language: 'en',
    publishedAt: ctx.publishedAt,
    headline: ctx.doc.headline ? m.span(ctx.doc.headline) : null,
    authors: ctx.doc.authors.map((a) => ({ name: a.name, span: m.span(a) })),
    zones: ctx.doc.zones.length
      ? ctx.doc.zones.map((z) => ({ kind: z.kind, ...rawRange(toRaw, z.start, z.end, ctx.input.length) }))
      : ctx.input.length
        ? [{ kind: 'boilerplate' as const, start: 0, end: ctx.input.length }] // only characters normalization deletes
        : [],
    people,
    organizations,
    places,
    dates,
    quotes,
    topics,
    warnings: ctx.warnings.map((w) =>
      w.start !== undefined && w.end !== undefined && w.end > w.start
        ? { ...w, ...rawRange(toRaw, w.start, w.end, ctx.input.length) }
        : w,
    ),
  };
  if (inc.has('places') && r.places?.focus) out.focus = r.places.focus;
  return out;
}

/** A zone boundary in raw space: zones must tile the raw input, so deleted characters fall in the zone before. */
function rawRange(toRaw: Int32Array | null, start: number, end: number, rawLength: number) {
  if (!toRaw) return { start, end: Math.min(end, rawLength) };
  const s = start === 0 ? 0 : (toRaw[start] as number);
  const e = end >= toRaw.length - 1 ? rawLength : (toRaw[end] as number);
  return { start: s, end: e };
}
