// Overhead of the checkout handler: requests per second and p99 latency of "create a payment, then
// read its status" through createCheckoutHandler, against the same two calls made directly with the
// Clink client. Both sides use the real client and the in-process sandbox (its fetch, no sockets),
// so the difference is the handler's own work: routing, body reading, validation, idempotency,
// order tokens and JSON.
//
// Run after building:  node bench/handler.bench.mjs   (or `npm run bench`, which builds first)
// Options (environment): BENCH_OPERATIONS=5000 BENCH_CONCURRENCY=50 BENCH_WARMUP=1000 BENCH_BATCH=250
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const load = (pkg) => import(pathToFileURL(path.join(root, 'packages', pkg, 'dist/index.js')).href);
const { createClinkClient, createCheckoutHandler } = await load('server-helper');
const { createSandbox, SANDBOX_API_KEY } = await load('sandbox');

const OPERATIONS = Number(process.env.BENCH_OPERATIONS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 1000);
const BATCH = Number(process.env.BENCH_BATCH ?? 250);
const BUDGET_P99_MS = 1;

// No instrument: the handler finds or creates the customer's wallet instrument (created once, then remembered).
const payment = {
  customerEmail: 'customer@example.com',
  returnUrl: 'https://shop.example/checkout/return',
  amount: 42.5,
  currency: 'USD',
};

function setUp() {
  const sandbox = createSandbox({ seed: 'bench' });
  const client = createClinkClient({
    apiKey: SANDBOX_API_KEY,
    environment: 'sandbox',
    baseUrl: 'http://127.0.0.1:4010/api',
    maxRetries: 0,
    fetch: (input, init) => sandbox.fetch(new Request(input, init)),
  });
  const handler = createCheckoutHandler({
    client,
    tokenSecret: 'bench-token-secret-0123456789abcdef0123',
    resolvePayment: () => payment,
    logger: (line) => console.error(line),
  });
  // The direct side pays with an instrument saved beforehand, as a merchant's own code would.
  const { id: paymentInstrumentId } = sandbox.createInstrument({ type: 'ALIPAY', customerEmail: payment.customerEmail });
  return { sandbox, client, handler, paymentInstrumentId };
}

/** One operation each way: create a payment, then read its status. */
const scenarios = {
  direct: ({ client, paymentInstrumentId }) => async () => {
    const created = await client.createPayment({ ...payment, paymentInstrumentId, paymentMethodType: 'ALIPAY', platformType: 'WEB' });
    await client.getOrder(created.orderId);
  },
  handler: ({ handler }) => async () => {
    const created = await handler(
      new Request('http://shop.example/api/checkout/payments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
        body: JSON.stringify({ paymentMethodType: 'ALIPAY', platformType: 'WEB', payload: { cartId: 'cart_1' } }),
      }),
    );
    if (created.status !== 201) throw new Error(`create answered ${created.status}: ${await created.text()}`);
    const { orderId, orderToken } = await created.json();
    const status = await handler(
      new Request(`http://shop.example/api/checkout/payments/${orderId}`, { headers: { 'X-Order-Token': orderToken } }),
    );
    if (status.status !== 200) throw new Error(`status answered ${status.status}: ${await status.text()}`);
    await status.json();
  },
};

/** Runs `count` operations with `concurrency` in flight; returns each latency (ms) and the wall time. */
async function runBatch(operation, count, concurrency) {
  const latencies = [];
  let next = 0;
  const started = performance.now();
  async function worker() {
    while (next < count) {
      next += 1;
      const begin = performance.now();
      await operation();
      latencies.push(performance.now() - begin);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { latencies, wallMs: performance.now() - started };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * Measures both sides in alternating batches (direct, handler, handler, direct, …) so that a change
 * of load on a shared machine hits both alike, instead of whichever side happened to run at the time.
 */
async function compare(concurrency, operations) {
  const sides = ['direct', 'handler'].map((name) => {
    const setup = setUp();
    return { name, setup, operation: scenarios[name](setup), latencies: [], wallMs: 0 };
  });
  for (const side of sides) await runBatch(side.operation, WARMUP, concurrency);
  const batches = Math.max(1, Math.round(operations / BATCH));
  for (let batch = 0; batch < batches; batch += 1) {
    const order = batch % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      const result = await runBatch(side.operation, Math.round(operations / batches), concurrency);
      side.latencies.push(...result.latencies);
      side.wallMs += result.wallMs;
    }
  }
  const summary = {};
  for (const side of sides) {
    await side.setup.sandbox.close();
    const sorted = Float64Array.from(side.latencies).sort();
    summary[side.name] = {
      rps: (sorted.length / side.wallMs) * 1000,
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
    };
  }
  return { concurrency, operations, ...summary };
}

const loaded = await compare(CONCURRENCY, OPERATIONS);
// Without queueing: one request at a time shows what the handler adds to a single request.
const single = await compare(1, Math.max(500, Math.floor(OPERATIONS / 5)));

const fmt = (value, digits = 2) => value.toFixed(digits);
const rows = [['', 'concurrent', 'ops/s', 'p50 ms', 'p99 ms']];
for (const result of [loaded, single]) {
  rows.push(['direct client -> sandbox', String(result.concurrency), fmt(result.direct.rps, 0), fmt(result.direct.p50), fmt(result.direct.p99)]);
  rows.push(['handler -> client -> sandbox', String(result.concurrency), fmt(result.handler.rps, 0), fmt(result.handler.p50), fmt(result.handler.p99)]);
}
const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
console.log(
  `Checkout handler overhead: POST /payments + GET /payments/{id} per operation, ${OPERATIONS} operations at ` +
    `${CONCURRENCY} concurrent (${single.operations} at 1), after ${WARMUP} warm-up, in alternating batches of ${BATCH}\n`,
);
for (const row of rows) {
  console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('   '));
}
console.log('');
for (const result of [loaded, single]) {
  console.log(
    `at ${String(result.concurrency).padStart(2)} concurrent: throughput ratio (handler / direct) ${fmt(result.handler.rps / result.direct.rps)}, ` +
      `added p50 ${fmt(result.handler.p50 - result.direct.p50, 3)} ms, added p99 ${fmt(result.handler.p99 - result.direct.p99, 3)} ms`,
  );
}
// Throughput turns into CPU time per operation: the handler's share, free of queueing effects.
const cpuPerOperationUs = (1 / loaded.handler.rps - 1 / loaded.direct.rps) * 1e6;
console.log(`handler CPU time per operation (from throughput at ${CONCURRENCY} concurrent): ${fmt(cpuPerOperationUs, 0)} µs`);
const addedP99 = loaded.handler.p99 - loaded.direct.p99;
const pass = addedP99 < BUDGET_P99_MS;
console.log(
  `budget: handler overhead under ${BUDGET_P99_MS} ms p99 at ${CONCURRENCY} concurrent -> ${fmt(addedP99, 3)} ms ${pass ? 'PASS' : 'FAIL'}`,
);
process.exitCode = pass ? 0 : 1;
