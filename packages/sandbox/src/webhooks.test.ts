import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_WEBHOOK_SECRET } from './constants.js';
import { createSandbox, type Sandbox } from './sandbox.js';
import { createPayment, manualClock, recordingTimers, seededCard } from './test-support/api.js';

interface Received {
  url: string;
  headers: Headers;
  body: string;
}

const WEBHOOK_URL = 'https://merchant.example/clink/webhooks';
let sandbox: Sandbox;

afterEach(async () => {
  await sandbox?.close();
});

/** A merchant endpoint that answers each event's attempts with the given statuses in turn (the last one repeats). */
function endpoint(statuses: number[] = [200]): { received: Received[]; fetch: typeof fetch } {
  const received: Received[] = [];
  const attemptsPerEvent = new Map<string, number>();
  return {
    received,
    fetch: async (input, init) => {
      received.push({ url: String(input), headers: new Headers(init?.headers), body: String(init?.body) });
      const eventId = JSON.parse(String(init?.body)).id as string;
      const attempt = (attemptsPerEvent.get(eventId) ?? 0) + 1;
      attemptsPerEvent.set(eventId, attempt);
      const status = statuses[Math.min(attempt - 1, statuses.length - 1)]!;
      return new Response(status === 200 ? 'ok' : 'nope', { status });
    },
  };
}

