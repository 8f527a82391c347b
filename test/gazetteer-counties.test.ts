import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { type ArticleReading, colocateCounties, isUsCounty } from '../src/gazetteer/counties.js';
import { getGazetteer } from '../src/gazetteer/index.js';

const g = getGazetteer(resolveConfig({}));
/** An article name read as its first reading (or the one in `state`), pinned or not. */
const name = (surface: string, state?: string, pinned = false): ArticleReading => {
  const entries = g.lookup(surface);
  const entry = (state ? entries.find((e) => e.countryCode === 'US' && e.admin1 === state) : entries[0]) ?? null;
  return { entries, entry, pinned };
};
const stateOf = (n: ArticleReading) => n.entry?.admin1;

describe('isUsCounty', () => {
  it('tells a county from a state and a town', () => {
    expect(isUsCounty(g.lookup('Laurel County')[0] as never)).toBe(true);
    expect(isUsCounty(g.lookup('Kentucky')[0] as never)).toBe(false);
    expect(isUsCounty(g.lookup('London')[0] as never)).toBe(false);
  });
});

describe('colocateCounties', () => {
  // county, its first reading's state, the other names of the article, the county's state after
  const table: [string, [string, string?][], string][] = [
    ['Henry County', [['Paris', 'TN']], 'TN'], // Paris, Tenn., is Henry County's seat
    ['Henderson County', [['Athens', 'TX']], 'TX'],
    ['Douglas County', [['Alexandria', 'MN']], 'MN'],
    ['Madison County', [['Kentucky'], ['Louisville', 'KY']], 'KY'], // a state named in the article
  ];
  it.each(table)('%s with %j → %s', (county, others, want) => {
    const c = name(county);
    const rest = others.map(([n, st]) => name(n, st));
    colocateCounties([c, ...rest]);
    expect(stateOf(c)).toBe(want);
  });

  it('moves an ambiguous US town next to the county it settles', () => {
    const c = name('Harris County');
    const town = name('Columbus', 'OH');
    colocateCounties([c, town, name('Georgia', 'GA')]);
    expect(stateOf(c)).toBe('GA');
    expect(stateOf(town)).toBe('GA');
  });

  const unchanged: [string, ArticleReading[]][] = [
    ['nothing else in the article', []],
    ['only a far-away town', [name('Omaha')]], // Henry County has no Nebraska reading
  ];
  it.each(unchanged)('keeps the prior reading with %s', (_, others) => {
    const c = name('Henry County');
    const before = c.entry;
    colocateCounties([c, ...others]);
    expect(c.entry).toBe(before);
  });

  it('keeps a county pinned by a qualifier', () => {
    const c = name('Henry County', 'GA', true);
    colocateCounties([c, name('Paris', 'TN')]);
    expect(stateOf(c)).toBe('GA');
  });
});
