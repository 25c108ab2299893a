/**
 * Every answer shape Clink's contract allows, fed as exact JSON through the real client and the real
 * checkout handler: what the customer's browser receives and what the merchant's onWebhook gets.
 */
import { describe, expect, it } from 'vitest';
import { createClinkClient } from '../client/createClient.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { signClinkWebhookPayload } from '../webhooks/sign.js';
import type { ClinkWebhookEvent } from '../webhooks/types.js';
import { createCheckoutHandler, type CheckoutHandlerOptions } from './create-checkout-handler.js';
import { clinkJson, clinkOk, createFakeClink } from './test-support/fake-clink.js';
import { TOKEN_SECRET } from './test-support/harness.js';

const requests = conformingRequests();
const API_KEY = 'sk_test_allowed_answers_handler';
const WEBHOOK_SECRET = 'whsec_allowed_answers';

function setUp(options: Partial<CheckoutHandlerOptions> = {}) {
  const clink = createFakeClink();
  const logs: string[] = [];
  const events: ClinkWebhookEvent[] = [];
  const client = createClinkClient({
    apiKey: API_KEY,
    environment: 'sandbox',
    fetch: requests.wrap(clink.fetch),
    maxRetries: 1,
    sleep: async () => {},
  });
  const handler = createCheckoutHandler({
    client,
    tokenSecret: TOKEN_SECRET,
    // An instrument the fake answers for regardless: these tests are about Clink's answers.
    resolvePayment: () => ({
      paymentInstrumentId: 'pi_saved',
      customerId: 'cus_1',
      amount: 9.99,
      currency: 'USD',
      returnUrl: 'https://shop.example/return',
    }),
    webhookSecret: WEBHOOK_SECRET,
    onWebhook: (event) => {
      events.push(event);
    },
    logger: (line) => logs.push(line),
    ...options,
  });

  async function send(path: string, init: RequestInit = {}) {
    const response = await handler(new Request(`https://shop.example/api/checkout${path}`, init));
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  }
  const createPayment = (headers: Record<string, string> = {}) =>
    send('/payments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: JSON.stringify({ paymentMethodType: 'ALIPAY', platformType: 'WEB' }),
    });
  const readStatus = async (created: { orderId: string; orderToken: string }) =>
    send(`/payments/${created.orderId}`, { headers: { 'X-Order-Token': created.orderToken } });
  async function deliver(payload: string | object, secret = WEBHOOK_SECRET) {
    const signed = await signClinkWebhookPayload({ payload, secret });
    return send('/webhooks', { method: 'POST', headers: signed.headers, body: signed.body });
  }
  return { clink, logs, events, createPayment, readStatus, deliver };
}

describe('create answers, as the browser receives them', () => {
  it('a free-text action.paymentMethodType reaches the browser instead of a 502', async () => {
    const { clink, createPayment } = setUp();
    const action = { type: 'ALIPAY', paymentMethodType: 'Alipay+ (AlipayHK)', redirectUrl: 'https://pay.example/a' };
    clink.answerNext('POST /payment', () => clinkOk({ orderId: 'ord_1', status: 5, action, amount: 9.99, currency: 'USD' }));

    const created = await createPayment();

    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ orderId: 'ord_1', status: 'requires_action', action });
  });

  it('an action.type Clink added later: the browser gets the action without it', async () => {
    const { clink, createPayment } = setUp();
    clink.answerNext('POST /payment', () => clinkOk({ orderId: 'ord_1', status: 5, action: { type: 'ALIPAY_HK', redirectUrl: 'https://pay.example/a' } }));

    const created = await createPayment();

    expect(created.status).toBe(201);
    expect(created.json.action).toEqual({ redirectUrl: 'https://pay.example/a' });
  });

  it('status 3 without amount or currency: the browser is told the payment failed', async () => {
    const { clink, createPayment } = setUp();
    clink.answerNext('POST /payment', () => clinkOk({ orderId: 'ord_1', status: 3 }));

    const created = await createPayment();

    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ orderId: 'ord_1', status: 'failed', paymentMethodType: 'ALIPAY' });
    expect(Object.keys(created.json)).not.toContain('amount');
    expect(Object.keys(created.json)).not.toContain('currency');
  });

  it('code 500 inside HTTP 200: 502, the key keeps answering it, no second create, and the log says the order may exist', async () => {
    const { clink, createPayment, logs } = setUp();
    clink.answerNext('POST /payment', () => clinkJson({ code: 500, msg: 'SYSTEM_ERROR' }));

    const first = await createPayment({ 'Idempotency-Key': 'k-200-500' });
    const again = await createPayment({ 'Idempotency-Key': 'k-200-500' });

    expect(first.status).toBe(502);
    expect(again).toEqual(first);
    expect(clink.routes()).toEqual(['POST /payment']);
    expect(logs.join('\n')).toMatch(/may have reached Clink and created the payment/);
  });

  it('a refusal names its field in the merchant’s log', async () => {
    const { clink, createPayment, logs } = setUp();
    clink.answerNext('POST /payment', () => clinkJson({ code: 40001, msg: 'CUSTOMER_NOT_FOUND' }));

    const created = await createPayment();

    expect(created.status).toBe(502);
    expect(logs.join('\n')).toMatch(/CUSTOMER_NOT_FOUND \(field customerId\)/);
  });
});

