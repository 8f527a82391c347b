import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { getGazetteer } from '../src/gazetteer/index.js';
import type { Context } from '../src/pipeline/types.js';
import { countyCandidates } from '../src/stages/places/lexical.js';
import { tagArticle } from '../src/tagger.js';

const g = getGazetteer(resolveConfig({}));
const counties = (name: string) => g.lookup(name).filter((e) => e.kind === 'region' && e.countryCode === 'US');

describe('US counties in the gazetteer (us-atlas)', () => {
  const table: [string, string, number, number][] = [
    // name, state, approximate centre (lat, lon): within 1.5°
    ['Laurel County', 'KY', 37.1, -84.1],
    ['Rapides Parish', 'LA', 31.2, -92.5],
    ['Kenai Peninsula Borough', 'AK', 60.2, -150.3],
    ['Tarrant County', 'TX', 32.8, -97.3],
    ['Los Angeles County', 'CA', 34.3, -118.2],
    ['Saint Louis County', 'MO', 38.6, -90.4], // St. Louis County, by its spelled-out name
    ['De Kalb County', 'GA', 33.8, -84.2], // DeKalb County
    ['Prince Georges County', 'MD', 38.8, -76.8],
    ['Fairfax County', 'VA', 38.8, -77.3], // the county, not the independent city
  ];
  it.each(table)('%s → %s', (name, state, lat, lon) => {
    const top = counties(name)[0];
    expect(top?.admin1).toBe(state);
    expect(top?.geonameId).toBeNull();
    expect(Math.abs((top?.lat ?? 0) - lat)).toBeLessThan(1.5);
    expect(Math.abs((top?.lon ?? 0) - lon)).toBeLessThan(1.5);
  });

  it('keeps every state of a shared county name', () => {
    const states = new Set(counties('Henry County').map((e) => e.admin1));
    expect(states.size).toBeGreaterThanOrEqual(10);
    expect(states.has('TN')).toBe(true);
  });

  // Independent cities are cities, not counties; consolidated Alaskan city-boroughs are their city.
  const none = [
    'Virginia Beach County',
    'Alexandria County',
    'Carson City County',
    'Anchorage Borough',
    'Paris County',
  ];
  it.each(none)('no county named %s', (name) => {
    expect(counties(name)).toEqual([]);
  });
});

const placesOf = (text: string, opts: Parameters<typeof tagArticle>[1] = {}) =>
  tagArticle(text, opts).places.map((p) => ({
    name: p.name,
    kind: p.kind,
    mentions: p.mentions.map((m) => m.text),
    lat: p.lat,
  }));

describe('county mentions', () => {
  it('reads the items of a list of counties as the counties', () => {
    const r = tagArticle('Power was out in Jackson and Barrow counties in Georgia on Monday, the utility said.');
    const names = r.places.filter((p) => p.name.endsWith(' County'));
    expect(names.map((p) => [p.name, p.mentions[0]?.text])).toEqual(
      expect.arrayContaining([
        ['Jackson County', 'Jackson'],
        ['Barrow County', 'Barrow'],
      ]),
    );
  });

  const table: [string, string, string][] = [
    ['Deputies searched a farm in rural Laurel County on Tuesday, the sheriff said.', 'Laurel County', 'Laurel County'],
    ['Henry County commissioners voted on the new budget late Monday night.', 'Henry County', 'Henry County'],
    ['Water levels rose across Rapides Parish after the storm, officials said.', 'Rapides Parish', 'Rapides Parish'],
    ['The road through Paris-Henry County was closed for repairs on Friday.', 'Henry County', 'Henry County'],
  ];
  it.each(table)('%s', (text, name, mention) => {
    const p = placesOf(text).find((x) => x.name === name);
    expect(p?.kind).toBe('region');
    expect(p?.mentions).toContain(mention);
    expect(p?.lat).not.toBeNull();
  });

  it('reads a shared county name in the state named after it', () => {
    const r = tagArticle('A fire destroyed a barn in Henry County, Tenn., early Sunday, firefighters said.');
    const p = r.places.find((x) => x.name === 'Henry County');
    // Henry County, Tennessee: about 36.3 N, 88.3 W.
    expect(p?.lat).toBeCloseTo(36.3, 0);
    expect(p?.lon).toBeCloseTo(-88.3, 0);
  });

  const falsePositives: string[] = [
    'Derby County beat Notts County 2-1 on Saturday in front of a home crowd.', // English clubs, no US county
    'Scottish second division: Montrose 2 Ross County 1, Queens Park 1 Forfar 4.', // a club (Ross County, Ohio)
    'The county said the road would reopen next week after the repairs.',
    'St. Mary Parish held its spring fair on Sunday after the morning service.', // a church's parish, no Louisiana
  ];
  it.each(falsePositives)('no county in %s', (text) => {
    expect(placesOf(text).filter((p) => /County|Parish/.test(p.name))).toEqual([]);
  });
});

