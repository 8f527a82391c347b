// Writes dist/schema.json from the built zod schema (zod 4's z.toJSONSchema), shipped as article-tagger/schema.json.
import { writeFileSync } from 'node:fs';
import { z } from 'zod';
import { ArticleTagsSchema } from '../dist/schema.js';

const schema = z.toJSONSchema(ArticleTagsSchema, { target: 'draft-2020-12' });
schema.$id = 'https://unpkg.com/article-tagger/dist/schema.json';
schema.title = 'ArticleTags (article-tagger output, schema version 1)';
writeFileSync(new URL('../dist/schema.json', import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
