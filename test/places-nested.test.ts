import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { getGazetteer } from '../src/gazetteer/index.js';
import { directionPlace, placesInName } from '../src/stages/places/index.js';
import { ORG_NAME_CAP, orgPlaceCandidates } from '../src/stages/places/nested.js';
import { tagArticle } from '../src/tagger.js';

const g = getGazetteer(resolveConfig({}));
const nested = (name: string) => placesInName(g, name).map((c) => name.slice(c.start, c.end));

describe('places inside organization names', () => {
  const table: [string, string[]][] = [
    ['Texas Forest Service', ['Texas']],
    ['University of Cincinnati', ['Cincinnati']],
    ['Athens Police Department', ['Athens']],
    ['Ohio Department of Development', ['Ohio']],
    ['Bank of Canada', ['Canada']],
    ['Air Zimbabwe', ['Zimbabwe']],
    ['Western Pennsylvania Kennel Association', ['Pennsylvania']],
    ['U.S. Department of Agriculture', ['U.S.']],
    ['Kentucky Department of Education', ['Kentucky']],
  ];
  it.each(table)('%s → %j', (name, want) => {
    expect(nested(name)).toEqual(want);
  });

  const none: string[] = [
    'Seattle Mariners', // a club: "<Place> <Plural nickname>"
    'Boston Red Sox',
    'Bristol Rovers',
    'Manchester City',
    'Queens Park Rangers',
    'Real Madrid',
    'AC Milan',
    'Kansas City', // the whole name is a place
    'Madison County Health Department', // a county: not in the gazetteer, never the town
    'St. Mary Parish School', // a saint
    'Chamber of Commerce',
    'Exchequer Nigel Lawson', // a first name
    'Lee Academy', // a town's name, no civic head after it
    'Police Department',
    'New England Patriots',
  ];
  it.each(none)('no nested place in %s', (name) => {
    expect(nested(name)).toEqual([]);
  });

  // The default subset: a civic or educational body's town or state (rule 'in-org-civic'); a club's, a company's or
  // a national body's place only with placesInNames: true.
  const civic = (name: string) =>
    placesInName(g, name)
      .filter((c) => c.rule === 'in-org-civic')
      .map((c) => name.slice(c.start, c.end));
  const civicTable: [string, string[]][] = [
    ['Texas Forest Service', ['Texas']],
    ['Athens Police Department', ['Athens']],
    ['Ohio Department of Development', ['Ohio']],
    ['University of Cincinnati', ['Cincinnati']],
    ['City of Norfolk', ['Norfolk']],
    ['State of Illinois', ['Illinois']],
    ['Kentucky National Guard', ['Kentucky']],
    ['Florida Highway Patrol', ['Florida']],
    ['North Charleston Police Department', ['Charleston']],
    ['Huntsville High School', ['Huntsville']],
    ['Georgia Public Service Commission', ['Georgia']], // the state, not the country
    ['Public Library of Cincinnati', ['Cincinnati']],
  ];
  it.each(civicTable)('civic body %s → %j by default', (name, want) => {
    expect(civic(name)).toEqual(want);
  });
  const brands: [string, string[]][] = [
    ['Bayern Munich', ['Munich']], // a club
    ['Air Zimbabwe', ['Zimbabwe']], // a company
    ['Bank of Canada', ['Canada']],
    ['U.S. Department of Agriculture', ['U.S.']], // a national body
    ['Western Pennsylvania Kennel Association', ['Pennsylvania']], // a club, no civic word
    ['Chicago Board of Trade', ['Chicago']], // a market
    ['Tokyo Stock Exchange', ['Tokyo']],
  ];
  it.each(brands)('%s: nested %j only with placesInNames: true', (name, all) => {
    expect(nested(name)).toEqual(all);
    expect(civic(name)).toEqual([]);
  });

  it('reads a direction + place name as the place after the direction', () => {
    expect(directionPlace(g, 'Northern Iraq')?.countryCode).toBe('IQ');
    expect(directionPlace(g, 'East Texas')?.kind).toBe('region');
    expect(directionPlace(g, 'Metro Vancouver')?.countryCode).toBe('CA');
    expect(directionPlace(g, 'Northern Rock')).toBeNull();
    expect(directionPlace(g, 'Texas')).toBeNull();
  });
});

describe('nested places end to end', () => {
  const text =
    'The Texas Forest Service said on Monday that crews had contained the fire. Officials at the University of Cincinnati were not reached.';
  it('with placesInNames: adds the place inside an organization name and keeps the organization whole', () => {
    const r = tagArticle(text, { placesInNames: true });
    const places = r.places.flatMap((p) => p.mentions.map((m) => `${m.text}:${p.countryCode}`));
    expect(places).toContain('Texas:US');
    expect(places).toContain('Cincinnati:US');
    const orgs = r.organizations.flatMap((o) => o.mentions.map((m) => m.text));
    expect(orgs).toContain('Texas Forest Service');
  });
  it("by default: a civic or educational body's place, the organization kept whole", () => {
    const r = tagArticle(text);
    expect(r.places.flatMap((p) => p.mentions.map((m) => m.text)).sort()).toEqual(['Cincinnati', 'Texas']);
    const orgs = r.organizations.flatMap((o) => o.mentions.map((m) => m.text));
    expect(orgs).toContain('Texas Forest Service');
    expect(orgs).toContain('University of Cincinnati');
  });
  it('with placesInNames: false: CoNLL-style spans, no place inside an organization name', () => {
    const r = tagArticle(text, { placesInNames: false });
    expect(r.places.flatMap((p) => p.mentions.map((m) => m.text))).toEqual([]);
  });
  const brandText =
    'Bayern Munich beat Werder Bremen on Saturday. Air France cancelled flights, and the U.S. Treasury Department said bond yields rose.';
  it('by default: no place inside a club, a company or a national body', () => {
    expect(tagArticle(brandText).places.flatMap((p) => p.mentions.map((m) => m.text))).toEqual([]);
  });
  it("with placesInNames: true: brands' places too", () => {
    const places = tagArticle(brandText, { placesInNames: true }).places.flatMap((p) => p.mentions.map((m) => m.text));
    expect(places).toContain('France');
  });
});

