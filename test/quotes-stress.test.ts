import { describe, expect, it } from 'vitest';
import { tagArticle } from '../src/index.js';

/**
 * Speaker attribution across the forms news writing uses (issue #5): our own sentences, one row per form. Each text
 * opens with a plain paragraph so the quotes sit in the body, as in an article.
 */
const LEAD = 'Voters lined up early at the school gym in the county seat, where the polls opened at seven.\n\n';

const direct = (text: string) =>
  tagArticle(LEAD + text, { keepChrome: true, include: ['quotes'] }).quotes.filter((q) => q.kind === 'direct');

type Row = [label: string, text: string, expected: [quoteStart: string, mention: string | null][]];

const ROWS: Row[] = [
  [
    'a pronoun chain across paragraphs',
    'Mayor Lena Orsk opened the meeting on Tuesday.\n\n"We have a budget hole," she said.\n\n"It will not close by itself," she added.',
    [
      ['"We have', 'she'],
      ['"It will', 'she'],
    ],
  ],
  [
    'the official said',
    'A senior official described the talks.\n\n"Nobody wants a long strike," the official said.',
    [['"Nobody', 'the official']],
  ],
  [
    'two speakers alternating',
    '"The plan is dead," said Tom Reddy, the union chief.\n\n"It is not dead at all," replied Carla Vinn, the company spokeswoman.\n\n"We will see in court," Reddy said.',
    [
      ['"The plan', 'Tom Reddy'],
      ['"It is not', 'Carla Vinn'],
      ['"We will', 'Reddy'],
    ],
  ],
  [
    'a speaker before a colon',
    'Senator Ruth Ames put it bluntly: "This bill is a disaster for farmers."',
    [['"This bill', 'Senator Ruth Ames']],
  ],
  [
    'a colon paragraph introducing the next',
    'Ames said:\n\n"This bill is a disaster for farmers."',
    [['"This bill', 'Ames']],
  ],
  [
    'said X, who',
    '"We are not going anywhere," said Dana Holm, who has led the group since 2010.',
    [['"We are', 'Dana Holm']],
  ],
  [
    'X, the senator, said',
    '"It is a bad deal," Ross Tiller, the senator from Ohio, said on Friday.',
    [['"It is', 'Ross Tiller']],
  ],
  [
    'according to a statement from',
    '"We regret the delay," according to a statement from the airline.',
    [['"We regret', 'a statement']],
  ],
  [
    'in an interview, X said',
    'In an interview with the local paper, Greta Lomb said, "I never wanted to run."',
    [['"I never', 'Greta Lomb']],
  ],
  [
    'X told reporters',
    '"The numbers are good," Pete Alvar told reporters after the vote.',
    [['"The numbers', 'Pete Alvar']],
  ],
  ['X told reporters, before', 'Pete Alvar told reporters: "The numbers are good."', [['"The numbers', 'Pete Alvar']]],
  ['says X, who', '"We need more nurses," says Kim Lotto, who runs the clinic.', [['"We need', 'Kim Lotto']]],
  [
    'an interrupted quote',
    '"The first thing," Mayor Orsk said, "is to fix the roads."',
    [['"The first', 'Mayor Orsk']],
  ],
  [
    'He said: at a sentence start',
    'Orsk spoke at length. He said: "We will fix the roads first."',
    [['"We will', 'He']],
  ],
  ['a group shouting', '"Shame on you!" the protesters shouted.', [['"Shame', 'the protesters']]],
  [
    'an organisation in a statement',
    '"The report is false," the White House said in a statement.',
    [['"The report', 'the White House']],
  ],
  ['wrote in a post', 'Trent Hal wrote in a Facebook post: "I am done with politics."', [['"I am done', 'Trent Hal']]],
  ['tweeted', '"Sad day for the city," Hal tweeted on Sunday.', [['"Sad day', 'Hal']]],
  ['said of', '"He is a friend of mine," Hal said of the governor.', [['"He is', 'Hal']]],
  [
    'a title and name before the verb',
    '"The vote was rigged," former Gov. Mike Brant said Thursday.',
    [['"The vote', 'former Gov. Mike Brant']],
  ],
  [
    'a quoted phrase after told X that',
    'Brant told CNN on Sunday that the vote "was rigged from the start."',
    [['"was rigged', 'Brant']],
  ],
  [
    'a pronoun after a long paragraph about the speaker',
    'Jill Soma has run the shelter for twenty years. Funding has fallen every year since 2012, and the building needs a new roof.\n\n"We cannot keep going like this," she said.',
    [['"We cannot', 'she']],
  ],
  ['said the man, who', '"It is too late," said the man, who declined to give his name.', [['"It is', 'the man']]],
  ['a spokesman for', '"We have no comment," said a spokesman for the company.', [['"We have', 'a spokesman']]],
  ['X asked', '"Why now, after all these years?" Orsk asked.', [['"Why now', 'Orsk']]],
  ['X added, before', 'Orsk added, "We will keep working."', [['"We will', 'Orsk']]],
  ['as X put it', 'As Orsk put it, "the roads come first."', [['"the roads', 'Orsk']]],
  ['X, 45, said', '"I lost my job," Ben Cray, 45, said.', [['"I lost', 'Ben Cray']]],
  ['said X of a town', '"I lost my job," said Ben Cray of Dayton.', [['"I lost', 'Ben Cray of Dayton']]],
  [
    'he says, in the present',
    'Cray worked there for 20 years. "It was a good job," he says. "Then it was gone."',
    [['"It was', 'he']],
  ],
  ['curly marks, said X', '\u201CIt is over now,\u201D said Lisa Pratt.', [['\u201CIt is', 'Lisa Pratt']]],
  ['Mr. X said', '"We cannot wait any longer," Mr. Holm said.', [['"We cannot', 'Mr. Holm']]],
  ['said, adding', 'Holm said the city was broke, adding, "There is no money left."', [['"There is', 'Holm']]],
  ['according to X, after', '"The deal is done," according to Holm.', [['"The deal', 'Holm']]],
  ['according to X, before', 'According to Holm, "the deal is done."', [['"the deal', 'Holm']]],
  ['I told him', 'I met the senator in May. I told him, "You will lose this race."', [['"You will', 'I']]],
  ['the ad says', '"Jobs are leaving our state," the ad says.', [['"Jobs', 'the ad']]],
  [
    'a long description told',
    '"The middle class is hurting," the Vermont senator told a crowd of 5,000 in Iowa City on Saturday.',
    [['"The middle', 'the Vermont senator']],
  ],
  [
    'X, who …, said',
    '"It is a rigged system," Trump, who has led the polls for months, said Monday.',
    [['"It is', 'Trump']],
  ],
  ['went on:', 'Holm spoke first. He went on: "The city is broke and the council knows it."', [['"The city', 'He']]],
  ['one of them said', 'Two voters waited outside. "We want change," one of them said.', [['"We want', 'one of them']]],
  [
    'a pronoun, then the name again',
    'Maria Costa runs a bakery in town.\n\n"Business is slow," she said.\n\nShe has cut her hours.\n\n"I do not know what to do," Costa said.',
    [
      ['"Business', 'she'],
      ['"I do not', 'Costa'],
    ],
  ],
  [
    'Sen. X (R-Texas) said',
    '"We won the state by a mile," Sen. Tom Reddy (R-Texas) said.',
    [['"We won', 'Sen. Tom Reddy']],
  ],
  ['asked X, a description', '"Where is the money?" asked Holm, a retired teacher.', [['"Where', 'Holm']]],
  // A closing mark missing before the attribution: the quote ends at the comma before it.
  [
    'no closing mark before , said X',
    '"There was no help for the families in those years, said Kessel, who leads the group.',
    [['"There was', 'Kessel']],
  ],
  [
    'no closing mark before , X said.',
    '"We did what we could with the money we had, Orsk said.',
    [['"We did', 'Orsk']],
  ],
  [
    'a list of reactions, each a name and a colon',
    'Here is how some lawmakers reacted on Tuesday:\n\nSen. Ruth Ames (D-Ore.): "This is a dark day for the country."\n\nRep. Tom Reddy (R-Texas): "We will fight this in court and we will win."',
    [
      ['"This is', 'Sen. Ruth Ames'],
      ['"We will', 'Rep. Tom Reddy'],
    ],
  ],
  [
    'a list of reactions, each signed after a dash',
    '"This is a dark day for the country." — Sen. Ruth Ames\n\n"We will fight this in court and we will win." — Rep. Tom Reddy',
    [
      ['"This is', 'Sen. Ruth Ames'],
      ['"We will', 'Rep. Tom Reddy'],
    ],
  ],
  [
    'a speech over several paragraphs, attributed at its end',
    'In his speech, Holm laid out his plan for the city.\n\n"We will fix the roads first. Then the bridges.\n\n"After that, the schools will get every dollar we can find.\n\n"And we will do it without raising taxes," he said.',
    [['"We will fix', 'he']],
  ],
  [
    'a speech over several paragraphs after a colon paragraph',
    'Holm closed his speech with a promise:\n\n"We will fix the roads first. Then the bridges.\n\n"After that, the schools will get every dollar we can find."',
    [['"We will fix', 'Holm']],
  ],
  [
    'asked whether …, X said:',
    'We spoke with the mayor about the budget.\n\nAsked whether taxes would rise, Orsk said: "Not this year, and not next year either."\n\nAnd the schools? "They come first," she said.',
    [
      ['"Not this', 'Orsk'],
      ['"They come', 'she'],
    ],
  ],
  [
    'two people, a pronoun each',
    '"I will not vote for him," said Ann Dale, a nurse.\n\nHer husband disagreed. "He is the only one who gets it," he said.',
    [
      ['"I will', 'Ann Dale'],
      ['"He is', 'he'],
    ],
  ],
  [
    'said X, a description, in an email',
    '"We take these claims seriously," said Jo Reese, a spokeswoman for the company, in an email.',
    [['"We take', 'Jo Reese']],
  ],
  // A short quoted title inside the speaker's description does not cut the attribution.
  [
    'X, wearing a "Title" pin, said',
    '"We came here to win this thing," Ohio delegate Tom Brand, wearing a "Vote Cruz" pin on his hat, said on the floor.',
    [['"We came', 'Ohio delegate Tom Brand']],
  ],
  [
    'X, author of "Title," said',
    '"Nobody reads the fine print," Ada Lund, author of "The Small Print," said on Monday.',
    [['"Nobody', 'Ada Lund']],
  ],
];

