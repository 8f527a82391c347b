// Unit tests of the topics stage and its taxonomy (texts are our own). Accuracy on BBC News dev is measured by hand:
//   bash scripts/dev-build.sh /tmp/at-topics && node ../shared/eval/predict.mjs --lib /tmp/at-topics \
//     --gold ../shared/datasets/topics.jsonl --out /tmp/at-topics/pred.jsonl && node ../shared/eval/score.mjs \
//     --task topics --gold ../shared/datasets/topics.jsonl --pred /tmp/at-topics/pred.jsonl
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { IPTC_TOP, TOPIC_ROWS } from '../src/data/topics.generated.js';
import { InvalidOptionsError } from '../src/errors.js';
import { stem } from '../src/nlp/natural.js';
import { ArticleTagsSchema } from '../src/schema.js';
import { parseTerm, termKey } from '../src/stages/topics/syntax.js';
import { createTagger, tagArticle } from '../src/tagger.js';

const topics = (text: string) => tagArticle(text, { include: ['topics'] }).topics;
const ids = (text: string) => topics(text).map((t) => t.id);

describe('built-in taxonomy (generated from data/topics)', () => {
  it('has the 17 IPTC top-level subjects and 100+ fine tags, each with a known top-level', () => {
    const top = TOPIC_ROWS.filter((r) => !r.parent);
    expect(top).toHaveLength(17);
    expect(top.every((r) => r.id.startsWith('iptc-') && /^medtop:\d{2}000000$/.test(r.iptc ?? ''))).toBe(true);
    expect(TOPIC_ROWS.length - 17).toBeGreaterThanOrEqual(100);
    const byId = new Map(TOPIC_ROWS.map((r) => [r.id, r]));
    expect(byId.size).toBe(TOPIC_ROWS.length);
    for (const r of TOPIC_ROWS) {
      if (!r.parent) continue;
      expect(byId.get(r.parent)?.parent, r.id).toBeNull();
      expect(IPTC_TOP[r.iptc ?? ''], r.id).toBe(byId.get(r.parent)?.iptc);
    }
  });
  it('has precompiled keys that match parsing the triggers now (re-run npm run data if not)', () => {
    for (const r of TOPIC_ROWS) {
      const key = (t: string) => {
        const p = parseTerm(t, stem);
        return typeof p === 'string' ? p : termKey(p.units, p.term);
      };
      expect(r.keys, r.id).toEqual(r.triggers.map(key));
      expect(r.negKeys, r.id).toEqual(r.negatives.map(key));
    }
  });
  it('holds the tags the brief asks for', () => {
    const have = new Set(TOPIC_ROWS.map((r) => r.id));
    for (const id of [
      'asylum',
      'border',
      'migration',
      'refugees',
      'military',
      'war',
      'diplomacy',
      'elections',
      'economy',
      'crime',
      'justice',
      'health',
      'climate',
      'disaster',
      'sport',
      'technology',
      'education',
      'sanctions',
      'drone-strikes',
      'wildfires',
      'inflation',
      'protests',
      'terrorism',
      'trade',
      'energy',
    ])
      expect(have.has(id), id).toBe(true);
  });
});

