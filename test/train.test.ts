// The learned topic model: trainTopics, createTagger({ topicModel }) and the `train` command, on a small synthetic
// corpus of our own writing. Accuracy on Reuters is measured by hand (docs/ACCURACY.md, src/topics/train.ts).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { trainCommand } from '../src/cli-train.js';
import { InvalidInputError, InvalidOptionsError } from '../src/errors.js';
import { ArticleTagsSchema } from '../src/schema.js';
import { createTagger } from '../src/tagger.js';
import { TopicModelSchema } from '../src/topics/model.js';
import { type TrainExample, trainTopics } from '../src/topics/train.js';

/** Word pools of three house tags, plus filler every article shares. */
const POOLS: Record<string, string[]> = {
  harbour: ['ferry', 'harbour', 'dock', 'pier', 'vessel', 'cargo', 'tugboat', 'quay', 'mooring', 'lighthouse'],
  orchard: ['apple', 'orchard', 'blossom', 'harvest', 'pear', 'cider', 'pruning', 'grower', 'frost', 'picking'],
  theatre: ['stage', 'actor', 'rehearsal', 'playwright', 'audience', 'curtain', 'premiere', 'director', 'ticket'],
};
const FILLER = ['council', 'week', 'local', 'people', 'town', 'spokesperson', 'plan', 'morning', 'report', 'year'];

