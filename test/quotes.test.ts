import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveConfig } from '../src/config.js';
import { speechVerbs } from '../src/data/names.generated.js';
import { tagArticle } from '../src/index.js';
import { resolveOptions } from '../src/options.js';
import { createContext } from '../src/pipeline/context.js';
import { quotesStage } from '../src/stages/quotes/index.js';
import { buildDoc } from '../src/text/doc.js';
import { normalize } from '../src/text/normalize.js';

const quotes = (text: string, indirectQuotes = false) =>
  tagArticle(text, { keepChrome: true, include: ['quotes'], indirectQuotes }).quotes;

type Row = [
  label: string,
  text: string,
  expected: { quote: string; fragments?: number; mention?: string | null; name?: string; cue?: string }[],
];

// Our own sentences, one row per mark style and attribution pattern.
const ROWS: Row[] = [
  [
    'a quote paragraph leading up to one closed by its attribution',
    'Lars Holt spoke for an hour.\n\n“We will not close the mine this year.”\n\n“The jobs stay here, and so do we,” Holt said.',
    [
      {
        quote: '“We will not close the mine this year.”\n\n“The jobs stay here, and so do we,”',
        fragments: 2,
        mention: 'Holt',
      },
    ],
  ],
  [
    'a double mark spaced off a closing single mark',
    '"He only said, \'We will see,\' " Ada Novak said on Monday.',
    [{ quote: '"He only said, \'We will see,\' "', mention: 'Ada Novak', cue: 'said' }],
  ],
  [
    'a quote nested inside does not cut the attribution',
    '"He stopped and said, \'We have to win this county first.\'" Mark Dole, the county chairman, said.',
    [{ quote: '"He stopped and said, \'We have to win this county first.\'"', mention: 'Mark Dole', cue: 'said' }],
  ],
  [
    'closing mark typed as an opening one',
    '“The levee will hold,“ said Nora Quist, an engineer with the county.',
    [{ quote: '“The levee will hold,“', mention: 'Nora Quist', cue: 'said' }],
  ],
  [
    'closing mark typed as an opening one, spaced off the comma',
    '“The levee will hold, “ said Nora Quist, an engineer with the county.',
    [{ quote: '“The levee will hold, “', mention: 'Nora Quist', cue: 'said' }],
  ],
  [
    'a spaced opening mark after a full stop still opens',
    '“Not yet,” Ek said. “ You know, the river has always been here.”',
    [{ quote: '“Not yet,” Ek said. “ You know, the river has always been here.”', fragments: 2, mention: 'Ek' }],
  ],
  [
    'a quote nested in one of the same curly style',
    '“The claim that a deal “has to do with the border” shows he has no clue about the region,” wrote Ana Lund, head of the group.',
    [
      {
        quote: '“The claim that a deal “has to do with the border” shows he has no clue about the region,”',
        mention: 'Ana Lund',
        cue: 'wrote',
      },
    ],
  ],
  [
    'an unclosed quote before a new one is not taken as nesting',
    'Ek spoke first. “We will see “what comes next” today. “I am not worried about it at all,” Ek said.',
    [{ quote: '“I am not worried about it at all,”', mention: 'Ek' }],
  ],
  [
    'told a programme by its title',
    '"We are ready," Ana Silva told "Morning Edition" on Friday.',
    [{ quote: '"We are ready,"', mention: 'Ana Silva', cue: 'told' }],
  ],
  [
    'name with a party aside between commas',
    'After the vote in the state primary, Sen. Paul Ortega (D-N.M.), said, “We will keep going.”',
    [{ quote: '“We will keep going.”', mention: 'Paul Ortega' }],
  ],
  [
    'relative pronoun before read',
    'Protesters carried a banner, which read “Save the river park now.”',
    [{ quote: '“Save the river park now.”', mention: 'which', cue: 'read' }],
  ],
  [
    'it said',
    'The company apologised on Monday. “We are reviewing every order placed this month,” it said.',
    [{ quote: '“We are reviewing every order placed this month,”', mention: 'it', cue: 'said' }],
  ],
  [
    'more from a name, colon',
    'More from Ines Costa: “The market will not recover before spring.”',
    [{ quote: '“The market will not recover before spring.”', mention: 'Ines Costa' }],
  ],
  [
    'inverted capitalised verb, colon',
    'Continued Ivo Brandt: “We will rebuild the school by autumn.”',
    [{ quote: '“We will rebuild the school by autumn.”', mention: 'Ivo Brandt' }],
  ],
  [
    'description with a prepositional phrase',
    '“The pumps failed at midnight,” a spokeswoman for the water board said.',
    [{ quote: '“The pumps failed at midnight,”', mention: 'a spokeswoman for the water board', cue: 'said' }],
  ],
  [
    'number before the speaker',
    '“We still have no answers,” said 9/11 widow Carla Dunn.',
    [{ quote: '“We still have no answers,”', mention: '9/11 widow Carla Dunn', name: 'Carla Dunn' }],
  ],
  [
    'organisation named in full',
    '“The forms are ready for everyone,” according to the Office for Foreigners.',
    [
      {
        quote: '“The forms are ready for everyone,”',
        mention: 'the Office for Foreigners',
        name: 'Office for Foreigners',
      },
    ],
  ],
  [
    'a second verb makes a second quote',
    '“Nobody asked us first,” Mayor Lin Park said in a statement, adding that the plan was “rushed and unfair to every tenant here.”',
    [
      { quote: '“Nobody asked us first,”', mention: 'Mayor Lin Park', fragments: 1 },
      { quote: '“rushed and unfair to every tenant here.”', mention: 'Mayor Lin Park', cue: 'adding' },
    ],
  ],
  [
    'a pronoun opening the next sentence is not the attribution',
    'Rosa Linde says “the budget is broken for good.” She says the council will vote in May.',
    [{ quote: '“the budget is broken for good.”', mention: 'Rosa Linde', cue: 'says' }],
  ],
  [
    'curly, speaker said',
    '“We will rebuild the bridge,” Maria Lopez said.',
    [{ quote: '“We will rebuild the bridge,”', mention: 'Maria Lopez', name: 'Maria Lopez', cue: 'said' }],
  ],
  [
    'straight, speaker said',
    '"The water is rising fast," Tom Baker said on Monday.',
    [{ quote: '"The water is rising fast,"', mention: 'Tom Baker', cue: 'said' }],
  ],
  [
    'said speaker',
    '"Nobody expected the vote to pass," said Ellen Park, a spokeswoman for the council.',
    [{ quote: '"Nobody expected the vote to pass,"', mention: 'Ellen Park', cue: 'said' }],
  ],
  [
    'said speaker, description',
    '“The road stays closed until Friday,” said the mayor.',
    [{ quote: '“The road stays closed until Friday,”', mention: 'the mayor', cue: 'said' }],
  ],
  [
    'lead-in with colon',
    'Greta Holm said: “The harvest was the worst in a decade.”',
    [{ quote: '“The harvest was the worst in a decade.”', mention: 'Greta Holm', cue: 'said' }],
  ],
  [
    'told X colon',
    'Omar Haddad told the BBC: "We had no warning at all."',
    [{ quote: '"We had no warning at all."', mention: 'Omar Haddad', cue: 'told' }],
  ],
  [
    'told X that',
    'Lena Fischer told Reuters that "the talks are over for now."',
    [{ quote: '"the talks are over for now."', mention: 'Lena Fischer', cue: 'told' }],
  ],
  [
    'told after quote',
    '“I decided to leave the city the next morning,” Petrov told the newspaper.',
    [{ quote: '“I decided to leave the city the next morning,”', mention: 'Petrov', cue: 'told' }],
  ],
  [
    'according to after',
    '"The shipment never arrived at the port," according to Dana Reyes.',
    [{ quote: '"The shipment never arrived at the port,"', mention: 'Dana Reyes', cue: 'according to' }],
  ],
  [
    'according to before',
    'According to Paul Novak, "the numbers do not add up at all."',
    [{ quote: '"the numbers do not add up at all."', mention: 'Paul Novak' }],
  ],
  [
    'pronoun resolves to last person',
    'Anna Berg runs the shelter.\n\n“We are full every night now,” she said.',
    [{ quote: '“We are full every night now,”', mention: 'she', name: 'Anna Berg', cue: 'said' }],
  ],
  [
    'he said',
    'Mark Olsen leads the union.\n\n"Our members will not accept this offer," he said.',
    [{ quote: '"Our members will not accept this offer,"', mention: 'he', name: 'Mark Olsen' }],
  ],
  [
    'description resolves',
    'Colonel Ivan Sorokin crossed the border.\n\n"I could not stay there any longer," the officer said.',
    [{ quote: '"I could not stay there any longer,"', mention: 'the officer' }],
  ],
  [
    'organisation speaks',
    '"All flights are cancelled until further notice," the ministry said.',
    [{ quote: '"All flights are cancelled until further notice,"', mention: 'the ministry' }],
  ],
  [
    'appositive between',
    '“The plan is simply unworkable,” Rita Moss, a senior engineer at the plant, said.',
    [{ quote: '“The plan is simply unworkable,”', mention: 'Rita Moss' }],
  ],
  [
    'adverb before verb',
    '“We never saw the letter,” Karl Weber later told reporters.',
    [{ quote: '“We never saw the letter,”', mention: 'Karl Weber', cue: 'told' }],
  ],
  [
    'interrupted, comma',
    '"We will rebuild," he said, "and we will do it this year." Lars Dahl added nothing.',
    [{ quote: '"We will rebuild," he said, "and we will do it this year."', fragments: 2, mention: 'he' }],
  ],
  [
    'interrupted, full stop',
    '“The vote was fair,” Nina Roth said. “Everyone had a chance to speak.”',
    [
      {
        quote: '“The vote was fair,” Nina Roth said. “Everyone had a chance to speak.”',
        fragments: 2,
        mention: 'Nina Roth',
      },
    ],
  ],
  [
    'two separately attributed quotes',
    '“It is late,” she said. “We should go home now,” she said.',
    [
      { quote: '“It is late,”', fragments: 1 },
      { quote: '“We should go home now,”', fragments: 1 },
    ],
  ],
  [
    'continuation paragraph joins the quote before it (one quote, two fragments)',
    '“I left on the first train out of the city,” Jonas Vik told the radio station.\n\n“Now I am waiting for an answer from the authorities.”',
    [
      {
        quote:
          '“I left on the first train out of the city,” Jonas Vik told the radio station.\n\n“Now I am waiting for an answer from the authorities.”',
        fragments: 2,
        mention: 'Jonas Vik',
      },
    ],
  ],
  [
    'an unattributed part in the same paragraph joins the quote before it',
    '“We lost the harvest,” Nils Berg went on. “The river took everything.”',
    [
      {
        quote: '“We lost the harvest,” Nils Berg went on. “The river took everything.”',
        fragments: 2,
        mention: 'Nils Berg',
        cue: 'went on',
      },
    ],
  ],
  [
    'a paragraph after a long narrative one stays apart',
    '“I left on the first train,” Jonas Vik said, and he described at length how the station was crowded with families, soldiers and volunteers handing out tea.\n\n“Now I am waiting for an answer from the authorities.”',
    [
      { quote: '“I left on the first train,”', mention: 'Jonas Vik' },
      { quote: '“Now I am waiting for an answer from the authorities.”', mention: 'Jonas Vik' },
    ],
  ],
  [
    'colon paragraph introduces',
    'Sara Lind wrote on Tuesday:\n\n“The committee has failed the people it was meant to serve.”',
    [{ quote: '“The committee has failed the people it was meant to serve.”', mention: 'Sara Lind', cue: 'wrote' }],
  ],
  [
    'multi-paragraph, open marks only',
    '“The first part of the statement runs long and ends without a mark.\n\n“The second part closes the quotation at last,” the statement said.',
    [
      {
        quote:
          '“The first part of the statement runs long and ends without a mark.\n\n“The second part closes the quotation at last,”',
        fragments: 2,
      },
    ],
  ],
  [
    'single curly marks',
    'Hugo Sand said ‘the river is higher than ever before’ on the radio.',
    [{ quote: '‘the river is higher than ever before’', mention: 'Hugo Sand' }],
  ],
  [
    'guillemets',
    '«Nous allons gagner cette bataille», a déclaré Marie Dubois. Claude Roy said: «We will fight on and we will win.»',
    [
      { quote: '«Nous allons gagner cette bataille»' },
      { quote: '«We will fight on and we will win.»', mention: 'Claude Roy' },
    ],
  ],
  [
    'low-high German marks',
    'Klaus Meyer sagte: „Wir haben keine andere Wahl gehabt.“',
    [{ quote: '„Wir haben keine andere Wahl gehabt.“' }],
  ],
  [
    'low single mark',
    'Eva Brandt replied: ‚Das ist nicht mein Problem, sorry.‘',
    [{ quote: '‚Das ist nicht mein Problem, sorry.‘', mention: 'Eva Brandt' }],
  ],
  [
    'double prime marks',
    '″We are not leaving this town,″ Ali Khan said.',
    [{ quote: '″We are not leaving this town,″', mention: 'Ali Khan' }],
  ],
  [
    'nested single in double',
    '“He told me ‘never again’ and walked out of the room,” Ruth Cole said.',
    [{ quote: '“He told me ‘never again’ and walked out of the room,”', fragments: 1, mention: 'Ruth Cole' }],
  ],
  [
    'apostrophes inside a quote',
    '“Korolev’s family didn’t know where he was,” his sister said.',
    [{ quote: '“Korolev’s family didn’t know where he was,”', mention: 'his sister' }],
  ],
  [
    'saying participle',
    'The governor rallied supporters in Ohio, saying: “We are going to win this state.”',
    [{ quote: '“We are going to win this state.”', mention: 'The governor' }],
  ],
  [
    'short quote with speech verb kept',
    'Asked about the deal, Bo Lund said: “Never.”',
    [{ quote: '“Never.”', mention: 'Bo Lund' }],
  ],
  [
    'points out',
    '“The data were wrong from the start,” Ada Kim points out.',
    [{ quote: '“The data were wrong from the start,”', mention: 'Ada Kim', cue: 'points out' }],
  ],
  [
    'said, according to an outer source',
    '“We will appeal the ruling,” the mayor said, according to the Harbor Gazette.',
    [{ quote: '“We will appeal the ruling,”', mention: 'the Harbor Gazette', cue: 'according to' }],
  ],
  [
    'told, according to a group',
    '“Nobody told us about the closure,” Lena Berg told reporters, according to officials at the meeting.',
    [{ quote: '“Nobody told us about the closure,”', mention: 'officials' }],
  ],
  [
    'dash signature in the next paragraph',
    '“Trust the process and stay calm.”\n\n- Omar Haddad, Leeds.',
    [{ quote: '“Trust the process and stay calm.”', mention: 'Omar Haddad' }],
  ],
  [
    'dash signature after the quote',
    '“The ferry will run again in May.” — Tove Lind',
    [{ quote: '“The ferry will run again in May.”', mention: 'Tove Lind' }],
  ],
  [
    'a first name that is also a modal',
    '“The budget is balanced,” said Will Carver, a finance officer in the town.',
    [{ quote: '“The budget is balanced,”', mention: 'Will Carver', cue: 'said' }],
  ],
  [
    'a surname that is also a preposition',
    '“Rents have doubled since the spring,” From said.',
    [{ quote: '“Rents have doubled since the spring,”', mention: 'From', cue: 'said' }],
  ],
  [
    'with a group chanting',
    'Voters lined the road, with many farmers and their families chanting “Save the valley now!”',
    [{ quote: '“Save the valley now!”', mention: 'many farmers and their families', cue: 'chanting' }],
  ],
  [
    'a title earlier in the sentence does not hide its subject',
    'Ruth Okafor posted a photo of a flyer titled “Stop” on her blog, writing “We need more buses on the north side of town.”',
    [{ quote: '“We need more buses on the north side of town.”', mention: 'Ruth Okafor', cue: 'writing' }],
  ],
  [
    'a speech verb far before the quote, after two introductory phrases',
    'At the end of the day, however, Paulo Reyes said as he left the hall, “The vote is not over and we will keep counting.”',
    [{ quote: '“The vote is not over and we will keep counting.”', mention: 'Paulo Reyes' }],
  ],
  [
    'a subject before the window, an appositive between it and its verb',
    'The mayor declined to comment. Lisa Varga, speaking to reporters on Tuesday on the bus to the airport, said of the new budget: “The money is simply not there this year.”',
    [{ quote: '“The money is simply not there this year.”', mention: 'Lisa Varga', cue: 'said' }],
  ],
  [
    'a clause subject before a participle is cut at its verb',
    'The speech was at the library in Gorton, when Gorton students interrupted the mayor, shouting “Not in our name!”',
    [{ quote: '“Not in our name!”', mention: 'Gorton students' }],
  ],
  [
    'an according-to source in the sentence before is not the speaker',
    'Friends were shocked, according to the Valley Post. “He loved this town,” his brother Jan told the paper.',
    [{ quote: '“He loved this town,”', mention: 'his brother Jan', cue: 'told' }],
  ],
  [
    'a mojibake name after the quote',
    '"We will look at every case," said Marc Tr\u00c3\u00a9vidic, a prosecutor in the city.',
    [{ quote: '"We will look at every case,"', mention: 'Marc Tr\u00c3\u00a9vidic', cue: 'said' }],
  ],
  [
    'a dash, a name and a colon after a verb',
    'Economists disagree - Lena Roth: “The rate will not fall before the autumn, whatever the bank says.”',
    [{ quote: '“The rate will not fall before the autumn, whatever the bank says.”', mention: 'Lena Roth' }],
  ],
  [
    'a name with an initial before a colon',
    'TURNOUT WAS LOW - Peter J. Lund: “Fewer than a third of voters came out for the second round.”',
    [{ quote: '“Fewer than a third of voters came out for the second round.”', mention: 'Peter J. Lund' }],
  ],
  [
    'more from a document, colon',
    'The review is blunt - More from the audit: “Several contracts were signed without any tender at all.”',
    [{ quote: '“Several contracts were signed without any tender at all.”', mention: 'the audit' }],
  ],
  [
    'here is a name at a time, colon',
    'Here’s Ortega in March 2004: “Our schools must teach every child to read before the age of eight.”',
    [{ quote: '“Our schools must teach every child to read before the age of eight.”', mention: 'Ortega' }],
  ],
  [
    'a day name between the speaker and the verb',
    'Halvorsen later Thursday told Radio Nord: “Both sides will meet again next week to settle this.”',
    [{ quote: '“Both sides will meet again next week to settle this.”', mention: 'Halvorsen', cue: 'told' }],
  ],
  [
    'a party aside between the speaker and the verb',
    'Speaking at the harbour, Sen. Alma Reyes (D-Ore.) said “the port cannot wait another year for this.”',
    [{ quote: '“the port cannot wait another year for this.”', mention: 'Alma Reyes', cue: 'said' }],
  ],
  [
    'a participle phrase between the speaker and the verb',
    'A senior official speaking to Radio Nord said, “The talks are going better than anyone expected.”',
    [{ quote: '“The talks are going better than anyone expected.”', mention: 'A senior official', cue: 'said' }],
  ],
  [
    'a verb conjoined to a past form shares its subject',
    'When the chairman was asked whether the vote would be delayed, he laughed and said, “We will see about that.”',
    [{ quote: '“We will see about that.”', mention: 'he', cue: 'said' }],
  ],
  [
    'a verb conjoined inside a when clause',
    'Ines Varga opened the debate when she brought up the harbour fire and later said, “It is not only the port at risk.”',
    [{ quote: '“It is not only the port at risk.”', mention: 'she', cue: 'said' }],
  ],
  [
    'a short sentence of speaker and verb introduces the next quote',
    '“The count is over,” said Olle Berg, a clerk.\n\nCity College’s Maja Lind agreed. “Nobody expects a second round this year.”',
    [
      { quote: '“The count is over,”', mention: 'Olle Berg' },
      { quote: '“Nobody expects a second round this year.”', mention: 'City College’s Maja Lind', cue: 'agreed' },
    ],
  ],
  [
    'a short introducing sentence with an unclosed appositive',
    'The count ended late.\n\nTomas Eng, the spokesman for the county board said in a statement. “There are no paper ballots left to count.”',
    [{ quote: '“There are no paper ballots left to count.”', mention: 'Tomas Eng', cue: 'said' }],
  ],
  [
    'as the speaker put it',
    'At the time, as the prosecutor Anna Holm put it, “there was not much to charge him with.”',
    [{ quote: '“there was not much to charge him with.”', mention: 'Anna Holm', cue: 'put it' }],
  ],
  [
    'a surname ending in -ing opens the sentence',
    'Harding said the club would keep meeting for dinners, but said, “It is time we change how we do it.”',
    [{ quote: '“It is time we change how we do it.”', mention: 'Harding', cue: 'said' }],
  ],
  [
    'an introductory phrase holding a comma of its own',
    'In a long, in-person interview with the paper last year, Novak said he would go back and added, “I will not hide from anyone.”',
    [{ quote: '“I will not hide from anyone.”', mention: 'Novak', cue: 'added' }],
  ],
  [
    'a reduced clause after the speaker and its verb',
    'The case would go to the chief prosecutor, Ana Reyes, who told the council when asked about it last week: “The matter is handled by career staff.”',
    [{ quote: '“The matter is handled by career staff.”', mention: 'who', name: 'Ana Reyes' }],
  ],
  [
    'according to, after an abbreviated title and a party aside',
    '“You have been very unfair to me,” he told Sen. Tom Berg (R-Ariz.), according to two people at the meeting.',
    [{ quote: '“You have been very unfair to me,”', mention: 'two people' }],
  ],
  [
    'according to a thing provided by a source',
    '“She thinks the tests are too much,” Olof Sand said in Umeå, according to audio provided by Radio Norr.',
    [{ quote: '“She thinks the tests are too much,”', mention: 'Radio Norr' }],
  ],
  [
    'a description between the quote and the name that speaks',
    '“The mood is like the 1960s,” the start of the modern movement, Halvorsen says.',
    [{ quote: '“The mood is like the 1960s,”', mention: 'Halvorsen', cue: 'says' }],
  ],
  [
    'sings',
    '“Keep your hands where I can see them,” Mira Fox sings to the crowd.',
    [{ quote: '“Keep your hands where I can see them,”', mention: 'Mira Fox', cue: 'sings' }],
  ],
  [
    'read one',
    'Banners hung from every bridge.\n\n“Keep the ferry running all year,” read one. Others asked for lower fares.',
    [{ quote: '“Keep the ferry running all year,”', mention: 'one', cue: 'read' }],
  ],
  [
    'it, an adverb, its verb',
    'The advert changes tone at the end. “This is your town,” it now says, over a montage of faces.',
    [{ quote: '“This is your town,”', mention: 'it', cue: 'says' }],
  ],
  [
    'in the view of, before the quote',
    'The valley was chosen because, in Lindqvist’s words, “it is the quietest place in the whole country.”',
    [{ quote: '“it is the quietest place in the whole country.”', mention: 'Lindqvist’s words' }],
  ],
  [
    'in the view of, after the quote',
    '“This is a failure across the board” from the schools to the roads, in Okafor’s view.',
    [{ quote: '“This is a failure across the board”', mention: 'Okafor’s view' }],
  ],
  [
    'to her, before the quote',
    'She praises the volunteers because to her, “nothing matters more than a town that helps itself.”',
    [{ quote: '“nothing matters more than a town that helps itself.”', mention: 'her' }],
  ],
  [
    'an appositive holding "No. 2" before the verb',
    '“We will hold the line on fares,” Ana Berg, the No. 2 official at the Lund Port Authority, told reporters.',
    [{ quote: '“We will hold the line on fares,”', mention: 'Ana Berg', cue: 'told' }],
  ],
  [
    'a comma-ended quote, a name and any past form',
    '“The council had the figures in March and kept them back,” Ivo Lund started.',
    [{ quote: '“The council had the figures in March and kept them back,”', mention: 'Ivo Lund', cue: 'started' }],
  ],
  [
    'a description with an adjective and a past form, then a second part',
    'Ek said the port was finished.\n“The port will always be the port,” an angry Mira Holt retaliated. “It never gives up.”',
    [
      {
        quote: '“The port will always be the port,” an angry Mira Holt retaliated. “It never gives up.”',
        fragments: 2,
        mention: 'an angry Mira Holt',
        cue: 'retaliated',
      },
    ],
  ],
  [
    'a question, a name and a past form ending the sentence',
    'Rates rose twice last year.\n\n“What made the bank change course so fast?” Beck questioned.',
    [{ quote: '“What made the bank change course so fast?”', mention: 'Beck', cue: 'questioned' }],
  ],
  [
    'can be heard asking',
    '“Will the plant stay open after the merger?” a reporter can be heard asking Holm after the event.',
    [{ quote: '“Will the plant stay open after the merger?”', mention: 'a reporter', cue: 'asking' }],
  ],
  [
    'a description with "on" before the verb',
    '“Welcome, visitors, and please leave your boots at the door!” a notice on the website reads.',
    [
      {
        quote: '“Welcome, visitors, and please leave your boots at the door!”',
        mention: 'a notice on the website',
        cue: 'reads',
      },
    ],
  ],
  [
    'a verb and "by" before the participle',
    'When the judge came back he began by saying, “I do not think a prison term is needed here.”',
    [{ quote: '“I do not think a prison term is needed here.”', mention: 'he', cue: 'saying' }],
  ],
  [
    'a sentence adverb before the subject',
    'Likewise, a study from the Lund Institute had this to say about the plan: “Families at the top would gain most.”',
    [{ quote: '“Families at the top would gain most.”', mention: 'a study' }],
  ],
  [
    'an opening phrase, its comma, a pronoun',
    'But back in his home town, he returned to his old lines: “We will win this county again and again.”',
    [{ quote: '“We will win this county again and again.”', mention: 'he' }],
  ],
  [
    'a count before the verb',
    'Most voters were unsure of the outcome, and 14 percent said “not at all likely” when asked.',
    [{ quote: '“not at all likely”', mention: '14 percent', cue: 'said' }],
  ],
  [
    'is quoted as saying',
    '“We dial less, so our costs stay low,” Ek is quoted as saying in the brochure.',
    [{ quote: '“We dial less, so our costs stay low,”', mention: 'Ek', cue: 'quoted as saying' }],
  ],
  [
    'a name, a past form and a colon',
    '“We need more officers on the street,” said Ek, head of the union. Lund resisted:  “The governor cannot suspend the law.”',
    [
      { quote: '“We need more officers on the street,”', mention: 'Ek' },
      { quote: '“The governor cannot suspend the law.”', mention: 'Lund', cue: 'resisted' },
    ],
  ],
  [
    'asked by, in the passive',
    'On the show, Ek was asked by host Ana Lund, who backs him, “Will you stay in the race until June?”',
    [{ quote: '“Will you stay in the race until June?”', mention: 'host Ana Lund' }],
  ],
  [
    'a newsletter item: an all-capitals headline running into its quote',
    'Rates rose again on Monday. [Wire.]\n\nHOW THE DROUGHT CHANGES LUND’S FARMS “The wells are lower than anyone here can remember.” [Post.]',
    [
      {
        quote: '“The wells are lower than anyone here can remember.”',
        mention: 'HOW THE DROUGHT CHANGES LUND’S FARMS',
      },
    ],
  ],
  [
    'a headline glued to the sentence whose subject speaks',
    'Rates rose. [Wire]\nLUND TEAM REFUSES TO STAY IN THE VILLAGE The team cited “blocked drains, leaking pipes and dirty floors in need of a clean.” [Net]',
    [{ quote: '“blocked drains, leaking pipes and dirty floors in need of a clean.”', mention: 'The team' }],
  ],
  [
    'cut in, a particle verb',
    '“Tell her I said hello,” Lund said.\n\nHer husband cut in: “Do not forget the dog, it is waiting at the gate.”',
    [
      { quote: '“Tell her I said hello,”', mention: 'Lund' },
      { quote: '“Do not forget the dog, it is waiting at the gate.”', mention: 'Her husband', cue: 'cut in' },
    ],
  ],
  [
    'unattributed long quote kept',
    'The sign on the door read as follows. “Closed for repairs until the end of the month, sorry for the trouble.”',
    [{ quote: '“Closed for repairs until the end of the month, sorry for the trouble.”', mention: null }],
  ],
];

