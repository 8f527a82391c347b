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
import { WordSet } from '../../text/word-set.js';

/** What a cue is: a currency ("dlrs"), a company-form suffix ("Inc", "SpA") or a national institution ("Bundesbank"). */
export type CueKind = 'currency' | 'company' | 'institution';

export interface CueHit {
  start: number;
  end: number;
  code: string;
  weight: number;
  kind: CueKind;
}

interface Cue {
  words: string[];
  code: string;
  weight: number;
  /** Case rule: 'exact' = as written or all capitals; 'any' = any case. */
  match: 'exact' | 'any';
  kind: CueKind;
}

// code, weight, match, kind, phrases
const TABLE: [string, number, Cue['match'], CueKind, string[]][] = [
  // "cts": the US (and Canadian) wire abbreviation of cents; "Canadian cts" is skipped like "Canadian dlrs".
  ['US', 0.6, 'any', 'currency', ['dlrs', 'dlr', 'dollars', 'dollar', 'cts']],
  [
    'US',
    0.8,
    'exact',
    'company',
    ['Inc', 'Inc.', 'Incorporated', 'Bancorp', 'Bancorporation', 'Savings and Loan', 'Federal Savings'],
  ],
  // "Co" and "Cos" are read as US only when no "Ltd" follows ("Nomura Securities Co Ltd" is not American).
  ['US', 0.4, 'exact', 'company', ['Corp', 'Corp.', 'Co', 'Co.', 'Cos']],
  [
    'US',
    1,
    'exact',
    'institution',
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
      'Federal Energy Regulatory Commission',
      'FERC',
      'Commodity Futures Trading Commission',
      'CFTC',
      'Commodity Credit Corporation',
      'Commodity Credit Corp',
      'CCC',
      'Chicago Mercantile Exchange',
      'Chicago Board Options Exchange',
      'Federal Deposit Insurance Corp',
      'Federal Deposit Insurance Corporation',
      'FDIC',
      'Federal Home Loan Bank Board',
      'Comptroller of the Currency',
      'House of Representatives',
      'Environmental Protection Agency',
      'Food and Drug Administration',
      'Federal Aviation Administration',
    ],
  ],
  ['GB', 0.8, 'any', 'currency', ['stg', 'sterling', 'pence']],
  ['GB', 0.6, 'exact', 'company', ['Plc', 'PLC', 'plc']],
  [
    'GB',
    1,
    'exact',
    'institution',
    ['Bank of England', 'Whitehall', 'Downing Street', 'House of Commons', 'City of London'],
  ],
  ['JP', 0.8, 'any', 'currency', ['yen']],
  ['JP', 1, 'exact', 'institution', ['Bank of Japan', 'MITI']],
  ['JP', 0.6, 'exact', 'company', ['KK']],
  ['DE', 0.8, 'any', 'currency', ['marks', 'deutschemarks', 'deutsche marks', 'D-marks']],
  ['DE', 1, 'exact', 'institution', ['Bundesbank', 'Bundestag']],
  ['DE', 0.4, 'exact', 'company', ['AG', 'GmbH']],
  ['NL', 0.8, 'any', 'currency', ['guilders', 'guilder']],
  ['IT', 0.8, 'any', 'currency', ['lire', 'lira']],
  ['IT', 0.6, 'exact', 'company', ['SpA', 'S.p.A.']],
  ['ES', 0.8, 'any', 'currency', ['pesetas', 'peseta']],
  ['SE', 0.6, 'exact', 'company', ['AB']],
  ['AU', 0.6, 'exact', 'company', ['Pty']],
  ['MY', 0.6, 'exact', 'company', ['Bhd', 'Berhad']],
  ['ZA', 0.8, 'exact', 'currency', ['rand']],
  ['IN', 0.8, 'any', 'currency', ['rupees']],
  ['FR', 0.8, 'exact', 'institution', ['Bank of France', 'Bourse']],
  ['CA', 1, 'exact', 'institution', ['Bank of Canada']],
];

const CUES: Cue[] = TABLE.flatMap(([code, weight, match, kind, phrases]) =>
  phrases.map((p) => ({ words: p.split(' '), code, weight, match, kind })),
);
/** Words after "Co" that make it a company form of another country ("Co Ltd") or part of a name ("Co of Canada"). */
const NOT_US_AFTER_CO = new Set(['ltd', 'limited', 'of', 'pte', 'bhd', 'pty']);
/** Cues by their first word, lower-cased. */
const BY_FIRST = new Map<string, Cue[]>();
for (const c of CUES) {
  const k = (c.words[0] as string).toLowerCase();
  const list = BY_FIRST.get(k);
  if (list) list.push(c);
  else BY_FIRST.set(k, [c]);
}

/** The cues' first words, lower-cased: most words are turned away by their shape before the map is asked. */
const FIRST_WORDS = new WordSet(BY_FIRST.keys());

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
    if (t.kind !== 'word' || !FIRST_WORDS.has(t.lower)) continue;
    const list = BY_FIRST.get(t.lower);
    if (!list || covered(t.start) || !ctx.inScope(t.start)) continue;
    for (const c of list) {
      let ok = true;
      for (let j = 0; j < c.words.length && ok; j++) ok = wordMatches(toks[i + j], c.words[j] as string, c.match);
      if (!ok) continue;
      if (c.kind === 'currency') {
        const prev = toks[i - 1];
        // "Canadian dlrs", "Hong Kong dollars": another country's currency (U.S. dollars stay US).
        if (prev && prev.kind === 'word' && prev.cap && prev.sentence === t.sentence && !/^U\.?S\.?$/i.test(prev.text))
          continue;
        // Currencies in lower case only ("marks" yes, "Marks" the name no), except in an all-capital line.
        if (t.cap && !t.upper) continue;
      }
      const last = toks[i + c.words.length - 1] as Token;
      if (c.kind === 'company' && c.code === 'US' && t.lower.startsWith('co')) {
        const after = toks[i + c.words.length];
        if (after?.kind === 'word' && NOT_US_AFTER_CO.has(after.lower)) continue;
      }
      out.push({ start: t.start, end: last.end, code: c.code, weight: c.weight, kind: c.kind });
      i += c.words.length - 1;
      break;
    }
  }
  return out;
}
