/**
 * What an attacker (or an unlucky network) tries against the shop, each of which once broke it:
 * aborted downloads that leaked file handles until the process died, a signed but unusable webhook
 * answered 500 forever, unlimited Cash App refreshes, and orders shown to anyone with their id.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SANDBOX_WEBHOOK_SECRET } from '@clink-checkout/sandbox';
import { signClinkWebhookPayload } from '@clink-checkout/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDemoStore, type DemoStore } from './app.js';
import { MAX_QR_REFRESHES_PER_ORDER } from './routes.js';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cart = { productId: 'house-blend-250g', quantity: 1 };

let dir: string;
let clientDir: string;
const cleanups: Array<() => Promise<void> | void> = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-attacks-'));
  clientDir = path.join(dir, 'client');
  await mkdir(path.join(clientDir, 'assets'), { recursive: true });
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>shop</title>');
  // Big enough that a download is still streaming when the connection is reset.
  await writeFile(path.join(clientDir, 'assets', 'big.js'), `/*${'x'.repeat(4 * 1024 * 1024)}*/`);
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(dir, { recursive: true, force: true });
});

async function startStore(log: (line: string) => void = () => {}): Promise<DemoStore> {
  const store = await startDemoStore({ port: 0, sandboxPort: 0, dataDir: path.join(dir, 'data'), clientDir, env: {}, log });
  cleanups.push(() => store.close());
  return store;
}

async function createPayment(store: DemoStore, paymentMethodType: string) {
  const response = await fetch(`${store.url}/api/checkout/payments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paymentMethodType, payload: cart }),
  });
  expect(response.status).toBe(201);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
  const body = (await response.json()) as { orderId: string; orderToken: string };
  return { ...body, cookie };
}

/** Starts a download, waits for the response headers, then resets the connection (TCP RST). */
function abortedDownload(url: URL): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(`GET ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\n\r\n`);
    });
    let received = '';
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (received.includes('\r\n\r\n')) socket.resetAndDestroy();
    });
    socket.on('close', () => resolve());
    socket.on('error', () => {}); // a refused connection ends the loop below just the same
  });
}

/** The store under `ulimit -n 256`, in a process of its own. */
async function startStoreProcess(): Promise<{ child: ChildProcess; url: string; stderr: () => string }> {
  const fixture = path.join(PACKAGE_DIR, 'server', 'test-support', 'storeProcess.ts');
  const child = spawn(
    'bash',
    ['-c', 'ulimit -n 256 && exec "$0" --import tsx "$1" "$2" "$3"', process.execPath, fixture, path.join(dir, 'data'), clientDir],
    { cwd: PACKAGE_DIR, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let stdout = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((text) => text.startsWith('{'));
      if (line !== undefined) resolve((JSON.parse(line) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`the store process exited (${code}) before listening:\n${stderr}`)));
  });
  return { child, url, stderr: () => stderr };
}

const openFiles = (pid: number) => readdirSync(`/proc/${pid}/fd`).length;

