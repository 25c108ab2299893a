// Load on the demo store's server (examples/demo-store): autocannon in this process against the store
// in a process of its own (bench/demo-store.server.mjs), which talks to the local sandbox in a third
// process (as a shop talks to Clink on another machine, so the sandbox's own work, such as drawing QR
// codes, is not counted as the store's):
//
//   1. 100 concurrent creates (bursts of 100 at once): p50 ≤ 50 ms, p99 ≤ 200 ms; then the same bursts
//      against demo-store.floor.mjs, the least a shop's server can do, to show what the machine allows
//   2. 200 keep-alive connections for 30 s, each looping through a customer's visit (page, script,
//      create, status reads, a webhook): 0 errors, the store's RSS after within 20 % of before (taken
//      after a 15 s warm-up of the same load)
//   3. write throughput (creates per second, each with its two webhooks) with 20,000 orders stored:
//      within 10 % of an empty store
//
// Run after building:  node bench/demo-store.bench.mjs   (or `npm run bench`, which builds first)
// Options (environment): BENCH_CREATES=1000 BENCH_WARMUP_BURSTS=5 BENCH_SOAK_SECONDS=30
// BENCH_THROUGHPUT_SECONDS=10 BENCH_SEED_ORDERS=20000; BENCH_SANDBOX=in-process runs the sandbox inside
// the store's process, as `npm start` does; BENCH_STORE_PROCESS: another script that starts a store the
// same way (argv: dataDir, ordersToSeed; env as given; prints {"url"}), to measure another version of
// the store alike.
import { spawn } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const demoStoreDir = path.join(root, 'examples', 'demo-store');
const { SANDBOX_API_KEY, SANDBOX_CARD_INSTRUMENTS, SANDBOX_WEBHOOK_SECRET } = await import(pathToFileURL(path.join(root, 'packages/sandbox/dist/index.js')).href);
const SANDBOX_BIN = path.join(root, 'packages/sandbox/dist/bin.js');

const STORE_PROCESS = process.env.BENCH_STORE_PROCESS ?? path.join(here, 'demo-store.server.mjs');
const FLOOR_PROCESS = path.join(here, 'demo-store.floor.mjs');
const CLINK_FLOOR_PROCESS = path.join(here, 'clink.floor.mjs');
const SANDBOX = process.env.BENCH_SANDBOX === 'in-process' ? 'in-process' : 'own-process';
const CREATES = Number(process.env.BENCH_CREATES ?? 1000);
// Bursts before the measured ones: V8 compiles the store's code during its first few hundred creates.
const WARMUP_BURSTS = Number(process.env.BENCH_WARMUP_BURSTS ?? 5);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 30);
const MIXED_WARMUP_SECONDS = 15;
const THROUGHPUT_SECONDS = Number(process.env.BENCH_THROUGHPUT_SECONDS ?? 10);
const SEED_ORDERS = Number(process.env.BENCH_SEED_ORDERS ?? 20_000);
const BUDGET = { createP50Ms: 50, createP99Ms: 200, rssGrowth: 0.2, throughputRatio: 0.9 };

const CART = { productId: 'house-blend-250g', quantity: 2 };
const CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
const METHODS = ['WECHAT', 'CARD', 'CASHAPP', 'ALIPAY'];
const SCRIPT = /src="(\/assets\/[^"]+\.js)"/.exec(readFileSync(path.join(demoStoreDir, 'dist/client/index.html'), 'utf8'))?.[1];
if (SCRIPT === undefined) throw new Error('examples/demo-store/dist/client/index.html names no script: build the store first');

