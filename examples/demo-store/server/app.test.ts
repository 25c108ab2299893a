import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_CARD_INSTRUMENTS, SANDBOX_WEBHOOK_SECRET, type Sandbox } from '@clink-checkout/sandbox';
import { signClinkWebhookPayload } from '@clink-checkout/server';
import Database from 'better-sqlite3';
import { startDemoStore, type DemoStore } from './app.js';
import { OrderStore } from './orders.js';

const SCRIPT = `console.log(${JSON.stringify('a line of the shop’s script. '.repeat(200))});\n`;

const ICON = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32"/></svg>';

let dir: string;
let clientDir: string;
const running: Array<{ close: () => Promise<void> }> = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-app-'));
  clientDir = path.join(dir, 'client');
  await mkdir(path.join(clientDir, 'assets'), { recursive: true });
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>shop</title>');
  await writeFile(path.join(clientDir, 'favicon.svg'), ICON);
  // What `vite build` writes: the script and its precompressed copies.
  await writeFile(path.join(clientDir, 'assets', 'app.js'), SCRIPT);
  await writeFile(path.join(clientDir, 'assets', 'app.js.br'), brotliCompressSync(SCRIPT));
  await writeFile(path.join(clientDir, 'assets', 'app.js.gz'), gzipSync(SCRIPT));
});
afterEach(async () => {
  for (const server of running.splice(0).reverse()) await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function startStore(env: Record<string, string> = {}): Promise<DemoStore> {
  const store = await startDemoStore({
    port: 0,
    sandboxPort: 0,
    dataDir: path.join(dir, 'data'),
    clientDir,
    env,
    log: () => {},
  });
  running.push(store);
  return store;
}

function createPayment(store: DemoStore, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${store.url}/api/checkout/payments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID(), ...headers },
    body: JSON.stringify(body),
  });
}

async function createdPayment(store: DemoStore, body: unknown) {
  const response = await createPayment(store, body);
  expect(response.status).toBe(201);
  return (await response.json()) as { orderId: string; orderToken: string; amount: number };
}

const cart = (quantity: number, extra: Record<string, unknown> = {}) => ({ productId: 'house-blend-250g', quantity, ...extra });

/** The return page's call, made by the holder of the order token. */
async function outcomeWithToken(store: DemoStore, payment: { orderId: string; orderToken: string }) {
  const response = await fetch(`${store.url}/api/orders/${payment.orderId}`, { headers: { 'X-Order-Token': payment.orderToken } });
  expect(response.status).toBe(200);
  return (await response.json()) as { outcome: string };
}