describe('order answers, as the browser receives them', () => {
  async function createdPayment(setup: ReturnType<typeof setUp>) {
    setup.clink.answerNext('POST /payment', () => clinkOk({ orderId: 'ord_1', status: 5, action: { redirectUrl: 'https://pay.example/a' } }));
    return (await setup.createPayment()).json as { orderId: string; orderToken: string };
  }

  it('an order without amountTotal and paymentCurrency: the status without an amount', async () => {
    const setup = setUp();
    const created = await createdPayment(setup);
    setup.clink.answerNext('GET /order', () => clinkOk({ orderId: 'ord_1', status: 'success' }));

    const status = await setup.readStatus(created);

    expect(status.status).toBe(200);
    expect(status.json).toEqual({ orderId: 'ord_1', status: 'succeeded', orderStatus: 'success', serverTime: expect.any(Number) });
  });

  it('an order status Clink added later: "pending" (not final), with the status as sent', async () => {
    const setup = setUp();
    const created = await createdPayment(setup);
    setup.clink.answerNext('GET /order', () => clinkOk({ orderId: 'ord_1', status: 'processing', amountTotal: 9.99, paymentCurrency: 'USD' }));

    const status = await setup.readStatus(created);

    expect(status.status).toBe(200);
    expect(status.json).toMatchObject({ status: 'pending', orderStatus: 'processing', amount: 9.99, currency: 'USD' });
  });

  it('an order without a status: "pending"', async () => {
    const setup = setUp();
    const created = await createdPayment(setup);
    setup.clink.answerNext('GET /order', () => clinkOk({ orderId: 'ord_1' }));

    const status = await setup.readStatus(created);

    expect(status.json).toMatchObject({ status: 'pending', orderStatus: '' });
  });

  it('code 503 inside HTTP 200 on a read is retried like an HTTP 503', async () => {
    const setup = setUp();
    const created = await createdPayment(setup);
    setup.clink.answerNext('GET /order', () => clinkJson({ code: 503, msg: 'busy' }));
    setup.clink.answerNext('GET /order', () => clinkOk({ orderId: 'ord_1', status: 'success' }));

    const status = await setup.readStatus(created);

    expect(status.json).toMatchObject({ status: 'succeeded' });
    expect(setup.clink.routes()).toEqual(['POST /payment', 'GET /order', 'GET /order']);
  });

  it('code 404 inside HTTP 200 on a read is "no such payment", like an HTTP 404', async () => {
    const setup = setUp();
    const created = await createdPayment(setup);
    setup.clink.answerNext('GET /order', () => clinkJson({ code: 404, msg: 'ORDER_NOT_FOUND' }));

    const status = await setup.readStatus(created);

    expect(status.status).toBe(404);
  });
});

describe('webhooks, as onWebhook receives them', () => {
  const order = { orderId: 'ord_1', status: 'success' };

  it.each([
    ['an ISO 8601 string', '2025-11-26T11:00:00Z'],
    ['integer milliseconds', 1_764_154_800_000],
    ['integer seconds', 1_764_154_800],
  ])('created as %s: 200, and onWebhook gets created as sent with createdAt in ms', async (_label, created) => {
    const { deliver, events } = setUp();

    const response = await deliver({ id: 'evt_1', object: 'event', created, type: 'order.succeeded', data: order });

    expect(response).toEqual({ status: 200, json: { received: true } });
    expect(events).toEqual([{ id: 'evt_1', object: 'event', category: 'order', type: 'order.succeeded', created, createdAt: 1_764_154_800_000, data: order }]);
  });

  it('the order under data.object', async () => {
    const { deliver, events } = setUp();

    await deliver({ id: 'evt_2', object: 'event', created: '2025-11-26T11:00:00Z', type: 'order.failed', data: { object: order } });

    expect(events[0]).toMatchObject({ category: 'order', data: order });
  });

  it('a refund event reaches onWebhook typed as a refund', async () => {
    const { deliver, events } = setUp();
    const refund = { refundId: 'rf_1', orderId: 'ord_1', refundAmount: 2, refundCurrency: 'USD', status: 'success' };

    await deliver({ id: 'evt_3', object: 'event', created: '2025-11-26T11:00:00Z', type: 'refund.succeeded', data: refund });

    const event = events[0]!;
    expect(event.category).toBe('refund');
    if (event.category === 'refund') expect(event.data.refundAmount).toBe(2);
  });

  it('another event type reaches onWebhook as it came', async () => {
    const { deliver, events } = setUp();

    await deliver({ id: 'evt_4', object: 'event', created: '2025-11-26T11:00:00Z', type: 'subscription.created', data: { subscriptionId: 'sub_1' } });

    expect(events).toMatchObject([{ category: 'other', type: 'subscription.created', data: { subscriptionId: 'sub_1' } }]);
  });

  it.each([
    ['an order event without orderId', { id: 'evt_5', created: '2025-11-26T11:00:00Z', type: 'order.succeeded', data: { status: 'success' } }, /carries no orderId/],
    ['a body that is not JSON', 'not json', /not JSON/],
    ['an event without id', { type: 'order.succeeded', data: order }, /no id/],
  ])('a correctly signed body with %s is acknowledged (200) and logged, not handed to onWebhook', async (_label, payload, problem) => {
    const { deliver, events, logs } = setUp();

    const response = await deliver(payload);

    expect(response).toEqual({ status: 200, json: { received: true, ignored: true } });
    expect(events).toEqual([]);
    expect(logs.join('\n')).toMatch(problem);
  });

  it('still refuses what fails verification', async () => {
    const { deliver, events } = setUp();

    const response = await deliver({ id: 'evt_6', type: 'order.succeeded', data: order }, 'whsec_someone_else');

    expect(response.status).toBe(400);
    expect(response.json.error.type).toBe('webhook_signature_error');
    expect(events).toEqual([]);
  });
});
