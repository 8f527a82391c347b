// Fixture sentences: written for this test file by the article-tagger authors.
import { describe, expect, it } from 'vitest';
import { type DateMention, Timex3ValueSchema, tagArticle } from '../src/index.js';

const PUB = '2023-08-11'; // a Friday

function dates(text: string, publishedAt: string | null = PUB, dateOrder?: 'MDY' | 'DMY' | 'auto') {
  return tagArticle(text, {
    ...(publishedAt ? { publishedAt } : {}),
    keepChrome: true,
    include: ['dates'],
    ...(dateOrder ? { dateOrder } : {}),
  });
}

type Row = [text: string, span: string, value: string, grain: DateMention['grain'], extra?: Partial<DateMention>];

// [text, expected span text, value, grain, other fields]; publishedAt 2023-08-11 unless a row says otherwise.
const TABLE: Row[] = [
  ['The BBC reported on Aug. 11 that he had crossed.', 'Aug. 11', '2023-08-11', 'day', { inferred: true }],
  ['He was detained on Aug. 10 near the border.', 'Aug. 10', '2023-08-10', 'day', { inferred: true }],
  ['"On August 3, I decided to leave," he said.', 'August 3', '2023-08-03', 'day', { inferred: true }],
  [
    'Guards patrol the border on July 10, 2023 in the village.',
    'July 10, 2023',
    '2023-07-10',
    'day',
    { inferred: false },
  ],
  ['The treaty was signed on 10 July 2023 in Vilnius.', '10 July 2023', '2023-07-10', 'day'],
  // A weekday before a calendar day names that day: one mention, the calendar day's value (refiners/weekday-date.ts).
  ['The vote is set for Saturday, Aug. 26, officials said.', 'Saturday, Aug. 26', '2023-08-26', 'day'],
  ['The talks opened Monday July 3 in Geneva.', 'Monday July 3', '2023-07-03', 'day'],
  ['The file is dated 2023-07-10 in the archive.', '2023-07-10', '2023-07-10', 'day'],
  ['The festival runs July 3–5 in the old town.', 'July 3–5', '2023-07-03', 'day', { endValue: '2023-07-05' }],
  ['Talks were held 3–5 July in Geneva.', '3–5 July', '2023-07-03', 'day', { endValue: '2023-07-05' }],
  ['The vote took place on the 4th of March 2021.', '4th of March 2021', '2021-03-04', 'day'],
  ['Prices rose in August 2022 and again later.', 'August 2022', '2022-08', 'month'],
  ['"Today we remember," he said.', 'Today', '2023-08-11', 'day'],
  ['The fight will go on between now and March.', 'March', '2024-03', 'month', { inferred: true }],
  ['He said, "Today."', 'Today', '2023-08-11', 'day'],
  // A year after a possessive ("the company's 2022 results"), "into", "both … and".
  ["The write-off will be booked in the company's 2022 results.", '2022', '2022', 'year'],
  ['Growth should continue into 2024, the bank said.', '2024', '2024', 'year'],
  ['The deficit was large in both 2021 and 2022.', '2021', '2021', 'year'],
  // A part of a year before "of" and a year, however the year is written (refiners/part-of-year.ts).
  ['Profit rose in the first half of 2022.', 'first half of 2022', '2022-H1', 'half'],
  ['Sales should recover in the second half of the year.', 'second half of the year', '2023-H2', 'half'],
  ['Output will fall through the first two quarters of 2024.', 'first two quarters of 2024', '2024-H1', 'half'],
  ['Prices peaked in the winter of nineteen ninety-four.', 'winter of nineteen ninety-four', '1994-WI', 'season'],
  ["Sales rose in the last half of the '80s.", "'80s", '198', 'decade'],
  // A holiday's week: the ISO week holding the day (Easter 2023: April 9).
  ['Pilgrims filled the square as Easter week began.', 'Easter week', '2023-W14', 'week'],
  ['The plant closed in August, workers said.', 'August', '2023-08', 'month', { inferred: true }],
  ['The minister resigned in March after the scandal.', 'March', '2023-03', 'month', { inferred: true }],
  ['Elections are held in May, officials said.', 'May', '2023-05', 'month', { inferred: true }],
  ['The bridge will reopen in October.', 'October', '2023-10', 'month', { inferred: true }],
  ['Fighting resumed in mid-July near the river.', 'mid-July', '2023-07', 'month', { inferred: true }],
  ['Growth slowed in early 2022 across the region.', 'early 2022', '2022', 'year'],
  ['The company was founded in 2021 in Tallinn.', '2021', '2021', 'year'],
  ['Production has doubled since 1990 at the mill.', '1990', '1990', 'year'],
  ['Unemployment peaked in the 1990s in the north.', '1990s', '199', 'decade'],
  ['The church was built in the 19th century by monks.', '19th century', '18', 'century'],
  ['The castle dates from the nineteenth century.', 'nineteenth century', '18', 'century'],
  ['Revenue grew in Q3 2024 thanks to exports.', 'Q3 2024', '2024-Q3', 'quarter'],
  ['Sales fell in the third quarter of 2022, the firm said.', 'third quarter of 2022', '2022-Q3', 'quarter'],
  ['Deliveries resume in week 32 at the port.', 'week 32', '2023-W32', 'week', { inferred: true }],
  ['The dam burst in summer 2023 after the rains.', 'summer 2023', '2023-SU', 'season'],
  ['The festival returns this summer to the park.', 'this summer', '2023-SU', 'season', { relative: true }],
  ['The museum reopened last fall after repairs.', 'last fall', '2022-FA', 'season', { relative: true }],
  ['The mayor spoke yesterday at the council.', 'yesterday', '2023-08-10', 'day', { relative: true }],
  ['The mayor speaks today at the council.', 'today', '2023-08-11', 'day', { relative: true }],
  ['The mayor will speak tomorrow at the council.', 'tomorrow', '2023-08-12', 'day', { relative: true }],
  ['The minister said on Monday that talks had failed.', 'Monday', '2023-08-07', 'day', { relative: true }],
  ['The minister will travel to Kyiv on Monday.', 'Monday', '2023-08-14', 'day', { relative: true }],
  ['Police arrested him last Friday in the capital.', 'last Friday', '2023-08-04', 'day', { relative: true }],
  ['The court meets next Tuesday to rule.', 'next Tuesday', '2023-08-15', 'day', { relative: true }],
  ['The ministry announced the plan last week.', 'last week', '2023-W31', 'week', { relative: true }],
  ['The council will vote tonight on the levy.', 'tonight', '2023-08-11TNI', 'day', { relative: true }],
  ['Tonight the bells ring for the fallen.', 'Tonight', '2023-08-11TNI', 'day', { relative: true }],
  ['Rebels shelled the port last night, officials said.', 'last night', '2023-08-10TNI', 'day', { relative: true }],
  ['The mayor opened the bridge this morning.', 'this morning', '2023-08-11TMO', 'day', { relative: true }],
  ['The court sits again this afternoon.', 'this afternoon', '2023-08-11TAF', 'day', { relative: true }],
  ['Crowds gathered this evening in the square.', 'this evening', '2023-08-11TEV', 'day', { relative: true }],
  // A named day keeps the plain day as its value (how the TempEval annotators value it); the span takes the part in.
  ['The minister spoke Wednesday night in Riga.', 'Wednesday night', '2023-08-09', 'day', { relative: true }],
  ['The ferry left yesterday morning from the pier.', 'yesterday morning', '2023-08-10', 'day', { relative: true }],
  ['The ministry publishes the plan next month.', 'next month', '2023-09', 'month', { relative: true }],
  ['The village was flooded two years ago.', 'two years ago', '2021', 'year', { relative: true }],
  ['Prices have risen sharply earlier this year.', 'earlier this year', '2023', 'year', { relative: true }],
  ['Inflation fell last year in most regions.', 'last year', '2022', 'year', { relative: true }],
  ['The company moved its offices three days ago.', 'three days ago', '2023-08-08', 'day', { relative: true }],
  ['The report is due on Sept. 30, officials said.', 'Sept. 30', '2023-09-30', 'day', { inferred: true }],
  ['The unrest began on Dec. 20 and lasted weeks.', 'Dec. 20', '2022-12-20', 'day', { inferred: true }],
  ['The form was signed 08/14/2023 by the mayor.', '08/14/2023', '2023-08-14', 'day'],
  ['The form was signed 14/08/2023 by the mayor.', '14/08/2023', '2023-08-14', 'day'],
  ['Shares fell in the late 1980s in Tokyo.', 'late 1980s', '198', 'decade'],
  ['The pact was signed at the end of 1990 in Paris.', 'the end of 1990', '1990', 'year'],
  ['The decision came in late November, aides said.', 'late November', '2022-11', 'month', { inferred: true }],
  ['Profit in the fourth quarter will rise, the bank said.', 'fourth quarter', '2023-Q4', 'quarter'],
  [
    'Exports grew in February this year, the agency said.',
    'February this year',
    '2023-02',
    'month',
    { relative: true },
  ],
  ['The new terminal opens in April next year.', 'April next year', '2024-04', 'month', { relative: true }],
  ['The camp has stayed open since September.', 'September', '2022-09', 'month', { inferred: true }],
  ['Repairs are set to resume Monday at the plant.', 'Monday', '2023-08-14', 'day', { relative: true }],
  ['The letter was signed Thursday by the director.', 'Thursday', '2023-08-10', 'day', { relative: true }],
  ['A parcel exploded next to the station on Tuesday.', 'Tuesday', '2023-08-08', 'day', { relative: true }],
];

