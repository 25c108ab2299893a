import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'server-helper',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 15_000,
  },
});
