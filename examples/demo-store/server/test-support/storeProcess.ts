/**
 * The store in a process of its own, for tests that need one (e.g. under `ulimit -n`):
 * `node --import tsx server/test-support/storeProcess.ts <dataDir> <clientDir>` prints
 * `{"url": …}` as one line once it listens, then serves until it is killed.
 */
import { startDemoStore } from '../app.js';

const [dataDir, clientDir] = process.argv.slice(2);
if (dataDir === undefined || clientDir === undefined) throw new Error('usage: storeProcess.ts <dataDir> <clientDir>');
const store = await startDemoStore({ port: 0, sandboxPort: 0, dataDir, clientDir, env: {}, log: (line) => console.error(line) });
console.log(JSON.stringify({ url: store.url }));