describe('quotes: table', () => {
  it.each(ROWS)('%s', (_label, text, expected) => {
    const got = quotes(text);
    expect(got.map((q) => q.text)).toEqual(expected.map((e) => e.quote));
    expected.forEach((e, i) => {
      const q = got[i]!;
      expect(q.kind).toBe('direct');
      expect(text.slice(q.start, q.end)).toBe(q.text);
      if (e.fragments !== undefined) expect(q.fragments).toHaveLength(e.fragments);
      if (e.mention !== undefined) expect(q.speaker?.mention.text ?? null).toBe(e.mention);
      if (e.name !== undefined) expect(q.speaker?.name).toBe(e.name);
      if (e.cue !== undefined) expect(q.cue?.text).toBe(e.cue);
      if (q.speaker) expect(text.slice(q.speaker.mention.start, q.speaker.mention.end)).toBe(q.speaker.mention.text);
    });
  });
});

// Texts holding no speech at all, or marks that must not produce a quote.
const FALSE_POSITIVES: [string, string][] = [
  ['a short quote inside a reported clause', 'Dean began by saying he would “never” do that.'],
  ['possessive apostrophe', 'Korolev’s unit was stationed in the village, and the officers’ families stayed behind.'],
  ['contractions', 'They don’t know, and we can’t say, whether it’s true.'],
  ['rock and roll', "He grew up on rock ’n’ roll and rock 'n' roll records."],
  ['decades', "Prices last rose like this in the ’90s and the '80s, economists noted."],
  ['scare quotes', 'Moscow calls the war a "special operation" and its critics "traitors".'],
  ['title in quotes', 'She appeared on “Saturday Night Live” and later on “The Late Show with Guest Hosts” last year.'],
  ['inches', 'The screen measures 15″ across and the frame is 2" thick.'],
  ['single word in single marks', 'The so-called ‘reform’ changed nothing.'],
];

