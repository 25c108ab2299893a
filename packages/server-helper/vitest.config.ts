import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the sandbox's source, so they need no build step first.
    alias: [
      { find: /^@clink-checkout\/protocol(\/schema)?$/, replacement: fileURLToPath(new URL('../protocol/src', import.meta.url)) + '$1/index.ts' },
      { find: '@clink-checkout/sandbox', replacement: fileURLToPath(new URL('../sandbox/src/index.ts', import.meta.url)) },
      // sandbox.listen() loads its Node server with a runtime-built `import('./node-server.js')`;
      // from source that file is `.ts`, which Vite does not try on its own for an ignored import.
      { find: /^(.*\/packages\/sandbox\/src\/.*)\.js$/, replacement: '$1.ts' },
    ],
  },
  test: {
    name: 'server-helper',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
