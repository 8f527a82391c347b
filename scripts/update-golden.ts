// npm run golden:update: rewrites test/golden/*.expected.json from the current code. Review the diff before committing.
import { writeFileSync } from 'node:fs';
import { tagArticle } from '../src/index.js';
import { goldenCases } from '../test/golden/golden.js';

for (const c of goldenCases()) {
  const out = tagArticle(c.text, c.options);
  writeFileSync(c.expectedPath, `${JSON.stringify(out, null, 2)}\n`);
  process.stdout.write(
    `${c.name}: ${out.people.length} people, ${out.places.length} places, ${out.dates.length} dates, ${out.quotes.length} quotes, ${out.topics.length} topics\n`,
  );
}
