// What the checkout handler costs a merchant in a deployment-shaped setup. Three kinds of process:
//   sandbox   the local Clink sandbox behind a fixed delay on every call (Clink is on the internet),
//   server    node:http with the checkout handler (toNodeHandler), or the same create written by hand,
//   load      autocannon, POSTing creates with a fresh Idempotency-Key each,
// so the handler is measured the way it runs, not sharing one thread with its load or its Clink.
// Each connection count runs baseline and handler in alternating rounds (b h h b b h), so a change of
// load on a shared machine hits both alike; then the same again with both remembering creates in one Redis.
//
// Each server first answers BENCH_JIT_WARMUP requests: V8 is still compiling a process's code for its
// first few thousand requests, which a server running for hours has long done.
//
// Run after building:  node bench/handler.bench.mjs   (or `npm run bench`, which builds first)
// Environment: BENCH_DURATION=3 (seconds per round) BENCH_ROUNDS=3 BENCH_WARMUP=2 BENCH_JIT_WARMUP=5000 BENCH_CONNECTIONS=1,10,50,200
//              BENCH_CLINK_DELAY_MS=50 BENCH_STORES=memory,redis BENCH_PROFILE=dir (CPU profiles of both servers)
//              BENCH_COMPARE_DIST=dir: instead of the hand-written baseline, the handler of another build
//              (e.g. an older commit's packages/server-helper/dist), to see what a change did
import { fork } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedisServer } from '../scripts/redis.mjs';

const here = path.join(path.dirname(fileURLToPath(import.meta.url)), 'handler');
const DURATION = Number(process.env.BENCH_DURATION ?? 3);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const JIT_WARMUP_REQUESTS = Number(process.env.BENCH_JIT_WARMUP ?? 5000);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '1,10,50,200').split(',').map(Number);
const STORES = (process.env.BENCH_STORES ?? 'memory,redis').split(',');
const PROFILE_DIR = process.env.BENCH_PROFILE;
const BUDGET = { minThroughputRatio: 0.9, maxP99Ratio: 1.5, maxAddedCpuMs: 0.1, atConnections: [50, 200] };

/** Forks a script and resolves with its first IPC message (its "ready" report). */
function start(script, env, execArgv = []) {
  const child = fork(path.join(here, script), [], { env: { ...process.env, ...env }, execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ready = new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready`)));
  });
  return { child, ready };
}

function ask(child, question) {
  return new Promise((resolve) => {
    child.once('message', resolve);
    child.send(question);
  });
}

async function stop(child) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.disconnect();
  await exited;
}

/** One run of the load process: for `durationSeconds`, or until `requests` were answered. */
async function load(url, connections, durationSeconds, requests) {
  const { ready } = start('load-process.mjs', { BENCH_LOAD: JSON.stringify({ url, connections, durationSeconds, requests }) });
  return ready;
}

/** One measured run of one server kind: autocannon's figures and the server's CPU time meanwhile. */
async function measure(server, url, connections) {
  const before = (await ask(server, 'cpu')).cpu;
  const result = await load(url, connections, DURATION);
  const after = (await ask(server, 'cpu')).cpu;
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${connections} connections: ${result.non2xx} non-2xx answers and ${result.errors} errors`);
  }
  return { ...result, cpuMs: (after.user - before.user + after.system - before.system) / 1000 };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Rounds of one kind, added up: throughput and CPU over all of them, the median round's latencies. */
function summarise(runs) {
  const requests = runs.reduce((sum, run) => sum + run.requests, 0);
  return {
    rps: requests / runs.reduce((sum, run) => sum + run.durationSeconds, 0),
    p50: median(runs.map((run) => run.p50)),
    p99: median(runs.map((run) => run.p99)),
    cpuMsPerRequest: runs.reduce((sum, run) => sum + run.cpuMs, 0) / requests,
  };
}

async function benchStore(storeKind, apiBase, instrumentId, redisUrl) {
  const servers = {};
  for (const kind of ['baseline', 'handler']) {
    const execArgv = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, `--cpu-prof-name=${storeKind}-${kind}.cpuprofile`] : [];
    const compare = kind === 'baseline' && process.env.BENCH_COMPARE_DIST;
    const { child, ready } = start(
      'server-process.mjs',
      { BENCH_SERVER: compare ? 'handler' : kind, ...(compare ? { BENCH_SERVER_DIST: compare } : {}), BENCH_STORE: storeKind, BENCH_CLINK_API_BASE: apiBase, BENCH_INSTRUMENT_ID: instrumentId, ...(redisUrl ? { BENCH_REDIS_URL: redisUrl } : {}) },
      execArgv,
    );
    const { port } = await ready;
    servers[kind] = { child, url: `http://127.0.0.1:${port}/api/checkout/payments` };
  }
  // Until V8 has compiled the hot paths, CPU time per request measures the compiler (a profile of a
  // server in its first seconds shows it using a fifth of the process's CPU).
  if (JIT_WARMUP_REQUESTS > 0) for (const kind of ['baseline', 'handler']) await load(servers[kind].url, 50, undefined, JIT_WARMUP_REQUESTS);
  const rows = [];
  for (const connections of CONNECTIONS) {
    const runs = { baseline: [], handler: [] };
    for (const kind of ['baseline', 'handler']) if (WARMUP > 0) await load(servers[kind].url, connections, WARMUP);
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const kind of round % 2 === 0 ? ['baseline', 'handler'] : ['handler', 'baseline']) {
        runs[kind].push(await measure(servers[kind].child, servers[kind].url, connections));
      }
    }
    const row = { connections, baseline: summarise(runs.baseline), handler: summarise(runs.handler) };
    rows.push(row);
    process.stderr.write(`  ${storeKind}, ${connections} connections done\n`);
  }
  for (const { child } of Object.values(servers)) await stop(child);
  return rows;
}