// Dates resolved against the dates before them, and forms from transcripts and results stories: [publishedAt, text,
// span, value]. 1995-11-02 is a Thursday.
const ANCHORED: [pub: string, text: string, span: string, value: string][] = [
  // "the previous Friday", "the following Monday": from the day the story is at; with none, from the reference date.
  [
    '1989-10-30',
    'The index closed at 2082 on Friday, down 4.5% from the previous Friday.',
    'previous Friday',
    '1989-10-20',
  ],
  ['1989-10-30', 'Shares were down 2% from the previous Friday.', 'previous Friday', '1989-10-27'],
  ['1995-11-01', 'The talks broke down on Oct. 12 and resumed the following Monday.', 'following Monday', '1995-10-16'],
  [
    '1995-11-02',
    'Acme earned $5 million in the fiscal first quarter, compared with $4 million a year earlier.',
    'a year earlier',
    '1994-Q1',
  ],
  [
    '1995-11-02',
    'Acme posted a loss for the third quarter. Sales in the latest period rose 5%.',
    'the latest period',
    '1995-Q3',
  ],
  [
    '1995-11-02',
    'Acme earned $2 a share in the third quarter. In the 1994 period, it earned $1.',
    'the 1994 period',
    '1994-Q3',
  ],
  [
    '1995-08-02',
    "Revenue rose in the second quarter from last year's quarter, the company said.",
    "last year's quarter",
    '1994-Q2',
  ],
  [
    '1995-11-02',
    'Net income rose in the third quarter, against a loss in the year-ago third quarter.',
    'year-ago third quarter',
    '1994-Q3',
  ],
  [
    '1995-11-02',
    'Acme lost money in the third quarter and expects the fourth quarter to be weak. In the latest quarter, costs rose.',
    'the latest quarter',
    '1995-Q3',
  ],
  [
    '1995-11-02',
    'Acme reported a third-quarter loss. A year earlier, net income was $2 million, or 5 cents a share.',
    'A year earlier',
    '1994-Q3',
  ],
  [
    '1995-11-02',
    'Acme posted third-quarter profit of $9 million, compared with $4 million last year.',
    'last year',
    '1994-Q3',
  ],
  [
    '1995-11-02',
    'Acme posted higher third-quarter profit. In the nine months, net was $9 million, up from $7 million a year earlier.',
    'a year earlier',
    '1994',
  ],
  [
    '1995-11-02',
    'Acme earned $3 million in the third quarter. In the first nine months, it lost $2 million, against a profit in the 1994 period.',
    'the 1994 period',
    '1994',
  ],
  [
    '1995-11-09',
    "Bolt Corp. reported a decline in fourth-quarter earnings. Sales in the latest period fell to $2 billion from last year's $2.2 billion.",
    'last year',
    '1994-Q4',
  ],
  ['1995-11-02', 'In the quarter ended July 31, the chain opened six stores.', 'the quarter', '1995-Q2'],
  [
    '1995-11-02',
    'Zeta earned $1 million in the fiscal first quarter. Sales for the quarter ended Sept. 29 rose 4%.',
    'the quarter',
    '1995-Q1',
  ],
  ['1995-11-02', 'Talks broke down the day before last Tuesday, aides said.', 'day before last Tuesday', '1995-10-30'],
  [
    '1995-11-02',
    'The vote was held on Oct. 3, 1994. The next morning, the count began.',
    'The next morning',
    '1994-10-04',
  ],
  [
    '1995-11-02',
    'The envoy is scheduled to spend two hours in the capital and three more in the port, her first stop Saturday morning.',
    'Saturday morning',
    '1995-11-04',
  ],
  [
    '1995-11-02',
    'On Friday, when the minister set aside his vacation plans, the ban was lifted.',
    'Friday',
    '1995-10-27',
  ],
  ['1995-11-02', 'Envoys can now take part in planning for the summit in April.', 'April', '1996-04'],
  [
    '1995-11-02',
    'In August, she flew to New York to share her decision, which will reshape the firm.',
    'August',
    '1995-08',
  ],
  ['1995-11-02', 'The audits are due to be carried out in June.', 'June', '1996-06'],
  ['1995-11-01', 'Aides announced that the envoy would be traveling to Oslo Thursday.', 'Thursday', '1995-11-02'],
  ['1995-11-01', 'Aides said the envoy would have flown to Oslo Thursday.', 'Thursday', '1995-10-26'],
  ['1995-11-02', 'The dam was finished in 1962. That year, the river flooded twice.', 'That year', '1962'],
  [
    '1995-11-02',
    'The strike began in March 1990. The following month, the plant closed.',
    'The following month',
    '1990-04',
  ],
  ['1995-11-02', 'The firm was founded on May 4, 1988, and listed that same day.', 'that same day', '1988-05-04'],
  ['1995-11-02', 'Sales for the full year rose 4%, the chain said.', 'the full year', '1995'],
  ['1995-11-02', 'The bank expects to hire 200 people by year end.', 'year end', '1995'],
  ['1995-11-02', 'Heavy rains delayed planting earlier in the year.', 'earlier in the year', '1995'],
  ['1995-11-02', 'The banker was convicted in nineteen ninety-one.', 'nineteen ninety-one', '1991'],
  ['1995-11-02', 'The tapes date from January nineteen ninety-three.', 'January nineteen ninety-three', '1993-01'],
  ['1995-11-02', 'Membership of the clubs grew through the nineties.', 'the nineties', '199'],
  ['1995-11-02', 'Many fear the approach of the year two thousand.', 'the year two thousand', '2000'],
  ['1995-11-02', 'Officials met over the weekend to discuss the levy.', 'the weekend', '1995-W43-WE'],
  ['1995-11-02', 'The talks will resume next weekend in Oslo.', 'next weekend', '1995-W44-WE'],
  ['1995-11-02', 'The ferry sank last Thanksgiving off the cape.', 'last Thanksgiving', '1994-11-24'],
  ['1995-11-02', 'The stores will stay open until Christmas Eve.', 'Christmas Eve', '1995-12-24'],
  ['1995-11-02', 'The pier was rebuilt after Easter 1990 storms.', 'Easter 1990', '1990-04-15'],
  ['1995-11-02', 'A hearing is planned for the week of March 6, 1996.', 'the week of March 6, 1996', '1996-W10'],
  ['1995-11-02', 'The post-1959 exodus split many families.', 'post-1959', '1959'],
  ['1995-11-02', 'It sold notes due 2003 and shares.', '2003', '2003'],
  ['1995-11-02', 'Acme earned $3 million in the fiscal-first quarter.', 'fiscal-first quarter', '1995-Q1'],
  ['1995-11-02', 'Shortages will last well into the summer.', 'summer', '1996-SU'],
  // The tense of the verb the date belongs to: the cue nearest before it (1995-11-01 is a Wednesday).
  ['1995-11-01', 'The company said Friday it will close the plant.', 'Friday', '1995-10-27'],
  ['1995-11-01', 'The minister told reporters Tuesday the army will withdraw.', 'Tuesday', '1995-10-31'],
  ['1995-11-01', 'Officials said in a statement on Sunday that they will not comment.', 'Sunday', '1995-10-29'],
  ['1995-11-01', 'The ferry line, which will add routes, was sold Monday.', 'Monday', '1995-10-30'],
  ['1995-11-01', 'Dividends will be paid after July 1, the board said.', 'July 1', '1996-07-01'],
  ['1995-11-01', 'The session is planned to start on June 25 in Vienna.', 'June 25', '1996-06-25'],
  // …and where the rule must not make it past: an auxiliary before the past form, a future clause after the date, a
  // capitalised "-ed" name, an adjective, a verb past "that".
  ['1995-11-01', 'The hearing will be held Friday in the capital.', 'Friday', '1995-11-03'],
  ['1995-11-01', 'The mayor said he will open the bridge on Friday.', 'Friday', '1995-11-03'],
  ['1995-11-01', 'The candidate will hit the road on Friday.', 'Friday', '1995-11-03'],
  ['1995-11-01', 'The envoy said Friday will be the deadline.', 'Friday', '1995-11-03'],
  ['1995-11-01', 'The ambassador will fly to the United States Thursday.', 'Thursday', '1995-11-02'],
  ['1995-11-01', 'The board will consider an increased dividend at its June meeting.', 'June', '1996-06'],
  [
    '1995-11-01',
    'Shares rose after its announcement Tuesday that it planned to sell the unit.',
    'Tuesday',
    '1995-10-31',
  ],
  // "by" before a possessive date is an agent, not a deadline; before a plain one it still is.
  ['1995-11-01', "The vote was overshadowed by Monday's storm.", 'Monday', '1995-10-30'],
  ['1995-11-01', 'Bids are due by Monday, the agency said.', 'Monday', '1995-11-06'],
  // "is/are to" + verb: an arrangement, the future ("The reason is to cut costs" is no date cue).
  ['1995-11-01', 'The envoy is to arrive in Tokyo on Sunday for talks.', 'Sunday', '1995-11-05'],
  ['1995-11-01', 'The two men are to be sentenced Monday.', 'Monday', '1995-11-06'],
  ['1995-11-01', 'The aim is to cut costs, the firm said Monday.', 'Monday', '1995-10-30'],
  // Two weekdays joined by and/or: the second is the one nearest the first; by through/to: the next one.
  ['1995-11-01', 'The minister is to visit the port on Friday and Saturday.', 'Saturday', '1995-11-04'],
  ['1995-11-01', 'Riots broke out on Friday and Thursday, police said.', 'Thursday', '1995-10-26'],
  ['1995-11-01', 'The ferries will run Monday through Friday.', 'Friday', '1995-11-10'],
  // A quarter two or more behind the current one, in a future clause: next year's (not a fiscal one, not the last).
  ['1995-11-02', 'Acme expects to return to profit in the first quarter.', 'first quarter', '1996-Q1'],
  ['1995-11-02', 'Acme will report fiscal first-quarter results soon.', 'fiscal first-quarter', '1995-Q1'],
  ['1995-11-02', 'Acme expects to report third-quarter losses.', 'third-quarter', '1995-Q3'],
  ['1995-11-02', 'Acme lost money in the first quarter.', 'first quarter', '1995-Q1'],
  // "expects/intends/hopes/aims to": the future; "expects a loss" (no "to") is no cue.
  ['1995-11-01', 'The investor intends to file the papers Monday.', 'Monday', '1995-11-06'],
  ['1995-11-01', 'Analysts expect a loss, the firm said Monday.', 'Monday', '1995-10-30'],
  // "plan to", "as soon as", a modal: the future; "than expected", another date's "next year", "his plan to" are no
  // cue; a fronted "until" takes the main clause's tense; "by" after a past verb is a time behind.
  ['1995-11-01', 'Officials said they did not plan to move the prisoners on Friday.', 'Friday', '1995-11-03'],
  ['1995-11-01', 'The board could decide as soon as Tuesday, sources said.', 'Tuesday', '1995-11-07'],
  ['1995-11-01', 'The standings may change after the other teams play on Saturday.', 'Saturday', '1995-11-04'],
  ['1995-11-01', 'Rebels may have fired the shells on Monday.', 'Monday', '1995-10-30'],
  [
    '1995-11-01',
    'Its announcement Friday of a loss showed the firm is moving faster than expected.',
    'Friday',
    '1995-10-27',
  ],
  ['1995-11-01', 'The announcement Friday of a loss set the stage for a turnaround next year.', 'Friday', '1995-10-27'],
  ['1995-11-01', 'Negotiators look ahead to the next round of talks in Geneva on Tuesday.', 'Tuesday', '1995-11-07'],
  ['1995-11-01', 'In a Tuesday speech, she attacked his plan to raise taxes.', 'Tuesday', '1995-10-31'],
  ['1995-11-01', 'Until Thursday, the police had not named a suspect.', 'Thursday', '1995-10-26'],
  ['1995-11-01', 'Until Friday, the offer stands.', 'Friday', '1995-11-03'],
  ['1995-11-01', 'Thirty nations had filed their reports by Monday.', 'Monday', '1995-10-30'],
  ['1995-11-01', 'Residents were ordered to leave their homes by Friday.', 'Friday', '1995-11-03'],
  ['1995-11-01', 'Delegates remained confident of reaching agreement by Friday.', 'Friday', '1995-11-03'],
  ['1995-11-01', 'Petrobras said the deal was off if they did not agree by Monday.', 'Monday', '1995-11-06'],
  // A timetable verb in the present is a future; not after a determiner ("the opens", a noun).
  ['1995-11-01', 'Delegates arrived for the convention, which begins Monday.', 'Monday', '1995-11-06'],
  ['1995-03-10', 'Its fiscal year ends September 30, the company said.', 'September 30', '1995-09-30'],
  ['1995-11-01', 'Debt talks reopen in New York on Tuesday, officials said.', 'Tuesday', '1995-11-07'],
  ['1987-03-31', 'Housing starts in December were revised.', 'December', '1986-12'],
  // An event named by its month lies ahead unless its clause is past; "the Sept. 11 attacks" are 2001's.
  ['2016-05-12', 'Candidates prepare for the November election.', 'November', '2016-11'],
  ['2017-05-10', 'He lost the November election.', 'November', '2016-11'],
  ['2016-02-17', 'He defended his record after the Sept. 11 attacks.', 'Sept. 11', '2001-09-11'],
  ['2015-12-04', 'Petraeus testified days after the September 11 attack in Benghazi.', 'September 11', '2015-09-11'],
  // A traded contract's month: the first one not before the reference month; a span runs up to its last month.
  ['1987-03-11', 'Selling drove the June contract through support.', 'June', '1987-06'],
  ['1987-03-11', 'Mills bought corn for July to September shipment.', 'July', '1987-07'],
  ['1987-03-02', 'It was up from the premium for the November to April shipment.', 'November', '1986-11'],
  ['1987-03-11', 'February shipments rose 9 pct.', 'February', '1987-02'],
  // A weekday with "this/next/last week": that day of the ISO week named, one mention.
  ['1995-11-01', 'The vote is on Monday next week.', 'Monday next week', '1995-11-06'],
  ['1995-11-01', 'The strike started on Wednesday last week.', 'Wednesday last week', '1995-10-25'],
  [
    '1995-11-01',
    'The subsidy ends unless the dispute is settled by Monday this week.',
    'Monday this week',
    '1995-10-30',
  ],
  // "effective" before a date or "from/immediately" is a start ahead; as an adjective it is no cue.
  ['1995-11-01', 'The rate cut is effective from Monday.', 'Monday', '1995-11-06'],
  [
    '1995-11-01',
    'After touring the port Monday, he praised the close and effective work of the police.',
    'Monday',
    '1995-10-30',
  ],
  // A fronted date: the clause after its comma gives the tense ("On Tuesday, the ministry allowed …").
  [
    '1995-11-02',
    'On Tuesday, the ministry allowed banks to cut rates, which will help exporters.',
    'Tuesday',
    '1995-10-31',
  ],
  ['1995-11-02', "In February, the chain's new owners closed six stores.", 'February', '1995-02'],
  ['1995-11-02', 'On Friday, the minister will open the bridge.', 'Friday', '1995-11-03'],
  // …and one after "but"/"and" and a comma opens its own clause: the cues before the conjunction are the other's.
  [
    '1995-11-02',
    'She had been scheduled to attend the event, but on Tuesday, the party announced she was not coming.',
    'Tuesday',
    '1995-10-31',
  ],
  ['1995-11-02', 'It was cold. Prior to May, the plant had stood idle.', 'May', '1995-05'],
  ['1995-11-01', 'Police said the march was on Monday, and Friday was quiet.', 'Friday', '1995-10-27'],
  // Winter is the year of its December: between March and November the last winter began the December before.
  ['1995-11-02', 'The harbour froze last winter for the first time.', 'last winter', '1994-WI'],
  ['1995-03-10', 'Barges were idle through the winter, pilots said.', 'winter', '1994-WI'],
  ['1995-01-10', 'The harbour froze last winter for the first time.', 'last winter', '1993-WI'],
  ['1995-11-02', 'The harbour may freeze this winter.', 'this winter', '1995-WI'],
  // A season with no tense cue: the nearer of the last and the next, one ahead counting twice as far.
  ['1996-06-28', 'Fans waved flags in hopes of seeing the pair on the ticket in the fall.', 'fall', '1996-FA'],
  ['1996-02-10', 'The race could stretch well into the spring.', 'spring', '1996-SP'],
  ['1996-10-28', 'The dam held firm in the summer, engineers found.', 'summer', '1996-SU'],
  ['1996-03-10', 'Ferries ran late in the fall.', 'fall', '1995-FA'],
  // …but a verb after the season leaves it a date.
  ['1995-11-02', 'The mint will from next autumn strike and issue the new coins.', 'next autumn', '1996-FA'],
  // A fronted date with a past main verb is never after the reference date, however near the next one is.
  ['1995-10-27', 'In January, the bank hired a new chief executive.', 'January', '1995-01'],
  ['1995-10-27', 'On Jan. 5, the bank hired a new chief executive.', 'Jan. 5', '1995-01-05'],
  ['1995-10-27', 'In early February, the mill closed two furnaces.', 'early February', '1995-02'],
  // …but not a month inside a noun phrase, nor a fronted month with a future verb.
  ['1995-10-27', 'Wheat for January shipment, traders said, was offered.', 'January', '1996-01'],
  ['1995-10-27', 'In January, the bank will hire a new chief executive.', 'January', '1996-01'],
];

