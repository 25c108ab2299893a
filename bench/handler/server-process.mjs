// One merchant server of the handler benchmark, in its own process, on node:http:
//   BENCH_SERVER=handler   createCheckoutHandler behind toNodeHandler (what the README tells merchants)
//   BENCH_SERVER=baseline  the same create written by hand: parse JSON, client.createPayment, answer JSON
// With BENCH_STORE=redis both remember the create under its Idempotency-Key in the same Redis
// (the handler through @clink-checkout/server/redis, the baseline with SET NX PX and SET PX by hand).
// The parent asks for `process.cpuUsage()` over IPC to work out CPU time per request.
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// BENCH_SERVER_DIST: another build of the package (e.g. of an older commit), to compare two builds.
const dist = process.env.BENCH_SERVER_DIST ?? path.join(root, 'packages/server-helper/dist');
const load = (file) => import(pathToFileURL(path.join(dist, file)).href);
const { createClinkClient, createCheckoutHandler } = await load('index.js');
const { toNodeHandler } = await load('node/index.js');

const kind = process.env.BENCH_SERVER;
const storeKind = process.env.BENCH_STORE ?? 'memory';
// No instrument: the handler finds or creates the customer's wallet instrument (created once, then remembered).
const PAYMENT = {
  customerEmail: 'customer@example.com',
  returnUrl: 'https://shop.example/checkout/return',
  amount: 42.5,
  currency: 'USD',
};

const client = createClinkClient({
  apiKey: 'sk_test_clink_sandbox',
  environment: 'sandbox',
  baseUrl: process.env.BENCH_CLINK_API_BASE,
  maxRetries: 0,
});

let redis;
if (storeKind === 'redis') {
  // node-redis is a dev dependency of the server package (its Redis tests use it too).
  const fromServerPackage = createRequire(path.join(root, 'packages/server-helper/package.json'));
  const { createClient } = fromServerPackage('redis');
  redis = createClient({ url: process.env.BENCH_REDIS_URL });
  await redis.connect();
}

async function handlerListener() {
  const stores =
    storeKind === 'redis' ? (await load('redis/index.js')).createRedisStores({ redis, prefix: `bench:${process.pid}:` }) : {};
  const handler = createCheckoutHandler({
    client,
    tokenSecret: 'bench-token-secret-0123456789abcdef0123',
    resolvePayment: () => PAYMENT,
    ...stores,
  });
  return toNodeHandler(handler);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function baselineListener() {
  return async (req, res) => {
    try {
      const input = JSON.parse(await readBody(req));
      const key = `bench-baseline:${req.headers['idempotency-key']}`;
      if (redis !== undefined) await redis.sendCommand(['SET', key, 'in_flight', 'NX', 'PX', '120000']);
      const payment = await client.createPayment({
        ...PAYMENT,
        paymentInstrumentId: process.env.BENCH_INSTRUMENT_ID,
        paymentMethodType: input.paymentMethodType,
        platformType: input.platformType,
      });
      const body = JSON.stringify(payment);
      if (redis !== undefined) await redis.sendCommand(['SET', key, body, 'PX', '86400000']);
      res.writeHead(201, { 'Content-Type': 'application/json' }).end(body);
    } catch (error) {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ error: String(error) }));
    }
  };
}

const listener = kind === 'handler' ? await handlerListener() : baselineListener();
// A load run that ends on time hangs up on requests still waiting for Clink; they still finish here,
// and Redis must stay open until the last one has written its record.
let answering = 0;
let allAnswered;
const server = createServer(async (req, res) => {
  answering += 1;
  try {
    await listener(req, res);
  } finally {
    answering -= 1;
    if (answering === 0) allAnswered?.();
  }
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => process.send?.({ ready: true, port: server.address().port }));
process.on('message', (message) => {
  if (message === 'cpu') process.send?.({ cpu: process.cpuUsage() });
});
process.on('disconnect', () => {
  // Requests still being answered finish first: Redis closes only after the last one.
  server.close(async () => {
    if (answering > 0) await new Promise((resolve) => (allAnswered = resolve));
    await redis?.quit();
    process.exit(0);
  });
  server.closeIdleConnections();
});
