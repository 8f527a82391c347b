import { describe, expect, it } from 'vitest';
import { createTagger, PRELOAD_DATASETS, type PreloadDataset, preload, tagArticle } from '../src/index.js';

// Our own writing: a person, an organization, places, a date, a quote and topic words.
const TEXT =
  'HALDEN, Norway (Wire) - The harbour authority of Halden said on Tuesday it would close the old ferry pier in ' +
  'March after divers found cracks in its pillars. "Nobody will sail from there until it is safe," harbour master ' +
  'Ingrid Solberg told reporters. Flights to Oslo and trains to Gothenburg were not affected, the ministry said.';
const OPTIONS = { publishedAt: '2024-02-06' } as const;

describe('preload', () => {
  // Before any preload in this file (vitest runs each file in its own module graph): the lazy path.
  const before = tagArticle(TEXT, OPTIONS);

  it('returns every documented data set with a finite time >= 0, in the documented order', () => {
    const ms = preload();
    expect(Object.keys(ms)).toEqual([...PRELOAD_DATASETS]);
    expect(PRELOAD_DATASETS).toEqual(['lexicon', 'nameLists', 'wordFlags', 'nameModel', 'gazetteer', 'topics']);
    for (const k of PRELOAD_DATASETS) {
      expect(Number.isFinite(ms[k]), k).toBe(true);
      expect(ms[k], k).toBeGreaterThanOrEqual(0);
    }
  });

  it('returns the same keys on a second call, and reports each data set to onLoaded once, in order', () => {
    const seen: [PreloadDataset, number][] = [];
    const ms = preload({ onLoaded: (name, t) => seen.push([name, t]) });
    expect(Object.keys(ms)).toEqual([...PRELOAD_DATASETS]);
    expect(seen.map(([n]) => n)).toEqual([...PRELOAD_DATASETS]);
    for (const [name, t] of seen) expect(t).toBe(ms[name]);
  });

  it('does not change tagArticle output', () => {
    preload();
    const after = tagArticle(TEXT, OPTIONS);
    expect(after).toEqual(before);
    // The text exercises the preloaded data (else the comparison would say little).
    expect(after.people.length).toBeGreaterThan(0);
    expect(after.places.length).toBeGreaterThan(0);
    expect(after.quotes.length).toBeGreaterThan(0);
    expect(after.dates.length).toBeGreaterThan(0);
  });

  it('does not change a createTagger tagger with its own places (user data is per tagger, not preloaded)', () => {
    const config = { places: [{ name: 'Tistedal', countryCode: 'NO', kind: 'village' as const }] };
    const text = 'Flooding closed the road to Tistedal on Monday, the council said.';
    const first = createTagger(config).tag(text);
    preload();
    expect(createTagger(config).tag(text)).toEqual(first);
    expect(first.places.map((p) => p.name)).toContain('Tistedal');
  });
});