/** A deterministic pseudo-random sequence (an LCG) so the corpus is the same on every run. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function article(tags: string[], rand: () => number): string {
  const words: string[] = [];
  for (let i = 0; i < 40; i++) {
    const pool = i % 3 === 0 ? FILLER : (POOLS[tags[i % tags.length] as string] as string[]);
    words.push(pool[Math.floor(rand() * pool.length)] as string);
  }
  const sentences: string[] = [];
  for (let i = 0; i < words.length; i += 8) sentences.push(`The ${words.slice(i, i + 8).join(' ')}.`);
  return sentences.join(' ');
}

function corpus(seed: number, n: number): TrainExample[] {
  const rand = lcg(seed);
  const combos = [['harbour'], ['orchard'], ['theatre'], ['harbour', 'theatre']];
  return Array.from({ length: n }, (_, i) => {
    const tags = combos[i % combos.length] as string[];
    return { text: article(tags, rand), tags };
  });
}

const examples = corpus(7, 80);
const model = trainTopics(examples);

describe('trainTopics', () => {
  it('learns separable tags: each held-out text gets its own tags', () => {
    const tagger = createTagger({ topicModel: JSON.parse(JSON.stringify(model)) });
    const cases: [string, string[]][] = [
      ['The ferry left the harbour at dawn and the cargo vessel waited by the pier.', ['harbour']],
      ['Frost hit the orchard before the apple harvest; the grower feared for the pear blossom.', ['orchard']],
      ['The playwright watched the rehearsal as the actor took the stage before the premiere.', ['theatre']],
      [
        'The actor gave a premiere on the pier: the audience sat on the quay by the lighthouse, the vessel behind the stage.',
        ['harbour', 'theatre'],
      ],
    ];
    for (const [text, want] of cases) {
      const got = tagger.tag(text, { include: ['topics'] }).topics.map((t) => t.id);
      expect(got.sort(), text).toEqual(want);
    }
  });

  it('gives no tag to a text with none of its words (false positives)', () => {
    const tagger = createTagger({ topicModel: model });
    const cases = ['', 'Zebras graze quietly.', '12 34 56', 'Lorem ipsum dolor sit amet.'];
    for (const text of cases) expect(tagger.tag(text, { include: ['topics'] }).topics, text).toEqual([]);
  });

  it('writes a plain JSON model that survives JSON.parse(JSON.stringify()) and passes its own schema', () => {
    const copy = JSON.parse(JSON.stringify(model));
    expect(copy).toEqual(model);
    expect(TopicModelSchema.safeParse(copy).success).toBe(true);
    expect(model.tags.map((t) => t.id)).toEqual(['harbour', 'orchard', 'theatre']);
    const walk = (v: unknown): void => {
      if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
        Object.values(v).forEach(walk);
      }
    };
    walk(model);
  });

  it('is deterministic: the same examples give the same model', () => {
    expect(JSON.stringify(trainTopics(examples))).toBe(JSON.stringify(model));
    expect(JSON.stringify(trainTopics(examples, { seed: 1 }))).toBe(JSON.stringify(model));
  });

  it('carries IPTC codes given for tags, and tags replace the built-in taxonomy', () => {
    const m = trainTopics(examples, { iptc: { orchard: 'medtop:20000209' } });
    expect(m.tags.find((t) => t.id === 'orchard')?.iptc).toBe('medtop:20000209');
    const tags = createTagger({ topicModel: m }).tag(
      'Frost in the orchard: growers say the apple harvest and the pear blossom suffered, and war broke out.',
    );
    expect(ArticleTagsSchema.safeParse(tags).success).toBe(true);
    expect(tags.topics.map((t) => t.id)).toEqual(['orchard']);
    const t = tags.topics[0];
    expect(t?.iptc).toBe('medtop:20000209');
    expect(t?.label).toBe('orchard');
    expect(t?.score).toBeGreaterThan(0.5);
    expect(t?.score).toBeLessThanOrEqual(1);
    expect(t?.evidence.length).toBeGreaterThan(0);
    const text =
      'Frost in the orchard: growers say the apple harvest and the pear blossom suffered, and war broke out.';
    for (const e of t?.evidence ?? []) expect(text.slice(e.start, e.end)).toBe(e.text);
    expect(t?.evidence.map((e) => e.text.toLowerCase()).join(' ')).toMatch(/orchard|apple|pear|harvest|blossom/);
  });

  it('rejects bad examples and options with clear errors', () => {
    expect(() => trainTopics('x' as never)).toThrow(InvalidInputError);
    expect(() => trainTopics([{ text: 'a', tags: [3] }] as never)).toThrow(/examples\[0\]/);
    expect(() => trainTopics([{ text: 'no tags here', tags: [] }])).toThrow(/no example has a tag/);
    expect(() => trainTopics(examples, { holdout: 2 })).toThrow(InvalidOptionsError);
  });
});

describe('createTagger({ topicModel }) validation', () => {
  const bad: [string, (m: Record<string, unknown>) => unknown, RegExp][] = [
    ['not an object', () => 'model', /config\.topicModel/],
    ['wrong format', (m) => ({ ...m, format: 'other' }), /config\.topicModel\.format/],
    ['idf length', (m) => ({ ...m, idf: [] }), /config\.topicModel\.idf: has 0 values/],
    ['no tags', (m) => ({ ...m, tags: [] }), /config\.topicModel\.tags: needs at least one tag/],
    [
      'NaN threshold (after a JSON round trip it is null)',
      (m) => ({ ...m, tags: [{ ...(m.tags as object[])[0], threshold: null }] }),
      /config\.topicModel\.tags\.0\.threshold/,
    ],
    [
      'feature index out of range',
      (m) => ({ ...m, tags: [{ ...(m.tags as object[])[0], indices: [1e9], weights: [1] }] }),
      /config\.topicModel\.tags\.0\.indices\.0: is 1000000000, past the/,
    ],
    [
      'weights not parallel',
      (m) => ({ ...m, tags: [{ ...(m.tags as object[])[0], weights: [] }] }),
      /config\.topicModel\.tags\.0\.weights: has 0 values/,
    ],
    ['bad iptc', (m) => ({ ...m, tags: [{ ...(m.tags as object[])[0], iptc: 'x' }] }), /tags\.0\.iptc: must be/],
  ];
  it.each(bad)('%s', (_name, make, message) => {
    const copy = JSON.parse(JSON.stringify(model)) as Record<string, unknown>;
    const fn = () => createTagger({ topicModel: make(copy) as never });
    expect(fn).toThrow(InvalidOptionsError);
    expect(fn).toThrow(message);
  });
  it('compiles a model object once (cached per object)', () => {
    const a = createTagger({ topicModel: model });
    const b = createTagger({ topicModel: model });
    const text = 'The ferry reached the harbour.';
    expect(a.tag(text).topics).toEqual(b.tag(text).topics);
  });
});

describe('article-tagger train (trainCommand)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'at-train-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const quiet = () => {
    const out: string[] = [];
    const err: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => out.push(String(s)) > 0);
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => err.push(String(s)) > 0);
    return { out, err };
  };
  const input = join(dir, 'tags.jsonl');
  writeFileSync(
    input,
    `${examples.map((e) => JSON.stringify({ body: e.text, labels: e.tags })).join('\n')}\n{"body":"untagged","labels":[]}\n`,
  );

  it('trains from JSON Lines with custom fields and writes a model createTagger accepts', async () => {
    const { out } = quiet();
    const output = join(dir, 'model.json');
    const code = await trainCommand([input, '-o', output, '--text-field', 'body', '--tags-field', 'labels']);
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/^trained 3 tags on 80 tagged articles \(1 untagged skipped\), \d+ features/);
    const saved = JSON.parse(readFileSync(output, 'utf8'));
    expect(saved).toEqual(model);
    const got = createTagger({ topicModel: saved }).tag('The tugboat pushed the vessel to the quay.').topics;
    expect(got.map((t) => t.id)).toEqual(['harbour']);
  });

  const failures: [string, string[], number, RegExp][] = [
    ['no -o', [input], 2, /missing -o/],
    ['unknown option', [input, '-o', 'x.json', '--frobnicate'], 2, /frobnicate/],
    ['missing file', [join(dir, 'nope.jsonl'), '-o', join(dir, 'm.json')], 1, /file not found/],
    ['wrong text field', [input, '-o', join(dir, 'm.json')], 1, /line 1: field 'text' must be a string/],
    ['bad number', [input, '-o', join(dir, 'm.json'), '--min-df', 'two'], 1, /--min-df/],
  ];
  it.each(failures)('%s: exit code and one line on stderr', async (_name, argv, want, message) => {
    const { err } = quiet();
    expect(await trainCommand(argv)).toBe(want);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });

  // The built CLI (npm test builds dist/ first); skipped when dist/ is absent or predates the train command.
  const cli = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
  const built = existsSync(cli) && readFileSync(cli, 'utf8').includes('cli-train');
  it.skipIf(!built)('runs as `article-tagger train` in a child process', () => {
    const output = join(dir, 'cli-model.json');
    const r = spawnSync(
      process.execPath,
      [cli, 'train', input, '-o', output, '--text-field', 'body', '--tags-field', 'labels'],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^trained 3 tags on 80 tagged articles/);
    expect(JSON.parse(readFileSync(output, 'utf8'))).toEqual(model);
    const bad = spawnSync(process.execPath, [cli, 'train', input], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/missing -o/);
  });

  it('reports bad JSON with its line number', async () => {
    const file = join(dir, 'bad.jsonl');
    writeFileSync(file, '{"text":"a","tags":["x"]}\n{not json}\n');
    const { err } = quiet();
    expect(await trainCommand([file, '-o', join(dir, 'm.json')])).toBe(1);
    expect(err[0]).toMatch(/line 2: not valid JSON/);
  });
});
