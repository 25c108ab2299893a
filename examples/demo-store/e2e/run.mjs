// @ts-check
/**
 * `pnpm run test:browser`: makes sure Chromium and the built front end exist, then runs every
 * `e2e/*.test.mjs` file with node's test runner (one file at a time: they share 2 cores with a browser).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../../../scripts/lib.mjs';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.dirname(e2eDir);

ensureChromium();
if (!existsSync(path.join(packageDir, 'dist', 'client', 'index.html'))) {
  console.log('Building the demo store front end…');
  const { build } = await import('vite');
  await build({ root: packageDir, logLevel: 'warn' });
}

const only = process.argv.slice(2);
const files = readdirSync(e2eDir)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .map((name) => path.join(e2eDir, name));

const result = spawnSync(
  process.execPath,
  ['--test', '--test-reporter=spec', '--test-concurrency=1', ...files],
  { cwd: packageDir, stdio: 'inherit' },
);
process.exit(result.status ?? 1);
