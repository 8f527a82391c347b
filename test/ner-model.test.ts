import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { NER_MODEL } from '../src/data/ner-model.generated.js';
import { resolveOptions } from '../src/options.js';
import { createContext } from '../src/pipeline/context.js';
import type { Context } from '../src/pipeline/types.js';
import { mulberry32 as rng } from '../src/rng.js';
import { N_LABELS } from '../src/stages/entities/ner-features.js';
import { decodeFast, decodeReference, formCacheStats, loadModel, spansOf } from '../src/stages/entities/ner-model.js';
import { buildDoc } from '../src/text/doc.js';
import { normalize } from '../src/text/normalize.js';

type Config = ReturnType<typeof resolveConfig>;

function ctxOf(text: string, config: Config): Context {
  const doc = buildDoc(normalize(text).text);
  return createContext(text, doc, resolveOptions({ keepChrome: true }), config);
}

function pseudoWord(r: () => number, cap: boolean): string {
  const len = 2 + Math.floor(r() * 8);
  let w = '';
  for (let i = 0; i < len; i++) {
    const c = String.fromCharCode(97 + Math.floor(r() * 26));
    w += i === 0 && cap ? c.toUpperCase() : c;
  }
  return w;
}

// Our own writing (no dataset text): news-like sentences with names, places, organizations, caps lines, quotes,
// numbers, particles and words that recur across the documents (so the cache paths are taken on the second pass).
const ARTICLES = [
  [
    'HARBOUR TALKS RESUME IN VALLETTA',
    '',
    'VALLETTA, March 4 (Wire) - Negotiators from the Maritime Workers Union met officials of the Ministry of Transport on Monday.',
    '"We expect a deal by Friday," said Carmel Vella, who leads the union. Vella said the Port Authority had moved.',
    'The talks in Valletta follow a strike that closed the Grand Harbour for 12 days in 2019.',
  ].join('\n'),
  [
    'Dutch engineer Pieter van den Broek joined Orion Robotics in Eindhoven last year.',
    'Van den Broek told the Eindhoven Herald that Orion would hire 300 people. ORION shares rose 4.2 percent.',
    'Mark the date: the company opens its plant in Tilburg on June 1. Mark Hughes of Orion said: "No comment."',
  ].join('\n'),
  [
    'Former minister Amara Okafor-Eze criticised the European Commission in Brussels on Tuesday.',
    'Okafor-Eze, 54, said the U.N. refugee agency and the Red Cross needed more money in Lagos and Abuja.',
    'ABUJA 2024-05-06 - The Nigerian Senate approved the budget. Senate President Godswill Akpabio welcomed it.',
  ].join('\n'),
  [
    'São Paulo mayor Ricardo Nunes met João Pereira da Silva of the Banco do Brasil in Brasília.',
    'In Saint-Étienne, the club AS Saint-Étienne beat Olympique Lyonnais 2-1. Le Monde reported the score.',
    'Officer Flees To Lithuania',
    'A border guard crossed into Lithuania near Druskininkai, the State Border Guard Service said.',
  ].join('\n'),
];

describe('NER fast decoder: same labels as the reference decoder', () => {
  it('on articles tagged twice in one configuration (cold, then cached forms, pairs and history vectors)', () => {
    const config = resolveConfig({});
    for (let pass = 0; pass < 2; pass++)
      for (const text of ARTICLES) {
        const ref = decodeReference(ctxOf(text, config));
        expect(Array.from(decodeFast(ctxOf(text, config)))).toEqual(Array.from(ref));
      }
    expect(formCacheStats(config).forms).toBeGreaterThan(100);
  });

  it('on one article holding all the others (forms seen in other documents, label memory per document)', () => {
    const config = resolveConfig({});
    for (const text of ARTICLES) decodeFast(ctxOf(text, config));
    const all = ARTICLES.join('\n\n');
    const ref = decodeReference(ctxOf(all, config));
    const fast = decodeFast(ctxOf(all, config));
    expect(Array.from(fast)).toEqual(Array.from(ref));
    expect(spansOf(fast).length).toBeGreaterThan(10);
  });

  it('on 2,000 random capitalised and lower-case words (the form, lower-case and pair tables grow)', () => {
    const r = rng(7);
    const words: string[] = [];
    for (let i = 0; i < 2000; i++) words.push(pseudoWord(r, r() < 0.5));
    const text = `${words.join(' ')}.`;
    const config = resolveConfig({});
    const ref = decodeReference(ctxOf(text, config));
    expect(Array.from(decodeFast(ctxOf(text, config)))).toEqual(Array.from(ref));
    // Again with every form cached.
    expect(Array.from(decodeFast(ctxOf(text, config)))).toEqual(Array.from(ref));
    expect(formCacheStats(config).forms).toBeGreaterThan(1024);
  });
});

