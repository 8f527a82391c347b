// The long fuzz run of hostile input (issue 9): `npm run fuzz -- --runs 1000000 [--seed N] [--scale S]`.
// Runs the properties of test/property.test.ts over generated texts and keeps going after a failure: prints runs,
// failures and time, a progress line every 30 s, and writes failing inputs to fuzz-failures.jsonl (in the cwd,
// or --out FILE). Exit code 1 when any case failed.
import { appendFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { tagArticle } from '../src/index.js';
import { hostileOptions, hostileText, tagAndCheck } from '../test/hostile-input.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '20261125' },
    scale: { type: 'string', default: '3' },
    out: { type: 'string', default: 'fuzz-failures.jsonl' },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const scale = Number(values.scale);
if (!Number.isInteger(runs) || runs < 1)
  throw new Error(`--runs: expected a positive whole number, got ${values.runs}`);

const cases = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: hostileText(1) }, { weight: 1, arbitrary: hostileText(scale) }),
  hostileOptions,
  fc.option(fc.integer({ min: 1, max: 2000 }), { freq: 20 }),
);

const BATCH = 1000;
const t0 = performance.now();
let done = 0;
let failures = 0;
let chars = 0;
let lastReport = t0;
const firstMessages = new Map<string, number>();

for (let batch = 0; done < runs; batch++) {
  const n = Math.min(BATCH, runs - done);
  for (const [text, options, maxLength] of fc.sample(cases, { numRuns: n, seed: seed + batch })) {
    try {
      tagAndCheck(tagArticle, text, options, maxLength ?? undefined);
    } catch (e) {
      failures++;
      const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
      const key = (message ?? '').replace(/\d+/g, 'N').slice(0, 120);
      firstMessages.set(key, (firstMessages.get(key) ?? 0) + 1);
      appendFileSync(values.out, `${JSON.stringify({ seed: seed + batch, text, options, maxLength, message })}\n`);
    }
    done++;
    chars += text.length;
  }
  const now = performance.now();
  if (now - lastReport > 30_000) {
    lastReport = now;
    const s = (now - t0) / 1000;
    console.log(
      `progress: ${done} runs, ${failures} failures, ${s.toFixed(0)} s, ${(done / s).toFixed(0)} runs/s, ${(chars / done).toFixed(0)} chars/run avg`,
    );
  }
}

const seconds = (performance.now() - t0) / 1000;
console.log(`runs: ${done}`);
console.log(`failures: ${failures}`);
console.log(
  `time: ${seconds.toFixed(1)} s (${(done / seconds).toFixed(0)} runs/s, ${(chars / done).toFixed(0)} chars/run avg)`,
);
for (const [message, count] of firstMessages) console.log(`  ${count} × ${message}`);
if (failures) {
  console.log(`failing inputs: ${values.out}`);
  process.exitCode = 1;
}
