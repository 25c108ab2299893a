/**
 * One contract, every adapter: the same behaviour through a plain `Request`, node:http, Express 5 and
 * Hono, with the real Clink client talking to the in-process sandbox, on every kind of sandbox in
 * `SANDBOX_KINDS` (the one sandbox factory).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SANDBOX_WEBHOOK_SECRET, UNKNOWN_ORDER_STATUSES } from '@clink-checkout/sandbox';
import { ClinkValidationError } from '../errors.js';
import { signClinkWebhookPayload } from '../webhooks/index.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { SANDBOX_KINDS } from '../test-support/sandbox.js';
import { createOrderTokenSigner } from './order-token.js';
import { CheckoutRejection } from './rejection.js';
import {
  ADAPTERS,
  MOUNT,
  SERVER_PRICE,
  TOKEN_SECRET,
  Transcript,
  call,
  createHarness,
  defaultResolvePayment,
  jsonInit,
  type Harness,
  type HarnessOptions,
  type Transport,
} from './test-support/harness.js';

const transcript = new Transcript();
const requests = conformingRequests();
const PAYMENTS = `${MOUNT}/payments`;
const SUITES = SANDBOX_KINDS.flatMap((sandboxKind) =>
  ADAPTERS.map((adapter) => ({ name: `${adapter.name} on the ${sandboxKind.name}`, adapter, sandboxKind })),
);

describe.each(SUITES)('checkout handler through $name', ({ adapter, sandboxKind }) => {
  // The varied sandbox may leave out what Clink's contract makes optional (the amount) and may report an order
  // status Clink has not documented before the final one: the handler passes on what it was told.
  const varied = sandboxKind.options.variants !== undefined;
  const serverPrice = (json: { amount?: number; currency?: string }) => ({
    ...(varied && json.amount === undefined ? {} : { amount: SERVER_PRICE.amount }),
    ...(varied && json.currency === undefined ? {} : { currency: SERVER_PRICE.currency }),
  });
  const notFinal = (json: { orderStatus?: string }) =>
    varied && (UNKNOWN_ORDER_STATUSES as readonly string[]).includes(json.orderStatus ?? '')
      ? { status: 'pending' }
      : { status: 'requires_action', orderStatus: 'requires_action' };
  let harness: Harness;
  let transport: Transport;
  const open: Transport[] = [];

  async function start(options: HarnessOptions = {}) {
    harness = createHarness({ transcript, requests, sandboxKind }, options);
    transport = await adapter.start(harness.handler);
    open.push(transport);
    return harness;
  }

  const send = (path: string, init?: RequestInit) => call(transport, transcript, path, init);

  async function createPayment(body: unknown = { paymentMethodType: 'ALIPAY', platformType: 'WEB' }, headers = {}) {
    return send(PAYMENTS, jsonInit(body, headers));
  }

  beforeEach(async () => {
    await start();
  });

  afterEach(async () => {
    for (const item of open.splice(0)) await item.close();
    await harness.sandbox.close();
  });

  describe('POST /payments', () => {
    it('creates the payment the server decided and answers 201 with an order token', async () => {
      const response = await createPayment({ paymentMethodType: 'ALIPAY', platformType: 'WEB' });

      expect(response.status).toBe(201);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.json).toMatchObject({
        orderId: expect.any(String),
        orderToken: expect.stringMatching(/^v1\.ALIPAY\./),
        status: 'requires_action',
        paymentMethodType: 'ALIPAY',
        ...serverPrice(response.json),
        serverTime: expect.any(Number),
      });
      expect(response.json.action.walletHandleRedirectOrDisplayQrCode).toBeDefined();
      const order = harness.sandbox.getOrder(response.json.orderId);
      expect(order).toMatchObject({ amountTotal: SERVER_PRICE.amount, paymentCurrency: 'USD' });
    });

    it('creates the customer’s wallet instrument once per method and pays every later payment with it', async () => {
      const first = await createPayment({ paymentMethodType: 'GCASH' });
      const second = await createPayment({ paymentMethodType: 'GCASH' });
      const other = await createPayment({ paymentMethodType: 'WECHAT' });

      expect([first.status, second.status, other.status]).toEqual([201, 201, 201]);
      const instrumentOf = (created: { json: { orderId: string } }) =>
        harness.sandbox.getOrder(created.json.orderId)?.paymentMethod.paymentInstrumentId;
      expect(instrumentOf(first)).toMatch(/\S/);
      expect(instrumentOf(second)).toBe(instrumentOf(first));
      expect(instrumentOf(other)).not.toBe(instrumentOf(first));
    });

    it('pays CARD with the card the customer saved through Clink, as resolvePayment returns it', async () => {
      const response = await createPayment({ paymentMethodType: 'CARD', platformType: 'WEB' });

      expect(response.status).toBe(201);
      expect(response.json).toMatchObject({ paymentMethodType: 'CARD', status: 'requires_action' });
      expect(response.json.action.redirectUrl).toMatch(/^https?:\/\//);
    });

    it('refuses CARD without a saved card with 422 and a way forward, without calling Clink', async () => {
      await start({ handler: { resolvePayment: () => ({ ...defaultResolvePayment(), paymentInstrumentId: undefined }) } });

      const response = await createPayment({ paymentMethodType: 'CARD' });

      expect(response.status).toBe(422);
      expect(response.json.error.message).toMatch(/choose another payment method/);
      expect(response.json.error.fields).toHaveProperty('paymentInstrumentId');
      expect(harness.sandbox.listOrders()).toHaveLength(0);
    });

    it('passes the browser input to resolvePayment, which may use its payload', async () => {
      const resolvePayment = vi.fn((input: { payload?: unknown }) => ({
        ...defaultResolvePayment(),
        metadata: { cartId: String((input.payload as { cartId: string }).cartId) },
      }));
      await start({ handler: { resolvePayment } });

      const response = await createPayment({ paymentMethodType: 'GCASH', deviceType: 'iOS', payload: { cartId: 'c_9' } });

      expect(response.status).toBe(201);
      expect(resolvePayment).toHaveBeenCalledWith(
        { paymentMethodType: 'GCASH', deviceType: 'iOS', payload: { cartId: 'c_9' } },
        expect.any(Request),
      );
      expect(harness.sandbox.getOrder(response.json.orderId)?.metadata).toEqual({ cartId: 'c_9' });
    });

    it('refuses an amount sent by the browser', async () => {
      const response = await createPayment({ paymentMethodType: 'ALIPAY', amount: 0.01, currency: 'USD' });

      expect(response.status).toBe(400);
      expect(response.json.error.type).toBe('validation_error');
      expect(Object.keys(response.json.error.fields)).toEqual(['amount', 'currency']);
      expect(harness.sandbox.listOrders()).toHaveLength(0);
    });

    it('names every invalid field, with the expected casing', async () => {
      const response = await createPayment({ paymentMethodType: 'alipay', platformType: 'PHONE', deviceType: 'ios' });

      expect(response.status).toBe(400);
      expect(response.json.error.fields).toEqual({
        paymentMethodType: 'must be exactly "ALIPAY" (case-sensitive)',
        platformType: 'must be one of "WEB", "WAP"',
        deviceType: 'must be exactly "iOS" (case-sensitive)',
      });
    });

    it('answers 400 for malformed JSON and 415 for another content type', async () => {
      const malformed = await send(PAYMENTS, jsonInit('{"paymentMethodType": '));
      const form = await send(PAYMENTS, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'paymentMethodType=ALIPAY',
      });

      expect(malformed.status).toBe(400);
      expect(malformed.json.error).toEqual({ type: 'validation_error', message: 'The request body is not valid JSON.' });
      expect(form.status).toBe(415);
      expect(form.json.error.type).toBe('unsupported_media_type');
    });

    it('refuses a body over 16 KiB with 413, also when it is streamed without Content-Length', async () => {
      const big = JSON.stringify({ paymentMethodType: 'ALIPAY', payload: 'x'.repeat(16 * 1024) });
      // Over a socket the client buffers ahead, so offer far more than the kernel would hold.
      const chunkCount = adapter.network ? 4096 : 64;
      const chunk = new TextEncoder().encode('x'.repeat(1024));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('{"payload":"'));
          sent += 1;
          if (sent > chunkCount) controller.close();
          else controller.enqueue(chunk);
        },
      });

      const declared = await createPayment(big);
      const streamed = await send(PAYMENTS, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);

      expect(declared.status).toBe(413);
      expect(streamed.status).toBe(413);
      expect(streamed.json.error.type).toBe('payload_too_large');
      expect(sent).toBeLessThan(chunkCount); // stopped reading soon after the limit
      expect(harness.sandbox.listOrders()).toHaveLength(0);
    });

    it('accepts a body just under the limit', async () => {
      const body = JSON.stringify({ paymentMethodType: 'ALIPAY', payload: '' });
      const padded = JSON.stringify({ paymentMethodType: 'ALIPAY', payload: 'x'.repeat(16 * 1024 - body.length) });
      expect(new TextEncoder().encode(padded).byteLength).toBe(16 * 1024);

      expect((await createPayment(padded)).status).toBe(201);
    });

    it('answers a CheckoutRejection with its message and status, and Clink is not called', async () => {
      await start({
        handler: {
          resolvePayment: () => {
            throw new CheckoutRejection('This cart is empty.', { status: 409, fields: { 'payload.cartId': 'is empty' } });
          },
        },
      });

      const response = await createPayment();

      expect(response.status).toBe(409);
      expect(response.json.error).toEqual({
        type: 'conflict',
        message: 'This cart is empty.',
        fields: { 'payload.cartId': 'is empty' },
      });
      expect(harness.sandbox.listOrders()).toHaveLength(0);
    });

    it('answers a ClinkValidationError from resolvePayment with 400 and its field paths', async () => {
      await start({
        handler: {
          resolvePayment: () => {
            throw new ClinkValidationError([{ path: 'payload.quantity', message: 'must be at least 1' }]);
          },
        },
      });

      const response = await createPayment();

      expect(response.status).toBe(400);
      expect(response.json.error.fields).toEqual({ 'payload.quantity': 'must be at least 1' });
    });

    it('answers 500 with a generic message when resolvePayment crashes, and logs the cause', async () => {
      const logs: string[] = [];
      await start({
        handler: {
          resolvePayment: () => {
            throw new Error('database down');
          },
          logger: (line) => {
            logs.push(line);
            transcript.record(line);
          },
        },
      });

      const response = await createPayment();

      expect(response.status).toBe(500);
      expect(response.json.error).toEqual({ type: 'internal_error', message: 'Something went wrong on the server.' });
      expect(logs.join('\n')).toContain('database down');
    });
  });

  describe('Idempotency-Key', () => {
    it('turns 20 concurrent identical creates into one Clink order and 20 identical answers', async () => {
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => createPayment(undefined, { 'Idempotency-Key': 'key-concurrent-1' })),
      );

      expect(harness.sandbox.listOrders()).toHaveLength(1);
      expect(new Set(responses.map((response) => response.status))).toEqual(new Set([201]));
      expect(new Set(responses.map((response) => response.text)).size).toBe(1);
      expect(responses.filter((response) => response.headers.get('idempotent-replayed') === 'true')).toHaveLength(19);
    });

    it('answers 409 when the key is reused for a different request', async () => {
      await createPayment({ paymentMethodType: 'ALIPAY' }, { 'Idempotency-Key': 'key-reuse' });
      const reused = await createPayment({ paymentMethodType: 'WECHAT' }, { 'Idempotency-Key': 'key-reuse' });

      expect(reused.status).toBe(409);
      expect(reused.json.error.type).toBe('conflict');
      expect(harness.sandbox.listOrders()).toHaveLength(1);
    });

    it('treats the same JSON with keys in another order as the same request', async () => {
      const first = await send(PAYMENTS, jsonInit('{"paymentMethodType":"ALIPAY","platformType":"WEB"}', { 'Idempotency-Key': 'k-order' }));
      const second = await send(PAYMENTS, jsonInit('{ "platformType": "WEB", "paymentMethodType": "ALIPAY" }', { 'Idempotency-Key': 'k-order' }));

      expect(second.text).toBe(first.text);
      expect(harness.sandbox.listOrders()).toHaveLength(1);
    });

    it('releases the key after a rejection that happened before Clink, so the fixed retry goes through', async () => {
      let attempts = 0;
      await start({
        handler: {
          resolvePayment: () => {
            attempts += 1;
            if (attempts === 1) throw new CheckoutRejection('Sign in first.', { status: 403 });
            return defaultResolvePayment();
          },
        },
      });

      const rejected = await createPayment(undefined, { 'Idempotency-Key': 'key-release' });
      const retried = await createPayment(undefined, { 'Idempotency-Key': 'key-release' });

      expect(rejected.status).toBe(403);
      expect(retried.status).toBe(201);
      expect(harness.sandbox.listOrders()).toHaveLength(1);
    });

    it('keeps answering a Clink failure for that key, so a retry cannot create a second order', async () => {
      await createPayment(); // the customer's wallet instrument now exists: the faulty call below is the create
      harness.fault = 'http-500';
      const failed = await createPayment(undefined, { 'Idempotency-Key': 'key-failed' });
      harness.fault = undefined;
      const retried = await createPayment(undefined, { 'Idempotency-Key': 'key-failed' });
      const freshKey = await createPayment(undefined, { 'Idempotency-Key': 'key-new-attempt' });

      expect(failed.status).toBe(502);
      expect(retried.status).toBe(502);
      expect(retried.text).toBe(failed.text);
      expect(freshKey.status).toBe(201);
      expect(harness.sandbox.listOrders()).toHaveLength(2);
    });

    it('releases the key when the wallet instrument could not be created, since no payment was made', async () => {
      harness.fault = 'http-500';
      const failed = await createPayment(undefined, { 'Idempotency-Key': 'key-instrument' });
      harness.fault = undefined;
      const retried = await createPayment(undefined, { 'Idempotency-Key': 'key-instrument' });

      expect(failed.status).toBe(502);
      expect(retried.status).toBe(201);
      expect(harness.sandbox.listOrders()).toHaveLength(1);
    });

    it('refuses a payload nested too deeply with 400 instead of overflowing the stack', async () => {
      const depth = 8_000; // fits in the 16 KiB body limit
      const body = `{"paymentMethodType":"ALIPAY","payload":${'['.repeat(depth)}${']'.repeat(depth)}}`;

      const response = await send(PAYMENTS, jsonInit(body, { 'Idempotency-Key': 'key-deep' }));
      const shallow = await createPayment({ paymentMethodType: 'ALIPAY', payload: { cart: { lines: [{ sku: 'a' }] } } }, { 'Idempotency-Key': 'key-shallow' });

      expect(response.status).toBe(400);
      expect(response.json.error.fields).toEqual({ payload: 'must not nest more than 64 levels deep' });
      expect(shallow.status).toBe(201);
      expect(harness.sandbox.listOrders()).toHaveLength(1);
    });

    it('refuses an Idempotency-Key that is not visible ASCII', async () => {
      const response = await createPayment(undefined, { 'Idempotency-Key': 'x'.repeat(256) });

      expect(response.status).toBe(400);
      expect(response.json.error.fields).toHaveProperty('Idempotency-Key');
    });
  });

  describe('Clink failures', () => {
    it.each([
      ['http-500', 502, 'api_error'],
      ['unauthorized', 502, 'api_error'],
      ['malformed-json', 502, 'connection_error'],
    ])('answers the %s fault with %i %s', async (fault, status, type) => {
      harness.fault = fault;
      const response = await createPayment();

      expect(response.status).toBe(status);
      expect(response.json.error.type).toBe(type);
    });

    it('answers 504 when Clink does not answer in time', async () => {
      await start({ clientTimeoutMs: 200 });
      harness.fault = 'hang';

      const response = await createPayment();

      expect(response.status).toBe(504);
      expect(response.json.error).toEqual({
        type: 'timeout_error',
        message: 'The payment provider did not answer in time.',
      });
    });
  });

  describe('GET /payments/{orderId}', () => {
    it('reports the status for the holder of the order token, following the order to success', async () => {
      const created = await createPayment();
      const path = `${PAYMENTS}/${created.json.orderId}`;
      const headers = { 'X-Order-Token': created.json.orderToken };

      const before = await send(path, { headers });
      harness.sandbox.succeed(created.json.orderId);
      const after = await send(path, { headers });

      expect(before.status).toBe(200);
      expect(before.json).toMatchObject({ orderId: created.json.orderId, ...notFinal(before.json), ...serverPrice(before.json) });
      expect(after.json).toMatchObject({ status: 'succeeded', orderStatus: 'success', serverTime: expect.any(Number) });
      expect(after.headers.get('cache-control')).toBe('no-store');
    });

    it('reports a declined payment as failed', async () => {
      const created = await createPayment();
      harness.sandbox.fail(created.json.orderId);

      const status = await send(`${PAYMENTS}/${created.json.orderId}`, { headers: { 'X-Order-Token': created.json.orderToken } });

      expect(status.json).toMatchObject({ status: 'failed', orderStatus: 'failed' });
    });

    it('refuses a missing token (401), another order’s token and a tampered token (403)', async () => {
      const mine = await createPayment();
      const theirs = await createPayment();
      const path = `${PAYMENTS}/${mine.json.orderId}`;
      const tampered = `${mine.json.orderToken.slice(0, -2)}${mine.json.orderToken.endsWith('A') ? 'BB' : 'AA'}`;

      const missing = await send(path);
      const other = await send(path, { headers: { 'X-Order-Token': theirs.json.orderToken } });
      const edited = await send(path, { headers: { 'X-Order-Token': tampered } });

      expect(missing.status).toBe(401);
      expect(missing.json.error.type).toBe('authentication_error');
      expect(other.status).toBe(403);
      expect(other.json.error.type).toBe('forbidden');
      expect(edited.status).toBe(403);
    });

    it('refuses forged tokens whose last part is not base64 with 403, and logs nothing', async () => {
      const mine = await createPayment();
      const path = `${PAYMENTS}/${mine.json.orderId}`;
      const [version, method, expiresAt, nonce] = mine.json.orderToken.split('.');
      const logged = transcript.entries.length;

      for (const mac of ['A', 'AAAAA', 'x'.repeat(41), 'AAAA-B']) {
        const forged = await send(path, { headers: { 'X-Order-Token': [version, method, expiresAt, nonce, mac].join('.') } });
        expect(forged.status).toBe(403);
        expect(forged.json.error.type).toBe('forbidden');
      }
      expect(transcript.entries.slice(logged).filter((line) => line.startsWith('[clink-checkout]'))).toEqual([]);
    });

    it('answers 404 for an order Clink does not know', async () => {
      const signer = createOrderTokenSigner({ secret: TOKEN_SECRET, ttlSeconds: 60, now: Date.now });
      const token = await signer.issue({ orderId: 'ord_missing', paymentMethodType: 'ALIPAY', binding: '' });

      const response = await send(`${PAYMENTS}/ord_missing`, { headers: { 'X-Order-Token': token } });

      expect(response.status).toBe(404);
      expect(response.json.error.type).toBe('not_found');
    });

    it('ties tokens to the binding the merchant provides (e.g. the session)', async () => {
      await start({ handler: { bindOrderToken: (request) => request.headers.get('x-session') ?? '' } });
      const created = await createPayment(undefined, { 'X-Session': 'alice' });
      const path = `${PAYMENTS}/${created.json.orderId}`;

      const alice = await send(path, { headers: { 'X-Order-Token': created.json.orderToken, 'X-Session': 'alice' } });
      const mallory = await send(path, { headers: { 'X-Order-Token': created.json.orderToken, 'X-Session': 'mallory' } });

      expect(alice.status).toBe(200);
      expect(mallory.status).toBe(403);
    });
  });

  describe('POST /payments/{orderId}/refresh', () => {
    it('returns a fresh QR code for CASHAPP', async () => {
      const created = await createPayment({ paymentMethodType: 'CASHAPP', platformType: 'WEB' });

      const refreshed = await send(`${PAYMENTS}/${created.json.orderId}/refresh`, {
        method: 'POST',
        headers: { 'X-Order-Token': created.json.orderToken },
      });

      expect(refreshed.status).toBe(200);
      expect(refreshed.json).toMatchObject({ orderId: created.json.orderId, status: 'requires_action' });
      expect(refreshed.json.action.walletHandleRedirectOrDisplayQrCode).toBeDefined();
    });

    it('tells the browser to start a new payment for other methods', async () => {
      const created = await createPayment({ paymentMethodType: 'ALIPAY', platformType: 'WEB' });

      const refreshed = await send(`${PAYMENTS}/${created.json.orderId}/refresh`, {
        method: 'POST',
        headers: { 'X-Order-Token': created.json.orderToken },
      });

      expect(refreshed.status).toBe(409);
      expect(refreshed.json.error.message).toMatch(/only.*CASHAPP.*Start a new payment/);
    });

    it('refuses a refresh without a valid token', async () => {
      const created = await createPayment({ paymentMethodType: 'CASHAPP' });

      const refreshed = await send(`${PAYMENTS}/${created.json.orderId}/refresh`, { method: 'POST' });

      expect(refreshed.status).toBe(401);
    });
  });

  describe('routing', () => {
    it('answers 404 for an unknown route and 405 with Allow for a wrong method', async () => {
      const unknown = await send(`${MOUNT}/nothing-here`);
      const wrongMethod = await send(PAYMENTS);

      expect(unknown.status).toBe(404);
      expect(unknown.json.error.type).toBe('not_found');
      expect(wrongMethod.status).toBe(405);
      expect(wrongMethod.headers.get('allow')).toBe('POST, OPTIONS');
      expect(wrongMethod.json.error.type).toBe('method_not_allowed');
    });
  });

  describe('allowedOrigins', () => {
    // Another site of the merchant's: the shop's own origin needs no listing.
    const PARTNER_ORIGIN = 'https://partner.example';

    beforeEach(async () => {
      await start({ handler: { allowedOrigins: [PARTNER_ORIGIN] } });
    });

    it('refuses a foreign Origin with 403 before doing anything', async () => {
      const response = await createPayment(undefined, { Origin: 'https://evil.example' });

      expect(response.status).toBe(403);
      expect(response.json.error.type).toBe('forbidden');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      expect(harness.sandbox.listOrders()).toHaveLength(0);
    });

    it('serves an allowed Origin with CORS headers, and requests without Origin', async () => {
      const allowed = await createPayment(undefined, { Origin: PARTNER_ORIGIN });
      const sameOrigin = await createPayment();

      expect(allowed.status).toBe(201);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
      expect(allowed.headers.get('vary')).toContain('Origin');
      expect(sameOrigin.status).toBe(201);
    });

    it("always serves the site's own origin, even when allowedOrigins does not list it", async () => {
      const ownOrigin = await createPayment(undefined, { Origin: transport.origin });
      const saidByBrowser = await createPayment(undefined, { Origin: 'https://shop.example:8443', 'Sec-Fetch-Site': 'same-origin' });
      const foreign = await createPayment(undefined, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' });

      expect(ownOrigin.status).toBe(201);
      expect(ownOrigin.headers.get('access-control-allow-origin')).toBeNull();
      expect(saidByBrowser.status).toBe(201);
      expect(foreign.status).toBe(403);
      expect(harness.sandbox.listOrders()).toHaveLength(2);
    });

    it('answers the CORS preflight for an allowed origin and refuses it for others', async () => {
      const preflight = (origin: string) =>
        send(PAYMENTS, {
          method: 'OPTIONS',
          headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,idempotency-key' },
        });

      const allowed = await preflight(PARTNER_ORIGIN);
      const foreign = await preflight('https://evil.example');

      expect(allowed.status).toBe(204);
      expect(allowed.headers.get('access-control-allow-origin')).toBe(PARTNER_ORIGIN);
      expect(allowed.headers.get('access-control-allow-methods')).toBe('POST, OPTIONS');
      expect(allowed.headers.get('access-control-allow-headers')).toBe('Content-Type, Idempotency-Key, X-Order-Token');
      expect(foreign.status).toBe(403);
    });
  });

  describe('POST /webhooks', () => {
    const event = (id: string, type = 'order.succeeded') => ({
      id,
      object: 'event',
      created: Date.now(),
      type,
      data: { orderId: 'ord_1', status: 'success', amountTotal: 42.5, paymentCurrency: 'USD' },
    });

    async function deliver(payload: object, secret = SANDBOX_WEBHOOK_SECRET) {
      const signed = await signClinkWebhookPayload({ payload, secret });
      return send(`${MOUNT}/webhooks`, { method: 'POST', headers: signed.headers, body: signed.body });
    }

    it('verifies the raw body and hands the event to onWebhook once', async () => {
      const response = await deliver(event('evt_1'));

      expect(response.status).toBe(200);
      expect(response.json).toEqual({ received: true });
      expect(harness.webhookEvents).toHaveLength(1);
      expect(harness.webhookEvents[0]).toMatchObject({ id: 'evt_1', type: 'order.succeeded', data: { orderId: 'ord_1' } });
    });

    it('accepts created as an ISO 8601 string, as Clink’s published types give it', async () => {
      const response = await deliver({ ...event('evt_iso'), created: '2025-11-26T11:00:00.000Z' });

      expect(response.status).toBe(200);
      expect(harness.webhookEvents[0]).toMatchObject({ id: 'evt_iso', created: '2025-11-26T11:00:00.000Z', createdAt: 1_764_154_800_000 });
    });

    it('acknowledges a correctly signed body that is no usable event, so Clink stops delivering it', async () => {
      const response = await deliver({ ...event('evt_unusable'), data: { status: 'success' } });

      expect(response.status).toBe(200);
      expect(response.json).toEqual({ received: true, ignored: true });
      expect(harness.webhookEvents).toHaveLength(0);
    });

    it('refuses a tampered body or a wrong secret with 400 and never calls onWebhook', async () => {
      const signed = await signClinkWebhookPayload({ payload: event('evt_2'), secret: SANDBOX_WEBHOOK_SECRET });
      const tampered = await send(`${MOUNT}/webhooks`, {
        method: 'POST',
        headers: signed.headers,
        body: signed.body.replace('42.5', '0.01'),
      });
      const wrongSecret = await deliver(event('evt_3'), 'whsec_someone_else');

      expect(tampered.status).toBe(400);
      expect(tampered.json.error.type).toBe('webhook_signature_error');
      expect(wrongSecret.status).toBe(400);
      expect(harness.webhookEvents).toHaveLength(0);
    });

    it('answers a replayed event id with 200 without calling onWebhook again', async () => {
      await deliver(event('evt_4'));
      const replay = await deliver(event('evt_4'));

      expect(replay.status).toBe(200);
      expect(replay.json).toEqual({ received: true, duplicate: true });
      expect(harness.webhookEvents).toHaveLength(1);
    });

    it('calls onWebhook once for concurrent duplicate deliveries', async () => {
      let calls = 0;
      await start({
        handler: {
          onWebhook: async () => {
            calls += 1;
            await new Promise((resolve) => setTimeout(resolve, 30));
          },
        },
      });
      const signed = await signClinkWebhookPayload({ payload: event('evt_5'), secret: SANDBOX_WEBHOOK_SECRET });

      const responses = await Promise.all(
        Array.from({ length: 5 }, () => send(`${MOUNT}/webhooks`, { method: 'POST', headers: signed.headers, body: signed.body })),
      );

      expect(calls).toBe(1);
      expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    });

    it('answers 500 when onWebhook fails, so the retried delivery runs it again', async () => {
      let calls = 0;
      await start({
        handler: {
          onWebhook: () => {
            calls += 1;
            if (calls === 1) throw new Error('queue unavailable');
          },
        },
      });

      const failed = await deliver(event('evt_6'));
      const retried = await deliver(event('evt_6'));
      const replayed = await deliver(event('evt_6'));

      expect(failed.status).toBe(500);
      expect(failed.json.error).toEqual({ type: 'internal_error', message: 'Something went wrong on the server.' });
      expect(retried.status).toBe(200);
      expect(replayed.json).toEqual({ received: true, duplicate: true });
      expect(calls).toBe(2);
    });

    it("receives the sandbox's own signed webhooks end to end, retried after a failure", async () => {
      let failNext = true;
      const received: string[] = [];
      await start({
        deliverWebhook: (path, init) => transport.send(path, init),
        handler: {
          onWebhook: (incoming) => {
            if (incoming.type === 'order.succeeded' && failNext) {
              failNext = false;
              throw new Error('temporary failure');
            }
            received.push(incoming.type);
          },
        },
      });

      const created = await createPayment();
      harness.sandbox.succeed(created.json.orderId);
      await harness.sandbox.webhooksIdle();

      expect(received).toContain('order.succeeded');
      expect(received.filter((type) => type === 'order.succeeded')).toHaveLength(1);
      const succeeded = harness.sandbox.webhookDeliveries().find((delivery) => delivery.event.type === 'order.succeeded');
      expect(succeeded?.attempts.map((attempt) => attempt.status)).toEqual([500, 200]);
    });

    it('answers 404 when the merchant did not enable webhooks', async () => {
      await start({ handler: { onWebhook: undefined } });

      const response = await deliver(event('evt_7'));

      expect(response.status).toBe(404);
    });
  });
});

describe('secrets', () => {
  it('never appear in any response body or log line of this suite', () => {
    expect(transcript.entries.length).toBeGreaterThan(200);
    expect(transcript.leakedSecrets()).toEqual([]);
  });
});