/** A GET that asks for raw bytes (fetch would decompress them). */
function getRaw(url: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    httpRequest(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('demo store server on the local sandbox', () => {
  it('prices the cart on the server and saves the order in the database before the browser hears of it', async () => {
    const store = await startStore();
    const response = await createPayment(store, { paymentMethodType: 'WECHAT', platformType: 'WEB', payload: cart(3) });
    expect(response.status).toBe(201);
    const payment = (await response.json()) as { orderId: string; amount: number; currency: string };
    expect(payment).toMatchObject({ amount: 37.5, currency: 'USD' });

    const atClink = store.backend.sandbox!.getOrder(payment.orderId)!;
    expect(atClink.amountTotal).toBe(37.5);
    expect(atClink.merchantReferenceId).toMatch(/^demo_/);
    const onDisk = new OrderStore(new Database(store.orders.file, { readonly: true }));
    expect(onDisk.get(payment.orderId)).toMatchObject({
      reference: atClink.merchantReferenceId,
      quantity: 3,
      amount: 37.5,
      currency: 'USD',
      paymentMethodType: 'WECHAT',
      outcome: 'pending',
    });
    onDisk.close();
  });

  it('never takes an amount from the browser', async () => {
    const store = await startStore();
    const inPayload = await createPayment(store, { paymentMethodType: 'CARD', payload: cart(1, { amount: 0.01 }) });
    expect(((await inPayload.json()) as { amount: number }).amount).toBe(12.5);
    const atTopLevel = await createPayment(store, { paymentMethodType: 'CARD', amount: 0.01, payload: cart(1) });
    expect(atTopLevel.status).toBe(400);
    expect(store.backend.sandbox!.listOrders()).toHaveLength(1);
  });

  it('refuses an unknown product or quantity with field errors, creating nothing', async () => {
    const store = await startStore();
    const response = await createPayment(store, { paymentMethodType: 'CARD', payload: cart(0) });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { fields: { 'payload.quantity': expect.any(String) } } });
    expect(store.backend.sandbox!.listOrders()).toEqual([]);
    expect(store.orders.list()).toEqual([]);
  });

  it('chooses the card flow in the sandbox from the payload', async () => {
    const store = await startStore();
    const response = await createPayment(store, { paymentMethodType: 'CARD', payload: cart(1, { cardFlow: 'post_form' }) });
    const payment = (await response.json()) as { action: { method: string; postData: Record<string, string> } };
    expect(payment.action.method).toBe('POST');
    expect(payment.action.postData.MD).toBeTruthy();
  });

  it('updates the order from the sandbox webhook, and /api/orders reports the outcome to the order token', async () => {
    const store = await startStore();
    const payment = await createdPayment(store, { paymentMethodType: 'WECHAT', payload: cart(2) });
    const sandbox = store.backend.sandbox!;

    sandbox.succeed(payment.orderId);
    await sandbox.webhooksIdle();
    expect(store.orders.get(payment.orderId)).toMatchObject({ outcome: 'paid', updatedBy: 'webhook' });

    expect(await outcomeWithToken(store, payment)).toEqual({
      orderId: payment.orderId,
      outcome: 'paid',
      productName: 'House Blend coffee beans, 250 g',
      quantity: 2,
      amount: 25,
      currency: 'USD',
      paymentMethodType: 'WECHAT',
    });
  });

  it('shows the order to the session that created it: the cookie set on the create opens it', async () => {
    const store = await startStore();
    const response = await createPayment(store, { paymentMethodType: 'CARD', payload: cart(1) });
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^store_session=[\w-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax$/);
    const { orderId } = (await response.json()) as { orderId: string };

    const sameSession = await fetch(`${store.url}/api/orders/${orderId}`, { headers: { Cookie: cookie.split(';')[0]! } });
    expect(sameSession.status).toBe(200);
    expect(sameSession.headers.get('set-cookie')).toBeNull(); // the session is kept, not replaced
    expect(((await sameSession.json()) as { outcome: string }).outcome).toBe('pending');
  });

  it('keeps the session of a page visit for the payments made from that page', async () => {
    const store = await startStore();
    const page = await fetch(store.url);
    const cookie = (page.headers.get('set-cookie') ?? '').split(';')[0]!;
    expect(cookie).toMatch(/^store_session=/);

    const created = await createPayment(store, { paymentMethodType: 'CARD', payload: cart(1) }, { Cookie: cookie });
    expect(created.headers.get('set-cookie')).toBeNull();
    const { orderId } = (await created.json()) as { orderId: string };
    expect((await fetch(`${store.url}/api/orders/${orderId}`, { headers: { Cookie: cookie } })).status).toBe(200);
  });

  it('answers 404 for orders that are not the store’s', async () => {
    const store = await startStore();
    expect((await fetch(`${store.url}/api/orders/ord_unknown`)).status).toBe(404);
  });

  it('refuses webhooks with a bad signature and leaves the order alone', async () => {
    const store = await startStore();
    const { orderId } = await createdPayment(store, { paymentMethodType: 'WECHAT', payload: cart(1) });
    await store.backend.sandbox!.webhooksIdle();
    const order = { ...store.backend.sandbox!.getOrder(orderId)!, status: 'success' };
    const signed = await signClinkWebhookPayload({
      payload: { id: 'evt_forged', object: 'event', created: Date.now(), type: 'order.succeeded', data: order },
      secret: 'whsec_not_the_right_one',
    });
    const response = await fetch(`${store.url}/api/checkout/webhooks`, { method: 'POST', headers: signed.headers, body: signed.body });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(store.orders.get(orderId)?.outcome).toBe('pending');

    const genuine = await signClinkWebhookPayload({
      payload: { id: 'evt_genuine', object: 'event', created: Date.now(), type: 'order.succeeded', data: order },
      secret: SANDBOX_WEBHOOK_SECRET,
    });
    const accepted = await fetch(`${store.url}/api/checkout/webhooks`, { method: 'POST', headers: genuine.headers, body: genuine.body });
    expect(accepted.status).toBe(200);
    expect(store.orders.get(orderId)?.outcome).toBe('paid');
  });

  it('serves the front end for its pages with the CSP, and nothing outside the build', async () => {
    const store = await startStore();
    for (const page of ['/', '/return?orderId=ord_1']) {
      const response = await fetch(`${store.url}${page}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>shop</title>');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain(`form-action 'self' https: ${store.backend.sandboxUrl}`);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await fetch(`${store.url}/%2e%2e/data/store.db`)).status).toBe(404);
    expect((await fetch(`${store.url}/assets/%2e%2e/index.html`)).status).toBe(404);
    expect((await fetch(`${store.url}/assets/missing.js`)).status).toBe(404);
    expect((await fetch(`${store.url}/api/nope`)).status).toBe(404);
  });

  it('serves its icon at /favicon.svg and at the /favicon.ico browsers ask for by themselves', async () => {
    const store = await startStore();
    for (const icon of ['/favicon.svg', '/favicon.ico']) {
      const response = await fetch(`${store.url}${icon}`);
      expect(response.status, icon).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(await response.text()).toBe(ICON);
    }
  });

  it('serves scripts compressed (Brotli, else gzip) and cacheable for a year', async () => {
    const store = await startStore();
    const brotli = await getRaw(`${store.url}/assets/app.js`, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(brotli.headers).toMatchObject({
      'content-encoding': 'br',
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'Accept-Encoding',
      'content-type': 'text/javascript; charset=utf-8',
    });
    expect(brotliDecompressSync(brotli.body).toString()).toBe(SCRIPT);
    expect(brotli.body.length).toBeLessThan(SCRIPT.length / 10);

    const gzip = await getRaw(`${store.url}/assets/app.js`, { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.body).toString()).toBe(SCRIPT);

    const plain = await getRaw(`${store.url}/assets/app.js`, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toBe('Accept-Encoding');
    expect(plain.body.toString()).toBe(SCRIPT);
  });

  it('deletes unpaid orders older than a day when it starts, and keeps paid ones', async () => {
    const dayAndAMinuteAgo = Date.now() - 24 * 60 * 60 * 1000 - 60_000;
    const old = OrderStore.open(path.join(dir, 'data', 'store.db'), { now: () => dayAndAMinuteAgo });
    for (const [orderId, clinkStatus] of [['ord_unpaid', 'requires_action'], ['ord_failed', 'failed'], ['ord_paid', 'success']] as const) {
      old.recordCreated({ orderId, reference: `demo_${orderId}`, clinkStatus, orderToken: 'token', sessionId: undefined });
    }
    old.close();

    const store = await startStore();
    await expect.poll(() => store.orders.list().map((order) => order.orderId)).toEqual(['ord_paid']);
  });
});

describe('QR_EXPIRES_IN: a short QR lifetime on the local sandbox', () => {
  it('gives the local sandbox\'s QR codes the lifetime it names', async () => {
    const store = await startStore({ QR_EXPIRES_IN: '30' });
    expect(store.qrExpiresInSeconds).toBe(30);
    const response = await createPayment(store, { paymentMethodType: 'WECHAT', payload: { productId: 'house-blend-250g', quantity: 1 } });
    expect(response.status).toBe(201);
    const { action } = (await response.json()) as { action: { walletHandleRedirectOrDisplayQrCode: { expiresSecond: number } } };
    expect(action.walletHandleRedirectOrDisplayQrCode.expiresSecond).toBe(30);
  });

  it('leaves the sandbox\'s 15 minutes when unset or empty', async () => {
    expect((await startStore({})).qrExpiresInSeconds).toBeUndefined();
    expect((await startStore({ QR_EXPIRES_IN: '' })).qrExpiresInSeconds).toBeUndefined();
  });

  it.each(['abc', '0', '-5', '1.5', '30s', '1e3', '86401'])('refuses QR_EXPIRES_IN=%s, saying what it must be and what it got', async (value) => {
    await expect(startStore({ QR_EXPIRES_IN: value })).rejects.toThrow(
      `QR_EXPIRES_IN must be a whole number of seconds from 1 to 86400 (e.g. QR_EXPIRES_IN=30), got "${value}".`,
    );
  });

  it('refuses it next to CLINK_API_KEY: Clink decides how long its QR codes live', async () => {
    await expect(startStore({ QR_EXPIRES_IN: '30', CLINK_API_KEY: 'sk_test_x' })).rejects.toThrow(/with CLINK_API_KEY .* Unset QR_EXPIRES_IN/);
  });
});

describe('demo store server pointed at Clink with CLINK_API_KEY', () => {
  let clink: Sandbox;
  let clinkUrl: string;

  beforeEach(async () => {
    // A sandbox standing in for Clink's own API, with a key of its own.
    clink = createSandbox({ apiKeys: ['sk_test_merchant_key'] });
    clinkUrl = (await clink.listen({ port: 0 })).url;
    running.push(clink);
  });

  it('talks to the configured Clink without starting a local sandbox, and keeps the key out of responses', async () => {
    const store = await startStore({
      CLINK_API_KEY: 'sk_test_merchant_key',
      CLINK_ENV: 'sandbox',
      CLINK_BASE_URL: `${clinkUrl}/api`,
      // A card the default customer (customer@example.com) saved at Clink.
      CLINK_CARD_INSTRUMENT_ID: SANDBOX_CARD_INSTRUMENTS.redirect,
    });
    expect(store.backend.kind).toBe('clink');
    expect(store.backend.sandbox).toBeUndefined();

    const config = await (await fetch(`${store.url}/api/config`)).json();
    expect(config).toEqual({ backend: 'clink', environment: 'sandbox', cardFlows: false, unavailableMethods: {} });

    const response = await createPayment(store, { paymentMethodType: 'CARD', payload: cart(2, { cardFlow: 'post_form' }) });
    const text = await response.text();
    expect(response.status).toBe(201);
    expect(text).not.toContain('sk_test_merchant_key');
    const { orderId } = JSON.parse(text) as { orderId: string };
    const atClink = clink.getOrder(orderId)!;
    expect(atClink.amountTotal).toBe(25);
    expect(atClink.paymentMethod.paymentInstrumentId).toBe(SANDBOX_CARD_INSTRUMENTS.redirect);
    expect(atClink.metadata).not.toHaveProperty('sandboxCardFlow');
  });

  it('without webhooks, learns the outcome by asking Clink when the return page looks', async () => {
    const store = await startStore({
      CLINK_API_KEY: 'sk_test_merchant_key',
      CLINK_BASE_URL: `${clinkUrl}/api`,
      CLINK_CARD_INSTRUMENT_ID: SANDBOX_CARD_INSTRUMENTS.redirect,
    });
    const payment = await createdPayment(store, { paymentMethodType: 'CARD', payload: cart(1) });
    expect((await outcomeWithToken(store, payment)).outcome).toBe('pending');

    clink.fail(payment.orderId);
    expect((await outcomeWithToken(store, payment)).outcome).toBe('failed');
    expect(store.orders.get(payment.orderId)).toMatchObject({ outcome: 'failed', updatedBy: 'order_lookup' });
    expect((await fetch(`${store.url}/api/checkout/webhooks`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('answers a retry with the same Idempotency-Key after a restart with the first answer, creating one order', async () => {
    const env = { CLINK_API_KEY: 'sk_test_merchant_key', CLINK_BASE_URL: `${clinkUrl}/api` };
    const body = { paymentMethodType: 'WECHAT', payload: cart(1) };
    const first = await createPayment(await startStore(env), body, { 'Idempotency-Key': 'attempt-1' });
    const firstText = await first.text();
    await running.pop()!.close();

    const retry = await createPayment(await startStore(env), body, { 'Idempotency-Key': 'attempt-1' });

    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.text()).toBe(firstText);
    expect(clink.listOrders()).toHaveLength(1);
  });

  it('creates a customer’s wallet instrument at Clink once, and pays with it again after a restart', async () => {
    const env = { CLINK_API_KEY: 'sk_test_merchant_key', CLINK_BASE_URL: `${clinkUrl}/api` };
    const first = await createdPayment(await startStore(env), { paymentMethodType: 'GCASH', payload: cart(1) });
    await running.pop()!.close();
    const second = await createdPayment(await startStore(env), { paymentMethodType: 'GCASH', payload: cart(2) });

    const instruments = clink.listInstruments({ type: 'GCASH' });
    expect(instruments).toHaveLength(1);
    const paidWith = (orderId: string) => clink.getOrder(orderId)!.paymentMethod.paymentInstrumentId;
    expect(paidWith(first.orderId)).toBe(instruments[0]!.id);
    expect(paidWith(second.orderId)).toBe(instruments[0]!.id);
  });

  it('without CLINK_CARD_INSTRUMENT_ID, shows cards as unavailable with the reason and takes every wallet', async () => {
    const store = await startStore({ CLINK_API_KEY: 'sk_test_merchant_key', CLINK_BASE_URL: `${clinkUrl}/api` });

    const config = (await (await fetch(`${store.url}/api/config`)).json()) as { unavailableMethods: Record<string, string> };
    expect(Object.keys(config.unavailableMethods)).toEqual(['CARD']);
    expect(config.unavailableMethods.CARD).toMatch(/CLINK_CARD_INSTRUMENT_ID.*saved through Clink’s hosted pages/);

    const card = await createPayment(store, { paymentMethodType: 'CARD', payload: cart(1) });
    expect(card.status).toBe(422);
    expect(((await card.json()) as { error: { message: string } }).error.message).toMatch(/CLINK_CARD_INSTRUMENT_ID/);
    for (const method of ['ALIPAY', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT']) {
      await createdPayment(store, { paymentMethodType: method, payload: cart(1) });
    }
    expect(clink.listOrders().map((order) => order.paymentMethod.paymentMethodType).sort()).toEqual(
      ['ALIPAY', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT'],
    );
  });
});