/** Starts a process and resolves with the first stdout line that `ready` matches. */
async function startProcess(args, { env, ready }) {
  const child = spawn(process.execPath, args, { cwd: demoStoreDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logged = [];
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => logged.push(...chunk.split('\n').filter(Boolean)));
  const line = await new Promise((resolve, reject) => {
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const found = stdout.split('\n').find((text) => ready.test(text));
      if (found !== undefined) resolve(found);
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before it was ready:\n${logged.join('\n')}`)));
  });
  const stop = async () => {
    const exited = child.exitCode === null ? once(child, 'exit') : Promise.resolve();
    child.kill('SIGTERM');
    await exited;
  };
  return { child, line, logged, stop };
}

/** CPU time a process has used (user + system, ms), from /proc: a figure other load on the machine hardly moves. */
function cpuMsOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * Starts a store process with `seed` orders already stored, and the local sandbox: in a process of
 * its own (the default, as Clink is another machine), or in the store's process as `npm start` runs it.
 */
async function startStore(seed = 0, { storeProcess = STORE_PROCESS, clink = SANDBOX_BIN } = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-bench-'));
  // Only what the bench sets: a CLINK_API_KEY in the shell must not send the load to Clink.
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(CLINK_|SANDBOX_|PORT$|HOST$|PUBLIC_URL$|DATA_DIR$)/.test(name)),
  );
  let sandbox;
  if (SANDBOX === 'own-process') {
    const [storePort, sandboxPort] = [await freePort(), await freePort()];
    sandbox = await startProcess(
      [
        clink,
        '--port',
        String(sandboxPort),
        '--webhook-url',
        `http://127.0.0.1:${storePort}/api/checkout/webhooks`,
        ...(clink === SANDBOX_BIN ? ['--quiet'] : ['--webhook-secret', SANDBOX_WEBHOOK_SECRET]),
      ],
      { env, ready: /listening on/ },
    );
    Object.assign(env, {
      PORT: String(storePort),
      CLINK_API_KEY: SANDBOX_API_KEY,
      CLINK_BASE_URL: `http://127.0.0.1:${sandboxPort}/api`,
      CLINK_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRET,
      // A card the default customer saved at the sandbox, as a shop on Clink names one.
      CLINK_CARD_INSTRUMENT_ID: SANDBOX_CARD_INSTRUMENTS.redirect,
    });
  } else {
    env.PORT = '0';
  }
  const store = await startProcess(['--import', 'tsx', storeProcess, dataDir, String(seed)], { env, ready: /^\{/ });
  const { pid } = store.child;
  return {
    url: JSON.parse(store.line).url,
    logged: store.logged,
    rssMb: () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024,
    /** CPU time the store process has used, in ms (user + system). */
    cpuMs: () => cpuMsOf(pid),
    /** CPU time the sandbox in its own process has used, in ms (0 when it runs inside the store). */
    sandboxCpuMs: () => (sandbox === undefined ? 0 : cpuMsOf(sandbox.child.pid)),
    /** Resolves once the store has used no CPU for 200 ms (at most 5 s). */
    async idle() {
      const giveUpAt = Date.now() + 5000;
      let last = cpuMsOf(pid);
      while (Date.now() < giveUpAt) {
        await sleep(200);
        const now = cpuMsOf(pid);
        if (now === last) return;
        last = now;
      }
    },
    async stop() {
      await store.stop();
      await sandbox?.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** `POST /api/checkout/payments` as the pay button sends it, with a fresh Idempotency-Key; keeps the answer. */
function createRequest() {
  let count = 0;
  return {
    method: 'POST',
    path: '/api/checkout/payments',
    setupRequest(request) {
      count += 1;
      const body = JSON.stringify({ paymentMethodType: METHODS[count % METHODS.length], platformType: 'WEB', payload: CART });
      return { ...request, body, headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() } };
    },
    onResponse(status, body, context) {
      context.payment = status === 201 ? JSON.parse(body) : undefined;
    },
  };
}

/** A request about the payment this connection created last (none yet: start the visit again). */
function aboutPayment(method, build) {
  return { method, setupRequest: (request, context) => (context.payment ? { ...request, ...build(context.payment) } : undefined) };
}

let webhookCount = 0;
/** A signed `order.next_action` for the payment, as Clink sends it (a new event id each time). */
function signedWebhook(payment) {
  webhookCount += 1;
  const body = JSON.stringify({
    id: `evt_bench_${process.pid}_${webhookCount}`,
    object: 'event',
    created: Date.now(),
    type: 'order.next_action',
    data: {
      orderId: payment.orderId,
      type: 'onetime',
      merchantReferenceId: 'demo_bench',
      status: 'requires_action',
      amountTotal: payment.amount,
      paymentCurrency: payment.currency,
      createTime: Date.now(),
      paymentMethod: { paymentMethodType: payment.paymentMethodType, paymentInstrumentId: 'pi_demo_store' },
      metadata: { productId: CART.productId, quantity: String(CART.quantity) },
    },
  });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', SANDBOX_WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest('hex');
  return {
    path: '/api/checkout/webhooks',
    body,
    headers: { 'content-type': 'application/json', 'x-clink-timestamp': timestamp, 'x-clink-signature': signature },
  };
}

/**
 * One customer's visit, looped by every connection of the mixed run (each loop is a new customer):
 * the page (which sets the session cookie), its script, a payment, the pay button's status read, the
 * return page's order lookup with the session, and Clink's webhook about the payment.
 */
function visit() {
  const compressed = { 'accept-encoding': 'br, gzip' };
  const withSession = (request, context) => ({ ...request, headers: { ...request.headers, ...(context.cookie ? { cookie: context.cookie } : {}) } });
  const create = createRequest();
  return [
    {
      method: 'GET',
      path: '/',
      headers: compressed,
      onResponse(_status, _body, context, headers) {
        const cookie = [headers?.['set-cookie'] ?? []].flat()[0];
        if (cookie) context.cookie = cookie.split(';')[0];
      },
    },
    { method: 'GET', path: SCRIPT, headers: compressed },
    { ...create, setupRequest: (request, context) => withSession(create.setupRequest(request, context), context) },
    aboutPayment('GET', (p) => ({ path: `/api/checkout/payments/${p.orderId}`, headers: { 'x-order-token': p.orderToken } })),
    {
      method: 'GET',
      setupRequest: (request, context) =>
        context.payment ? withSession({ ...request, path: `/api/orders/${context.payment.orderId}`, headers: {} }, context) : undefined,
    },
    aboutPayment('POST', signedWebhook),
  ];
}

function load(store, options) {
  return autocannon({ url: store.url, timeout: 30, ...options });
}

/** Everything that is not a 2xx answer: socket errors, timeouts, 3xx-5xx, pipeline restarts. */
function failuresOf(result) {
  return result.errors + result.timeouts + result.non2xx + (result.resets ?? 0);
}

/**
 * Bursts of 100 creates sent at once, each on its own connection (a sale opens, a campaign link goes
 * out): the latency of every create of every burst, after two bursts to warm up.
 */
async function concurrentCreates(processes) {
  const store = await startStore(0, processes);
  try {
    const latencies = [];
    let failures = 0;
    let cpuMs = 0;
    let sandboxCpuMs = 0;
    let generatorCpuMs = 0;
    for (let burst = 0; burst < WARMUP_BURSTS + Math.ceil(CREATES / 100); burst += 1) {
      const cpuBefore = store.cpuMs();
      const sandboxCpuBefore = store.sandboxCpuMs();
      const generatorCpuBefore = process.cpuUsage();
      const run = load(store, { connections: 100, amount: 100, requests: [createRequest()] });
      const times = [];
      run.on('response', (_client, _status, _bytes, ms) => times.push(ms));
      const result = await run;
      failures += failuresOf(result);
      await store.idle(); // the burst's webhooks are handled before the next burst starts
      if (burst >= WARMUP_BURSTS) {
        latencies.push(...times);
        cpuMs += store.cpuMs() - cpuBefore;
        sandboxCpuMs += store.sandboxCpuMs() - sandboxCpuBefore;
        const generator = process.cpuUsage(generatorCpuBefore);
        generatorCpuMs += (generator.user + generator.system) / 1000;
      }
    }
    latencies.sort((a, b) => a - b);
    const at = (share) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))];
    const count = latencies.length;
    return {
      p50: at(0.5),
      p99: at(0.99),
      count,
      cpuPerCreate: cpuMs / count,
      sandboxCpuPerCreate: sandboxCpuMs / count,
      generatorCpuPerCreate: generatorCpuMs / count,
      failures,
      logged: [...store.logged],
    };
  } finally {
    await store.stop();
  }
}