describe('what an attacker tries', () => {
  it(
    'aborted downloads neither leak file handles nor crash the store, with 256 handles allowed',
    async () => {
      const { child, url, stderr } = await startStoreProcess();
      expect((await fetch(url)).status).toBe(200);
      const before = openFiles(child.pid!);

      for (let attempt = 0; attempt < 240 && child.exitCode === null; attempt += 1) {
        await abortedDownload(new URL('/assets/big.js', url));
      }

      expect(child.exitCode, `the store process died:\n${stderr()}`).toBeNull();
      await expect.poll(() => openFiles(child.pid!), { timeout: 10_000 }).toBeLessThanOrEqual(before + 8);
      const download = await fetch(new URL('/assets/big.js', url));
      expect(download.status).toBe(200);
      expect((await download.arrayBuffer()).byteLength).toBeGreaterThan(4 * 1024 * 1024);
      const create = await fetch(`${url}/api/checkout/payments`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ paymentMethodType: 'WECHAT', payload: cart }),
      });
      expect(create.status).toBe(201);
    },
    60_000,
  );

  it('acknowledges a signed webhook with unusable fields, logs it once, and changes nothing', async () => {
    const logs: string[] = [];
    const store = await startStore((line) => logs.push(line));
    const { orderId } = await createPayment(store, 'WECHAT');
    await store.backend.sandbox!.webhooksIdle();
    const before = store.orders.get(orderId);

    const delivery = await signClinkWebhookPayload({
      payload: {
        id: 'evt_unusable',
        object: 'event',
        created: Date.now(),
        type: 'order.succeeded',
        data: { ...store.backend.sandbox!.getOrder(orderId), status: 'success', merchantReferenceId: 12345 },
      },
      secret: SANDBOX_WEBHOOK_SECRET,
    });
    const deliver = () => fetch(`${store.url}/api/checkout/webhooks`, { method: 'POST', headers: delivery.headers, body: delivery.body });

    expect((await deliver()).status).toBe(200);
    expect((await deliver()).status).toBe(200);
    expect(store.orders.get(orderId)).toEqual(before);
    const mentions = () => logs.filter((line) => line.includes('evt_unusable'));
    expect(mentions()).toEqual([
      '[demo-store] webhook evt_unusable (order.succeeded) acknowledged but not applied: data.merchantReferenceId must be a string',
    ]);

    // Clink delivers it again after a restart: still acknowledged, still logged only once.
    await cleanups.pop()!();
    const restarted = await startStore((line) => logs.push(line));
    const again = await fetch(`${restarted.url}/api/checkout/webhooks`, { method: 'POST', headers: delivery.headers, body: delivery.body });
    expect(again.status).toBe(200);
    expect(mentions()).toHaveLength(1);
    expect(restarted.orders.get(orderId)).toEqual(before);
  });

  it('bounds the Cash App refreshes of one order token, and what they store', async () => {
    const store = await startStore();
    const { orderId, orderToken } = await createPayment(store, 'CASHAPP');
    const refresh = (token: string, suffix = '') =>
      fetch(`${store.url}/api/checkout/payments/${orderId}/refresh${suffix}`, { method: 'POST', headers: { 'X-Order-Token': token } });

    // A refused refresh (a wrong token) does not use up the customer's refreshes.
    expect((await refresh('v1.CASHAPP.1.AAAAAAAAAAAAAAAAAAAAAA.AAAA')).status).toBe(403);
    for (let i = 0; i < MAX_QR_REFRESHES_PER_ORDER; i += 1) expect((await refresh(orderToken)).status).toBe(200);

    const statuses: number[] = [];
    for (let i = 0; i < 20; i += 1) statuses.push((await refresh(orderToken, i % 2 === 0 ? '' : '/')).status);
    expect(new Set(statuses)).toEqual(new Set([409]));
    const refused = await refresh(orderToken);
    expect(await refused.json()).toEqual({
      error: { type: 'conflict', message: expect.stringMatching(/refreshed 5 times.*Start a new payment\.$/) },
    });

    await store.backend.sandbox!.webhooksIdle();
    expect(store.orders.get(orderId)?.qrRefreshes).toBe(MAX_QR_REFRESHES_PER_ORDER);
    // order.created and order.next_action, then one order.next_action per refresh.
    expect(store.orders.countWebhookEvents(orderId)).toBe(2 + MAX_QR_REFRESHES_PER_ORDER);
  });

  it('shows an order only to the holder of its order token or the session that created it', async () => {
    const store = await startStore();
    const mine = await createPayment(store, 'CARD');
    const someoneElses = await createPayment(store, 'CARD');
    const lookUp = (headers: Record<string, string>) => fetch(`${store.url}/api/orders/${mine.orderId}`, { headers });

    expect((await lookUp({})).status).toBe(404);
    expect((await lookUp({ Cookie: someoneElses.cookie })).status).toBe(404);
    expect((await lookUp({ 'X-Order-Token': someoneElses.orderToken })).status).toBe(404);
    expect((await lookUp({ 'X-Order-Token': `${mine.orderToken}x` })).status).toBe(404);

    const byToken = await lookUp({ 'X-Order-Token': mine.orderToken });
    expect(byToken.status).toBe(200);
    expect(await byToken.json()).toMatchObject({ orderId: mine.orderId, outcome: 'pending' });
    expect((await lookUp({ Cookie: mine.cookie })).status).toBe(200);
  });
});