describe('capitals datelines, party designations, -area', () => {
  const placesOf = (text: string) => tagArticle(text).places.flatMap((p) => p.mentions.map((m) => m.text));
  const table: [string, string][] = [
    ['Fire guts barn.\nTORRINGTON \u2014 A fire destroyed the roof of a barn on Tuesday night.', 'TORRINGTON'],
    ['School board meets. MANASSAS -- The school board voted on the budget again.', 'MANASSAS'],
    ['The bill was backed by Rep. Jane Miller, D-Oakland, and two others.', 'Oakland'],
    ['One Gainesville-area dealer said sales were slow this spring.', 'Gainesville'],
  ];
  it.each(table)('%s → %s', (text, want) => {
    expect(placesOf(text)).toContain(want);
  });
  const none: string[] = [
    'RUGBY UNION - Players named for the tour on Monday', // a sport, not a dateline
    'The match ended 3-1 - a fair result for the visitors.',
    'He said the D-Day landings were remembered on Sunday.',
  ];
  it.each(none)('no place in %s', (text) => {
    expect(placesOf(text)).toEqual([]);
  });
});

describe('place-like inner names and aliases', () => {
  it('reads the town a school or police department is named after', () => {
    expect(nested('Mount Pleasant Police Department')).toEqual(['Mount Pleasant']);
  });
  it('reads D.C. as the district', () => {
    const r = tagArticle('The rally took place in Washington, D.C. on Saturday.');
    const dc = r.places.find((p) => p.mentions.some((m) => m.text === 'D.C.'));
    expect(dc?.countryCode).toBe('US');
  });
});

describe('newspapers and more clubs', () => {
  it.each(['Jakarta Post', 'China Daily', 'Reuters Ottawa Bureau', 'SC Freiburg', 'Hansa Rostock'])(
    'no nested place in %s',
    (name) => {
      expect(nested(name)).toEqual([]);
    },
  );
});

describe('organization-typed names: teams in results tables and match reports', () => {
  const placesOf = (text: string) => tagArticle(text).places.flatMap((p) => p.mentions.map((m) => m.text));
  it.each([
    'Rugby league results on Sunday: North Sydney 22 Penrith 10, South Sydney 4 Manly 30.', // a table row
    'Metz were beaten 3-1 at home to Guingamp on Saturday, and Lens lost 2-0 to Auxerre.', // a score nearby
  ])('no place in %s', (text) => {
    expect(placesOf(text)).toEqual([]);
  });
  it('keeps a direction + place name outside a table', () => {
    expect(placesOf('Crews worked across East Texas all night.')).toContain('East Texas');
  });
});

describe('default nested places in sentences', () => {
  const placesOf = (text: string) => tagArticle(text).places.flatMap((p) => p.mentions.map((m) => m.text));
  const table: [string, string][] = [
    ['Officers from the Dayton Police Department arrested two men on Friday night.', 'Dayton'],
    ['The Oregon Department of Transportation closed the pass after the storm.', 'Oregon'],
    ['She studied chemistry at the University of Nebraska before moving away.', 'Nebraska'],
    ['A spokesman for the City of Fresno said the pool would reopen in June.', 'Fresno'],
    ['Students at Springfield High School raised money for the food bank.', 'Springfield'],
    ['The Vermont Supreme Court heard the appeal on Tuesday.', 'Vermont'],
  ];
  it.each(table)('%s → %s', (text, want) => {
    expect(placesOf(text)).toEqual([want]);
  });
  const brands: string[] = [
    'Werder Bremen signed a new striker on Tuesday.', // a club
    'Shares of Air Canada fell after the strike was announced.', // a company
    'The U.S. Treasury Department said it would sell more bonds.', // a national body
    'Traders at the Tokyo Stock Exchange sold bank shares.', // a market
    'The Kurdistan Democratic Party said its fighters held the town.', // a party
  ];
  it.each(brands)('no nested place by default in %s', (text) => {
    expect(placesOf(text)).toEqual([]);
  });
});

describe('the per-document cap on organization names read by the look-up rules (nested.ts ORG_NAME_CAP)', () => {
  // A text naming thousands of organizations (a directory, random capitalised words) reads the first ORG_NAME_CAP
  // distinct names; later names are left to the cue-first rules. No article names that many.
  const run = (fillers: number) => {
    const names = Array.from({ length: fillers }, (_, i) => `Zq${i.toString(36)} Vexworth Holdings`);
    names.push('Athens Police Department');
    let text = '';
    const organizations = names.map((name, i) => {
      const start = text.length;
      text += `${name}. `;
      return { id: `org:${i}`, name, kind: 'other', mentions: [{ start, end: start + name.length, text: name }] };
    });
    const ctx = {
      config: resolveConfig({}),
      options: {},
      doc: { text },
      inScope: () => true,
      results: { entities: { people: [], organizations, placeCandidates: [] } },
    } as unknown as Parameters<typeof orgPlaceCandidates>[0];
    return orgPlaceCandidates(ctx).map((c) => c.text);
  };
  it('reads a civic body named before the cap', () => {
    expect(run(ORG_NAME_CAP - 1)).toEqual(['Athens']);
  });
  it('leaves names after the cap to the cue-first rules', () => {
    expect(run(ORG_NAME_CAP)).toEqual([]);
  });
});