/**
 * 200 connections looping through visits. "Before" is taken after a warm-up of the same load: V8 sizes
 * its heap to the working set of 200 connections in the first seconds (the RSS at start is printed
 * too); what must not happen is growth after that, which would be a leak.
 */
async function mixedLoad() {
  const store = await startStore();
  try {
    const rssAtStart = store.rssMb();
    await load(store, { connections: 200, duration: MIXED_WARMUP_SECONDS, requests: visit() });
    await sleep(2000);
    const rssBefore = store.rssMb();
    const result = await load(store, { connections: 200, duration: SOAK_SECONDS, requests: visit() });
    await sleep(2000);
    const rssAfter = store.rssMb();
    return {
      requests: result.requests.total,
      perSecond: result.requests.total / result.duration,
      p99: result.latency.p99,
      failures: failuresOf(result),
      rssAtStart,
      rssBefore,
      rssAfter,
      logged: [...store.logged],
    };
  } finally {
    await store.stop();
  }
}

async function createsPerSecond(seed) {
  const store = await startStore(seed);
  try {
    await load(store, { connections: 50, amount: 500, requests: [createRequest()] });
    const cpuBefore = store.cpuMs();
    const result = await load(store, { connections: 50, duration: THROUGHPUT_SECONDS, requests: [createRequest()] });
    await store.idle(); // count the CPU of the webhooks that follow the creates, too
    return {
      perSecond: result.requests.total / result.duration,
      cpuPerCreate: (store.cpuMs() - cpuBefore) / result.requests.total,
      failures: failuresOf(result),
    };
  } finally {
    await store.stop();
  }
}

