import { defineConfig } from 'vitest/config';

// Running vitest inside this package runs both projects; the repository root lists them itself,
// because a project cannot contain further projects.
export default defineConfig({
  test: { projects: ['./vitest.core.config.ts', './vitest.dom.config.ts'] },
});
