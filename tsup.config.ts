import { defineConfig } from 'tsup';

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
  },
]);