async function writeThroughput() {
  // Alternating empty and full stores, so a change in the machine's load hits both sides alike.
  const runs = { empty: [], full: [] };
  for (let round = 0; round < 2; round += 1) {
    runs.empty.push(await createsPerSecond(0));
    runs.full.push(await createsPerSecond(SEED_ORDERS));
  }
  const mean = (list, key) => list.reduce((sum, run) => sum + run[key], 0) / list.length;
  const failures = [...runs.empty, ...runs.full].reduce((sum, run) => sum + run.failures, 0);
  return {
    empty: mean(runs.empty, 'perSecond'),
    full: mean(runs.full, 'perSecond'),
    // Creates per second of the store's own CPU: what it would reach with a core to itself.
    emptyCapacity: 1000 / mean(runs.empty, 'cpuPerCreate'),
    fullCapacity: 1000 / mean(runs.full, 'cpuPerCreate'),
    failures,
  };
}

console.log(
  `Demo store under load (${path.relative(root, STORE_PROCESS)}, local sandbox ${SANDBOX === 'own-process' ? 'in its own process' : 'in the store\'s process'}), ` +
    `${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)}, Node ${process.version}`,
);
const creates = await concurrentCreates();
// The same bursts against the least a shop's server can do (demo-store.floor.mjs): what this machine allows.
const floor = SANDBOX === 'own-process' ? await concurrentCreates({ storeProcess: FLOOR_PROCESS }) : undefined;
// ... and with Clink's side cut down the same way (clink.floor.mjs): only the HTTP exchanges are left.
const bareFloor = SANDBOX === 'own-process' ? await concurrentCreates({ storeProcess: FLOOR_PROCESS, clink: CLINK_FLOOR_PROCESS }) : undefined;
const mixed = await mixedLoad();
const writes = await writeThroughput();

