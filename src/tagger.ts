import { assemble } from './assemble.js';
import { type ResolvedConfig, resolveConfig, type TaggerConfig } from './config.js';
import { ArticleTooLargeError, InvalidInputError } from './errors.js';
import { englishShareBelow, junkShare } from './language.js';
import { resolveOptions, type TagOptions } from './options.js';
import { createContext } from './pipeline/context.js';
import { plan, runStages } from './pipeline/run.js';
import type { ArticleTags } from './schema.js';
import { EMPTY_RESULTS, STAGES } from './stages/index.js';
import { buildDoc } from './text/doc.js';
import { normalize } from './text/normalize.js';

/** A tagger with its own gazetteers and taxonomy (see `createTagger`). */
export interface Tagger {
  tag(text: string, options?: TagOptions): ArticleTags;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object (${Object.prototype.toString.call(value).slice(8, -1)})`;
  return `a ${typeof value}`;
}

/** Below this share of common English words, the text is flagged NOT_ENGLISH. */
const NOT_ENGLISH_BELOW = 0.12;

function tagWith(config: ResolvedConfig, text: unknown, options: unknown): ArticleTags {
  if (typeof text !== 'string') {
    throw new InvalidInputError(`text must be a string, got ${describe(text)}`);
  }
  const opts = resolveOptions(options);
  if (text.length > opts.maxLength) throw new ArticleTooLargeError(text.length, opts.maxLength);

  const norm = normalize(text);
  const doc = buildDoc(norm.text);
  const ctx = createContext(text, doc, opts, config);

  if (doc.tokens.length === 0) {
    ctx.warn('EMPTY_TEXT', text.length ? 'the text holds no words' : 'the text is empty');
    return assemble(ctx, norm.rawMap);
  }
  if (junkShare(norm.text) > 0.1) {
    ctx.warn('BINARY_TEXT', 'over a tenth of the text is control or replacement characters: is it binary data?');
  }
  const share = englishShareBelow(doc.tokens, NOT_ENGLISH_BELOW);
  if (share !== null) {
    ctx.warn(
      'NOT_ENGLISH',
      `only ${Math.round(share * 100)} % of the words are common English words: results are unreliable`,
    );
  }
  runStages(ctx, plan(STAGES, opts.include), EMPTY_RESULTS);
  return assemble(ctx, norm.rawMap);
}

/**
 * Creates an independent tagger with user gazetteers, suppressions and taxonomy changes, merged into copies of the
 * built-ins (no global state is touched).
 * @example
 * const tagger = createTagger({ places: [{ name: 'Little Snoring', countryCode: 'GB', kind: 'village' }] });
 * tagger.tag('Flooding hit Little Snoring on Monday.').places[0]?.name; // 'Little Snoring'
 */
export function createTagger(config?: TaggerConfig): Tagger {
  const resolved = resolveConfig(config);
  return { tag: (text, options) => tagWith(resolved, text, options) };
}

const defaultConfig = resolveConfig({});

/**
 * Tags a news article: people, organizations, places, dates, quotes and topics, with offsets into `text`.
 * @example
 * const tags = tagArticle('“We will win,” Ivan Korolev told the BBC on Aug. 11.', { publishedAt: '2023-08-11' });
 * tags.quotes[0]?.speaker?.name; // 'Ivan Korolev'
 */
export function tagArticle(text: string, options?: TagOptions): ArticleTags {
  return tagWith(defaultConfig, text, options);
}
