/**
 * Country cues that are not place names: currencies ("yen", "stg"), national institutions ("Bundesbank",
 * "Federal Reserve", "Securities and Exchange Commission") and company-form suffixes typical of one country ("Inc",
 * "Plc"). They feed the article's focus countries (not `places`): a story about "Acme Inc" earning "5 mln dlrs" is
 * about the United States even when it names no US place. Our own list, written for this project.
 *
 * A cue's weight is per occurrence (before the early-in-text bonus the focus applies); a currency right after a
 * capitalised word ("Canadian dlrs", "Hong Kong dollars") is another country's and is skipped (the demonym or place
 * before it counts on its own).
 */
import type { Context } from '../../pipeline/types.js';
import type { Token } from '../../text/types.js';

export interface CueHit {
  start: number;
  end: number;
  code: string;
  weight: number;
}

interface Cue {
  words: string[];
  code: string;
  weight: number;
  /** Case rule: 'exact' = as written or all capitals; 'any' = any case. */
  match: 'exact' | 'any';
  /** A currency: skipped after a capitalised qualifier ("Canadian dlrs"). */
  currency?: boolean;
}

// code, weight, match, currency?, phrases
const TABLE: [string, number, Cue['match'], boolean, string[]][] = [
  ['US', 0.6, 'any', true, ['dlrs', 'dlr', 'dollars', 'dollar']],
  ['US', 0.8, 'exact', false, ['Inc', 'Inc.', 'Incorporated']],
  ['US', 0.4, 'exact', false, ['Corp', 'Corp.']],
  [
    'US',
    1,
    'exact',
    false,
    [
      'Federal Reserve',
      'Fed',
      'Securities and Exchange Commission',
      'Wall Street',
      'Nasdaq',
      'NYSE',
      'New York Stock Exchange',
      'American Stock Exchange',
      'Congress',
      'White House',
      'Pentagon',
      'Commerce Department',
      'Agriculture Department',
      'Treasury Department',
      'Justice Department',
      'State Department',
      'Labor Department',
      'Energy Department',
      'USDA',
      'Federal Trade Commission',
      'Interstate Commerce Commission',
      'Federal Communications Commission',
      'Chicago Board of Trade',
      'Internal Revenue Service',
    ],
  ],
  ['GB', 0.8, 'any', true, ['stg', 'sterling', 'pence']],
  ['GB', 0.6, 'exact', false, ['Plc', 'PLC', 'plc']],
  ['GB', 1, 'exact', false, ['Bank of England', 'Whitehall', 'Downing Street', 'House of Commons', 'City of London']],
  ['JP', 0.8, 'any', true, ['yen']],
  ['JP', 1, 'exact', false, ['Bank of Japan', 'MITI']],
  ['DE', 0.8, 'any', true, ['marks', 'deutschemarks', 'deutsche marks', 'D-marks']],
  ['DE', 1, 'exact', false, ['Bundesbank', 'Bundestag']],
  ['DE', 0.4, 'exact', false, ['AG', 'GmbH']],
  ['NL', 0.8, 'any', true, ['guilders', 'guilder']],
  ['IT', 0.8, 'any', true, ['lire', 'lira']],
  ['ES', 0.8, 'any', true, ['pesetas', 'peseta']],
  ['ZA', 0.8, 'exact', true, ['rand']],
  ['IN', 0.8, 'any', true, ['rupees']],
  ['FR', 0.8, 'exact', false, ['Bank of France', 'Bourse']],
  ['CA', 1, 'exact', false, ['Bank of Canada']],
];

const CUES: Cue[] = TABLE.flatMap(([code, weight, match, currency, phrases]) =>
  phrases.map((p) => ({ words: p.split(' '), code, weight, match, currency })),
);
/** Cues by their first word, lower-cased. */
const BY_FIRST = new Map<string, Cue[]>();
for (const c of CUES) {
  const k = (c.words[0] as string).toLowerCase();
  const list = BY_FIRST.get(k);
  if (list) list.push(c);
  else BY_FIRST.set(k, [c]);
}

function wordMatches(t: Token | undefined, w: string, match: Cue['match']): boolean {
  if (!t) return false;
  if (match === 'any') return t.lower === w.toLowerCase();
  return t.text === w || (w.length > 1 && t.text === w.toUpperCase() && t.text !== w.toLowerCase());
}

/** Country cues in in-scope text, skipping offsets covered by place candidates. */
export function scanCues(ctx: Context, covered: (offset: number) => boolean): CueHit[] {
  const out: CueHit[] = [];
  const toks = ctx.doc.tokens;
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i] as Token;
    if (t.kind !== 'word') continue;
    const list = BY_FIRST.get(t.lower);
    if (!list || covered(t.start) || !ctx.inScope(t.start)) continue;
    for (const c of list) {
      let ok = true;
      for (let j = 0; j < c.words.length && ok; j++) ok = wordMatches(toks[i + j], c.words[j] as string, c.match);
      if (!ok) continue;
      if (c.currency) {
        const prev = toks[i - 1];
        // "Canadian dlrs", "Hong Kong dollars": another country's currency (U.S. dollars stay US).
        if (prev && prev.kind === 'word' && prev.cap && prev.sentence === t.sentence && !/^U\.?S\.?$/i.test(prev.text))
          continue;
        // Currencies in lower case only ("marks" yes, "Marks" the name no), except in an all-capital line.
        if (t.cap && !t.upper) continue;
      }
      const last = toks[i + c.words.length - 1] as Token;
      out.push({ start: t.start, end: last.end, code: c.code, weight: c.weight });
      i += c.words.length - 1;
      break;
    }
  }
  return out;
}
