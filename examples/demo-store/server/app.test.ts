import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, SANDBOX_WEBHOOK_SECRET, type Sandbox } from '@clink-checkout/sandbox';
import { signClinkWebhookPayload } from '@clink-checkout/server';
import { startDemoStore, type DemoStore } from './app.mjs';

let dir: string;
let clientDir: string;
const running: Array<{ close: () => Promise<void> }> = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-app-'));
  clientDir = path.join(dir, 'client');
  await mkdir(path.join(clientDir, 'assets'), { recursive: true });
  await writeFile(path.join(clientDir, 'index.html'), '<!doctype html><title>shop</title>');
  await writeFile(path.join(clientDir, 'assets', 'app.js'), 'console.log(1)');
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

function createPayment(store: DemoStore, body: unknown, key = crypto.randomUUID()) {
  return fetch(`${store.url}/api/checkout/payments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
    body: JSON.stringify(body),
  });
}

const cart = (quantity: number, extra: Record<string, unknown> = {}) => ({ productId: 'house-blend-250g', quantity, ...extra });

describe('demo store server on the local sandbox', () => {
  it('prices the cart on the server and records the order on disk', async () => {
    const store = await startStore();
    const response = await createPayment(store, { paymentMethodType: 'WECHAT', platformType: 'WEB', payload: cart(3) });
    expect(response.status).toBe(201);
    const payment = (await response.json()) as { orderId: string; amount: number; currency: string };
    expect(payment).toMatchObject({ amount: 37.5, currency: 'USD' });

    const atClink = store.backend.sandbox!.getOrder(payment.orderId)!;
    expect(atClink.amountTotal).toBe(37.5);
    expect(atClink.merchantReferenceId).toMatch(/^demo_/);
    const onDisk = JSON.parse(await readFile(store.orders.file, 'utf8'));
    expect(onDisk.orders[payment.orderId]).toMatchObject({ quantity: 3, amount: 37.5, outcome: 'pending' });
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

  it('updates the order from the sandbox webhook, and /api/orders reports the outcome', async () => {
    const store = await startStore();
    const response = await createPayment(store, { paymentMethodType: 'WECHAT', payload: cart(2) });
    const { orderId } = (await response.json()) as { orderId: string };
    const sandbox = store.backend.sandbox!;

    sandbox.succeed(orderId);
    await sandbox.webhooksIdle();
    expect(store.orders.get(orderId)).toMatchObject({ outcome: 'paid', updatedBy: 'webhook' });

    const outcome = await fetch(`${store.url}/api/orders/${orderId}`);
    expect(await outcome.json()).toEqual({
      orderId,
      outcome: 'paid',
      productName: 'House Blend coffee beans, 250 g',
      quantity: 2,
      amount: 25,
      currency: 'USD',
      paymentMethodType: 'WECHAT',
    });
  });

  it('answers 404 for orders that are not the store’s', async () => {
    const store = await startStore();
    expect((await fetch(`${store.url}/api/orders/ord_unknown`)).status).toBe(404);
  });

  it('refuses webhooks with a bad signature and leaves the order alone', async () => {
    const store = await startStore();
    const { orderId } = (await (await createPayment(store, { paymentMethodType: 'WECHAT', payload: cart(1) })).json()) as {
      orderId: string;
    };
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

  it('serves the front end for its pages, and nothing outside the build', async () => {
    const store = await startStore();
    for (const page of ['/', '/return?orderId=ord_1']) {
      const response = await fetch(`${store.url}${page}`);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>shop</title>');
      const policy = response.headers.get('content-security-policy') ?? '';
      expect(policy).toContain("script-src 'self'");
      expect(policy).toContain(`form-action 'self' https: ${store.backend.sandboxUrl}`);
    }
    expect((await fetch(`${store.url}/assets/app.js`)).headers.get('cache-control')).toContain('immutable');
    expect((await fetch(`${store.url}/%2e%2e/data/orders.json`)).status).toBe(404);
    expect((await fetch(`${store.url}/api/nope`)).status).toBe(404);
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
      CLINK_PAYMENT_INSTRUMENT_ID: 'pi_merchant',
    });
    expect(store.backend.kind).toBe('clink');
    expect(store.backend.sandbox).toBeUndefined();

    const config = await (await fetch(`${store.url}/api/config`)).json();
    expect(config).toEqual({ backend: 'clink', environment: 'sandbox', cardFlows: false });

    const response = await createPayment(store, { paymentMethodType: 'CARD', payload: cart(2, { cardFlow: 'post_form' }) });
    const text = await response.text();
    expect(response.status).toBe(201);
    expect(text).not.toContain('sk_test_merchant_key');
    const { orderId } = JSON.parse(text) as { orderId: string };
    const atClink = clink.getOrder(orderId)!;
    expect(atClink.amountTotal).toBe(25);
    expect(atClink.paymentMethod.paymentInstrumentId).toBe('pi_merchant');
    expect(atClink.metadata).not.toHaveProperty('sandboxCardFlow');
  });

  it('without webhooks, learns the outcome by asking Clink when the return page looks', async () => {
    const store = await startStore({
      CLINK_API_KEY: 'sk_test_merchant_key',
      CLINK_BASE_URL: `${clinkUrl}/api`,
      CLINK_PAYMENT_INSTRUMENT_ID: 'pi_merchant',
    });
    const { orderId } = (await (await createPayment(store, { paymentMethodType: 'CARD', payload: cart(1) })).json()) as {
      orderId: string;
    };
    const pending = (await (await fetch(`${store.url}/api/orders/${orderId}`)).json()) as { outcome: string };
    expect(pending.outcome).toBe('pending');

    clink.fail(orderId);
    const failed = (await (await fetch(`${store.url}/api/orders/${orderId}`)).json()) as { outcome: string };
    expect(failed.outcome).toBe('failed');
    expect(store.orders.get(orderId)).toMatchObject({ outcome: 'failed', updatedBy: 'order_lookup' });
    expect((await fetch(`${store.url}/api/checkout/webhooks`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('refuses to start without a payment instrument', async () => {
    await expect(startStore({ CLINK_API_KEY: 'sk_test_merchant_key', CLINK_BASE_URL: `${clinkUrl}/api` })).rejects.toThrow(
      /CLINK_PAYMENT_INSTRUMENT_ID/,
    );
  });
});
