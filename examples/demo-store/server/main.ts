/**
 * Runs the demo store until Ctrl-C: `npm start` at the repository root, or
 * `node --import tsx server/main.ts` in examples/demo-store.
 * Env: PORT (5173), SANDBOX_PORT (4010), HOST (127.0.0.1), DATA_DIR (data/), PUBLIC_URL,
 * SANDBOX_PUBLIC_URL, QR_EXPIRES_IN (seconds a local sandbox QR code lives); CLINK_API_KEY, CLINK_ENV, CLINK_BASE_URL, CLINK_CARD_INSTRUMENT_ID,
 * CLINK_CUSTOMER_EMAIL, CLINK_WEBHOOK_SECRET, CHECKOUT_TOKEN_SECRET to use Clink instead of the local sandbox.
 */
import { startDemoStore } from './app.js';

const store = await startDemoStore({ host: process.env.HOST || '127.0.0.1' }).catch((error: unknown) => {
  if ((error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE') {
    const { port } = error as { port?: number };
    console.error(`Port ${port} is already in use. Stop what runs there, or choose other ports: PORT=5180 SANDBOX_PORT=4020 npm start`);
  } else {
    console.error(`The demo store could not start: ${error instanceof Error ? error.message : error}`);
  }
  process.exit(1);
});
console.log(`Demo store: ${store.url}`);
if (store.backend.kind === 'local-sandbox') {
  console.log('Payments go to the local Clink sandbox: pay, then press Approve (or Decline) on the sandbox page.');
  console.log(`Sandbox orders and test controls: ${store.backend.sandboxUrl}/`);
  if (store.qrExpiresInSeconds !== undefined) console.log(`QR codes expire after ${store.qrExpiresInSeconds} s (QR_EXPIRES_IN).`);
  console.log('Ctrl-C stops.');
} else {
  console.log(`Payments go to Clink (${store.backend.environment}). Ctrl-C stops.`);
}

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) process.exit(130); // a second Ctrl-C: do not wait
  stopping = true;
  console.log(`\n${signal}: stopping the demo store…`);
  await store.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
