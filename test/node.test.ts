import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleTooLargeError, createTagger, InvalidInputError, InvalidOptionsError } from '../src/index.js';
import { type ArticleInput, type TagResult, tagArticles, tagFile } from '../src/node.js';

// Fixture texts written for these tests.
const TEXT_A = 'Harbour workers in Rivertown voted on Tuesday to end a two-week strike, union leader Mara Quill said.';
const TEXT_B = 'The city council of Eastbrook approved a new budget for its libraries on Friday.';

const dir = mkdtempSync(join(tmpdir(), 'at-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function collect<R>(it: AsyncIterable<R>): Promise<R[]> {
  const out: R[] = [];
  for await (const r of it) out.push(r);
  return out;
}

/** An async source that records how far it has been read. */
function source<T>(items: T[], delays: number[] = []) {
  const state = { pulled: 0 };
  async function* gen() {
    for (let i = 0; i < items.length; i++) {
      await new Promise((r) => setTimeout(r, delays[i] ?? 0));
      state.pulled++;
      yield items[i]!;
    }
  }
  return { state, iterable: gen() };
}

describe('tagFile', () => {
  it('reads UTF-8, strips a BOM, and tags', async () => {
    const p = join(dir, 'bom.txt');
    writeFileSync(p, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT_A)]));
    const tags = await tagFile(p, { publishedAt: '2024-03-05' });
    expect(tags.schemaVersion).toBe(1);
    expect(tags.publishedAt).toBe('2024-03-05');
    expect(tags.zones.at(-1)?.end).toBe(TEXT_A.length); // offsets index the text after the BOM
  });

  it('rejects bytes that are not UTF-8 text', async () => {
    const bad = join(dir, 'latin1.txt');
    writeFileSync(bad, Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])); // "café" in Latin-1
    await expect(tagFile(bad)).rejects.toBeInstanceOf(InvalidInputError);
    const utf16 = join(dir, 'utf16.txt');
    writeFileSync(utf16, Buffer.from('hello', 'utf16le'));
    await expect(tagFile(utf16)).rejects.toThrow(/not UTF-8 text/);
  });

  it('refuses a file too large without reading it all, and passes fs errors through', async () => {
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'word '.repeat(200));
    await expect(tagFile(big, { maxLength: 100 })).rejects.toBeInstanceOf(ArticleTooLargeError);
    await expect(tagFile(big, { maxLength: 500 })).rejects.toBeInstanceOf(ArticleTooLargeError); // 1,000 bytes ≤ 3×500
    await expect(tagFile(join(dir, 'missing.txt'))).rejects.toMatchObject({ code: 'ENOENT' });
    await expect(tagFile(dir)).rejects.toMatchObject({ code: 'EISDIR' });
  });

  it('uses the tagger it is given', async () => {
    const p = join(dir, 'a.txt');
    writeFileSync(p, TEXT_B);
    const tagger = createTagger({});
    expect((await tagFile(p, undefined, tagger)).schemaVersion).toBe(1);
  });
});

