import { defineConfig } from 'tsup';

// esbuild rewrites every regex literal using Unicode property escapes (\p{Lu}) into `new RegExp(...)`, evaluated at
// each call, because it does not trust the target's Unicode tables. Node 20 (our floor) has them: keep the literals,
// compiled once per site by V8. Measured in the hot loops of the tokenizer-adjacent rules and the places stage.
const esbuildOptions = (options: { supported?: Record<string, boolean> }) => {
  options.supported = { ...options.supported, 'regexp-unicode-property-escapes': true };
};

export default defineConfig([
  {
    // worker: the thread script of the batch pool (dist/worker.js, loaded by piscina next to node.js and cli.js).
    entry: { index: 'src/index.ts', schema: 'src/schema.ts', node: 'src/node.ts', worker: 'src/node/worker.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    // natural is a devDependency: the few submodules we use are bundled so users do not install its database drivers.
    noExternal: [/^natural/],
    external: ['zod', 'piscina', /^node:/],
    splitting: true,
    treeshake: true,
    esbuildOptions,
  },
  {
    entry: { cli: 'src/cli.ts' },
    format: ['esm'],
    dts: false,
    clean: false,
    target: 'node20',
    platform: 'node',
    noExternal: [/^natural/],
    external: ['zod', 'piscina', 'cli-progress'],
    banner: { js: '#!/usr/bin/env node' },
    esbuildOptions,
  },
]);
