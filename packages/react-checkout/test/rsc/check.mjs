// `npm test` step: `@clink-checkout/react/locales` is callable from React Server Components (it is not marked
// 'use client'), while the main entry stays a client module. Renders a Server Component with React's own RSC
// renderer against the built package (dist/), the way a merchant's RSC app imports it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const result = spawnSync(
  process.execPath,
  [
    '--conditions=react-server',
    '--no-warnings',
    '--experimental-loader',
    './source-as-text.mjs',
    'render-locales.mjs',
  ],
  { cwd: here, encoding: 'utf8' },
);
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
if (result.status !== 0) {
  console.error('✗ @clink-checkout/react/locales failed in a React Server Component');
  process.exit(1);
}
console.log('✓ resolveMessages and resolveLocale run in a React Server Component; ClinkPayButton stays a client reference');