describe('NER document table', () => {
  it('grows from its starting size (2,048 slots) while key ids stay put, and starts small again for the next document', () => {
    const r = rng(23);
    // About 12,000 distinct texts and lower-case texts: the table doubles three times within the document.
    const words: string[] = [];
    for (let i = 0; i < 9000; i++) words.push(pseudoWord(r, r() < 0.6));
    const config = resolveConfig({});
    for (const text of [`${words.join(' ')}.`, ARTICLES[1] as string, `${words.slice(0, 3000).join(', ')}.`]) {
      const ref = decodeReference(ctxOf(text, config));
      expect(Array.from(decodeFast(ctxOf(text, config)))).toEqual(Array.from(ref));
    }
  });

  it('keeps a text and the same lower-case text of other tokens as one key (seen lower case, label memory)', () => {
    const text =
      'Rain fell. rain fell again. Ortega met Marta in Rain. RAIN STOPS\nOrtega said ortega is a word. Ortega left.';
    const config = resolveConfig({});
    const ref = decodeReference(ctxOf(text, config));
    for (let pass = 0; pass < 2; pass++) expect(Array.from(decodeFast(ctxOf(text, config)))).toEqual(Array.from(ref));
  });
});

describe('NER form table', () => {
  it('keeps two texts with the same 32-bit FNV hash apart (made-up words, found by search)', () => {
    // fnv1a('Predhucz') === fnv1a('Qthyyfnj') === 2616504624.
    const text = 'Predhucz met Qthyyfnj in Predhucz. Qthyyfnj said Predhucz would return.\nQthyyfnj and Predhucz left.';
    const config = resolveConfig({});
    const ref = decodeReference(ctxOf(text, config));
    for (let pass = 0; pass < 2; pass++) expect(Array.from(decodeFast(ctxOf(text, config)))).toEqual(Array.from(ref));
    // Forms are made for the tokens within two of a scored token: here every capitalised word and its neighbours.
    expect(formCacheStats(config).forms).toBe(
      new Set(['Predhucz', 'Qthyyfnj', 'met', 'in', '.', 'said', 'would', 'return', 'and', 'left']).size,
    );
  });
});

describe('NER form cache is bounded', () => {
  it('a document past 40,000 distinct forms leaves a cache that the next document replaces', () => {
    const r = rng(11);
    const seen = new Set<string>();
    while (seen.size < 41_000) seen.add(pseudoWord(r, false));
    const config = resolveConfig({});
    // A number between words: a form is made only for a token within two of a scored token (lower-case words are
    // skipped), and numbers use no gazetteer look-ups (past that budget the cache is dropped at once).
    decodeFast(ctxOf(`${[...seen].join(' 7 ')}.`, config));
    expect(formCacheStats(config).forms).toBeGreaterThan(40_000);
    decodeFast(ctxOf(ARTICLES[0] as string, config));
    expect(formCacheStats(config).forms).toBeLessThan(500);
  });
});

describe('NER model format', () => {
  it('the rank index holds one bit per stored row, and every row decodes to N_LABELS codes', () => {
    const m = loadModel();
    let bits = 0;
    let prefixes = 0;
    for (let k = 0; k < m.rank.length; k += 2) {
      if (m.rank[k + 1] === bits) prefixes++;
      let w = m.rank[k] as number;
      while (w !== 0) {
        w &= w - 1;
        bits++;
      }
    }
    expect(prefixes).toBe(m.rank.length / 2);
    expect(bits).toBe(NER_MODEL.rows);
    expect(m.codes.length).toBeGreaterThanOrEqual(NER_MODEL.rows * N_LABELS);
    expect(NER_MODEL.codes.length).toBe(Math.ceil((NER_MODEL.rows * N_LABELS) / 3) * 4);
  });
});
