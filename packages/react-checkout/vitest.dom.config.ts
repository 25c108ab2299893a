import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from './vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      name: 'react-dom',
      environment: 'jsdom',
      globals: true,
      setupFiles: ['./vitest.setup.ts'],
      include: ['src/react/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
      testTimeout: 15_000,
    },
  }),
);
