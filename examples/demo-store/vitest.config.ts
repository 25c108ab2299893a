import { defineConfig } from 'vitest/config';

// Unit tests of the store's server modules (and the page's pure helpers). The browser tests in e2e/ run with `test:browser`.
export default defineConfig({
  test: {
    name: 'demo-store',
    environment: 'node',
    include: ['server/**/*.test.{ts,mjs}', 'shared/**/*.test.{ts,mjs}', 'src/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
