// `npm start`: installs and builds what is needed, then runs the local Clink sandbox.
import { installDependencies, pnpm } from './lib.mjs';

installDependencies();
if (pnpm(['-r', '--workspace-concurrency=1', 'run', 'build']) !== 0) process.exit(1);
process.exit(pnpm(['--filter', '@clink-checkout/sandbox', 'run', 'start']));