// Attributions that must not be made: the quote stays, its speaker is not the phrase named.
const SPEAKER_FALSE_POSITIVES: [label: string, text: string, quote: string, notMention: string][] = [
  [
    'a new sentence reporting a statement does not close the quote before it',
    'Ivo Kranjc spoke first.\n\n“We asked for them last year and again this spring.” Tom Berger added that the request was still open.',
    '“We asked for them last year and again this spring.”',
    'Tom Berger',
  ],
  [
    'a verb followed by a clause subject after a finished quote',
    '“We asked the council twice and heard nothing back.” Mia Holm said she would write to the minister.',
    '“We asked the council twice and heard nothing back.”',
    'Mia Holm',
  ],
  [
    'a preposition does not open a speaker phrase',
    'Ana Ruiz says “the race is close now” between Holm and Berg. And Lund says little.',
    '“the race is close now”',
    'between Holm and Berg. And Lund',
  ],
  [
    'a short sentence with a negative subject introduces nothing',
    'The mayor spoke for an hour. “We will not close the mine,” she said.\n\nNobody agreed. “The mine is our future and we keep it.”',
    '“The mine is our future and we keep it.”',
    'Nobody',
  ],
  [
    'put it with an object is no speech',
    'Lena put it on the table and left the room without a word. “We are done here for today,” Mark Olsen said.',
    '“We are done here for today,”',
    'Lena',
  ],
  [
    '"one" followed by more words is not a lone speaker',
    '“We will win the county,” said one more time the candidate from Gorton, to cheers from the hall.',
    '“We will win the county,”',
    'one',
  ],
  [
    'said to her is the verb’s, not the view’s',
    'He said to her, “We are leaving tonight and we will not come back.”',
    '“We are leaving tonight and we will not come back.”',
    'her',
  ],
  [
    'the object before "by" is not the subject',
    'Holm explained the headline by saying: “It was late and I had not slept for two days.”',
    '“It was late and I had not slept for two days.”',
    'the headline',
  ],
  [
    'a past form after a quote that ended its sentence is no attribution',
    'Ek read the letter aloud. “We will not sell the farm.” Ana Lund walked out of the hall at once.',
    '“We will not sell the farm.”',
    'Ana Lund',
  ],
  [
    'a past form with an object after a comma-ended quote',
    '“We have to go now,” Ana Lund opened the door and left.',
    '“We have to go now,”',
    'Ana Lund',
  ],
  [
    'a comparison before an insert is no speaker',
    'Ek said it first.\n\n“We will not sell the farm,” like Ana Lund, Sen. Ben Ek of Lund and others have also said.',
    '“We will not sell the farm,”',
    'like Ana Lund',
  ],
  [
    'money is no count of speakers',
    'Ek spoke first. The $160 billion merger said “we are not done with this market yet” to investors.',
    '“we are not done with this market yet”',
    '160 billion merger',
  ],
  [
    'a past form and a colon inside a longer sentence',
    'The mayor listed the options and Lund resisted: “The governor cannot suspend the law.”',
    '“The governor cannot suspend the law.”',
    'Lund',
  ],
  [
    'capitals in the middle of a sentence are no headline',
    'The crowd held up signs. Ek shouted STOP THE COUNT NOW “and give us the papers before noon.”',
    '“and give us the papers before noon.”',
    'STOP THE COUNT NOW',
  ],
  [
    'a short all-capitals place name is no headline',
    'NEW YORK “The wells are lower than anyone here can remember,” Ana Lund said.',
    '“The wells are lower than anyone here can remember,”',
    'NEW YORK',
  ],
  [
    'a dash and a lower-case phrase is no signature',
    '“We will rebuild the bridge by the summer.” — a promise made twice before.',
    '“We will rebuild the bridge by the summer.”',
    'a promise',
  ],
];

