// Fixture sentences: written for this test file by the article-tagger authors.
// TimeML/TIMEX3 conventions for anaphoric and reporting-period dates (docs/decisions-dates.md, "Fourth look").
import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';

function dates(text: string, publishedAt: string) {
  return tagArticle(text, { publishedAt, keepChrome: true, include: ['dates'] }).dates;
}

type Row = [publishedAt: string, text: string, span: string, value: string];

// [publishedAt, text, expected span text, value]
const TABLE: Row[] = [
  // "the previous/prior/preceding year", "the year before", "the following year": one year from the year last named
  // (relative dates included), else from the reference date.
  [
    '1995-11-02',
    'The dam was finished in 1962. The previous year, the river had flooded.',
    'The previous year',
    '1961',
  ],
  ['1995-11-02', 'Exports fell in 1990 from the preceding year, the ministry said.', 'the preceding year', '1989'],
  ['1995-11-02', 'He was elected mayor in 1988 and resigned the following year.', 'the following year', '1989'],
  ['1995-11-02', 'Ticket sales fell to 300 last year, down from 450 the year before.', 'the year before', '1993'],
  ['1995-11-02', 'Rainfall was well below the prior year, farmers said.', 'the prior year', '1994'],
  [
    '1995-11-02',
    'The mill made 40 tonnes in 1993 and 38 in 1994, after 52 the previous year.',
    'the previous year',
    '1993',
  ],
  // the same for months
  ['1995-11-02', 'Stocks stood at 7,500 tonnes in July, down 2% from the prior month.', 'the prior month', '1995-06'],
  ['1995-11-02', 'The index rose in September after a fall the month before.', 'the month before', '1995-08'],
  [
    '1995-11-02',
    'The strike began in March 1990. The following month, the plant closed.',
    'The following month',
    '1990-04',
  ],
  ['1995-11-02', 'The prior day, the envoy had met the king.', 'The prior day', '1995-11-01'],
  // "the week"/"the month" of a report: the week of the day last named, the month last named, else the reference's;
  // "the end of the month", "later in the month": the reference date's month.
  ['1995-11-02', 'Shares slid 2% on Friday. For the week, the index lost 4%.', 'the week', '1995-W43'],
  ['1995-11-02', 'The council met earlier in the week and set the fare.', 'earlier in the week', '1995-W44'],
  ['1995-11-02', 'Exports rose 3% in September. For the month, imports fell.', 'the month', '1995-09'],
  ['1995-11-02', 'Some 400 troops will be on the island by the end of the month.', 'the end of the month', '1995-11'],
  ['1995-11-02', 'The board votes on the deal in June and again later in the month.', 'later in the month', '1995-11'],
  // Reuters' one-token forms and "calendar 1986": the year or month (TimeML: with mod END/START).
  ['1995-11-02', 'Reserves stood at 4.2 billion at end-1994, the bank said.', 'end-1994', '1994'],
  ['1995-11-02', 'Stocks at end-September were 3 mln tonnes.', 'end-September', '1995-09'],
  ['1995-11-02', 'Imports in calendar 1994 rose 5%.', 'calendar 1994', '1994'],
  ['1995-11-02', 'Growth slowed in early-1993, the report said.', 'early-1993', '1993'],
  // "the previous/prior/following week", "the week before": from the week of the day last named (within a month of
  // the reference date), else from the reference date's.
  ['1995-11-02', 'Jobless claims fell in the week ended Oct. 21 from the prior week.', 'the prior week', '1995-W41'],
  ['1995-11-02', 'The bank cut rates on Oct. 3. The following week, it raised them.', 'The following week', '1995-W41'],
  ['1995-11-02', 'Output rose 3% from the previous week, the institute said.', 'the previous week', '1995-W43'],
  ['1995-11-02', 'The tax was set in May 1990. The previous week, talks had failed.', 'The previous week', '1995-W43'],
  // "the current financial year" like "the current fiscal year": the reporting year.
  [
    '1995-11-02',
    'Profit for the current financial year will rise, the bank said.',
    'the current financial year',
    '1995',
  ],
  // "the September quarter": the quarter ending in that month (not the month).
  ['1995-11-02', 'Retail sales rose 2% in the June quarter, the bureau said.', 'June quarter', '1995-Q2'],
  ['1995-11-02', 'Imports for the December 1994 quarter fell.', 'December 1994 quarter', '1994-Q4'],
  // "the weekend" followed by a preposition or "that" (the phrase ends there).
  ['1995-11-02', 'He kept up the attacks over the weekend on the radio.', 'the weekend', '1995-W43-WE'],
  ['1995-11-02', 'Aides said over the weekend that the talks had failed.', 'the weekend', '1995-W43-WE'],
  // "the day before", "the day after" closing a clause: from the day last named.
  ['1995-11-02', 'He was shot on Oct. 3; police had warned him the day before.', 'the day before', '1995-10-02'],
  ['1995-11-02', 'The vote was held Oct. 3 and results came the day after.', 'the day after', '1995-10-04'],
  // "that week", "the same week": the week of the day last named.
  ['1995-11-02', 'He was hired on Oct. 3. That week, he quit.', 'That week', '1995-W40'],
  // "this past week": the week before; in a Saturday or Sunday story, the working week just ending.
  ['1995-11-01', 'Rebels fired on the town this past week.', 'this past week', '1995-W43'],
  ['1995-11-05', 'Rebels fired on the town this past week.', 'this past week', '1995-W44'],
  // "N units earlier" counts back from the date last named (TimeML anchors it on the narrative's time); "ago" and "a
  // year earlier" count from the reference date (unchanged).
  ['1995-11-02', 'Rates fell to 5.6% on Oct. 20 from 5.7% a week earlier.', 'a week earlier', '1995-W41'],
  [
    '1995-11-02',
    'The treaty was signed on Aug. 22; talks had begun five days earlier.',
    'five days earlier',
    '1995-08-17',
  ],
  ['1995-11-02', 'Sales in July were 3% above three months earlier.', 'three months earlier', '1995-04'],
  ['1995-11-02', 'The plant closed in 1990. Two years earlier it had been sold.', 'Two years earlier', '1988'],
  ['1995-11-02', 'The plant closed in 1990. Two years ago it was razed.', 'Two years ago', '1993'],
  // "mid-1988" (one token): the year; "the mid-1980s", "the mid-1990's": the decade (TimeML, with mod MID).
  ['1995-11-02', 'The terminal will be finished by mid-1997, the port said.', 'mid-1997', '1997'],
  ['1995-11-02', 'Output has fallen since the mid-1960s in the valley.', 'mid-1960s', '196'],
  ['1995-11-02', "Prices soared in the mid-1980's after the reform.", "mid-1980's", '198'],
];