describe('dates: anchored, transcript and results-story forms', () => {
  it.each(ANCHORED)('%s %s', (pub, text, span, value) => {
    const out = dates(text, pub);
    const d = out.dates.find((x) => x.text === span);
    expect(d, `found ${JSON.stringify(out.dates.map((x) => [x.text, x.value]))}`).toBeDefined();
    expect(d?.value).toBe(value);
    expect(Timex3ValueSchema.safeParse(d?.value).success).toBe(true);
  });
});

describe('dates: expressions and values', () => {
  it.each(TABLE)('%s', (text, span, value, grain, extra) => {
    const out = dates(text);
    const d = out.dates.find((x) => x.text === span);
    expect(d, `found ${JSON.stringify(out.dates.map((x) => x.text))}`).toBeDefined();
    expect(d?.value).toBe(value);
    expect(d?.grain).toBe(grain);
    for (const [k, v] of Object.entries(extra ?? {})) expect(d?.[k as keyof DateMention]).toEqual(v);
    expect(text.slice(d?.start, d?.end)).toBe(span);
  });
});

// Text that holds no date (or none at the quoted word).
const FALSE_POSITIVES: [text: string, notDate?: string][] = [
  ['2 min read'],
  ['The team scored 2021 points over the season.'],
  ['She ran 1990 metres before collapsing.'],
  ['The meeting starts at 3 p.m. sharp.'],
  ['The drought lasted for two weeks in the valley.'],
  ['Officials may decide to close the road.'],
  ['Protesters march through the centre every evening.'],
  ['May I ask a question, the reporter said.'],
  ['He lives at 1600 Pennsylvania Avenue in a flat.'],
  ['Upgrade to version 2023 of the software.', '2023'],
  ['The car costs $2000 at the dealer.'],
  ['Prices fall when demand drops.'],
  // A crop named by its season is no date.
  ['Rain fell in the winter wheat belt overnight.'],
  ['Farmers planted this spring wheat crop early.'],
  ['He noted that spring crops yield less than winter crops.'],
  ['The spring in the valley feeds the river.'],
  ['April Ryan asked the first question.'],
  ['The ratio was 3/4 of the total.'],
  ['The score was 10-7 at halftime.'],
  ['The weekend edition sold out by noon.'],
  ['She was named Person of the Year by the magazine.'],
  ['In the year before the war, bread was scarce.', 'the year'],
  ['The nineteen members voted against the plan.'],
  ['The clinic sits next to the market square.'],
  ['That same spirit carried the team.'],
  ['This is the Morning Today programme.', 'Today'],
  ['She appeared on the Today show.'],
  // An ambiguous month after "and" before a name or "on": a name or a march.
  ['Ministers of Hungary and Jan Kavan of the Czech Republic signed.'],
  ['He leads the Coalition to Stop Trump and March on the RNC.'],
  ["He told NBC's Today that he would run."],
  ['The poll, published in "Today," showed a lead.'],
  ["He landed a job on ''Today.'' The network said so."],
  ['He appeared on "This Week" with the senator.'],
  ['Good morning, the Christmas tree farm said.', 'Good'],
  ['On the last night of the festival, the band played.'],
  ['She was a guest on the Tonight Show with the host.'],
  ['Fans meet every Friday night at the club.'],
  ['The market opens each Sunday in the square.'],
  ['She hosted Saturday Night Live twice.'],
  ['The network airs Monday Night Football from the stadium.'],
  ['The morning was cold and the evening warm.'],
  ['Their last night together was spent in the city.'],
  // A count after a possessive is no year.
  ["The firm's 2000 workers went on strike."],
  ["Acme's 1200 stores stayed open."],
  // A half of no named year: TimeBank leaves it out, and so do we.
  ['Profit rose 5% in the first half.'],
  ['He scored twice in the first half of the game.'],
];

