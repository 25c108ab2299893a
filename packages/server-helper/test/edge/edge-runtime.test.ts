/**
 * The checkout handler and the Clink client inside the edge runtime's own VM (`edge-runtime`: Web
 * APIs only, no `node:*`), served over HTTP the way edge platforms serve a fetch handler, against the
 * sandbox: create, status, then Clink's webhook, end to end. Like Next.js' edge runtime, the VM gets a
 * `process` that holds `env` and throws on any Node API, so touching one fails the test.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createSandbox, SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET } from '@clink-checkout/sandbox';
import { EdgeRuntime, runServer } from 'edge-runtime';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bundleForEdge, type Bundle } from '../support/bundle.js';

let bundle: Bundle;
let runtime: EdgeRuntime;
let server: Awaited<ReturnType<typeof runServer>>;
let sandbox: ReturnType<typeof createSandbox>;
let nodeApiUses: string[];

// The merchant's edge function: what a route file on an edge platform holds.
const edgeApp = (settings: object) => `
  const settings = ${JSON.stringify(settings)};
  const { createCheckoutHandler, createClinkClient } = ClinkServer;
  globalThis.receivedWebhooks = [];
  const handler = createCheckoutHandler(() => ({
    client: createClinkClient({ apiKey: settings.apiKey, environment: 'sandbox', baseUrl: settings.apiBase, maxRetries: 0 }),
    tokenSecret: settings.tokenSecret,
    webhookSecret: settings.webhookSecret,
    resolvePayment: () => settings.payment,
    onWebhook: (event) => {
      if (event.category === 'order') receivedWebhooks.push({ type: event.type, orderId: event.data.orderId });
    },
  }));
  addEventListener('fetch', (event) => event.respondWith(handler(event.request)));
`;

beforeAll(async () => {
  bundle = await bundleForEdge('ClinkServer');
  nodeApiUses = [];
  const edgeProcess = new Proxy({ env: {} }, {
    get(target, property) {
      if (property === 'env') return target.env;
      nodeApiUses.push(`process.${String(property)}`);
      throw new Error(`A Node.js API is used (process.${String(property)}) which is not supported in the Edge Runtime.`);
    },
  });
  runtime = new EdgeRuntime({
    extend: (context) => Object.assign(context, { process: edgeProcess }),
    initialCode: await readFile(path.join(bundle.dir, 'index.js'), 'utf8'),
  });
  server = await runServer({ runtime, port: 0, host: '127.0.0.1' });
  sandbox = createSandbox({ seed: 'edge', webhookUrl: `${server.url}api/checkout/webhooks`, webhookRetry: { maxAttempts: 3, initialDelayMs: 50 } });
  const { url } = await sandbox.listen({ port: 0 });
  runtime.evaluate(
    edgeApp({
      apiBase: `${url}/api`,
      apiKey: SANDBOX_API_KEY,
      tokenSecret: 'edge-runtime-token-secret-0123456789abcdef',
      webhookSecret: SANDBOX_WEBHOOK_SECRET,
      payment: {
        customerEmail: 'customer@example.com',
        returnUrl: 'https://shop.example/checkout/return',
        amount: 12.5,
        currency: 'USD',
      },
    }),
  );
}, 60_000);

afterAll(async () => {
  await sandbox?.close();
  await server?.close();
  await bundle?.remove();
});

describe('the checkout handler on the edge runtime', () => {
  it('creates a payment, reports its status and takes the webhook, with no Node APIs', async () => {
    const created = await fetch(`${server.url}api/checkout/payments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'edge-1', Origin: server.url.replace(/\/$/, '') },
      body: JSON.stringify({ paymentMethodType: 'WECHAT', platformType: 'WEB' }),
    });
    expect(created.status).toBe(201);
    const payment = await created.json();
    expect(payment).toMatchObject({ status: 'requires_action', amount: 12.5, currency: 'USD', orderToken: expect.stringMatching(/^v1\.WECHAT\./) });

    const status = (token: string) =>
      fetch(`${server.url}api/checkout/payments/${payment.orderId}`, { headers: { 'X-Order-Token': token } });
    expect(await (await status(payment.orderToken)).json()).toMatchObject({ status: 'requires_action' });
    // The MAC's last base64url character carries 4 bits: a token ending in A would be unchanged by another A.
    const tampered = `${payment.orderToken.slice(0, -1)}${payment.orderToken.endsWith('A') ? 'Q' : 'A'}`;
    expect((await status(tampered)).status).toBe(403);

    sandbox.succeed(payment.orderId);
    await vi.waitFor(() =>
      expect(runtime.context.receivedWebhooks).toContainEqual({ type: 'order.succeeded', orderId: payment.orderId }),
    { timeout: 10_000, interval: 50 });
    expect(await (await status(payment.orderToken)).json()).toMatchObject({ status: 'succeeded', orderStatus: 'success' });
    expect(sandbox.webhookDeliveries().map((delivery) => delivery.state)).not.toContain('failed');
    expect(nodeApiUses).toEqual([]);
  });
});
