// `npm run test:busy [-- --runs N]`: the unit, DOM and story tests while both cores are busy with a CPU hog
// (`stress-ng --cpu 2`), to show the suite waits for conditions and never for wall-clock luck. stress-ng comes
// from Debian's packages and is installed when missing (as root). Prints how many runs passed.
import { spawn, spawnSync } from 'node:child_process';
import { installDependencies, PNPM, root, run } from './lib.mjs';

const runsArgument = process.argv.indexOf('--runs');
const runs = runsArgument === -1 ? 1 : Number(process.argv[runsArgument + 1]);
const PROJECTS = ['react-core', 'react-dom', 'react-dom-18', 'storybook'];

function ensureStressNg() {
  if (spawnSync('stress-ng', ['--version'], { stdio: 'ignore' }).status === 0) return;
  if (process.getuid?.() !== 0) throw new Error('stress-ng is missing: install it (apt-get install stress-ng).');
  console.log('Installing stress-ng from Debian packages…');
  if (run('apt-get', ['update', '-qq']) !== 0 || run('apt-get', ['install', '-y', '-qq', 'stress-ng']) !== 0) {
    throw new Error('apt-get install stress-ng failed');
  }
}

installDependencies();
ensureStressNg();
process.env.STORYBOOK_DISABLE_TELEMETRY = '1';
const hog = spawn('stress-ng', ['--cpu', '2', '--timeout', '0'], { stdio: 'ignore' });
const stopHog = () => {
  if (hog.exitCode === null) hog.kill('SIGTERM');
};
process.on('exit', stopHog);
// Stopped from outside: the hog goes too (exit handlers do not run on a signal by themselves).
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

let passed = 0;
for (let attempt = 1; attempt <= runs; attempt += 1) {
  console.log(`\n=== busy run ${attempt} of ${runs}: ${PROJECTS.join(', ')} next to stress-ng --cpu 2 ===`);
  const started = Date.now();
  const args = [...PNPM.slice(1), 'exec', 'vitest', 'run', ...PROJECTS.flatMap((project) => ['--project', project])];
  const status = spawnSync(PNPM[0], args, { cwd: root, stdio: 'inherit' }).status;
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`busy run ${attempt}: ${status === 0 ? 'passed' : 'FAILED'} in ${seconds} s`);
  if (status === 0) passed += 1;
}
stopHog();
console.log(`\n${passed} passed, ${runs - passed} failed`);
process.exit(passed === runs ? 0 : 1);
