import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const COMPRESSIBLE = /\.(?:js|mjs|css|html|svg|json|map|txt)$/;
/** Below this, compressing saves less than the headers it costs. */
const MIN_BYTES = 1024;

/**
 * Writes `file.br` and `file.gz` next to every text file of the build, at the strongest settings:
 * done once here, the server (server/static.ts) serves them without compressing per request.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'demo-store:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const entries = await readdir(outDir, { recursive: true, withFileTypes: true });
      const files = entries
        .filter((entry) => entry.isFile() && COMPRESSIBLE.test(entry.name))
        .map((entry) => path.join(entry.parentPath, entry.name));
      await Promise.all(
        files.map(async (file) => {
          const content = await readFile(file);
          if (content.length < MIN_BYTES) return;
          const [br, gz] = await Promise.all([
            promisify(brotliCompress)(content, {
              params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: content.length },
            }),
            promisify(gzip)(content, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${file}.br`, br), writeFile(`${file}.gz`, gz)]);
        }),
      );
    },
  };
}

// The shop's server (server/app.ts) serves dist/client together with the API on one port.
export default defineConfig({
  plugins: [react(), precompress()],
  build: { outDir: 'dist/client', emptyOutDir: true, sourcemap: true },
});
