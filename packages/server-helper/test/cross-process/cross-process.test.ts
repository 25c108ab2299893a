/**
 * Two checkout processes on one Redis and one sandbox, as behind a load balancer: retries and
 * duplicate webhooks that land on the other instance are still handled once.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createSandbox, SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET } from '@clink-checkout/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedisServer } from '../../../../scripts/redis.mjs';
import { signClinkWebhookPayload } from '../../src/webhooks/index.js';
import { bundleForNode, type Bundle } from '../support/bundle.js';

// No instrument: each instance finds or creates the customer's wallet instrument, remembered in Redis.
const PAYMENT = {
  customerEmail: 'customer@example.com',
  returnUrl: 'https://shop.example/checkout/return',
  amount: 42.5,
  currency: 'USD',
};

interface Instance {
  child: ChildProcess;
  url: string;
  webhooks: string[];
  logs: string[];
}

let bundle: Bundle;
let redis: Awaited<ReturnType<typeof startRedisServer>>;
const sandbox = createSandbox({ seed: 'cross-process', fault: 'latency:150' });
let instances: Instance[] = [];

function startInstance(settings: object): Promise<Instance> {
  const child = fork(fileURLToPath(new URL('./checkout-process.mjs', import.meta.url)), [], {
    env: { ...process.env, CHECKOUT_PROCESS: JSON.stringify(settings) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const instance: Instance = { child, url: '', webhooks: [], logs: [] };
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`checkout process exited with ${code}`)));
    child.on('message', (message: { port?: number; webhook?: string; log?: string }) => {
      if (message.webhook !== undefined) instance.webhooks.push(message.webhook);
      if (message.log !== undefined) instance.logs.push(message.log);
      if (message.port !== undefined) {
        instance.url = `http://127.0.0.1:${message.port}/api/checkout`;
        resolve(instance);
      }
    });
  });
}

beforeAll(async () => {
  [bundle, redis] = await Promise.all([bundleForNode(), startRedisServer()]);
  const { url } = await sandbox.listen({ port: 0 });
  const settings = {
    bundleDir: bundle.dir,
    redisUrl: redis.url,
    apiBase: `${url}/api`,
    apiKey: SANDBOX_API_KEY,
    tokenSecret: 'cross-process-token-secret-0123456789abcdef',
    webhookSecret: SANDBOX_WEBHOOK_SECRET,
    payment: PAYMENT,
    prefix: 'cross-process:',
  };
  instances = await Promise.all([startInstance(settings), startInstance(settings)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(
    instances.map(({ child }) => new Promise((resolve) => (child.once('exit', resolve), child.disconnect()))),
  );
  await sandbox.close();
  await redis?.stop();
  await bundle?.remove();
});

const create = (instance: Instance, idempotencyKey: string) =>
  fetch(`${instance.url}/payments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify({ paymentMethodType: 'WECHAT', platformType: 'WEB' }),
  });

describe('two checkout processes on one Redis', () => {
  it('turn 50 concurrent creates with one Idempotency-Key, spread over both, into 1 Clink order and 50 identical answers', async () => {
    const ordersBefore = sandbox.listOrders().length;

    const responses = await Promise.all(Array.from({ length: 50 }, (_, index) => create(instances[index % 2]!, 'one-key-for-50')));
    const bodies = await Promise.all(responses.map((response) => response.text()));

    expect(responses.map((response) => response.status)).toEqual(Array(50).fill(201));
    expect(new Set(bodies).size).toBe(1);
    expect(sandbox.listOrders().length - ordersBefore).toBe(1);
    expect(JSON.parse(bodies[0]!).orderId).toBe(sandbox.listOrders().at(-1)!.orderId);
  });

  it('accept on one instance the order token the other issued', async () => {
    const created = await (await create(instances[0]!, 'token-key')).json();

    const status = await fetch(`${instances[1]!.url}/payments/${created.orderId}`, {
      headers: { 'X-Order-Token': created.orderToken },
    });

    expect(status.status).toBe(200);
    expect(await status.json()).toMatchObject({ orderId: created.orderId, status: 'requires_action' });
  });

  it('run onWebhook once for one webhook delivered to both at once', async () => {
    const event = {
      id: 'evt_cross_process_1',
      object: 'event',
      created: Date.now(),
      type: 'order.succeeded',
      data: { orderId: 'ord_cross_process', status: 'success' },
    };
    const { body, headers } = await signClinkWebhookPayload({ payload: event, secret: SANDBOX_WEBHOOK_SECRET });

    const responses = await Promise.all(
      instances.map((instance) => fetch(`${instance.url}/webhooks`, { method: 'POST', headers, body })),
    );
    const answers = await Promise.all(responses.map((response) => response.json()));

    expect(responses.map((response) => response.status)).toEqual([200, 200]);
    expect(answers).toContainEqual({ received: true });
    expect(answers).toContainEqual({ received: true, duplicate: true });
    expect([...instances[0]!.webhooks, ...instances[1]!.webhooks]).toEqual([event.id]);
    expect(instances.flatMap((instance) => instance.logs)).toEqual([]);
  });

  it("share the customer's wallet instrument: one was created for all the payments on both", () => {
    expect(sandbox.listInstruments({ type: 'WECHAT' })).toHaveLength(1);
  });
});
