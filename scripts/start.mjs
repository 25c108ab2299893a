// `npm start`: installs, builds the packages and the demo store, then runs the demo store with the
// local Clink sandbox in this same process (so Ctrl-C stops everything) and prints its URL.
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { installDependencies, pnpm, root } from './lib.mjs';

installDependencies();
// `…` selects the demo store and every workspace package it depends on, built in dependency order.
if (pnpm(['--filter', '@clink-checkout/demo-store...', '--workspace-concurrency=1', 'run', 'build']) !== 0) {
  process.exit(1);
}
// The store's server is TypeScript, run without a build step by tsx (a dependency of the store):
// importing its loader is what `node --import tsx` does.
const demoStore = path.join(root, 'examples/demo-store');
await import(pathToFileURL(createRequire(path.join(demoStore, 'package.json')).resolve('tsx')).href);
await import(pathToFileURL(path.join(demoStore, 'server/main.ts')).href);