const fmt = (value, digits = 2) => value.toFixed(digits);

function report(storeKind, rows) {
  const table = [['connections', 'server', 'req/s', 'p50 ms', 'p99 ms', 'CPU ms/req', 'throughput ratio', 'p99 ratio', 'added CPU ms/req']];
  let pass = true;
  const verdicts = [];
  for (const { connections, baseline, handler } of rows) {
    const throughputRatio = handler.rps / baseline.rps;
    const p99Ratio = handler.p99 / baseline.p99;
    const addedCpu = handler.cpuMsPerRequest - baseline.cpuMsPerRequest;
    table.push([String(connections), 'baseline', fmt(baseline.rps, 0), fmt(baseline.p50, 1), fmt(baseline.p99, 1), fmt(baseline.cpuMsPerRequest, 3), '', '', '']);
    table.push([String(connections), 'handler', fmt(handler.rps, 0), fmt(handler.p50, 1), fmt(handler.p99, 1), fmt(handler.cpuMsPerRequest, 3), fmt(throughputRatio), fmt(p99Ratio), fmt(addedCpu, 3)]);
    if (BUDGET.atConnections.includes(connections)) {
      const checks = [
        [`throughput ratio ${fmt(throughputRatio)} ≥ ${BUDGET.minThroughputRatio}`, throughputRatio >= BUDGET.minThroughputRatio],
        [`p99 ratio ${fmt(p99Ratio)} ≤ ${BUDGET.maxP99Ratio}`, p99Ratio <= BUDGET.maxP99Ratio],
        [`added CPU ${fmt(addedCpu, 3)} ms ≤ ${BUDGET.maxAddedCpuMs} ms`, addedCpu <= BUDGET.maxAddedCpuMs],
      ];
      for (const [text, ok] of checks) {
        pass &&= ok;
        verdicts.push(`budget at ${connections} connections (${storeKind}): ${text} -> ${ok ? 'PASS' : 'FAIL'}`);
      }
    }
  }
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  console.log(`\nstore: ${storeKind === 'redis' ? 'Redis (handler: @clink-checkout/server/redis; baseline: SET NX PX + SET PX by hand)' : 'in memory (baseline: none)'}`);
  for (const row of table) console.log(row.map((cell, column) => cell.padStart(widths[column])).join('  '));
  for (const line of verdicts) console.log(line);
  return pass;
}

const clinkDelay = Number(process.env.BENCH_CLINK_DELAY_MS ?? 50);
const sandbox = start('sandbox-process.mjs', { BENCH_CLINK_DELAY_MS: String(clinkDelay) });
const { apiBase, instrumentId } = await sandbox.ready;
console.log(
  `Checkout handler vs. a hand-written server: POST /payments (one Clink create each, sandbox ${clinkDelay} ms away), ` +
    `node:http server process, autocannon in a third process; each server first answers ${JIT_WARMUP_REQUESTS} requests (JIT warm-up), then ` +
    `${ROUNDS} alternating rounds of ${DURATION} s per side after ${WARMUP} s of warm-up per connection count; load average ${os.loadavg()[0].toFixed(1)}.`,
);
console.log(
  `Budget at ${BUDGET.atConnections.join(' and ')} connections: throughput ≥ ${BUDGET.minThroughputRatio * 100} % of the baseline's, ` +
    `p99 ≤ ${BUDGET.maxP99Ratio}× the baseline's, ≤ ${BUDGET.maxAddedCpuMs} ms more CPU per request.`,
);
let allPass = true;
let redis;
try {
  for (const storeKind of STORES) {
    let redisUrl;
    if (storeKind === 'redis') {
      redis = await startRedisServer();
      redisUrl = redis.url;
    }
    allPass = report(storeKind, await benchStore(storeKind, apiBase, instrumentId, redisUrl)) && allPass;
  }
} finally {
  await redis?.stop();
  await stop(sandbox.child);
}
console.log(`\nhandler budget: ${allPass ? 'PASS' : 'FAIL'}`);
process.exitCode = allPass ? 0 : 1;