describe('quotes: speaker false positives', () => {
  it.each(SPEAKER_FALSE_POSITIVES)('%s', (_label, text, quote, notMention) => {
    const q = quotes(text).find((x) => x.text === quote);
    expect(q).toBeDefined();
    expect(q?.speaker?.mention.text ?? null).not.toBe(notMention);
  });
});

describe('quotes: false positives', () => {
  it.each(FALSE_POSITIVES)('%s', (_label, text) => {
    expect(quotes(text)).toEqual([]);
  });

  it('an unbalanced mark does not swallow the rest of the article', () => {
    const text = 'He said “this never closes and runs on.\n\nThe next paragraph is plain prose.\n\nSo is this one.';
    const got = quotes(text);
    for (const q of got) expect(q.end).toBeLessThanOrEqual(text.indexOf('\n'));
  });

  it.each([
    ['straight marks', '"'.repeat(5000)],
    ['curly marks', '“'.repeat(5000)],
    ['alternating styles', '"“\'‘«„‹「”’»'.repeat(500)],
    ['punctuation-only quotes', 'The screen showed “…” and then «!» before it went dark.'],
  ])('a run of marks with no words between them is no quote: %s', (_label, text) => {
    expect(quotes(text, true).filter((q) => q.kind === 'direct')).toEqual([]);
  });

  it('unbalanced straight marks stay within their paragraph', () => {
    const text =
      'A "broken quote starts here.\n\nAnd "another one follows" in the next paragraph with more words after it.';
    for (const q of quotes(text)) expect(q.text.includes('\n')).toBe(false);
  });
});

