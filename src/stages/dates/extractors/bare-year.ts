import type { Context } from '../../../pipeline/types.js';
import { fmtYear } from '../calendar.js';
import { DATE_PREPOSITIONS, UNIT_NOUNS } from '../lexicon.js';
import { candidate, lowerAt, NUMBERS, PRE_POST_WORDS, positionsOf, tokenAt, touching, yearOf } from '../scan.js';
import type { DateCandidate } from '../types.js';

const DETERMINERS = new Set(['the', 'a', 'its', 'their', 'his', 'her', 'our', 'this', 'that', 'each', 'every']);
const NOT_BEFORE = new Set([
  '$',
  '€',
  '£',
  '¥',
  '#',
  'no',
  'version',
  'v',
  'model',
  'route',
  'flight',
  'room',
  'page',
  'rule',
]);
const PRE_POST = /^(pre|post|mid|end|early|late)-(1\d{3}|20\d{2})$/;
/** "the mid-1980s": one word token (TimeML: the decade, `198`, with mod MID). */
const MID_DECADE = /^mid-(1\d{2}|20\d)0(?:'?s|\u2019s)$/;
const POSSESSIVE = new Set(["'s", '\u2019s']);
const RANGE = new Set(['-', '–', '—', 'to', 'and', 'through']);

/**
 * "in 2021", "since 1990", "the 2020 election", "2021's", "(2019)": a four-digit year with a date context. Not
 * "2021 points", "1990 metres", "$2000", addresses, version numbers or parts of larger numbers.
 */
export function bareYear(ctx: Context): DateCandidate[] {
  const out: DateCandidate[] = [];
  const toks = ctx.doc.tokens;
  for (const i of positionsOf(ctx, NUMBERS, PRE_POST_WORDS)) {
    const t = toks[i];
    // "post-1959 politics", "pre-1914 borders": one word token.
    const pp = t?.kind === 'word' ? PRE_POST.exec(t.lower) : null;
    if (pp) {
      const y = pp[2] as string;
      if (pp[1] !== 'pre' && pp[1] !== 'post') {
        // "mid-1988", "end-1987", "early-1990" (TimeML: the year, with mod MID/END/START); "the mid-1990's" (the
        // decade); not "the mid-1000 range".
        if (y < '1500') continue;
        const a = tokenAt(ctx, i + 1);
        if (y.endsWith('0') && a && (a.lower === "'s" || a.lower === '’s') && touching(t, a)) {
          out.push(candidate(ctx, i, i + 2, 'decade', 'decade', y.slice(0, 3)));
          continue;
        }
      }
      out.push(candidate(ctx, i, i + 1, 'bare-year', 'year', y));
      continue;
    }
    const md = t?.kind === 'word' ? MID_DECADE.exec(t.lower) : null;
    if (md) {
      out.push(candidate(ctx, i, i + 1, 'decade', 'decade', md[1] as string));
      continue;
    }
    const y = yearOf(t);
    if (!t || y === null) continue;
    const prevTok = tokenAt(ctx, i - 1);
    const nextTok = tokenAt(ctx, i + 1);
    const prev = prevTok?.lower ?? '';
    const next = nextTok?.lower ?? '';
    if (NOT_BEFORE.has(prev)) continue;
    if (prevTok && touching(prevTok, t) && prevTok.kind !== 'punct') continue;
    if (nextTok && touching(t, nextTok) && (nextTok.kind === 'number' || next === '%' || next === '.')) {
      if (next !== '.' || tokenAt(ctx, i + 2)?.kind === 'number') continue;
    }
    if (UNIT_NOUNS.has(next)) continue;
    const possessive = (next === "'" || next === '’') && lowerAt(ctx, i + 2) === 's' && touching(t, nextTok);
    if (nextTok && touching(t, nextTok) && !possessive && nextTok.kind !== 'punct') continue;
    // "bonds due 1993": a maturity year.
    let ok = DATE_PREPOSITIONS.has(prev) || prev === 'due' || possessive;
    if (!ok && DETERMINERS.has(prev) && nextTok?.kind === 'word') ok = true;
    // "in both 1990 and 1991"
    if (!ok && prev === 'both' && next === 'and' && yearOf(tokenAt(ctx, i + 2)) !== null) ok = true;
    // "the company's 1989 operating results": a possessive's year before a noun (a count would be "'s 2,000 workers").
    if (!ok && POSSESSIVE.has(prev) && nextTok?.kind === 'word' && !nextTok.cap && y >= 1900 && y <= 2099) ok = true;
    // "(2019)", "in 1990-91", ", 1990," after a place or name in a list of dates.
    if (!ok && prev === '(' && next === ')') ok = true;
    // The second year of a range whose first was accepted: "1990–1995".
    if (!ok && RANGE.has(prev)) {
      const before = out[out.length - 1];
      if (before && before.t1 === i - 1) ok = true;
    }
    // A year opening a sentence as its subject: "2021 was the hottest year".
    if (!ok && nextTok?.kind === 'word' && (next === 'was' || next === 'is' || next === 'saw' || next === 'will'))
      ok = true;
    if (!ok) continue;
    // "fiscal 1989", "calendar 1986"
    const t0 = prev === 'fiscal' || prev === 'mid' || prev === 'calendar' ? i - 1 : i;
    out.push(candidate(ctx, t0, i + 1, 'bare-year', 'year', fmtYear(y)));
  }
  return out;
}