function expectedSignature(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

describe('webhooks', () => {
  it('sends order.created and order.next_action, signed over "<timestamp>.<raw body>"', async () => {
    const clock = manualClock();
    const merchant = endpoint();
    sandbox = createSandbox({ now: clock.now, seed: 'hooks', webhookUrl: WEBHOOK_URL, fetchWebhook: merchant.fetch });
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'WECHAT' });
    await sandbox.webhooksIdle();

    expect(merchant.received.map((r) => JSON.parse(r.body).type)).toEqual(['order.created', 'order.next_action']);
    for (const request of merchant.received) {
      expect(request.url).toBe(WEBHOOK_URL);
      expect(request.headers.get('Content-Type')).toBe('application/json');
      expect(request.headers.get('X-Clink-SignType')).toBe('SHA256');
      const timestamp = request.headers.get('X-Clink-Timestamp')!;
      expect(timestamp).toBe(String(clock.now()));
      expect(request.headers.get('X-Clink-Signature')).toBe(expectedSignature(SANDBOX_WEBHOOK_SECRET, timestamp, request.body));
      expect(request.headers.get('X-Clink-Signature')).toMatch(/^[0-9a-f]{64}$/);
    }
    const event = JSON.parse(merchant.received[0]!.body);
    expect(event).toEqual({
      id: expect.stringMatching(/^evt_[a-z0-9]{24}$/),
      object: 'event',
      // Clink's published type: an ISO 8601 date-time string.
      created: new Date(clock.now()).toISOString(),
      type: 'order.created',
      data: sandbox.getOrder(body.data.orderId),
    });
  });

  it('uses the configured secret', async () => {
    const merchant = endpoint();
    sandbox = createSandbox({ webhookUrl: WEBHOOK_URL, webhookSecret: 'whsec_merchant_own', fetchWebhook: merchant.fetch });
    await createPayment(sandbox, Date.now());
    await sandbox.webhooksIdle();
    const [first] = merchant.received;
    const timestamp = first!.headers.get('X-Clink-Timestamp')!;
    expect(first!.headers.get('X-Clink-Signature')).toBe(expectedSignature('whsec_merchant_own', timestamp, first!.body));
    expect(first!.headers.get('X-Clink-Signature')).not.toBe(expectedSignature(SANDBOX_WEBHOOK_SECRET, timestamp, first!.body));
  });

  it.each([
    ['succeed', 'order.succeeded'],
    ['fail', 'order.failed'],
    ['expire', 'order.failed'],
  ] as const)('sends a webhook when the order moves: %s -> %s', async (command, type) => {
    const merchant = endpoint();
    sandbox = createSandbox({ webhookUrl: WEBHOOK_URL, fetchWebhook: merchant.fetch });
    const { body } = await createPayment(sandbox, Date.now(), { paymentMethodType: 'QRIS' });
    sandbox[command](body.data.orderId);
    await sandbox.webhooksIdle();
    const last = JSON.parse(merchant.received.at(-1)!.body);
    expect(last.type).toBe(type);
    expect(last.data.orderId).toBe(body.data.orderId);
    expect(last.data.status).toBe(command === 'succeed' ? 'success' : 'failed');
  });

  it('sends order.next_action again after a CASHAPP QR refresh', async () => {
    const merchant = endpoint();
    sandbox = createSandbox({ webhookUrl: WEBHOOK_URL, fetchWebhook: merchant.fetch });
    const { body } = await createPayment(sandbox, Date.now(), { paymentMethodType: 'CASHAPP' });
    await sandbox.fetch(
      new Request(`http://sandbox.test/api/payment/${body.data.orderId}/qrcode/refresh`, {
        method: 'POST',
        headers: { 'X-API-KEY': 'sk_test_clink_sandbox', 'X-Timestamp': String(Date.now()) },
      }),
    );
    await sandbox.webhooksIdle();
    expect(merchant.received.map((r) => JSON.parse(r.body).type)).toEqual(['order.created', 'order.next_action', 'order.next_action']);
  });

  it('retries a 500 with exponential backoff, then stops after success with the same event id', async () => {
    const merchant = endpoint([500, 500, 200]);
    const timers = recordingTimers();
    sandbox = createSandbox({
      webhookUrl: WEBHOOK_URL,
      fetchWebhook: merchant.fetch,
      timers,
      webhookRetry: { maxAttempts: 5, initialDelayMs: 1_000, attemptTimeoutMs: 120_000 },
      qrExpiresInSeconds: 900,
    });
    const { body } = await createPayment(sandbox, Date.now(), { paymentMethodType: 'CARD' });
    await sandbox.webhooksIdle();

    const created = sandbox.webhookDeliveries().find((d) => d.event.type === 'order.created')!;
    expect(created.state).toBe('delivered');
    expect(created.attempts.map((a) => a.status)).toEqual([500, 500, 200]);
    const createdBodies = merchant.received.filter((r) => JSON.parse(r.body).type === 'order.created');
    expect(new Set(createdBodies.map((r) => JSON.parse(r.body).id)).size).toBe(1);
    expect(createdBodies.every((r) => r.body === createdBodies[0]!.body)).toBe(true);
    // Each event is retried twice: after 1 s, then after 2 s.
    expect(timers.requested.filter((ms) => ms <= 60_000)).toEqual([1_000, 1_000, 2_000, 2_000]);
    expect(sandbox.webhookDeliveries().map((d) => [d.event.type, d.state, d.attempts.length])).toEqual([
      ['order.created', 'delivered', 3],
      ['order.next_action', 'delivered', 3],
    ]);
    expect(sandbox.getOrder(body.data.orderId)?.status).toBe('requires_action');
  });

  it('gives up after maxAttempts and records every attempt', async () => {
    const merchant = endpoint([503]);
    const timers = recordingTimers();
    sandbox = createSandbox({
      webhookUrl: WEBHOOK_URL,
      fetchWebhook: merchant.fetch,
      timers,
      webhookRetry: { maxAttempts: 4, initialDelayMs: 500, maxDelayMs: 1_500, attemptTimeoutMs: 120_000 },
    });
    await createPayment(sandbox, Date.now(), seededCard('frictionless'));
    await sandbox.webhooksIdle();
    const deliveries = sandbox.webhookDeliveries();
    expect(deliveries.map((d) => [d.event.type, d.state, d.attempts.length])).toEqual([
      ['order.created', 'failed', 4],
      ['order.succeeded', 'failed', 4],
    ]);
    expect(timers.requested.filter((ms) => ms <= 60_000).sort((a, b) => a - b)).toEqual([500, 500, 1_000, 1_000, 1_500, 1_500]);
    expect(merchant.received).toHaveLength(8);
  });

  it('never crashes the sandbox when the endpoint cannot be reached', async () => {
    const timers = recordingTimers();
    sandbox = createSandbox({
      webhookUrl: WEBHOOK_URL,
      timers,
      webhookRetry: { maxAttempts: 2, initialDelayMs: 10, attemptTimeoutMs: 120_000 },
      fetchWebhook: async () => {
        throw new TypeError('fetch failed: connection refused');
      },
    });
    const { status } = await createPayment(sandbox, Date.now());
    expect(status).toBe(200);
    await sandbox.webhooksIdle();
    const [created] = sandbox.webhookDeliveries();
    expect(created).toMatchObject({ state: 'failed', attempts: [{ error: 'fetch failed: connection refused' }, { error: 'fetch failed: connection refused' }] });
    expect((await createPayment(sandbox, Date.now())).status).toBe(200);
  });

  it('counts an endpoint that does not answer in time as a failed attempt', async () => {
    sandbox = createSandbox({
      webhookUrl: WEBHOOK_URL,
      webhookRetry: { maxAttempts: 1, attemptTimeoutMs: 20 },
      fetchWebhook: (_input, init) =>
        new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))),
    });
    await createPayment(sandbox, Date.now());
    await sandbox.webhooksIdle();
    expect(sandbox.webhookDeliveries()[0]).toMatchObject({
      state: 'failed',
      attempts: [{ error: 'The webhook endpoint did not answer in time' }],
    });
  });

  it('sends nothing without a webhookUrl', async () => {
    let calls = 0;
    sandbox = createSandbox({
      fetchWebhook: async () => {
        calls += 1;
        return new Response('ok');
      },
    });
    await createPayment(sandbox, Date.now());
    await sandbox.webhooksIdle();
    expect(calls).toBe(0);
    expect(sandbox.webhookDeliveries()).toEqual([]);
  });
});