// Indirect speech, our own sentences: [label, text, the reported clause, the speaker mention].
const INDIRECT: [string, string, string, string][] = [
  ['said that', 'The mayor said that the bridge would reopen in May.', 'the bridge would reopen in May', 'The mayor'],
  ['said, no that', 'Lena Ortiz said she had never met the buyer.', 'she had never met the buyer', 'Lena Ortiz'],
  [
    'told X that',
    'The minister told reporters on Friday that the tax would not rise.',
    'the tax would not rise',
    'The minister',
  ],
  ['trailing said', 'The talks will resume next week, officials said.', 'The talks will resume next week', 'officials'],
  [
    'trailing said speaker',
    'The factory will close by the end of the year, said Omar Haddad, a union delegate.',
    'The factory will close by the end of the year',
    'Omar Haddad',
  ],
  [
    'according to, leading',
    'According to the report, sales fell by a third in the spring.',
    'sales fell by a third in the spring',
    'the report',
  ],
  [
    'according to, trailing',
    'The fire started in the kitchen, according to the fire brigade.',
    'The fire started in the kitchen',
    'the fire brigade',
  ],
];

// Sentences with a speech verb but no reported clause to emit.
const INDIRECT_FALSE_POSITIVES: [string, string][] = [
  ['lead-in to a direct quote', 'Asked about the deal, Bo Lund said: “Never.”'],
  ['said with a direct quote', 'He said that “the bridge is safe and will stay open all winter.”'],
  ['too short', 'She said so.'],
  ['no speaker', 'As was said in the meeting, the plan is final.'],
];

