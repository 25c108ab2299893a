import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    // Tests run against the sandbox's source, so they need no build step first.
    alias: {
      '@clink-checkout/sandbox': fileURLToPath(new URL('../sandbox/src/index.ts', import.meta.url)),
    },
  },
  test: {
    name: 'server-helper',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
