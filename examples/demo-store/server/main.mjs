// @ts-check
/**
 * Runs the demo store until Ctrl-C: `node server/main.mjs`.
 * Env: PORT (5173), SANDBOX_PORT (4010), HOST (127.0.0.1); CLINK_API_KEY, CLINK_ENV,
 * CLINK_PAYMENT_INSTRUMENT_ID, CLINK_WEBHOOK_SECRET to use Clink instead of the local sandbox.
 */
import { startDemoStore } from './app.mjs';

const store = await startDemoStore({ host: process.env.HOST || '127.0.0.1' }).catch((error) => {
  if (error?.code === 'EADDRINUSE') {
    console.error(`Port ${error.port} is already in use. Stop what runs there, or choose other ports: PORT=5180 SANDBOX_PORT=4020 npm start`);
  } else {
    console.error(`The demo store could not start: ${error instanceof Error ? error.message : error}`);
  }
  process.exit(1);
});
console.log(`Demo store: ${store.url}`);
console.log(
  store.backend.kind === 'local-sandbox'
    ? 'Payments go to the local Clink sandbox: pay, then press Approve (or Decline) on the sandbox page. Ctrl-C stops.'
    : `Payments go to Clink (${store.backend.environment}). Ctrl-C stops.`,
);

let stopping = false;
/** @param {NodeJS.Signals} signal */
async function stop(signal) {
  if (stopping) process.exit(130); // a second Ctrl-C: do not wait
  stopping = true;
  console.log(`\n${signal}: stopping the demo store…`);
  await store.close();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