describe('quotes: indirect', () => {
  it.each(INDIRECT)('%s', (_label, text, clause, mention) => {
    const got = quotes(text, true).filter((q) => q.kind === 'indirect');
    expect(got.map((q) => q.text)).toEqual([clause]);
    expect(got[0]?.speaker?.mention.text).toBe(mention);
    expect(got[0]?.fragments).toHaveLength(1);
  });

  it.each(INDIRECT_FALSE_POSITIVES)('no indirect quote: %s', (_label, text) => {
    expect(quotes(text, true).filter((q) => q.kind === 'indirect')).toEqual([]);
  });

  it('the option turns them off', () => {
    expect(quotes('The mayor said that the bridge would reopen in May.', false)).toEqual([]);
  });
});

describe('quotes: sample article', () => {
  // examples/sample-article.txt is ours; the seed article (../shared) is checked by npm run seed.
  const text = readFileSync(new URL('../examples/sample-article.txt', import.meta.url), 'utf8');
  it('attributes a quote, its verbless follow-up paragraph and an interrupted quote', () => {
    const got = tagArticle(text, { publishedAt: '2023-08-16' }).quotes.filter((q) => q.kind === 'direct');
    const first = got.find((q) => q.text.startsWith('“I left Kharkiv'));
    // The verbless follow-up paragraph is the second fragment of the first quote (PolNeAR joins them too).
    const second = first?.fragments[1];
    const third = got.find((q) => q.text.startsWith('“Every case'));
    expect(first?.speaker?.name).toBe('Oleksandr Hrytsenko');
    expect(first?.speaker?.mention.text).toBe('Hrytsenko');
    expect(first?.cue?.text).toBe('told');
    expect(second?.text.startsWith('“All I want')).toBe(true);
    expect(third?.fragments.length).toBe(2);
    expect(third?.speaker?.name).toBe('Mariusz Kamiński');
    expect(third?.speaker?.mention.text).toBe('he');
    expect(got.length).toBe(2);
  });
});

