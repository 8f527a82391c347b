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

  // town as first read, county (read in `state`, pinned or not), the town's state after
  const towns: [string, string, string | undefined, string, string, boolean, string][] = [
    // The county already read in Texas (by the article's other evidence) still moves its seat there.
    ['a town beside a county already read', 'Huntsville', undefined, 'Walker County', 'TX', false, 'TX'],
    ['a town beside a county pinned by "County, State"', 'Paris', 'TX', 'Henry County', 'TN', true, 'TN'],
    // A county with one reading anchors the town: Tarrant County is only in Texas.
    ['a town beside a county with one reading', 'Arlington', undefined, 'Tarrant County', 'TX', false, 'TX'],
  ];
  it.each(towns)('moves %s: %s (%s) beside %s (%s)', (_why, town, first, county, state, pinned, want) => {
    const t = name(town, first);
    colocateCounties([name(county, state, pinned), t]);
    expect(stateOf(t)).toBe(want);
  });

  it('false positive: a big city does not move to a village near the county', () => {
    // Atlanta, Ga. (500,000 people) beside Logan County, Ill., is not Atlanta, Ill. (a village).
    const t = name('Atlanta', 'GA');
    colocateCounties([name('Logan County', 'IL', true), t]);
    expect(stateOf(t)).toBe('GA');
  });

  it('false positive: a town near the county keeps its reading', () => {
    const t = name('Paris', 'TN');
    colocateCounties([name('Henry County', 'TN', true), t]);
    expect(t.entry?.admin1).toBe('TN');
    expect(t.entry).toBe(g.lookup('Paris').find((e) => e.admin1 === 'TN' && e.countryCode === 'US'));
  });

  it('keeps a county pinned by a qualifier', () => {
    const c = name('Henry County', 'GA', true);
    colocateCounties([c, name('Paris', 'TN')]);
    expect(stateOf(c)).toBe('GA');
  });
});
