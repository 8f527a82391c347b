import { describe, expect, it } from 'vitest';
import { buildDoc } from '../src/text/doc.js';
import { normalize } from '../src/text/normalize.js';

/** Zones of each line, as `zone: first words`. Pages below are our own writing, shaped like common news sites. */
function zonesOf(page: string): string[] {
  const text = normalize(page).text;
  const doc = buildDoc(text);
  return doc.paragraphs.map((p) => `${p.zone}: ${text.slice(p.start, Math.min(p.end, p.start + 24))}`);
}

const BODY1 =
  'The city council voted on Tuesday to close the old bridge to heavy traffic after engineers found cracks in two of its piers.';
const BODY2 =
  'Residents said the closure would add twenty minutes to their commute, and shop owners on the east bank worried about deliveries.';

const pages: { name: string; page: string; expected: string[] }[] = [
  {
    name: 'byline with "By", date line, read time, newsletter and copyright',
    page: `Council closes old bridge to lorries\nBy Jane Okafor and Tom Reyes\nPublished: March 4, 2024 10:15 am\n5 min read\n\n${BODY1}\n\n${BODY2}\n\nSign up for our daily newsletter\n© 2024 The Riverside Gazette`,
    expected: [
      'headline: Council closes old bridg',
      'byline: By Jane Okafor and Tom R',
      'dateline: Published: March 4, 2024',
      'boilerplate: 5 min read',
      `body: ${BODY1.slice(0, 24)}`,
      `body: ${BODY2.slice(0, 24)}`,
      'boilerplate: Sign up for our daily ne',
      'boilerplate: © 2024 The Riverside Gaz',
    ],
  },
  {
    name: 'navigation, caption with credit, "Most read" list of teasers',
    page: `Menu\nSearch\nNews › Local › Transport\nCouncil closes old bridge to lorries\nEngineers inspect a pier of the old bridge on Monday. (Photo: Lee Park/City Desk)\n${BODY1}\n${BODY2}\nMost read\nSchool meals to go free next term\nFloods close the ring road again\nShare this article`,
    expected: [
      'boilerplate: Menu',
      'boilerplate: Search',
      'boilerplate: News › Local › Transport',
      'headline: Council closes old bridg',
      'caption: Engineers inspect a pier',
      `body: ${BODY1.slice(0, 24)}`,
      `body: ${BODY2.slice(0, 24)}`,
      'related: Most read',
      'related: School meals to go free ',
      'related: Floods close the ring ro',
      'boilerplate: Share this article',
    ],
  },
  {
    name: 'inline "Read more:" link inside the body does not end the story',
    page: `Council closes old bridge to lorries\n${BODY1}\nRead more: Why the bridge was never repaired\n${BODY2}\nTags: transport, council`,
    expected: [
      'headline: Council closes old bridg',
      `body: ${BODY1.slice(0, 24)}`,
      'related: Read more: Why the bridg',
      `body: ${BODY2.slice(0, 24)}`,
      'boilerplate: Tags: transport, council',
    ],
  },
  {
    name: 'author card and bio after the story',
    page: `Council closes old bridge to lorries\n${BODY1}\n${BODY2}\nAvatar\nJane Okafor\nStaff writer\nJane Okafor is a staff writer covering transport and city hall. She previously worked for a radio station in Leeds.`,
    expected: [
      'headline: Council closes old bridg',
      `body: ${BODY1.slice(0, 24)}`,
      `body: ${BODY2.slice(0, 24)}`,
      'boilerplate: Avatar',
      'byline: Jane Okafor',
      'byline: Staff writer',
      'author-bio: Jane Okafor is a staff w',
    ],
  },
  {
    name: 'wire story: capitals headline and a dateline line',
    page: `BRIDGE CLOSED TO LORRIES AFTER CRACKS FOUND.\nLEEDS 2024-03-04\n${BODY1}\n${BODY2}`,
    expected: [
      'headline: BRIDGE CLOSED TO LORRIES',
      'dateline: LEEDS 2024-03-04',
      `body: ${BODY1.slice(0, 24)}`,
      `body: ${BODY2.slice(0, 24)}`,
    ],
  },
];

describe('zones', () => {
  for (const { name, page, expected } of pages) {
    it(name, () => expect(zonesOf(page)).toEqual(expected));
  }

  it('finds the authors of a byline and of an author card', () => {
    const a = buildDoc(normalize(pages[0]!.page).text).authors.map((x) => x.name);
    expect(a).toEqual(['Jane Okafor', 'Tom Reyes']);
    const b = buildDoc(normalize(pages[3]!.page).text).authors.map((x) => x.name);
    expect(b).toEqual(['Jane Okafor']);
  });

  it('reads the dateline date', () => {
    expect(buildDoc(normalize(pages[0]!.page).text).datelineDate).toBe('2024-03-04');
    expect(buildDoc(normalize(pages[4]!.page).text).datelineDate).toBe('2024-03-04');
  });

  it('splits a wire dateline off the first paragraph and a credit off a caption', () => {
    const text = `Bridge closed\nLEEDS, England (AP) — ${BODY1}\nA pier of the bridge. (Photo credit: Lee Park/AP)`;
    const doc = buildDoc(text);
    const kinds = doc.zones.map((z) => `${z.kind}:${text.slice(z.start, z.end).trim().slice(0, 12)}`);
    expect(kinds).toContain('dateline:LEEDS, Engla');
    expect(kinds).toContain('credit:(Photo credi');
  });

  it('zones cover the text in order without gaps', () => {
    for (const { page } of pages) {
      const doc = buildDoc(page);
      expect(doc.zones[0]?.start).toBe(0);
      expect(doc.zones.at(-1)?.end).toBe(page.length);
      for (let i = 1; i < doc.zones.length; i++) expect(doc.zones[i]?.start).toBe(doc.zones[i - 1]?.end);
    }
  });
});

/** Body text that looks like chrome must stay body. */
const falsePositives = [
  'Share prices fell sharply on Monday after the bank warned that profits would be lower than expected this year.',
  'By Friday, officials had counted more than four hundred damaged homes along the river.',
  'Live music returned to the square for the first time in three years, drawing a crowd of several thousand people.',
  'More than 300 people attended the vigil, which organisers said was the largest the town had seen.',
  'Search teams found the missing climbers late on Sunday evening, the mountain rescue service said.',
];

describe('zones: false positives', () => {
  for (const line of falsePositives) {
    it(line.slice(0, 30), () => {
      const page = `Council closes old bridge to lorries\n${BODY1}\n${line}\n${BODY2}`;
      expect(zonesOf(page)[2]).toBe(`body: ${line.slice(0, 24)}`);
    });
  }
});
