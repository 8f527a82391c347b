import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts', schema: 'src/schema.ts', node: 'src/node.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: false,
    clean: true,
    target: 'node20',
    platform: 'neutral',
    // natural is a devDependency: the few submodules we use are bundled so users do not install its database drivers.
    noExternal: [/^natural/],
    external: ['compromise', 'zod', /^node:/],
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
    external: ['compromise', 'zod'],
    banner: { js: '#!/usr/bin/env node' },
  },
]);
