import { defineConfig } from 'vitest/config';

// Each package owns its test setup; the root run collects them all.
export default defineConfig({
  test: {
    projects: ['packages/*', 'examples/*'],
  },
});