describe('quotes: robustness', () => {
  it('keeps every fragment inside a paragraph on 200,000 characters of random marks and words', () => {
    const pieces = [
      '"',
      '“',
      '”',
      '‘',
      '’',
      '«',
      '»',
      '„',
      '″',
      'said',
      'he',
      'Korolev',
      'told',
      'the',
      ',',
      '.',
      ':',
      '\n',
    ];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed;
    };
    const parts: string[] = [];
    let n = 0;
    while (n < 200_000) {
      const p = pieces[rand() % pieces.length]!;
      const s = rand() % 3 === 0 ? p : `${p} `;
      parts.push(s);
      n += s.length;
    }
    for (const text of [parts.join(''), parts.join('').replace(/\n/g, ' ')]) {
      const doc = buildDoc(normalize(text).text);
      const ctx = createContext(text, doc, resolveOptions({ keepChrome: true }), resolveConfig({}));
      Object.assign(ctx.results, { entities: { people: [], organizations: [], placeCandidates: [] } });
      let items = quotesStage.extractors.flatMap((x) => x(ctx));
      for (const r of quotesStage.refiners) items = r(ctx, items);
      const out = quotesStage.finalize(ctx, items);
      expect(out.length).toBeGreaterThan(0);
      // Unbalanced marks never swallow the rest of the text: every fragment stays inside one paragraph.
      // (Speed on the 1,000,000-character worst case is measured by npm run bench, not here.)
      const paraOf = (o: number) => doc.paragraphs.findIndex((p) => p.start <= o && o <= p.end);
      for (const q of out) for (const f of q.fragments) expect(paraOf(f.start)).toBe(paraOf(f.end - 1));
    }
  });

  it('never throws on odd text', () => {
    for (const t of ['"', '“”', '‘’', '"""', '«', '„', '″″', '" said he', 'said: "', '\n\n“\n\n“\n\n']) {
      expect(() => quotes(t)).not.toThrow();
    }
  });
});

describe('quotes: data', () => {
  it('the compiled speech-verb list is current with data/speech-verbs.txt, sorted and without duplicates', () => {
    const file = readFileSync(new URL('../data/speech-verbs.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'));
    expect(speechVerbs).toEqual(file);
    expect([...file].sort()).toEqual(file);
    expect(new Set(file).size).toBe(file.length);
  });
});
