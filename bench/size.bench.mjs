// Bundle size of the published @clink-checkout/react entry, minified and gzipped, against the budgets
// of the React components issue. React, react-dom and @tanstack/react-query are the merchant's own
// copies, so they stay external in every measurement.
//
// Run after `pnpm -r build`:  node bench/size.bench.mjs
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'packages/react-checkout/dist');
const scratch = path.join(root, 'bench/.size-entries');
const KB = 1024;

const HOST_EXTERNALS = [/^react($|\/)/, /^react-dom($|\/)/, /^@tanstack\/react-query($|\/)/];

/** What a merchant imports, and the budget it must fit. */
const cases = [
  {
    name: 'everything, including qrcode.react',
    source: `export * from '${dist}/index.js';`,
    external: HOST_EXTERNALS,
    budget: 12 * KB,
  },
  {
    name: 'our own code (qrcode.react external)',
    source: `export * from '${dist}/index.js';`,
    external: [...HOST_EXTERNALS, /^qrcode\.react($|\/)/],
    budget: 6 * KB,
  },
  {
    name: 'redirect-only import (core: classify + URL safety)',
    source: `export { classifyAction, safeNavigationUrl } from '${dist}/core.js';`,
    external: HOST_EXTERNALS,
    budget: 3 * KB,
  },
];

async function bundledBytes(name, source, external) {
  const entry = path.join(scratch, `${name.replace(/\W+/g, '-')}.js`);
  writeFileSync(entry, source);
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: { entry, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external },
    },
  });
  const chunks = (Array.isArray(output) ? output : [output]).flatMap((result) => result.output);
  const code = chunks
    .filter((chunk) => chunk.type === 'chunk')
    .map((chunk) => chunk.code)
    .join('\n');
  return { min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

async function cssBytes() {
  const css = readFileSync(path.join(dist, 'styles.css'), 'utf8');
  const entry = path.join(scratch, 'styles.js');
  writeFileSync(entry, `import '${dist}/styles.css';`);
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    build: { write: false, cssMinify: true, cssCodeSplit: false, lib: { entry, formats: ['es'], fileName: 'entry' } },
  });
  const assets = (Array.isArray(output) ? output : [output])
    .flatMap((result) => result.output)
    .filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'));
  const minified = assets.map((asset) => String(asset.source)).join('\n') || css;
  return { min: Buffer.byteLength(minified), gzip: gzipSync(minified, { level: 9 }).length };
}

const format = (bytes) => `${(bytes / KB).toFixed(2)} KB`;

rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });
try {
  const rows = [];
  for (const testCase of cases) {
    const size = await bundledBytes(testCase.name, testCase.source, testCase.external);
    rows.push({ ...testCase, ...size });
  }
  rows.push({ name: 'styles.css', budget: 2 * KB, ...(await cssBytes()) });

  console.log('@clink-checkout/react — published entry, minified + gzip (react, react-dom, react-query external)\n');
  console.log(['what', 'min', 'min+gzip', 'budget', 'used', 'verdict'].join('\t'));
  let overBudget = 0;
  for (const row of rows) {
    const pass = row.gzip <= row.budget;
    if (!pass) overBudget += 1;
    console.log(
      [row.name, format(row.min), format(row.gzip), format(row.budget), `${Math.round((row.gzip / row.budget) * 100)}%`, pass ? 'PASS' : 'OVER'].join('\t'),
    );
  }
  console.log('\nFor comparison: Adyen web\'s comparable QR + redirect import is about 49 KB gzip plus about 19 KB of CSS.');
  process.exitCode = overBudget === 0 ? 0 : 1;
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
