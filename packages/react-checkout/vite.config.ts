import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** Entry chunks that hold React components; RSC bundlers need `'use client'` as their first statement. */
const CLIENT_ENTRIES = new Set(['index', 'parts']);

/**
 * Rolldown keeps an entry module's directive today, but drops module-level directives of merged modules;
 * this makes sure each client entry chunk starts with exactly one `'use client'`.
 */
function useClientDirective(): Plugin {
  return {
    name: 'clink:use-client',
    renderChunk(code, chunk) {
      if (!chunk.isEntry || !CLIENT_ENTRIES.has(chunk.name) || /^\s*["']use client["']/.test(code)) return null;
      return { code: `'use client';\n${code}`, map: null };
    },
  };
}

export default defineConfig({
  plugins: [react(), useClientDirective()],
  build: {
    lib: {
      entry: { index: 'src/index.ts', parts: 'src/parts.ts', core: 'src/core/index.ts', locales: 'src/locales.ts' },
      formats: ['es'],
    },
    cssCodeSplit: false,
    sourcemap: true,
    rolldownOptions: {
      external: [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/, /^qrcode\.react($|\/)/, /^@clink-checkout\/protocol($|\/)/],
      output: {
        preserveModules: false,
        // The QR encoder loader in a chunk of its own, so a page that only redirects imports nothing of it (its
        // react-dom/client import stays out of that page's bundle).
        advancedChunks: { groups: [{ name: 'qr-encoder', test: /[\\/]react[\\/]qr-encoder\.ts$/ }] },
      },
    },
  },
});
