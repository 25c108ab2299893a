// @ts-check
/**
 * `pnpm run test:browser`: makes sure Chromium and the built front end exist, then runs every
 * `e2e/*.test.mjs` file with node's test runner (one file at a time: they share 2 cores with a browser).
 */
import { spawn } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../../../scripts/lib.mjs';

const e2eDir = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.dirname(e2eDir);

ensureChromium();
if (frontEndIsStale()) {
  console.log('Building the demo store front end…');
  const { build } = await import('vite');
  await build({ root: packageDir, logLevel: 'warn' });
}

/** The tests serve dist/client; rebuild it when it is missing or older than what goes into it. */
function frontEndIsStale() {
  const builtAt = mtime(path.join(packageDir, 'dist', 'client', 'index.html'));
  if (builtAt === 0) return true;
  const inputs = [
    path.join(packageDir, 'index.html'),
    path.join(packageDir, 'vite.config.ts'),
    path.join(packageDir, 'node_modules', '@clink-checkout', 'react', 'dist', 'index.js'),
    ...filesUnder(path.join(packageDir, 'src')),
    ...filesUnder(path.join(packageDir, 'shared')),
    ...filesUnder(path.join(packageDir, 'public')),
  ];
  return inputs.some((file) => mtime(file) > builtAt);
}

/** @param {string} file */
function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** @param {string} dir @returns {string[]} */
function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

const only = process.argv.slice(2);
const files = readdirSync(e2eDir)
  .filter((name) => name.endsWith('.test.mjs'))
  .filter((name) => only.length === 0 || only.some((part) => name.includes(part)))
  .map((name) => path.join(e2eDir, name));

// A full run starts with an empty screenshot folder, so every picture in it is from this run.
if (only.length === 0) rmSync(path.join(packageDir, '.e2e-artifacts'), { recursive: true, force: true });

const startedAt = Date.now();
// The store's server is TypeScript, run through tsx as in development.
const child = spawn(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
  cwd: packageDir,
  stdio: ['ignore', 'pipe', 'inherit'],
});
// The spec reporter lists failures after its counts; repeat the counts as the very last line.
let output = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk);
  output += chunk;
});
const status = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
/** @param {string} name */
const count = (name) => Number(new RegExp(`ℹ ${name} (\\d+)`).exec(output)?.[1] ?? 0);
const seconds = Math.round((Date.now() - startedAt) / 1000);
console.log(
  `\nDemo store browser tests: ${count('pass')} passed, ${count('fail')} failed` +
    `${count('cancelled') ? `, ${count('cancelled')} cancelled` : ''} (${seconds} s; screenshots in .e2e-artifacts/)`,
);
process.exit(status === 0 && count('fail') === 0 ? 0 : 1);
