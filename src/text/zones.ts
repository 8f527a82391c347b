/**
 * Zoning: which part of a pasted web page each paragraph is. News sites differ, but their chrome has a few shapes:
 * navigation and widgets (short lines of menu words), reading-time and share lines, bylines ("By X", a name line
 * next to a role line such as "Reporter"), datelines, photo captions with credits, author bios after the story,
 * "Read more" / "Most read" / "Related" blocks and teasers of other stories, newsletter and copyright lines.
 *
 * The story body is the run of prose paragraphs from the first one to the last one before the first end-of-story
 * marker (a related-stories header, an author bio, an author card). Everything is decided per paragraph from its own
 * text and its neighbours; a paragraph may also hold sub-spans (a caption's "(Photo credit: …)", an inline dateline).
 */
import type { ZoneKind } from '../schema.js';
import { isJsSpace } from './normalize.js';
import type { Paragraph, Token, ZoneSpan } from './types.js';

export interface Zoning {
  headline: { start: number; end: number } | null;
  authors: { name: string; start: number; end: number }[];
  datelineDate: string | null;
  /** Parts of paragraphs in another zone than their paragraph (credits inside captions, inline datelines). */
  splits: ZoneSpan[];
}

const BOILERPLATE_LINE =
  /^(?:news ?feed|menu|home|search|subscribe(?: now)?|sign (?:in|up)|log ?in|log ?out|register|share(?: this(?: article| story)?)?|share on \w+|tweet|print|e-?mail|copy link|advertisement|advertising|sponsored(?: content)?|show more|load more|see more|view more|skip to (?:main )?content|follow us(?: on \w+)?|avatar|comments?|\d+ comments?|leave a comment|back to top|listen(?: to (?:this )?article)?|play|watch|video|audio|close|open|toggle navigation|cookie settings|accept(?: all)?(?: cookies)?|privacy policy|terms of (?:use|service)|contact us|about us|donate|support us|become a member|join us|latest|trending|breaking news|live|opinion|explainer|analysis|world|politics|business|sport|sports|tech|technology|science|health|culture|entertainment|europe|ukraine|war|news|lifestyle|travel)[\s.:!|\u00BB\u203A>]*$/i;
const READ_TIME = /^\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?|m)\.?\s+(?:read|listen)\b/i;
const COPYRIGHT = /^(?:\u00A9|\(c\)\s|copyright\b|all rights reserved)/i;
const NEWSLETTER_WORDS =
  /\b(?:sign up for (?:our|the)\b|subscribe to (?:our|the)\b|newsletter\b|delivered to your inbox|we (?:use|value) cookies)/i;
const GET_THE_LATEST = /\bget (?:our|the) (?:latest|best)\b/i;
const INBOX = /\b(?:inbox|email)/i;
/** A newsletter or cookie line; "get our latest … inbox" is two searches (one regex with `.*` between is quadratic). */
const newsletter = (s: string): boolean => {
  if (NEWSLETTER_WORDS.test(s)) return true;
  const get = GET_THE_LATEST.exec(s);
  return get !== null && INBOX.test(s.slice(get.index + get[0].length));
};
const RELATED_HEADER =
  /^(?:read more|read also|also read|see also|related(?: (?:articles?|stories|news|content|coverage|topics|reading))?|more (?:from|on|about|stories|news|like this|in)\b.{0,40}|most (?:read|popular|viewed|shared)|recommended(?: for you| stories)?|you (?:may|might) (?:also )?(?:like|be interested in)|what to read next|top stories|latest (?:news|stories)|up next|editors?['\u2019] picks?|popular now|in (?:other|related) news)$/i;
/** Trailing spaces and `:.!»›>` (a loop: `[\s…]*$` as a regex is quadratic on long runs of spaces). */
const TRAILING_PUNCT = new Set([...' :.!»›>\n']);
const trimTrailingPunct = (s: string): string => {
  let e = s.length;
  while (e > 0 && TRAILING_PUNCT.has(s[e - 1] as string)) e--;
  return s.slice(0, e);
};
const RELATED_INLINE =
  /^(?:read more|read also|also read|see also|related|more|watch|listen|recommended|opinion)\s*[:|\u203A\u00BB>\u2013\u2014-]\s*\S/i;
const TAGS_LINE = /^(?:tags?|topics?|filed under|categories|related topics)\s*:/i;
const BYLINE =
  /^(?:[Bb]y|[Ww]ritten by|[Ww]ords by|[Rr]eporting by|[Aa]uthor:?)\s+(\p{Lu}[\p{L}'\u2019.-]*(?:\s+(?:\p{Lu}[\p{L}'\u2019.-]*|de|van|von|al|bin|da|di|la|le|du|dos|der)){0,4})/u;
