// `npm test`: installs everything, builds every package and runs every test suite.
import { ensureChromium, ensureFonts, installDependencies, pnpm, run } from './lib.mjs';
import { ensureRedisServer } from './redis.mjs';

process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

const steps = [
  ['install dependencies', () => (installDependencies(), 0)],
  ['browser', () => (ensureChromium(), 0)],
  ['fonts for every locale (Thai, Chinese, Korean, Arabic)', () => (ensureFonts(), 0)],
  ['redis-server (for the Redis store tests)', () => (ensureRedisServer(), 0)],
  ['build packages', () => pnpm(['-r', '--workspace-concurrency=1', 'run', 'build'])],
  ['typecheck', () => pnpm(['-r', 'run', 'typecheck'])],
  ['lint (ESLint: typescript-eslint, React hooks, layer rules)', () => pnpm(['exec', 'eslint', '.'])],
  ['unit and integration tests', () => pnpm(['exec', 'vitest', 'run'])],
  ['published package shape (publint, attw)', () => pnpm(['-r', 'run', 'lint:package'])],
  ['API reports of every entry point (a change to the public surface must be committed in api/)', () => pnpm(['-r', '--if-present', 'run', 'api:check'])],
  ['React Server Components (@clink-checkout/react/locales)', () => pnpm(['-r', '--if-present', 'run', 'test:rsc'])],
  ['tree shaking (a narrow import carries no unrelated view)', () => pnpm(['-r', '--if-present', 'run', 'test:tree-shaking'])],
  ['bundle size (met budgets stay met; the others must not grow past their ceilings)', () => run('node', ['bench/size.bench.mjs', '--check'])],
  ['module formats (a CommonJS consumer: require + TypeScript nodenext)', () => pnpm(['-r', '--if-present', 'run', 'test:node'])],
  ['browser tests', () => pnpm(['-r', '--if-present', 'run', 'test:browser'])],
  [
    'storybook static build (typecheck stories, storybook build, smoke test of the output)',
    () =>
      pnpm(['exec', 'tsc', '-p', 'stories/tsconfig.json']) ||
      pnpm(['exec', 'storybook', 'build', '--quiet', '-o', 'storybook-static']) ||
      run('node', ['stories/smoke-static.mjs', 'storybook-static']),
  ],
];

let passed = 0;
let failed = 0;
for (const [name, step] of steps) {
  console.log(`\n=== ${name} ===`);
  let status;
  try {
    status = step();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    status = 1;
  }
  if (status === 0) passed += 1;
  else {
    failed += 1;
    console.error(`✗ ${name} failed`);
    break;
  }
}
console.log(`\nsteps: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
