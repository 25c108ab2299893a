import { describe, expect, it, vi } from 'vitest';
import { createCheckoutApi, newIdempotencyKey } from './api.js';
import { CheckoutRequestError } from './errors.js';
import type { CheckoutPaymentResponse } from '@clink-checkout/protocol';

const PAYMENT: CheckoutPaymentResponse = {
  orderId: 'ord_1',
  orderToken: 'tok_1',
  status: 'requires_action',
  paymentMethodType: 'WECHAT',
  amount: 9.99,
  currency: 'USD',
  serverTime: 1_000,
  action: { paymentMethodType: 'WECHAT', walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://x/pay' } },
};

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function api(respond: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(new URL(String(input), 'https://shop.example.com'), init);
    requests.push(request);
    return respond(request);
  });
  return { client: createCheckoutApi({ endpoint: '/api/checkout/', fetch, now: () => 42_000 }), requests, fetch };
}

async function failure(promise: Promise<unknown>): Promise<CheckoutRequestError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof CheckoutRequestError) return error;
  throw new Error(`expected a CheckoutRequestError, got ${String(error)}`);
}

describe('createCheckoutApi', () => {
  it('creates a payment with the idempotency key and stamps receivedAt', async () => {
    const { client, requests } = api(() => json(PAYMENT, 201));
    const payment = await client.createPayment({ paymentMethodType: 'WECHAT', platformType: 'WEB', payload: { cartId: 'c1' } }, { idempotencyKey: 'key-1' });
    expect(payment).toEqual({ ...PAYMENT, receivedAt: 42_000 });
    const [request] = requests;
    expect(request!.method).toBe('POST');
    expect(new URL(request!.url).pathname).toBe('/api/checkout/payments');
    expect(request!.headers.get('Idempotency-Key')).toBe('key-1');
    expect(request!.headers.get('Content-Type')).toBe('application/json');
    expect(await request!.json()).toEqual({ paymentMethodType: 'WECHAT', platformType: 'WEB', payload: { cartId: 'c1' } });
  });

  it('reads the status with the order token, escaping the order id', async () => {
    const status = { orderId: 'ord/1', status: 'pending', amount: 9.99, currency: 'USD', orderStatus: 'pending', serverTime: 5 };
    const { client, requests } = api(() => json(status));
    expect(await client.getStatus('ord/1', 'tok_1')).toEqual({ ...status, receivedAt: 42_000 });
    expect(requests[0]!.method).toBe('GET');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/checkout/payments/ord%2F1');
    expect(requests[0]!.headers.get('X-Order-Token')).toBe('tok_1');
  });

  it('refreshes with POST and the order token', async () => {
    const refresh = { orderId: 'ord_1', status: 'requires_action', action: PAYMENT.action, serverTime: 5 };
    const { client, requests } = api(() => json(refresh));
    expect(await client.refresh('ord_1', 'tok_1')).toEqual({ ...refresh, receivedAt: 42_000 });
    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/checkout/payments/ord_1/refresh');
    expect(requests[0]!.headers.get('X-Order-Token')).toBe('tok_1');
  });

  it('adds the merchant headers to every request', async () => {
    const requests: RequestInit[] = [];
    const fetch = vi.fn(async (_: RequestInfo | URL, init?: RequestInit) => {
      requests.push(init!);
      return json(PAYMENT);
    });
    const client = createCheckoutApi({ endpoint: 'https://shop.example.com/api', fetch, headers: { 'X-CSRF-Token': 'abc' } });
    await client.createPayment({ paymentMethodType: 'CARD' }, { idempotencyKey: 'k' });
    expect(fetch).toHaveBeenCalledWith('https://shop.example.com/api/payments', expect.anything());
    expect(requests[0]!.headers).toMatchObject({ 'X-CSRF-Token': 'abc', 'Idempotency-Key': 'k' });
  });

  it('turns an error body into a typed error with its fields', async () => {
    const { client } = api(() =>
      json({ error: { type: 'validation_error', message: 'Invalid payload', fields: { 'payload.cartId': 'is required' } } }, 400),
    );
    const error = await failure(client.createPayment({ paymentMethodType: 'CARD' }, { idempotencyKey: 'k' }));
    expect(error).toMatchObject({
      type: 'validation_error',
      status: 400,
      message: 'Invalid payload',
      fields: { 'payload.cartId': 'is required' },
    });
  });

  it('reports a failure without an error body as invalid_response, keeping the status', async () => {
    const { client } = api(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(await failure(client.getStatus('ord_1', 'tok'))).toMatchObject({ type: 'invalid_response', status: 502 });
    const { client: other } = api(() => json({ unexpected: true }, 500));
    expect(await failure(other.getStatus('ord_1', 'tok'))).toMatchObject({ type: 'invalid_response', status: 500 });
  });

  it('reports a network failure as network_error', async () => {
    const { client } = api(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(client.getStatus('ord_1', 'tok'));
    expect(error).toMatchObject({ type: 'network_error', status: 0 });
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('reports an aborted request as aborted', async () => {
    const controller = new AbortController();
    const { client } = api(
      (request) =>
        new Promise<Response>((_, reject) => {
          request.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        }),
    );
    const pending = failure(client.getStatus('ord_1', 'tok', { signal: controller.signal }));
    controller.abort();
    expect(await pending).toMatchObject({ type: 'aborted', status: 0 });
  });

  it('reads a status it does not know yet as pending (not final), keeping it as orderStatus', async () => {
    const { client } = api(() => json({ orderId: 'ord_1', status: 'processing', serverTime: 5 }));
    expect(await client.getStatus('ord_1', 'tok')).toEqual({ orderId: 'ord_1', status: 'pending', orderStatus: 'processing', serverTime: 5, receivedAt: 42_000 });
    const { client: withRaw } = api(() => json({ orderId: 'ord_1', status: 'on_hold', orderStatus: 'risk_review', serverTime: 5 }));
    expect(await withRaw.getStatus('ord_1', 'tok')).toMatchObject({ status: 'pending', orderStatus: 'risk_review' });
    // The handler's contract (an unknown order status passed as `pending`) reads as it is.
    const { client: contract } = api(() => json({ orderId: 'ord_1', status: 'pending', orderStatus: 'processing', serverTime: 5 }));
    expect(await contract.getStatus('ord_1', 'tok')).toMatchObject({ status: 'pending', orderStatus: 'processing' });
  });

  it('refuses a 2xx body that is not JSON or lacks required fields', async () => {
    const { client } = api(() => new Response('not json', { status: 200 }));
    expect(await failure(client.getStatus('ord_1', 'tok'))).toMatchObject({ type: 'invalid_response', status: 200 });
    for (const broken of [
      { ...PAYMENT, orderId: 7 },
      { ...PAYMENT, orderToken: '' },
      { ...PAYMENT, status: 'weird' },
      { ...PAYMENT, serverTime: 'now' },
      { ...PAYMENT, action: 'redirect' },
      null,
      [],
    ]) {
      const { client: other } = api(() => json(broken));
      expect(await failure(other.createPayment({ paymentMethodType: 'CARD' }, { idempotencyKey: 'k' }))).toMatchObject({
        type: 'invalid_response',
      });
    }
    const { client: noAction } = api(() => json({ orderId: 'ord_1', status: 'pending', serverTime: 1 }));
    expect(await failure(noAction.refresh('ord_1', 'tok'))).toMatchObject({ type: 'invalid_response', status: 200 });
  });

  it('uses the global fetch when none is given, looked up at call time', async () => {
    const fetch = vi.fn(async () => json({ orderId: 'ord_1', status: 'succeeded', serverTime: 1 }));
    vi.stubGlobal('fetch', fetch);
    try {
      const client = createCheckoutApi({ endpoint: '/api/checkout' });
      expect((await client.getStatus('ord_1', 'tok')).status).toBe('succeeded');
      expect(fetch).toHaveBeenCalledOnce();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('newIdempotencyKey', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

  it('returns a fresh v4 UUID each time', () => {
    const keys = new Set(Array.from({ length: 50 }, newIdempotencyKey));
    expect(keys.size).toBe(50);
    for (const key of keys) expect(key).toMatch(UUID_V4);
  });

  it('uses getRandomValues where randomUUID is missing (insecure context)', () => {
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => bytes.fill(0xab) });
    try {
      expect(newIdempotencyKey()).toBe('ab'.repeat(16));
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('still returns a unique key without Web Crypto', () => {
    vi.stubGlobal('crypto', undefined);
    try {
      expect(newIdempotencyKey()).toMatch(/^[0-9a-f]{32}$/);
      expect(newIdempotencyKey()).not.toBe(newIdempotencyKey());
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