const ROLE_LINE =
  /^(?:(?:senior |chief |staff |contributing |deputy |associate |executive |managing |foreign |political |news |investigative |freelance |special )?(?:reporter|correspondent|writer|editor|journalist|columnist|contributor|author|producer|analyst|photographer|editor-in-chief|news editor|staff writer|freelance journalist)(?:\s*(?:,|at|for)\s+\S.{0,59})?)$/i;
const NAME_LINE =
  /^\p{Lu}[\p{Ll}'\u2019.-]+(?:\s+(?:\p{Lu}[\p{L}'\u2019.-]*|de|van|von|al|bin|da|di|la|le|du|der)){1,3}$/u;
// An inline credit is one parenthesised group (no nested parentheses, no line break): "(Photo: X)", "(Photo by X)",
// "(X/Getty Images)". Found by a scan over the groups and anchored tests of each group's content, not one regex over
// the line (the ReDoS checker found the one-regex form polynomial).
const CREDIT_LABEL =
  /^(?:photo|image|picture|video|graphic|illustration|footage)(?:\s+(?:credit|courtesy|by|source))?\s*:/i;
const CREDIT_BY = /^(?:photo|image)\s+by\s/i;
const CREDIT_AGENCY = /\/\s*(?:getty images|afp|ap|reuters|epa|anadolu|shutterstock)/gi;

/** The first inline photo credit in a line: its start and end in the line, or null. */
function creditInline(s: string): { index: number; end: number } | null {
  let i = s.indexOf('(');
  while (i !== -1) {
    let j = i + 1;
    while (j < s.length) {
      const c = s.charCodeAt(j);
      if (c === 40 || c === 41 || c === 10) break;
      j++;
    }
    if (j < s.length && s.charCodeAt(j) === 41 && isCredit(s.slice(i + 1, j))) return { index: i, end: j + 1 };
    i = j < s.length && s.charCodeAt(j) === 40 ? j : s.indexOf('(', j + 1);
  }
  return null;
}

