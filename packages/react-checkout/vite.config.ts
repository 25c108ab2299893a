import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** Entry chunks that hold React components; RSC bundlers need `'use client'` as their first statement. */
const CLIENT_ENTRIES = new Set(['index', 'locales']);

export default defineConfig({
  plugins: [react()],
  build: {
    lib: {
      entry: { index: 'src/index.ts', core: 'src/core/index.ts', locales: 'src/locales.ts' },
      formats: ['es'],
    },
    cssCodeSplit: false,
    sourcemap: true,
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^qrcode\.react($|\/)/],
      // Module-level directives are dropped when modules are merged into a chunk; put it back on the entries.
      output: {
        preserveModules: false,
        banner: (chunk) => (chunk.isEntry && CLIENT_ENTRIES.has(chunk.name) ? "'use client';" : ''),
      },
      onLog(level, log, handler) {
        if (log.code === 'MODULE_LEVEL_DIRECTIVE') return;
        handler(level, log);
      },
    },
  },
});