describe('dates: a weekday and a calendar day apart', () => {
  it('stay two mentions across a sentence end or a word between them', () => {
    expect(dates('He left on Friday. Aug. 25 was the deadline.').dates.map((d) => d.text)).toEqual([
      'Friday',
      'Aug. 25',
    ]);
    expect(dates('He left on Friday and returned Aug. 25.').dates.map((d) => d.text)).toEqual(['Friday', 'Aug. 25']);
  });
});

describe('dates: false positives', () => {
  it.each(FALSE_POSITIVES)('%s', (text, notDate) => {
    const out = dates(text);
    if (notDate) expect(out.dates.map((d) => d.text)).not.toContain(notDate);
    else expect(out.dates).toEqual([]);
  });
});

describe('dates: reference dates and ambiguity', () => {
  it('leaves relative dates out with one warning when there is no reference date', () => {
    const out = dates('The mayor spoke yesterday and will speak again on Monday, after talks last week.', null);
    expect(out.dates).toEqual([]);
    expect(out.warnings.filter((w) => w.code === 'NO_REFERENCE_DATE')).toHaveLength(1);
  });
  it('keeps absolute dates without a reference date', () => {
    const out = dates('The treaty was signed on July 10, 2023 in Vilnius.', null);
    expect(out.dates.map((d) => d.value)).toEqual(['2023-07-10']);
  });
  // TimeML's XXXX placeholder where the year cannot be known; relative forms (last spring, this quarter) stay out.
  it.each([
    ['The vote is on Aug. 11, aides said.', 'Aug. 11', 'XXXX-08-11', 'day'],
    ['Talks were held 3–5 July in Geneva.', '3–5 July', 'XXXX-07-03', 'day'],
    ['The plant closed in August, workers said.', 'August', 'XXXX-08', 'month'],
    ['Sales fell in the third quarter, the firm said.', 'third quarter', 'XXXX-Q3', 'quarter'],
    ['The dam burst in the spring after the rains.', 'spring', 'XXXX-SP', 'season'],
  ] as const)('no reference date: %s', (text, span, value, grain) => {
    const d = dates(text, null).dates.find((x) => x.text === span);
    expect(d?.value).toBe(value);
    expect(d?.grain).toBe(grain);
    expect(d?.inferred).toBe(false);
    expect(Timex3ValueSchema.safeParse(d?.value).success).toBe(true);
  });
  it.each([
    'The museum reopened last spring after repairs.',
    'Profit rose in the third quarter of this year.',
    "Profit rose in this year's second quarter.",
    'Profit rose in the year-ago quarter.',
    'The council met last March.',
  ])('no reference date, relative: nothing for %s', (text) => {
    expect(dates(text, null).dates).toEqual([]);
  });
  it("keeps the reference date's year when there is one (no placeholder)", () => {
    expect(dates('The vote is on Aug. 11, aides said.').dates.map((d) => d.value)).toEqual(['2023-08-11']);
  });
  it('rejects placeholders the schema does not allow', () => {
    for (const v of ['XXXX', 'XXXX-13', 'XXXX-W32', 'XXXX-08-11TNI', '19XX', 'XXXX-Q5', '2023-H3', 'XXXX-H1'])
      expect(Timex3ValueSchema.safeParse(v).success).toBe(false);
  });
  it('reads the reference date from a "Published" line', () => {
    const out = dates('Flood hits valley\nPublished on March 4, 2022\nThe river rose yesterday.', null);
    expect(out.publishedAt).toBe('2022-03-04');
    expect(out.dates.find((d) => d.text === 'yesterday')?.value).toBe('2022-03-03');
  });
  it('reads the reference date from a dateline', () => {
    const out = dates('BRUSSELS 1996-08-22\nMinisters met on Monday to discuss the budget.', null);
    expect(out.publishedAt).toBe('1996-08-22');
    expect(out.dates.find((d) => d.text === 'Monday')?.value).toBe('1996-08-19');
  });
  it('leaves an ambiguous numeric date out in auto mode, with a warning', () => {
    const out = dates('The form was signed 08/11/2023 by the mayor.');
    expect(out.dates).toEqual([]);
    expect(out.warnings.some((w) => w.code === 'AMBIGUOUS_DATE')).toBe(true);
  });
  it('decides the order from an unambiguous numeric date elsewhere', () => {
    const out = dates('Filed 25/07/2023. The form was signed 08/11/2023 by the mayor.');
    expect(out.dates.map((d) => d.value)).toEqual(['2023-07-25', '2023-11-08']);
  });
  it('follows dateOrder', () => {
    expect(dates('Signed 08/11/2023.', PUB, 'MDY').dates[0]?.value).toBe('2023-08-11');
    expect(dates('Signed 08/11/2023.', PUB, 'DMY').dates[0]?.value).toBe('2023-11-08');
  });
  it('a seed-like article: captions, datelines and "2 min read"', () => {
    const text =
      'Officer flees to the border\n\n2 min read\nGuards patrol the border on July 10, 2023 in the village.\n\n' +
      'The BBC reported on Aug. 11 that he crossed. He was detained on Aug. 10.\n\n' +
      '"On August 3, I decided to leave," he said.';
    expect(dates(text).dates.map((d) => [d.text, d.value])).toEqual([
      ['July 10, 2023', '2023-07-10'],
      ['Aug. 11', '2023-08-11'],
      ['Aug. 10', '2023-08-10'],
      ['August 3', '2023-08-03'],
    ]);
  });
});

describe('dates: properties', () => {
  const texts = [...TABLE.map((r) => r[0]), ...FALSE_POSITIVES.map((r) => r[0])];
  it('every value (and endValue) is a TIMEX3 value; output sorted, without overlaps', () => {
    for (const text of texts) {
      const out = dates(text);
      let last = -1;
      for (const d of out.dates) {
        expect(Timex3ValueSchema.safeParse(d.value).success, d.value).toBe(true);
        if (d.endValue) expect(Timex3ValueSchema.safeParse(d.endValue).success).toBe(true);
        expect(d.start).toBeGreaterThanOrEqual(last);
        last = d.end;
      }
    }
  });
  it('never throws on odd text', () => {
    const odd = ['', '  ', 'May', '31 February 2023', 'Q5 2024', 'week 99', '2023-13-45', '99/99/9999', '\u0000\uffff'];
    for (const t of odd) expect(() => dates(t)).not.toThrow();
    // No day-grain date from an impossible day (the month and year still stand).
    expect(dates('It happened on 31 February 2023.').dates.filter((d) => d.grain === 'day')).toEqual([]);
  });
});
