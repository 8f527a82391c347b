import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { englishShare, englishShareBelow } from '../src/language.js';
import { buildDoc } from '../src/text/doc.js';

const tokens = (text: string) => buildDoc(text).tokens;

describe('englishShareBelow', () => {
  const rows: [string, string, number | null][] = [
    ['too few words', 'Der Hund bellt laut.', null],
    [
      'English prose',
      'The minister said that the plan would be ready in a week, and that it was not the first time.'.repeat(2),
      null,
    ],
    [
      'German prose',
      'Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, das die Regeln für Mieter verschärft und Vermieter verpflichtet. Die Opposition kritisierte den Entwurf scharf.',
      0,
    ],
    [
      'a few English words among many others',
      'Kuala Lumpur Selangor Johor Penang Melaka Perak Kedah Perlis Sabah Sarawak Pahang Terengganu Kelantan Negeri Sembilan Putrajaya Labuan the and Ipoh Klang Seremban',
      2 / 23,
    ],
  ];
  it.each(rows)('%s', (_name, text, expected) => {
    expect(englishShareBelow(tokens(text), 0.12)).toBe(expected);
  });

  it('is englishShare when that is below the threshold, else null (whatever the threshold)', () => {
    const words = ['the', 'of', 'and', 'minister', 'Hund', 'said', 'bellt', 'Berlin', '42', ',', 'would', 'which'];
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...words), { maxLength: 80 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ws, below) => {
          const t = tokens(ws.join(' '));
          const share = englishShare(t);
          expect(englishShareBelow(t, below)).toBe(share !== null && share < below ? share : null);
        },
      ),
      { numRuns: 300, seed: 8 },
    );
  });
});