function isCredit(content: string): boolean {
  if (content.length > 200) return false;
  const label = CREDIT_LABEL.exec(content) ?? CREDIT_BY.exec(content);
  if (label) {
    const rest = content.length - label[0].length;
    if (rest >= 1 && rest <= 120) return true;
  }
  CREDIT_AGENCY.lastIndex = 0;
  for (let m = CREDIT_AGENCY.exec(content); m; m = CREDIT_AGENCY.exec(content)) {
    if (m.index <= 80 && content.length - (m.index + m[0].length) <= 40) return true;
  }
  return false;
}
const CREDIT_LINE =
  /^(?:(?:photo|image|picture|video|graphic|illustration)(?:\s*(?:credit|source|courtesy|by))?\s*[:,]|image source\b|credit\s*:|getty images$|\(?(?:ap|afp|reuters|epa) photo\b|photograph:)/i;
const CAPTION_LINE = /^(?:image caption|caption|photo caption)\s*[:,]/i;
// Day and month names are read to at most six letters past their first three (wed|nesday, sep|tember): an unbounded
// [a-z]* there is polynomial by recheck's analysis.
const DATE_WORDS =
  /^(?:(?:published|updated|posted|last updated|first published|modified)(?:\s+on)?(?:\s*:)?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?(?:\d{1,2}\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b[\s\d:apm.,|/\u2014\u2013-]{0,40}(?:[a-z]{2,5})?$|^(?:(?:published|updated|posted)(?:\s+on)?(?:\s*:)?\s*)?\d{4}-\d{2}-\d{2}(?:[T\s][\d:]{1,12})?\s*(?:[a-z]{2,5})?$|^(?:(?:published|updated|posted)(?:\s+on)?(?:\s*:)?\s*)?\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?\s+\d{4}\b[\s\d:apm.,|/\u2014\u2013-]{0,40}(?:[a-z]{2,5})?$/i;
const WIRE_DATELINE =
  /^\p{Lu}[\p{Lu} .'\u2019-]{1,40}(?:,\s{1,3}[\p{L} .]{2,30})?\s{1,3}(?:\d{4}-\d{2}-\d{2}|\((?:AP|AFP|Reuters|UPI|dpa|Xinhua|Bloomberg|CNN|IANS|PTI|TASS)\)\s{0,3}[\u2014\u2013-]{1,2})/u;
// Spaces around the separators are inside the {1,30} runs (a `\s*` there overlaps them: polynomial).
const BREADCRUMB = /^[^\u203A\u00BB>|/\n]{1,30}(?:[\u203A\u00BB>|/][^\u203A\u00BB>|/\n]{1,30}){1,6}$/;
/**
 * "WARSAW —", "KYIV, Ukraine (AP) —", "LONDON (Reuters) -": a wire dateline opening the first paragraph. Returns the
 * dateline's length with its dash and the space after it, or 0. A scan over the dash candidates with anchored tests
 * of the words before one (an all-capitals place of up to four words, an optional ", Region" of up to three words,
 * an optional "(Agency)"); the one-regex form of this made the ReDoS checker time out.
 */
const DATELINE_DASH = /[\u2014\u2013-]{1,2} /g;
const DATELINE_CITY_WORD = /^\p{Lu}[\p{Lu}.'\u2019-]*$/u;
const DATELINE_REGION_WORD = /^\p{Lu}[\p{L}.]*$/u;
const DATELINE_AGENCY = /^[\p{L} ]{2,20}$/u;

function inlineDateline(line: string): number {
  const head = line.slice(0, 80);
  DATELINE_DASH.lastIndex = 0;
  for (let m = DATELINE_DASH.exec(head); m; m = DATELINE_DASH.exec(head)) {
    if (datelineHead(head.slice(0, m.index))) return m.index + m[0].length;
  }
  return 0;
}

function datelineHead(h: string): boolean {
  let head = h.endsWith(' ') ? h.slice(0, -1) : h;
  if (head.endsWith(')')) {
    const open = head.lastIndexOf(' (');
    if (open < 0 || !DATELINE_AGENCY.test(head.slice(open + 2, -1))) return false;
    head = head.slice(0, open);
  }
  const comma = head.indexOf(', ');
  const city = (comma < 0 ? head : head.slice(0, comma)).split(' ');
  const region = comma < 0 ? [] : head.slice(comma + 2).split(' ');
  if (city.length > 4 || !city.every((w) => DATELINE_CITY_WORD.test(w))) return false;
  return comma < 0 || (region.length <= 3 && region.every((w) => DATELINE_REGION_WORD.test(w)));
}
const BIO_START = /^(?:\p{Lu}[\p{L}'\u2019.-]+\s+){1,3}(?:is|was|has been|covers|writes|joined|reports)\b/u;
/** BIO_START with the name captured (a module constant: the bundler turns an inline \p{…} literal into a new RegExp per call). */
const BIO_NAME = /^((?:\p{Lu}[\p{L}'\u2019.-]+\s+){1,3})(?:is|was|has been|covers|writes|joined|reports)\b/u;
const BIO_WORDS =
  /\b(?:reporter|correspondent|journalist|editor|writer|columnist|covers|covering|specializ|specialis|based in|joined (?:the|us)|graduat|contributor|previously worked)/i;

const NAME_PARTICLES = new Set(['de', 'van', 'von', 'al', 'bin', 'da', 'di', 'la', 'le', 'du', 'der']);
const UPPER_START = /^\p{Lu}/u;

/**
 * Names in a byline's tail ("Jane Okafor and Tom Reyes, Reuters"): runs of two to five capitalised words (name
 * particles inside), ended by a lower-case word or by a comma, semicolon, colon or bar. A word scan, not a regex
 * with nested repetition (which is polynomial on long runs of letters).
 */
function bylineNames(s: string): { name: string; index: number }[] {
  const out: { name: string; index: number }[] = [];
  let runStart = -1;
  let runEnd = -1;
  let n = 0;
  const flush = () => {
    if (n >= 2) out.push({ name: s.slice(runStart, runEnd), index: runStart });
    runStart = -1;
    n = 0;
  };
  for (const m of s.matchAll(/\S+/g)) {
    const at = m.index ?? 0;
    let e = m[0].length;
    let breakAfter = false;
    while (e > 0 && ',;:|'.includes(m[0][e - 1] as string)) {
      e--;
      breakAfter = true;
    }
    const w = m[0].slice(0, e);
    if (w && (UPPER_START.test(w) || (n > 0 && NAME_PARTICLES.has(w)))) {
      if (n === 0) runStart = at;
      runEnd = at + e;
      n++;
      if (n === 5) breakAfter = true;
    } else {
      flush();
    }
    if (breakAfter) flush();
  }
  flush();
  return out;
}

const isSpace = isJsSpace;
/**
 * The number of white-space-separated words (as `s.match(/\S+/g).length`, without building the array), counted up
 * to `max` and no further (a body paragraph needs no full scan when only "more than 40" matters).
 */
const words = (s: string, max = Number.POSITIVE_INFINITY) => {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < s.length; i++) {
    const space = isSpace(s.charCodeAt(i));
    if (!space && !inWord && ++n > max) return n;
    inWord = !space;
  }
  return n;
};
/** Every test of a line's word count compares it with 40 or less, so counting past 41 changes nothing. */
const COUNT_CAP = 41;
// Regexes are module constants, and "ends with one of" tests read the last code unit: a regex literal inside a function
// is a new RegExp object at every evaluation (an allocation per line), and its tests in the hot, large classifyZones
// were where V8 deoptimized it ("wrong map") again and again, each time for a costly recompile on its background
// threads. `/[…]$/` without the m flag matches at the very end only, so the last code unit decides.
const lastCode = (s: string): number => (s.length ? s.charCodeAt(s.length - 1) : -1);
/** `/[.!?]$/.test(s)` */
const endsSentence = (s: string): boolean => {
  const c = lastCode(s);
  return c === 0x2e || c === 0x21 || c === 0x3f;
};
/** `/[.!?"\u201D\u2019)]$/.test(s)` */
const endsProse = (s: string): boolean => {
  const c = lastCode(s);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x22 || c === 0x201d || c === 0x2019 || c === 0x29;
};
/** The start of an attribution after a closing quote mark: a dash, then a capital ("— Maria Gonzalez"). */
const DASH_NAME = /^\s*[\u2014\u2013-]\s*\p{Lu}/u;
/**
 * A paragraph that ends with a double-quoted quote closed by a dash and who said it: `“…” — Maria
 * Gonzalez, 28, Phoenix` (vox pops, epigraphs). It ends as the quote does, so it is prose, not a teaser title. A
 * backward scan over the tail (at most 80 characters, no sentence mark or double quote in it) to the closing mark.
 */
const endsQuotedAttribution = (s: string): boolean => {
  const stop = Math.max(0, s.length - 81);
  for (let k = s.length - 1; k >= stop; k--) {
    const c = s.charCodeAt(k);
    if (c === 0x201d || c === 0x22) return DASH_NAME.test(s.slice(k + 1));
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x201c) return false;
  }
  return false;
};
/** `/[.!?"\u201D]$/.test(s)` */
const endsQuoteOrSentence = (s: string): boolean => {
  const c = lastCode(s);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x22 || c === 0x201d;
};
/** `/[.!?)]$/.test(s)` */
const endsCaption = (s: string): boolean => {
  const c = lastCode(s);
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x29;
};
/** `/[.:;,]$/.test(s)` */
const endsClause = (s: string): boolean => {
  const c = lastCode(s);
  return c === 0x2e || c === 0x3a || c === 0x3b || c === 0x2c;
};
const AVATAR = /^avatar$/i;
const NOT_AN_AUTHOR = /^(?:Updated|Published|And)\b/;
const ISO_DATE_END = /\d{4}-\d{2}-\d{2}$/;
const BIO_GOES_ON = /^(?:He|She|They|His|Her|Their|Previously|Before)\b/;
const prose = (s: string, n: number) => n >= 15 || (n >= 7 && (endsProse(s) || endsQuotedAttribution(s)));
const titleLike = (s: string, n: number) => n >= 3 && n <= 30 && !endsClause(s);

/** Assigns a zone to every paragraph (mutates `paragraphs[i].zone`) and finds headline, authors and splits. */
export function classifyZones(text: string, paragraphs: Paragraph[], _tokens: Token[]): Zoning {
  const n = paragraphs.length;
  const lines: string[] = [];
  const counts = new Int32Array(n);
  for (let k = 0; k < n; k++) {
    const p = paragraphs[k] as Paragraph;
    const line = text.slice(p.start, p.end);
    lines.push(line);
    counts[k] = words(line, COUNT_CAP);
  }
  const zone: (ZoneKind | null)[] = new Array(n).fill(null);
  const authors: Zoning['authors'] = [];
  const splits: ZoneSpan[] = [];
  const addAuthor = (name: string, start: number) => {
    if (!authors.some((a) => a.name === name)) authors.push({ name, start, end: start + name.length });
  };

  // 1. Lines whose own text says what they are.
  for (let k = 0; k < n; k++) {
    const s = lines[k] as string;
    const c = counts[k] as number;
    const start = (paragraphs[k] as Paragraph).start;
    if (c <= 12 && (READ_TIME.test(s) || (BOILERPLATE_LINE.test(s) && c <= 5))) zone[k] = 'boilerplate';
    else if (c <= 16 && BREADCRUMB.test(s) && !endsSentence(s)) zone[k] = 'boilerplate';
    else if (COPYRIGHT.test(s) || TAGS_LINE.test(s) || (c <= 40 && newsletter(s))) zone[k] = 'boilerplate';
    else if (c <= 8 && RELATED_HEADER.test(trimTrailingPunct(s))) zone[k] = 'related';
    else if (c <= 30 && RELATED_INLINE.test(s)) zone[k] = 'related';
    else if (c <= 12 && DATE_WORDS.test(s)) zone[k] = 'dateline';
    else if (c <= 14 && CREDIT_LINE.test(s)) zone[k] = 'credit';
    else if (CAPTION_LINE.test(s)) zone[k] = 'caption';
    else if (c <= 12 && ROLE_LINE.test(s)) zone[k] = 'byline';
    else {
      const by = c <= 12 && !endsQuoteOrSentence(s) ? BYLINE.exec(s) : null;
      if (by?.[1]) {
        zone[k] = 'byline';
        const from = by.index + by[0].length - by[1].length;
        const names = s.slice(from);
        for (const m of bylineNames(names)) {
          if (!NOT_AN_AUTHOR.test(m.name)) addAuthor(m.name, start + from + m.index);
        }
      } else if (c <= 8 && WIRE_DATELINE.test(s) && ISO_DATE_END.test(s)) {
        zone[k] = 'dateline';
      }
    }
    if (zone[k] === null && s.includes('(')) {
      const credit = creditInline(s);
      if (credit) {
        zone[k] = 'caption';
        splits.push({ kind: 'credit', start: start + credit.index, end: start + credit.end });
      }
    }
  }
  // A name line next to a role line or an avatar is an author card.
  for (let k = 0; k < n; k++) {
    if (zone[k] !== null || (counts[k] as number) > 5 || !NAME_LINE.test(lines[k] as string)) continue;
    const near = (j: number) =>
      j >= 0 &&
      j < n &&
      (zone[j] === 'byline' || AVATAR.test(lines[j] as string) || DATE_WORDS.test(lines[j] as string));
    if (near(k - 1) || near(k + 1)) {
      zone[k] = 'byline';
      addAuthor(lines[k] as string, (paragraphs[k] as Paragraph).start);
    }
  }
  // 2. Author bios: a paragraph about an author ("X is a reporter for ..."), or starting with a known author's name.
  for (let k = 0; k < n; k++) {
    if (zone[k] !== null) continue;
    const s = lines[k] as string;
    const byAuthor = authors.some((a) => s.startsWith(a.name) || s.startsWith(`${a.name.split(' ')[0]} `));
    // (The position test first: in the first half only a known author's bio counts, so no regex runs there.)
    if ((byAuthor || k > n / 2) && (byAuthor || BIO_START.test(s)) && BIO_WORDS.test(s.slice(0, 200))) {
      zone[k] = 'author-bio';
      const m = BIO_NAME.exec(s);
      if (m?.[1] && !byAuthor && words(m[1]) >= 2) addAuthor(m[1].trim(), (paragraphs[k] as Paragraph).start);
    }
  }
  // Later paragraphs of a bio start with the author's first name or a pronoun and stay bio until the next marker.
  for (let k = 1; k < n; k++) {
    if (zone[k] === null && zone[k - 1] === 'author-bio' && BIO_GOES_ON.test(lines[k] as string))
      zone[k] = 'author-bio';
  }

  // 3. The body: prose from the first prose paragraph to the last one before the first end-of-story marker.
  let first = -1;
  for (let k = 0; k < n; k++) {
    if (zone[k] === null && prose(lines[k] as string, counts[k] as number)) {
      first = k;
      break;
    }
  }
  let stop = n;
  if (first >= 0) {
    for (let k = first + 1; k < n; k++) {
      const z = zone[k];
      const endMarker =
        z === 'author-bio' ||
        (z === 'related' && RELATED_HEADER.test(trimTrailingPunct(lines[k] as string))) ||
        (z === 'byline' && k > first) ||
        AVATAR.test(lines[k] as string);
      if (endMarker) {
        stop = k;
        break;
      }
    }
  }
  let last = -1;
  for (let k = stop - 1; k >= Math.max(first, 0); k--) {
    const s = lines[k] as string;
    // The story's last paragraph ends as a sentence does; a title-like line before the marker is a teaser.
    if (
      zone[k] === null &&
      prose(s, counts[k] as number) &&
      (endsProse(s) || (counts[k] as number) >= 40 || endsQuotedAttribution(s))
    ) {
      last = k;
      break;
    }
  }

  // 4. Headline: the first title-like line before the body; repeats of it are boilerplate.
  let headline: Zoning['headline'] = null;
  let headlineText = '';
  const headEnd = first >= 0 ? first : n;
  for (let k = 0; k < headEnd; k++) {
    if (zone[k] !== null) continue;
    const s = lines[k] as string;
    if (!headline && (titleLike(s, counts[k] as number) || endsSentence(s)) && (counts[k] as number) >= 3) {
      zone[k] = 'headline';
      headline = { start: (paragraphs[k] as Paragraph).start, end: (paragraphs[k] as Paragraph).end };
      headlineText = s;
    } else if (headline && s === headlineText) {
      zone[k] = 'boilerplate';
    }
  }
  // The first paragraph is the headline when it is the body's first prose line but reads as a title (CoNLL style).
  if (!headline && first === 0 && n > 1 && (counts[0] as number) <= 20 && zone[0] === null) {
    const s = lines[0] as string;
    if (titleLike(s, counts[0] as number) || s === s.toUpperCase()) {
      zone[0] = 'headline';
      headline = { start: (paragraphs[0] as Paragraph).start, end: (paragraphs[0] as Paragraph).end };
      first = -1;
      for (let k = 1; k < n; k++) {
        if (zone[k] === null && prose(lines[k] as string, counts[k] as number)) {
          first = k;
          break;
        }
      }
    }
  }

  // 5. The rest: inside the body unzoned lines are body (crossheads too); before it, short lines are navigation;
  // after it, title-like lines are teasers of other stories and the rest is boilerplate.
  let inRelated = false;
  for (let k = 0; k < n; k++) {
    if (zone[k] === 'related' && RELATED_HEADER.test(trimTrailingPunct(lines[k] as string)) && k > last)
      inRelated = true;
    if (zone[k] !== null) continue;
    const s = lines[k] as string;
    const c = counts[k] as number;
    if (first >= 0 && k >= first && k <= last) zone[k] = 'body';
    else if (first < 0) zone[k] = headline ? 'body' : c >= 3 ? 'body' : 'boilerplate';
    else if (k < first) zone[k] = c >= 4 && !BOILERPLATE_LINE.test(s) ? 'caption' : 'boilerplate';
    else if (inRelated) zone[k] = 'related';
    else zone[k] = titleLike(s, c) || prose(s, c) ? 'related' : 'boilerplate';
  }
  // A caption line before the body is a caption only if it reads as one (a sentence, a credit); else boilerplate.
  for (let k = 0; k < Math.max(first, 0); k++) {
    if (
      zone[k] === 'caption' &&
      !splits.some((x) => x.start >= (paragraphs[k] as Paragraph).start && x.end <= (paragraphs[k] as Paragraph).end)
    ) {
      const s = lines[k] as string;
      if (!endsCaption(s)) zone[k] = 'boilerplate';
    }
  }
  for (let k = 0; k < n; k++) (paragraphs[k] as Paragraph).zone = zone[k] ?? 'body';
  if (first >= 0 && zone[first] === 'body') {
    const len = inlineDateline(lines[first] as string);
    const p = paragraphs[first] as Paragraph;
    if (len > 0 && len < 60) splits.push({ kind: 'dateline', start: p.start, end: p.start + len });
  }
  return { headline, authors, datelineDate: datelineDate(lines, zone), splits };
}

const ISO_DATE = /(\d{4})-(\d{2})-(\d{2})/;
const MDY = /\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b/i;
const DMY = /\b(\d{1,2})\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\b/i;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The date of the first dateline line, as YYYY-MM-DD: "BRUSSELS 1996-08-22", "Published Aug. 11, 2023", "11 August 2023". */
function datelineDate(lines: string[], zone: (ZoneKind | null)[]): string | null {
  for (let k = 0; k < Math.min(lines.length, 12); k++) {
    if (zone[k] !== 'dateline' && zone[k] !== 'byline') continue;
    const s = lines[k] as string;
    const iso = ISO_DATE.exec(s);
    if (iso) return valid(+(iso[1] as string), +(iso[2] as string), +(iso[3] as string));
    const mdy = MDY.exec(s);
    if (mdy)
      return valid(+(mdy[3] as string), MONTHS.indexOf((mdy[1] as string).toLowerCase()) + 1, +(mdy[2] as string));
    const dmy = DMY.exec(s);
    if (dmy)
      return valid(+(dmy[3] as string), MONTHS.indexOf((dmy[2] as string).toLowerCase()) + 1, +(dmy[1] as string));
  }
  return null;
}

function valid(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * The end of the zone holding normalized `offset` (binary search; zones tile the normalized text), or +Infinity when no
 * zone holds it (no zones: nothing to cross). Assembly drops a mention that crosses a zone boundary; the quotes stage
 * uses the same test so it never joins quote parts across one.
 */
export function zoneEnd(zones: readonly { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = zones.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const z = zones[mid] as { start: number; end: number };
    if (offset < z.start) hi = mid - 1;
    else if (offset >= z.end) lo = mid + 1;
    else return z.end;
  }
  return Number.POSITIVE_INFINITY;
}