describe('tagging short texts', () => {
  const table: [string, string[]][] = [
    ['Hundreds of asylum seekers waited at the border crossing as guards checked papers.', ['asylum', 'border']],
    ['Refugees fleeing the fighting reached a camp run by the UNHCR.', ['refugees']],
    ['The army deployed two brigades and artillery to the north; soldiers dug in.', ['military']],
    ['The war entered its third year as troops pushed a counteroffensive along the front line.', ['war']],
    ['Kamikaze drones hit a power station overnight in a wave of drone strikes.', ['drone-strikes']],
    ['The foreign minister met the ambassador before the summit; diplomats drafted a treaty.', ['diplomacy']],
    ['Voters go to the polls on Sunday in a general election; turnout is expected to be high.', ['elections']],
    [
      'Inflation rose to 4% as consumer prices climbed, the central bank said it may raise interest rates.',
      ['inflation', 'central-banks'],
    ],
    ['Wildfires forced thousands to evacuate as firefighters battled a forest fire.', ['wildfires']],
    ['Police arrested two suspects after a burglary; both were charged with theft.', ['police', 'crime']],
    ['A jury found him guilty and the judge sentenced him to ten years in prison.', ['courts', 'prison']],
    ['Greenhouse gas emissions must fall to net zero to curb global warming, scientists said.', ['climate']],
    ['The striker scored twice and the goalkeeper saved a penalty in the Premier League match.', ['football', 'sport']],
    ['Teachers and pupils returned to school as exam results improved.', ['education']],
    ['The headteacher said the primary school would close; the secondary school stays open.', ['schools']],
    ['The software update fixes a bug that crashed laptops; computer users should upgrade.', ['computing']],
    ['Thousands of protesters marched to parliament; the protests were peaceful.', ['protests']],
    ['The EU imposed new sanctions and an asset freeze on the regime.', ['sanctions']],
    ['Suicide bombers attacked the market in a terror attack claimed by jihadists.', ['terrorism']],
    ['Gunmen kidnapped three aid workers and demanded a ransom for the hostages.', ['kidnapping']],
    ['The spy passed secrets to a foreign intelligence agency, MI5 said.', ['espionage']],
    ['Bitcoin fell 10% as cryptocurrency exchanges halted withdrawals.', ['cryptocurrency']],
    ['The snooker champion made a maximum break at the Crucible.', ['snooker', 'iptc-sport']],
    ['Hackers spread a computer virus through a security flaw in the browser.', ['cyber-security', 'iptc-science']],
    ['The new games console lets gamers play online with friends.', ['video-games', 'iptc-science']],
    ['Cable viewers can now rent films through video on demand and a set-top box.', ['technology']],
  ];
  it.each(table)('%s', (text, expected) => {
    const got = ids(text);
    for (const id of expected) expect(got, `${id} in ${got.join(', ')}`).toContain(id);
  });

  it('emits the IPTC top-level ancestor with a score at least its best child', () => {
    const t = topics('Hundreds of asylum seekers waited at the border crossing as guards checked papers.');
    const top = t.find((x) => x.id === 'iptc-politics');
    expect(top?.iptc).toBe('medtop:11000000');
    expect(top?.score).toBeGreaterThanOrEqual(
      Math.max(...t.filter((x) => x.id !== top?.id).map((x) => x.score)) - 1e-9,
    );
  });

  it('returns evidence spans into the input, sorted by score', () => {
    const text = 'Headline: war\n\nThe war goes on, and troops advanced again.';
    const t = topics(text);
    for (let i = 1; i < t.length; i++) expect(t[i - 1]!.score).toBeGreaterThanOrEqual(t[i]!.score);
    const war = t.find((x) => x.id === 'war');
    expect(war?.evidence.length).toBeGreaterThan(0);
    for (const e of war?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
  });

  it('scores a headline mention above the same mention deep in the body', () => {
    const filler = 'The council met on Tuesday to discuss the new library opening hours and parking. '.repeat(6);
    const head = topics(`Flood warning for the valley\n\n${filler}`).find((t) => t.id === 'flood')?.score ?? 0;
    const body =
      topics(`Council meeting\n\n${filler} A flood was mentioned.`).find((t) => t.id === 'flood')?.score ?? 0;
    expect(head).toBeGreaterThan(body);
  });

  it('tags nothing in a text without evidence, and stays silent on empty text', () => {
    expect(ids('The cat sat on the mat and looked out of the window.')).toEqual([]);
    expect(tagArticle('').topics).toEqual([]);
  });
});

describe('false positives', () => {
  const table: [string, string][] = [
    ['His claims border on the absurd, critics said.', 'border'],
    ['The plan was bordering on absurd.', 'border'],
    ['Give the newcomers a sporting chance, the mayor said.', 'sport'],
    ['Supermarkets are locked in a price war over milk.', 'war'],
    ['The two firms are in a bidding war for the brewer.', 'war'],
    ['The chancellor shrugged off the war of words with the union.', 'war'],
    ['She was interviewed by the authorities at the office.', 'books'],
    ['The office manager reported the results.', 'military'],
    ['Labour won a landslide victory in the poll.', 'landslide'],
    ['A flood of complaints reached the regulator.', 'flood'],
    ['The minister came under fire over the ceasefire talks.', 'fire'],
    ['Net profit rose 5% at the retailer.', 'internet'],
    ['The strike partner of the forward was injured.', 'strikes'],
    ['The defence lawyer asked for bail.', 'defence'],
    ['The trade union called for talks.', 'trade'],
    ['A blood bank opened in the town.', 'banking'],
    ['He weathered the criticism.', 'iptc-weather'],
    ['Conservative MPs met in the committee room.', 'conservation'],
    ['It is important to read the small print.', 'trade'],
    ['The chief executive resigned after the vote.', 'prison'],
    ['The mission was aborted after a fault.', 'abortion'],
    ['A busy week for the new chief.', 'iptc-economy'],
    ['The renewed offer was rejected.', 'renewable-energy'],
    ['The mobile network added a cheaper mobile tariff.', 'military'],
    ['Online gaming keeps growing, the gaming website said.', 'sport'],
    ['Rival studios release new war games for the console this Christmas.', 'war'],
    ['Nurses rejected the pay freeze.', 'weather-warning'],
    ['The court ordered an asset freeze on the firm.', 'weather-warning'],
  ];
  it.each(table)('%s (not %s)', (text, id) => {
    expect(ids(text)).not.toContain(id);
  });
});

describe('word memo (stem ids cached per taxonomy)', () => {
  it('matches the same way before and after the memo fills up and is emptied', () => {
    const letters = (n: number) => {
      let w = '';
      for (let k = n; k > 0 || !w; k = Math.floor(k / 26)) w += String.fromCharCode(122 - (k % 26));
      return `q${w}`;
    };
    const filler = Array.from({ length: 70_000 }, (_, i) => letters(i)).join(' ');
    const text = `Refugees reached the border.\n\n${filler}.\n\nMore refugees crossed the border-crossing point.`;
    const tagger = createTagger({ taxonomy: { threshold: 0 } });
    const t = tagger.tag(text, { include: ['topics'], maxLength: 2_000_000, keepChrome: true }).topics;
    const ev = t.find((x) => x.id === 'refugees')?.evidence.map((e) => e.text);
    expect(ev).toEqual(['Refugees', 'refugees']);
    // a long word (kept as a copy in the memo) and a hyphenated one match on every occurrence
    const again = tagger.tag('Counterterrorism officers met. Counterterrorism-style raids followed.', {
      include: ['topics'],
    }).topics;
    const twice = tagger.tag('Counterterrorism officers met. Counterterrorism-style raids followed.', {
      include: ['topics'],
    }).topics;
    expect(twice).toEqual(again);
  });
});

describe('linear time', () => {
  it('handles a long text full of triggers and negatives (its speed is a bench row)', () => {
    const text = 'The border on the river. Border guards at the border crossing bordering on chaos. '.repeat(12_000);
    const tagger = createTagger({ taxonomy: { threshold: 0 } });
    const t = tagger.tag(text, { include: ['topics'], maxLength: 2_000_000 }).topics;
    expect(t.find((x) => x.id === 'border')?.evidence.length).toBeGreaterThan(0);
  });
});

describe('the sample article (keepChrome false)', () => {
  // examples/sample-article.txt is ours; the seed article (../shared) is checked by npm run seed.
  const text = readFileSync(new URL('../examples/sample-article.txt', import.meta.url), 'utf8');
  const t = tagArticle(text).topics;
  const get = (id: string) => t.find((x) => x.id === id);
  it.each(['border', 'refugees', 'asylum'])('has %s with evidence and an IPTC code', (id) => {
    const x = get(id);
    expect(x, id).toBeDefined();
    expect(x?.evidence.length).toBeGreaterThan(0);
    expect(x?.iptc).toMatch(/^medtop:\d{8}$/);
    for (const e of x?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
  });
  it('has an IPTC top-level first', () => {
    expect(t[0]?.id).toBe('iptc-politics');
  });
  it('takes no evidence from page chrome unless keepChrome', () => {
    const content = new Set(['headline', 'dateline', 'body', 'caption']);
    const out = tagArticle(text);
    const zoneOf = (o: number) => out.zones.find((z) => o >= z.start && o < z.end)?.kind;
    for (const x of out.topics)
      for (const e of x.evidence) expect(content.has(zoneOf(e.start) ?? ''), e.text).toBe(true);
    // "asylum" (a teaser) and "migration" (the author bio) are chrome: evidence only with keepChrome.
    const chromeWord = (e: string) => /^(?:asylum|migration)$/i.test(e);
    const kept = tagArticle(text, { keepChrome: true }).topics.flatMap((x) => x.evidence.map((e) => e.text));
    expect(kept.some(chromeWord)).toBe(true);
    expect(out.topics.flatMap((x) => x.evidence.map((e) => e.text)).some(chromeWord)).toBe(false);
  });
  it('is schema-valid', () => {
    expect(ArticleTagsSchema.safeParse(tagArticle(text)).success).toBe(true);
  });
});

describe('createTagger({ taxonomy })', () => {
  it('adds a tag, placed under its IPTC top-level by its code', () => {
    const tagger = createTagger({
      taxonomy: {
        add: [{ id: 'potholes', label: 'Potholes', iptc: 'medtop:20000344', triggers: ['pothole', 'road repairs^2'] }],
      },
    });
    const t = tagger.tag('Potholes again: the council delayed road repairs.', { include: ['topics'] }).topics;
    expect(t.find((x) => x.id === 'potholes')?.evidence.map((e) => e.text)).toEqual(['Potholes', 'road repairs']);
    expect(t.map((x) => x.id)).toContain('iptc-economy');
  });
  it('removes, renames and extends without touching the built-in', () => {
    const tagger = createTagger({
      taxonomy: {
        remove: ['football'],
        rename: { war: 'Armed conflict' },
        extend: { war: { triggers: ['shelling'] } },
      },
    });
    const t = tagger.tag('The striker scored a goal. The war went on with heavy shelling.', {
      include: ['topics'],
    }).topics;
    expect(t.map((x) => x.id)).not.toContain('football');
    expect(t.find((x) => x.id === 'war')?.label).toBe('Armed conflict');
    expect(t.find((x) => x.id === 'war')?.evidence.map((e) => e.text)).toContain('shelling');
    const builtin = topics('The striker scored a goal. The war went on.');
    expect(builtin.map((x) => x.id)).toContain('football');
    expect(builtin.find((x) => x.id === 'war')?.label).toBe('War');
  });
  it('removing a top-level subject removes its fine tags', () => {
    const tagger = createTagger({ taxonomy: { remove: ['iptc-sport'] } });
    expect(tagger.tag('The striker scored a goal in the match.', { include: ['topics'] }).topics).toEqual([]);
  });
  it('replaces the taxonomy, with its own hierarchy and threshold', () => {
    const tagger = createTagger({
      taxonomy: {
        replace: [
          { id: 'local', label: 'Local news', triggers: ['council'] },
          { id: 'bins', label: 'Bin collections', parent: 'local', triggers: ['bin collection', 'recycling'] },
        ],
        threshold: 0,
      },
    });
    const t = tagger.tag('The council changed the bin collection day.', { include: ['topics'] }).topics;
    expect(t.map((x) => x.id).sort()).toEqual(['bins', 'local']);
    expect(t.find((x) => x.id === 'local')?.iptc).toBeNull();
  });
  it('caches the compiled taxonomy per config object', () => {
    const taxonomy = { add: [{ id: 'x-tag', label: 'X', triggers: ['xylophone^3'] }] };
    expect(resolveConfig({ taxonomy }).taxonomy).toBe(resolveConfig({ taxonomy }).taxonomy);
    expect(resolveConfig({}).taxonomy).toBe(resolveConfig({ people: [] }).taxonomy);
    const text = 'The band bought a xylophone for the school concert.';
    const a = createTagger({ taxonomy }).tag(text, { include: ['topics'] }).topics;
    const b = createTagger({ taxonomy }).tag(text, { include: ['topics'] }).topics;
    expect(a[0]?.id).toBe('x-tag');
    expect(b).toEqual(a);
  });

  const bad: [string, unknown, RegExp][] = [
    ['unknown key', { drop: ['war'] }, /config\.taxonomy: .*drop/],
    [
      'bad id',
      { add: [{ id: 'Bad Id', label: 'x', triggers: ['x'] }] },
      /config\.taxonomy\.add\.0\.id: must be a lower-case slug/,
    ],
    [
      'no triggers',
      { add: [{ id: 'x', label: 'x', triggers: [] }] },
      /config\.taxonomy\.add\.0\.triggers: needs at least one trigger/,
    ],
    [
      'bad trigger',
      { add: [{ id: 'x', label: 'x', triggers: ['a^b^2'] }] },
      /config\.taxonomy\.add\.0\.triggers\.0: trigger "a\^b\^2"/,
    ],
    [
      'bad iptc',
      { add: [{ id: 'x', label: 'x', iptc: 'iptc:1', triggers: ['x'] }] },
      /config\.taxonomy\.add\.0\.iptc: must be an IPTC/,
    ],
    [
      'existing id',
      { add: [{ id: 'war', label: 'x', triggers: ['x'] }] },
      /config\.taxonomy\.add\.0\.id: "war" already exists/,
    ],
    [
      'unknown parent',
      { add: [{ id: 'x', label: 'x', parent: 'nope', triggers: ['x'] }] },
      /config\.taxonomy\.add\.0\.parent: .*"nope", which is not in the taxonomy/,
    ],
    ['remove unknown', { remove: ['nope'] }, /config\.taxonomy\.remove\.0: no topic "nope"/],
    ['rename unknown', { rename: { nope: 'x' } }, /config\.taxonomy\.rename\.nope: no topic "nope"/],
    ['bad threshold', { threshold: 2 }, /config\.taxonomy\.threshold/],
  ];
  it.each(bad)('rejects %s at creation with the path', (_name, taxonomy, message) => {
    expect(() => createTagger({ taxonomy } as never)).toThrow(InvalidOptionsError);
    expect(() => createTagger({ taxonomy } as never)).toThrow(message);
  });
});
