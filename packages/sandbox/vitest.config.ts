import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the protocol package's source, so they need no build step first.
    alias: [
      { find: /^@clink-checkout\/protocol(\/schema)?$/, replacement: fileURLToPath(new URL('../protocol/src', import.meta.url)) + '$1/index.ts' },
    ],
  },
  test: {
    name: 'sandbox',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
