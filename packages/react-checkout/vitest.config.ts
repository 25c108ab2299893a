import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  resolve: {
    // The end-to-end tests run the sandbox and the server helper from source, so they need no build step first.
    alias: [
      { find: /^@clink-checkout\/sandbox$/, replacement: fileURLToPath(new URL('../sandbox/src/index.ts', import.meta.url)) },
      { find: /^@clink-checkout\/server$/, replacement: fileURLToPath(new URL('../server-helper/src/index.ts', import.meta.url)) },
      // sandbox.listen() loads its Node server with a runtime-built `import('./node-server.js')`;
      // from source that file is `.ts`, which Vite does not try on its own for an ignored import.
      { find: /^(.*\/packages\/sandbox\/src\/.*)\.js$/, replacement: '$1.ts' },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'react-core', environment: 'node', include: ['src/core/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'react-dom',
          environment: 'jsdom',
          globals: true,
          setupFiles: ['./vitest.setup.ts'],
          include: ['src/react/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
          testTimeout: 15_000,
        },
      },
    ],
  },
});