// Each call starts worker threads that load the core: seconds on a loaded machine, hence the timeout.
describe('tagArticles', { timeout: 120_000 }, () => {
  it('yields every record in input order, strings and objects, with per-record publishedAt', async () => {
    const records: ArticleInput[] = [
      { id: 'a', text: TEXT_A, publishedAt: '2020-01-02' },
      TEXT_B,
      { id: 'c', text: TEXT_B },
    ];
    // Uneven delays: later records arrive sooner than earlier ones would finish.
    const { iterable } = source(records, [20, 0, 5]);
    const out = await collect(tagArticles(iterable, { concurrency: 3, options: { publishedAt: '2021-06-07' } }));
    expect(out.map((r) => r.record)).toEqual(records);
    expect(out.map((r) => r.tags?.publishedAt)).toEqual(['2020-01-02', '2021-06-07', '2021-06-07']);
    expect(out.every((r) => r.error === undefined)).toBe(true);
  });

  it('yields failed records with their error instead of dropping them', async () => {
    const records = [
      { id: 'ok1', text: TEXT_A },
      { id: 'nottext', text: 42 as unknown as string },
      { id: 'big', text: TEXT_A.repeat(3) },
      { id: 'baddate', text: TEXT_B, publishedAt: '2023-02-30' },
      null as unknown as ArticleInput,
      { id: 'ok2', text: TEXT_B },
    ];
    const out: TagResult[] = await collect(tagArticles(records, { options: { maxLength: 200 } }));
    expect(out).toHaveLength(records.length);
    expect(out.map((r) => r.record)).toEqual(records);
    expect(out.map((r) => (r.error ? (r.error as Error & { code?: string }).code : 'ok'))).toEqual([
      'ok',
      'ERR_INVALID_INPUT',
      'ERR_ARTICLE_TOO_LARGE',
      'ERR_INVALID_OPTIONS',
      'ERR_INVALID_INPUT',
      'ok',
    ]);
  });

  it('never reads further ahead than the pool window: (2 × concurrency + 1) batches', async () => {
    const n = 24;
    const { state, iterable } = source(
      Array.from({ length: n }, (_, i) => `${TEXT_B} Item ${i}.`),
      [],
    );
    let yielded = 0;
    let maxAhead = 0;
    for await (const r of tagArticles(iterable, { concurrency: 1, batchSize: 2 })) {
      expect(r.error).toBeUndefined();
      yielded++;
      await new Promise((res) => setTimeout(res, 2)); // a slow consumer
      maxAhead = Math.max(maxAhead, state.pulled - yielded);
    }
    expect(yielded).toBe(n);
    expect(maxAhead).toBeLessThanOrEqual((2 * 1 + 1) * 2 + 1);
    expect(maxAhead).toBeGreaterThan(0); // it does read ahead
  });

  it('stops reading the source when the consumer stops', async () => {
    let closed = false;
    let pulled = 0;
    function* gen() {
      try {
        for (let i = 0; i < 100; i++) {
          pulled++;
          yield TEXT_A;
        }
      } finally {
        closed = true;
      }
    }
    for await (const _ of tagArticles(gen(), { concurrency: 1, batchSize: 1 })) break;
    expect(closed).toBe(true);
    expect(pulled).toBeLessThanOrEqual(4);
  });

  it('rebuilds the library errors of the worker threads, and --unordered or a custom tagger keep every record', async () => {
    const records = [{ text: TEXT_A }, { text: 'x'.repeat(50) }, { text: TEXT_B }];
    const out = await collect(tagArticles(records, { concurrency: 2, unordered: true, options: { maxLength: 40 } }));
    expect(out).toHaveLength(3);
    expect(out.every((r) => r.error instanceof ArticleTooLargeError)).toBe(true);
    expect((out[0]!.error as ArticleTooLargeError).maxLength).toBe(40);
    const tagger = createTagger({ places: [{ name: 'Rivertown', countryCode: 'GB', kind: 'town' }] });
    const own = await collect(tagArticles([TEXT_A], { tagger }));
    expect(own[0]!.tags?.places.map((p) => p.name)).toContain('Rivertown');
  });

  it('validates its own options eagerly and passes source errors through', async () => {
    expect(() => tagArticles([], { concurrency: 0 })).toThrow(InvalidOptionsError);
    expect(() => tagArticles([], { concurrency: 1.5 })).toThrow(InvalidOptionsError);
    expect(() => tagArticles([], { batchSize: 0 })).toThrow(InvalidOptionsError);
    expect(() => tagArticles([], { options: { dateOrder: 'YMD' as never } })).toThrow(InvalidOptionsError);
    expect(() => tagArticles(42 as never)).toThrow(InvalidInputError);
    async function* failing() {
      yield TEXT_A;
      throw new Error('source broke');
    }
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const r of tagArticles(failing(), { concurrency: 1 })) seen.push(r.record);
      })(),
    ).rejects.toThrow('source broke');
    expect(seen).toEqual([TEXT_A]);
  });
});