const verdict = (ok) => (ok ? 'PASS' : '**FAIL**');
const rssGrowth = mixed.rssAfter / mixed.rssBefore - 1;
const ratio = writes.full / writes.empty;
const capacityRatio = writes.fullCapacity / writes.emptyCapacity;
const checks = [
  [`100 concurrent creates (${creates.count / 100} bursts): p50`, `${creates.p50.toFixed(1)} ms`, `≤ ${BUDGET.createP50Ms} ms`, creates.p50 <= BUDGET.createP50Ms],
  ['100 concurrent creates: p99', `${creates.p99.toFixed(1)} ms`, `≤ ${BUDGET.createP99Ms} ms`, creates.p99 <= BUDGET.createP99Ms],
  ['100 concurrent creates: failed answers', String(creates.failures), '0', creates.failures === 0],
  [
    `200 connections for ${SOAK_SECONDS} s: failed answers`,
    `${mixed.failures} of ${mixed.requests} (${Math.round(mixed.perSecond)}/s, p99 ${mixed.p99.toFixed(0)} ms)`,
    '0',
    mixed.failures === 0,
  ],
  [
    `200 connections for ${SOAK_SECONDS} s: RSS before → after (at start ${mixed.rssAtStart.toFixed(0)} MB)`,
    `${mixed.rssBefore.toFixed(0)} → ${mixed.rssAfter.toFixed(0)} MB (${rssGrowth >= 0 ? '+' : ''}${(rssGrowth * 100).toFixed(1)} %)`,
    `≤ +${BUDGET.rssGrowth * 100} %`,
    Math.abs(rssGrowth) <= BUDGET.rssGrowth,
  ],
  [
    `creates/s, ${SEED_ORDERS.toLocaleString('en')} orders stored vs empty`,
    `${writes.full.toFixed(0)} vs ${writes.empty.toFixed(0)} (×${ratio.toFixed(2)})`,
    `≥ ×${BUDGET.throughputRatio}`,
    ratio >= BUDGET.throughputRatio && writes.failures === 0,
  ],
  [
    `creates per CPU-second of the store, ${SEED_ORDERS.toLocaleString('en')} stored vs empty`,
    `${writes.fullCapacity.toFixed(0)} vs ${writes.emptyCapacity.toFixed(0)} (×${capacityRatio.toFixed(2)})`,
    `≥ ×${BUDGET.throughputRatio}`,
    capacityRatio >= BUDGET.throughputRatio,
  ],
];

console.log('\n| measure | figure | budget | |\n| --- | --- | --- | --- |');
for (const [name, figure, budget, ok] of checks) console.log(`| ${name} | ${figure} | ${budget} | ${verdict(ok)} |`);
console.log(
  `\nThe store's CPU time per create (with its webhooks): ${creates.cpuPerCreate.toFixed(2)} ms in the bursts; ` +
    (SANDBOX === 'own-process' ? `the sandbox's, on the same cores: ${creates.sandboxCpuPerCreate.toFixed(2)} ms; ` : '') +
    `the load generator's (autocannon, this process): ${creates.generatorCpuPerCreate.toFixed(2)} ms; ` +
    `other load on the machine (load average now ${os.loadavg()[0].toFixed(1)}) stretches every latency above.`,
);
if (floor && bareFloor) {
  const row = (name, run) =>
    `| ${name} | ${run.p50.toFixed(1)} / ${run.p99.toFixed(1)} ms | ${run.cpuPerCreate.toFixed(2)} ms | ${run.sandboxCpuPerCreate.toFixed(2)} ms | ${run.generatorCpuPerCreate.toFixed(2)} ms | ${run.failures} |`;
  console.log(`\nWhat this machine allows: the same bursts with less and less work on the server side (${os.cpus().length} cores shared by all three processes):\n`);
  console.log('| server side | p50 / p99 | server CPU / create | Clink side CPU / create | load generator CPU / create | failed |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(row('the demo store and the local sandbox', creates));
  console.log(row(`${path.relative(root, FLOOR_PROCESS)} (forwards, answers; nothing else) and the local sandbox`, floor));
  console.log(row(`${path.relative(root, FLOOR_PROCESS)} and ${path.relative(root, CLINK_FLOOR_PROCESS)} (fixed answers, two webhooks)`, bareFloor));
}
const logged = [...creates.logged, ...mixed.logged];
console.log(`\nFailures the store logged during the runs: ${logged.length}${writes.failures ? `; failed creates while measuring throughput: ${writes.failures}` : ''}`);
for (const line of new Set(logged.map((text) => text.replace(/\b(ord|evt)_\w+/g, '$1_…')))) console.log(`  ${line}`);
process.exit(checks.every(([, , , ok]) => ok) ? 0 : 1);
