// Bundles an import statement of @clink-checkout/react from the built `dist/` the way a merchant's app build does
// it: fully minified, production `NODE_ENV`, with the app's own react, react-dom and React Query left external.
// Shared by the size benchmark and the tree-shaking check.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = (file) => path.join(root, 'packages/react-checkout/dist', file);

/** The merchant's own copies: external in every bundle. */
export const HOST = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/];
export const QR = /^qrcode\.react($|\/)/;

const matches = (patterns, id) => patterns.some((pattern) => pattern.test(id));

/**
 * Bundles `source` (written to `scratch` as an entry module) and returns Vite's output files. `external` lists the
 * module ids to leave out; `extra` is merged into Vite's `build` options.
 */
export async function bundleLikeAnApp({ scratch, name, source, external, extra = {} }) {
  mkdirSync(scratch, { recursive: true });
  const entry = path.join(scratch, `${name.replace(/\W+/g, '-')}.js`);
  writeFileSync(entry, source);
  const output = await build({
    root: scratch,
    configFile: false,
    logLevel: 'silent',
    // An app's production build replaces process.env.NODE_ENV; library mode leaves it alone unless asked.
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    resolve: {
      alias: [
        { find: /^@clink-checkout\/react\/core$/, replacement: dist('core.js') },
        { find: /^@clink-checkout\/react\/parts$/, replacement: dist('parts.js') },
        { find: /^@clink-checkout\/react\/locales$/, replacement: dist('locales.js') },
        { find: /^@clink-checkout\/react$/, replacement: dist('index.js') },
      ],
    },
    build: {
      write: false,
      // An app build minifies fully and drops comments; library mode alone keeps whitespace and
      // /* @__PURE__ */ annotations, so ask for both explicitly.
      minify: true,
      cssMinify: true,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: (id) => matches(external, id), output: { minify: true, comments: false } },
      ...extra,
    },
  });
  return [output].flat().flatMap((result) => result.output);
}
