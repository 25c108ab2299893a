// @ts-check
/**
 * `pnpm run test:browser`: `next build` with no secrets in the environment (as a CI build has none),
 * then the shop's browser tests against `next start` on the local sandbox.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../../../scripts/lib.mjs';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
for (const name of ['CLINK_API_KEY', 'CHECKOUT_TOKEN_SECRET', 'CLINK_WEBHOOK_SECRET', 'CLINK_BASE_URL']) delete buildEnv[name];

ensureChromium();
console.log('next build (no secrets set)…');
const build = spawnSync(path.join(appDir, 'node_modules/.bin/next'), ['build'], { cwd: appDir, env: buildEnv, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const tests = spawn(process.execPath, ['--test', '--test-reporter=spec', '--test-concurrency=1', path.join(appDir, 'e2e/shop.test.mjs')], {
  cwd: appDir,
  stdio: 'inherit',
});
tests.on('close', (code) => process.exit(code ?? 1));