describe('quotes: attribution forms', () => {
  it.each(ROWS)('%s', (_label, text, expected) => {
    const qs = direct(text);
    for (const [start, mention] of expected) {
      const q = qs.find((x) => x.text.startsWith(start));
      expect(q, start).toBeDefined();
      expect(q?.speaker?.mention?.text ?? null).toBe(mention);
    }
  });

  it('a quote missing its closing mark ends at the comma before its attribution', () => {
    const [q] = direct('"There was no help for the families in those years, said Kessel, who leads the group.');
    expect(q?.text).toBe('"There was no help for the families in those years,');
    expect(q?.cue?.text).toBe('said');
  });
});

/** Texts where a quote must not take the speaker named: [label, text, quote start, mention it must not have]. */
const SPEAKER_FALSE_POSITIVES: [string, string, string, string][] = [
  [
    'an unclosed quote whose comma is followed by reported words, not an attribution',
    '"I asked him again and again, he said no to me every time and I gave up',
    '"I asked',
    'he',
  ],
  [
    'a quoted title after an attribution-less quote is no insert of a speaker',
    '"We will see about that." The band played "Born to Run" and Tom Brand said nothing.',
    '"We will see',
    'Tom Brand',
  ],
];

describe('quotes: attribution false positives', () => {
  it.each(SPEAKER_FALSE_POSITIVES)('%s', (_label, text, start, notMention) => {
    const q = direct(text).find((x) => x.text.startsWith(start));
    expect(q?.speaker?.mention?.text ?? null).not.toBe(notMention);
  });

  it('a quoted title inside a speaker insert is not a quote of its own', () => {
    const qs = direct('"We came here to win this thing," Tom Brand, wearing a "Vote Cruz" pin, said on the floor.');
    expect(qs.map((q) => q.text)).toEqual(['"We came here to win this thing,"']);
  });

  it('an unclosed quote without an attribution inside keeps running to its paragraph end', () => {
    const [q] = direct('"We did what we could, and then we did some more of it for the town');
    expect(q?.text).toBe('"We did what we could, and then we did some more of it for the town');
  });
});

