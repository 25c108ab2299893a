// Cost of verifyClinkWebhook against the same check written directly with node:crypto (HMAC-SHA256
// of `<timestamp>.<body>`, constant-time compare, JSON.parse), one at a time, on a realistic event.
// Budget: verifyClinkWebhook within 2× of the direct check.
//
// Run after building:  node bench/webhook.bench.mjs   (or `npm run bench`). BENCH_WEBHOOKS=20000
import { createHmac, timingSafeEqual } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { signClinkWebhookPayload, verifyClinkWebhook } = await import(pathToFileURL(path.join(root, 'packages/server-helper/dist/index.js')).href);

const COUNT = Number(process.env.BENCH_WEBHOOKS ?? 20_000);
const BUDGET_RATIO = 2;
const secret = 'whsec_bench_signing_secret_0123456789';
const event = {
  id: 'evt_bench',
  object: 'event',
  created: Date.now(),
  type: 'order.succeeded',
  data: { orderId: 'ord_bench', status: 'success', amountTotal: 42.5, paymentCurrency: 'USD', customerEmail: 'customer@example.com', metadata: { cartId: 'cart_1' } },
};
const { body, headers } = await signClinkWebhookPayload({ payload: event, secret });

function direct() {
  const expected = createHmac('sha256', secret).update(`${headers['X-Clink-Timestamp']}.${body}`).digest();
  const given = Buffer.from(headers['X-Clink-Signature'], 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw new Error('bad signature');
  return JSON.parse(body);
}

const library = () => verifyClinkWebhook({ rawBody: body, headers, secret });

async function microsPerCall(check) {
  for (let index = 0; index < 2000; index += 1) await check(); // warm-up
  const started = process.hrtime.bigint();
  for (let index = 0; index < COUNT; index += 1) await check();
  return Number(process.hrtime.bigint() - started) / 1000 / COUNT;
}

// Alternate to spread any change of machine load over both.
const results = { direct: [], library: [] };
for (let round = 0; round < 3; round += 1) {
  results.direct.push(await microsPerCall(direct));
  results.library.push(await microsPerCall(library));
}
const best = (values) => Math.min(...values);
const ratio = best(results.library) / best(results.direct);
console.log(`Webhook verification, ${COUNT} calls per round, best of 3 rounds:`);
console.log(`  node:crypto directly   ${best(results.direct).toFixed(1).padStart(6)} µs per webhook`);
console.log(`  verifyClinkWebhook     ${best(results.library).toFixed(1).padStart(6)} µs per webhook`);
console.log(`budget: verifyClinkWebhook within ${BUDGET_RATIO}× of the direct check -> ${ratio.toFixed(2)}× ${ratio <= BUDGET_RATIO ? 'PASS' : 'FAIL'}`);
process.exitCode = ratio <= BUDGET_RATIO ? 0 : 1;