// Forms that are not these dates (or not dates at all).
const FALSE_POSITIVES: [publishedAt: string, text: string, notDate: string][] = [
  ['1995-11-02', 'The Previous Year is a film about a fisherman.', 'Previous Year'],
  ['1995-11-02', 'Prices rose in the year before the war.', 'the year before'],
  ['1995-11-02', 'In the month before the vote, polls narrowed.', 'the month before'],
  ['1995-11-02', 'The prior year 1990 was the wettest on record.', 'the prior year'],
  ['1995-11-02', 'He had one previous year of service.', 'previous year'],
  ['1995-11-02', 'Crude imports in the week ended Oct. 27 fell to 3 mln barrels.', 'the week'],
  ['1995-11-02', 'She was named player of the week by the league.', 'the week'],
  ['1995-11-02', 'Sunday is the busiest day of the week at the market.', 'the week'],
  ['1995-11-02', 'Traders expect calm in the week ahead.', 'the week'],
  ['1995-11-02', 'Prayers are held during the month of Ramadan.', 'the month'],
  ['1995-11-02', 'The Month in Review airs on Sundays.', 'Month'],
  ['1995-11-02', 'Bids came in at the mid-1000 range.', 'mid-1000'],
  ['1995-11-02', 'Tension rose in the week before the vote.', 'the week before'],
  ['1995-11-02', 'The end-user pays a 3% fee.', 'end-user'],
  ['1995-11-02', 'Troops massed on the day before the vote.', 'the day before'],
  ['1995-11-02', 'The weekend edition sold out.', 'weekend'],
  ['1995-11-02', 'The Financial Year Act was passed.', 'Financial Year'],
  ['1995-11-02', 'In October quarterly figures are due.', 'October quarter'],
  ['1995-11-02', 'Stores said the weekend sales were strong.', 'weekend'],
  ['1995-11-02', 'The Day After was broadcast in 1983.', 'Day After'],
  // "the last week of February" is not "last week"; "this past year" may be the last twelve months.
  ['1995-11-02', 'Reserves rose in the last week of February.', 'last week'],
  ['1995-11-02', 'He quit in the last year of his term.', 'last year'],
  ['1995-11-02', 'Sales doubled this past year.', 'past year'],
  ['1995-11-02', 'An end-1000 batch was shipped.', 'end-1000'],
  // TimeML: "three days" is a DURATION and "later" a signal.
  ['1995-11-02', 'The mill opened in May; three days later it flooded.', 'three days later'],
  ['1995-11-02', 'Several years later, the mill closed.', 'years later'],
];

describe('dates: TimeML conventions for anaphoric dates', () => {
  it.each(TABLE)('%s: %s', (pub, text, span, value) => {
    const d = dates(text, pub).find((x) => x.text === span);
    expect(d?.value, JSON.stringify(dates(text, pub).map((x) => [x.text, x.value]))).toBe(value);
  });
});

describe('dates: TimeML conventions, false positives', () => {
  it.each(FALSE_POSITIVES)('%s: %s', (pub, text, notDate) => {
    expect(dates(text, pub).some((x) => x.text.includes(notDate))).toBe(false);
  });
});
