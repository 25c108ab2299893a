import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from './vitest.shared.js';

// The core must run without a DOM, so its tests run in plain Node.
export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { name: 'react-core', environment: 'node', include: ['src/core/**/*.test.ts'] } }),
);
