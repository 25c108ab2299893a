// The Clink stand-in of the handler benchmark, in its own process: the local sandbox behind a fixed
// delay on every API call, because Clink is on the internet. Prints its API base to the parent (IPC).
import { setMaxListeners } from 'node:events';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { createSandbox } = await import(pathToFileURL(path.join(root, 'packages/sandbox/dist/index.js')).href);

// Every delayed answer listens for the sandbox closing: hundreds at once are expected here.
setMaxListeners(1000);
const delayMs = Number(process.env.BENCH_CLINK_DELAY_MS ?? 50);
const sandbox = createSandbox({ seed: 'bench', fault: `latency:${delayMs}` });
// The baseline pays with an instrument the customer saved beforehand, as a merchant's own code would;
// the handler finds or creates its own (once, then remembered).
const { id: instrumentId } = sandbox.createInstrument({ type: 'ALIPAY', customerEmail: 'customer@example.com' });
const { url } = await sandbox.listen({ port: 0 });
process.send?.({ ready: true, apiBase: `${url}/api`, instrumentId });
process.on('disconnect', () => void sandbox.close().finally(() => process.exit(0)));