describe('counties inside organization names (countyCandidates)', () => {
  const config = resolveConfig({});
  /** A minimal context: the text, one organization mention over `org`, the nested-places mode. */
  /** `us`: the tagger also proposes a US place ("Ohio") in the story. */
  const cands = (text: string, org: string, kind: string, placesInNames: boolean | string, us = true) => {
    const at = text.indexOf(org);
    const organizations = at < 0 ? [] : [{ kind, mentions: [{ start: at, end: at + org.length, text: org }] }];
    const ctx = {
      doc: { text },
      config,
      options: { placesInNames },
      inScope: () => true,
      results: {
        entities: {
          organizations,
          people: [],
          placeCandidates: us ? [{ start: 0, end: 4, text: 'Ohio', rule: 'test' }] : [],
        },
      },
    } as unknown as Context;
    return countyCandidates(ctx).map((c) => c.text);
  };
  const sheriff = "The Guernsey County Sheriff's Office said a deputy was hurt.";
  const org = "Guernsey County Sheriff's Office";
  it('all (true): the county inside the name', () => {
    expect(cands(sheriff, org, 'government', true)).toEqual(['Guernsey County']);
  });
  it('civic: a county body', () => {
    expect(cands(sheriff, org, 'government', 'civic')).toEqual(['Guernsey County']);
  });
  it('none (false): no county inside the name', () => {
    expect(cands(sheriff, org, 'government', false)).toEqual([]);
  });
  it('the whole organization is the county: proposed in any mode', () => {
    expect(cands('Tarrant County approved the plan.', 'Tarrant County', 'other', false)).toEqual(['Tarrant County']);
  });
  it('against the tagger only in a story with a US place', () => {
    const t = 'Kent County Council approved the budget.';
    expect(cands(t, 'Kent County Council', 'government', 'civic', false)).toEqual([]);
    expect(cands(t, 'Kent County Council', 'government', 'civic', true)).toEqual(['Kent County']);
    expect(cands('Deputies in Laurel County said.', 'x', 'other', false, false)).toEqual(['Laurel County']);
  });
  it('never inside a newspaper name, tagged or not', () => {
    const t = 'The Orange County Register reported the figures.';
    expect(cands(t, 'Orange County Register', 'media', true)).toEqual([]);
    expect(cands(t, 'nothing', 'other', true)).toEqual([]);
  });
  it('a weekday after the county does not make a name', () => {
    expect(cands('Deputies were in Laurel County Friday.', 'nothing', 'other', false)).toEqual(['Laurel County']);
  });
  it('each item of a list of counties, as the county', () => {
    const t = 'Storms hit Becker, Clay, Otter Tail and Wilkin counties and In Jackson and Barrow counties too.';
    expect(cands(t, 'x', 'other', false).sort()).toEqual(
      ['Becker', 'Clay', 'Otter Tail', 'Wilkin', 'Jackson', 'Barrow'].sort(),
    );
    expect(cands('Both counties, the report said.', 'x', 'other', false)).toEqual([]);
    expect(cands('Paul and Mary counties.', 'x', 'other', false)).toEqual([]);
  });
  it('the longest county name, and the last part of a hyphenated one', () => {
    expect(cands('Roads in Prince William County closed.', 'x', 'other', false)).toEqual(['Prince William County']);
    expect(cands('The Greenbrier-Pocahontas County line.', 'x', 'other', false)).toEqual(['Pocahontas County']);
  });
});