const indirect = (text: string) =>
  tagArticle(LEAD + text, { keepChrome: true, include: ['quotes'], indirectQuotes: true }).quotes.filter(
    (q) => q.kind === 'indirect',
  );

/** Indirect quotes: [label, text, the clause's start, mention, name]. */
const INDIRECT: [string, string, string, string, string][] = [
  [
    'X on Tuesday said that',
    'Mayor Dana Holm on Tuesday said that the city will cut its budget by a tenth.',
    'the city',
    'Mayor Dana Holm',
    'Mayor Dana Holm',
  ],
  [
    'a report published Wednesday said',
    'A report published Wednesday said the city will cut its budget by a tenth.',
    'the city',
    'A report',
    'A report',
  ],
  [
    'an organisation on Friday announced',
    'The campaign on Friday announced that it will open ten new offices.',
    'it will',
    'The campaign',
    'campaign',
  ],
  [
    'said Tuesday that: the day is no part of the clause',
    'Holm said Tuesday that the city will cut its budget by a tenth.',
    'the city',
    'Holm',
    'Holm',
  ],
  [
    'said on Friday: the day is no part of the clause',
    'Holm said on Friday the city will cut its budget by a tenth.',
    'the city',
    'Holm',
    'Holm',
  ],
  [
    'X, who said: the relative pronoun is named after X',
    'Ada Lund, who said she rarely votes, thinks the city will cut its budget.',
    'she rarely',
    'who',
    'Ada Lund',
  ],
];

describe('quotes: indirect speakers', () => {
  it.each(INDIRECT)('%s', (_label, text, clause, mention, name) => {
    const q = indirect(text).find((x) => x.text.startsWith(clause));
    expect(q, clause).toBeDefined();
    expect(q?.speaker?.mention?.text).toBe(mention);
    expect(q?.speaker?.name).toBe(name);
  });

  it('a day that is part of a name stays with it ("Super Tuesday")', () => {
    const [q] = indirect('Voters on Super Tuesday said they support a ban on new taxes in the state.');
    expect(q?.speaker?.mention?.text).not.toBe('Super');
  });

  it('a day name alone is never the speaker', () => {
    for (const t of [
      'Clinton on Tuesday said that the city will cut its budget by a tenth.',
      'The poll released Friday said most voters want a new mayor next year.',
    ]) {
      for (const q of indirect(t)) expect(q.speaker?.mention?.text).not.toMatch(/^(Tuesday|Friday)$/);
    }
  });
});
