// Demonyms as place mentions (docs/decisions.md, "Demonyms are place mentions"): sentences of our own.
import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';

/** `Name=mention` for every place mention of the text, in text order. */
function mentions(text: string, options = {}): string[] {
  const r = tagArticle(text, options);
  return r.places
    .flatMap((p) => p.mentions.map((m) => ({ s: m.start, v: `${p.name}=${m.text}` })))
    .sort((a, b) => a.s - b.s)
    .map((x) => x.v);
}

describe('demonyms are mentions of their country, region or continent', () => {
  const rows: [string, string[]][] = [
    ['Russian troops shelled the town on Monday.', ['Russia=Russian']],
    // A two-word demonym is one mention, never a person ("Sri Lankan" read as a name).
    ['The Sri Lankan government accuses the rebels of abuses.', ['Sri Lanka=Sri Lankan']],
    ['Palestinians marched to the checkpoint.', ['Palestinian Territories=Palestinians']],
    // The parts of a hyphenated compound.
    ['The talks marked 30 years of Israeli-Egyptian peace.', ['Israel=Israeli', 'Egypt=Egyptian']],
    ['The anti-Russian protest drew thousands.', ['Russia=Russian']],
    ['Georgian-controlled villages were shelled overnight.', ['Georgia=Georgian']],
    // Areas: continents, regions, states, cities.
    ['European leaders met Texan officials in Brussels.', ['Europe=European', 'Texas=Texan', 'Brussels=Brussels']],
    ['Latin American leaders met in Lima.', ['Latin America=Latin American', 'Lima=Lima']],
    ['Rebels from South Ossetian villages fled north.', ['South Ossetia=South Ossetian']],
    // One place, named and by its demonym.
    ['Lithuanian guards patrol the border of Lithuania.', ['Lithuania=Lithuanian', 'Lithuania=Lithuania']],
    // "Swiss" after a hyphenated language adjective is still the country.
    ['A French-speaking Swiss banker said so.', ['Switzerland=Swiss']],
  ];
  it.each(rows)('%s', (text, want) => {
    expect(mentions(text)).toEqual(want);
  });

  it('keeps the mention offsets on the caller input, curly quotes and all', () => {
    const text = '\u201cWe will stay,\u201d the Ukrainian minister said.';
    const r = tagArticle(text);
    const m = r.places.find((p) => p.countryCode === 'UA')?.mentions[0];
    expect(m && text.slice(m.start, m.end)).toBe('Ukrainian');
  });

  it('demonymPlaces: false keeps demonyms out of places, and in focus', () => {
    const r = tagArticle('Russian troops shelled the town on Monday.', { demonymPlaces: false });
    expect(r.places).toEqual([]);
    expect(r.focus?.countries[0]?.code).toBe('RU');
  });

  it('counts a demonym as half a name for salience', () => {
    const r = tagArticle('Polish farmers blocked the road. Polish police came. Officials in Warsaw met them.');
    const pl = r.places.find((p) => p.countryCode === 'PL' && p.kind === 'country');
    const waw = r.places.find((p) => p.name === 'Warsaw');
    expect(pl?.mentions).toHaveLength(2);
    // Two demonyms weigh as one name: Poland and Warsaw are named as often.
    expect(waw?.salience).toBeGreaterThan(0);
    expect(Math.abs((pl?.salience ?? 0) - (waw?.salience ?? 0))).toBeLessThan(0.3);
  });
});

describe('demonyms that are no place mention (false positives)', () => {
  const rows: [string, string][] = [
    // A language.
    ['She speaks fluent French and some German.', 'the languages of a speaker'],
    ['The report was published in English.', 'a language after "in"'],
    ['The statement was translated into Russian, Ukrainian and English.', 'a list of languages'],
    ['He reads an English-language newspaper every day.', '"-language"'],
    ['Spanish speakers make up half the town.', '"speakers"'],
    ['She teaches Italian at the college.', '"teaches"'],
    // Set phrases and currencies.
    ['French fries were served at the fair.', 'a dish'],
    ['It was a game of Russian roulette.', 'a set phrase'],
    ['The Canadian dollar rose against the yen.', 'a currency'],
    ['The bond pays 37 million Swiss francs.', 'a currency'],
    // An indigenous people.
    ['The mounds were built by Native Americans centuries ago.', 'a people'],
  ];
  it.each(rows)('%s (%s)', (text) => {
    expect(mentions(text)).toEqual([]);
  });

  it('a demonym inside an organization the tagger typed stays the organization\u2019s', () => {
    const r = tagArticle('The Indian Army said the Canadian Coast Guard helped.');
    expect(r.organizations.map((o) => o.name)).toEqual(['Indian Army', 'Canadian Coast Guard']);
    expect(r.places).toEqual([]);
  });
});
