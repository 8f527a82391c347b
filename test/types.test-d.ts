import { expectTypeOf, test } from 'vitest';
import type { z } from 'zod';
import {
  type ArticleTags,
  type ArticleTagsSchema,
  type ArticleTooLargeError,
  createTagger,
  type DateMention,
  type InvalidInputError,
  type Person,
  type Quote,
  type TagOptions,
  tagArticle,
} from '../src/index.js';

test('public types are the schema types', () => {
  expectTypeOf<ArticleTags>().toEqualTypeOf<z.infer<typeof ArticleTagsSchema>>();
  expectTypeOf(tagArticle).returns.toEqualTypeOf<ArticleTags>();
  expectTypeOf(createTagger().tag).returns.toEqualTypeOf<ArticleTags>();
  expectTypeOf<Person['nationality']>().toEqualTypeOf<string | null>();
  expectTypeOf<DateMention['grain']>().toEqualTypeOf<
    'day' | 'week' | 'month' | 'season' | 'quarter' | 'half' | 'year' | 'decade' | 'century'
  >();
  expectTypeOf<DateMention['endValue']>().toEqualTypeOf<string | undefined>();
  expectTypeOf<Quote['kind']>().toEqualTypeOf<'direct' | 'indirect'>();
  expectTypeOf<ArticleTags['focus']>().toEqualTypeOf<
    { countries: { code: string; score: number }[]; place: string | null } | undefined
  >();
});

test('options are typed', () => {
  expectTypeOf<TagOptions['dateOrder']>().toEqualTypeOf<'MDY' | 'DMY' | 'auto' | undefined>();
  expectTypeOf<TagOptions['publishedAt']>().toEqualTypeOf<string | Date | null | undefined>();
  expectTypeOf<TagOptions['demonymPlaces']>().toEqualTypeOf<boolean | undefined>();
  // @ts-expect-error: an unknown stage name is a type error
  tagArticle('x', { include: ['weather'] });
});

test('errors carry literal codes', () => {
  expectTypeOf<InvalidInputError['code']>().toEqualTypeOf<'ERR_INVALID_INPUT'>();
  expectTypeOf<ArticleTooLargeError['code']>().toEqualTypeOf<'ERR_ARTICLE_TOO_LARGE'>();
});
