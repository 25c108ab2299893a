// Bundle size budgets: bundles typical imports of the built package (dist/) the way an app's bundler would,
// minified, with react, react-dom and @tanstack/react-query external, and prints min+gzip sizes.
// Run `pnpm run build` first. Exits 1 when a budget is exceeded.
import { build } from 'vite';
import { gzipSync } from 'node:zlib';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dist = (file) => path.join(root, 'dist', file);
const KB = 1024;

const checks = [
  ['everything, with qrcode.react', "export * from '@clink-checkout/react';", false, 12 * KB],
  ['everything, our code only', "export * from '@clink-checkout/react';", true, 6 * KB],
  ['provider + pay button', "export { ClinkCheckoutProvider, ClinkPayButton } from '@clink-checkout/react';", true, 6 * KB],
  [
    'redirect only (RedirectAction + classifyAction)',
    "export { RedirectAction } from '@clink-checkout/react'; export { classifyAction } from '@clink-checkout/react/core';",
    true,
    3 * KB,
  ],
  ['everything, React layer only (core external)', "export * from '@clink-checkout/react';", 'core', Infinity],
  ['all eight languages', "export * from '@clink-checkout/react/locales';", true, Infinity],
];

async function measure(code, qrExternal) {
  const dir = path.join(root, 'node_modules', '.size-check');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const entry = path.join(dir, 'entry.js');
  writeFileSync(entry, code);
  const external = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/];
  if (qrExternal) external.push(/^qrcode\.react($|\/)/);
  if (qrExternal === 'core') external.push(/[\\/]core(-[\w-]+)?\.js$/);
  const result = await build({
    root: dir,
    logLevel: 'silent',
    configFile: false,
    resolve: {
      alias: [
        { find: /^@clink-checkout\/react\/core$/, replacement: dist('core.js') },
        { find: /^@clink-checkout\/react\/locales$/, replacement: dist('locales.js') },
        { find: /^@clink-checkout\/react$/, replacement: dist('index.js') },
      ],
    },
    build: { write: false, minify: true, lib: { entry, formats: ['es'], fileName: 'entry' }, rolldownOptions: { external: (id) => { const r = external.some((e) => (typeof e === 'string' ? e === id : e.test(id))); if (process.env.DEBUG_SIZE) console.log(id, r); return r; }, output: { minify: true } } },
  });
  rmSync(dir, { recursive: true, force: true });
  const chunks = [result].flat().flatMap((r) => r.output).filter((o) => o.type === 'chunk');
  return chunks.reduce((sum, chunk) => sum + gzipSync(chunk.code, { level: 9 }).length, 0);
}

let failed = false;
for (const [name, code, qrExternal, budget] of checks) {
  const size = await measure(code, qrExternal);
  const ok = size <= budget;
  failed ||= !ok;
  const limit = Number.isFinite(budget) ? ` / ${(budget / KB).toFixed(1)} KB` : '';
  console.log(`${ok ? '✓' : '✗'} ${name}: ${(size / KB).toFixed(2)} KB${limit}`);
}
const css = readFileSync(dist('styles.css'), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\s+/g, ' ').replace(/\s*([{};:,>])\s*/g, '$1');
const cssSize = gzipSync(css, { level: 9 }).length;
failed ||= cssSize > 2 * KB;
console.log(`${cssSize <= 2 * KB ? '✓' : '✗'} styles.css: ${(cssSize / KB).toFixed(2)} KB / 2.0 KB`);
for (const entry of ['index.js', 'locales.js']) {
  const directive = /^["']use client["'];/.test(readFileSync(dist(entry), 'utf8'));
  failed ||= !directive;
  console.log(`${directive ? '✓' : '✗'} dist/${entry} starts with 'use client'`);
}
process.exit(failed ? 1 : 0);
