import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/** Plugins and aliases shared by the core (node) and DOM (jsdom) test projects. */
export const sharedConfig: UserConfig = {
  plugins: [react()],
  resolve: {
    // The end-to-end tests run the sandbox and the server helper from source, so they need no build step first.
    alias: [
      { find: /^@clink-checkout\/protocol(\/schema)?$/, replacement: fileURLToPath(new URL('../protocol/src', import.meta.url)) + '$1/index.ts' },
      { find: /^@clink-checkout\/sandbox$/, replacement: fileURLToPath(new URL('../sandbox/src/index.ts', import.meta.url)) },
      { find: /^@clink-checkout\/server$/, replacement: fileURLToPath(new URL('../server-helper/src/index.ts', import.meta.url)) },
      // sandbox.listen() loads its Node server with a runtime-built `import('./node-server.js')`;
      // from source that file is `.ts`, which Vite does not try on its own for an ignored import.
      { find: /^(.*\/packages\/sandbox\/src\/.*)\.js$/, replacement: '$1.ts' },
    ],
  },
};
