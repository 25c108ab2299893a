import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The Node server (server/main.mjs) serves dist/client together with the API on one port.
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: true },
});
