import { describe, expect, it, vi } from 'vitest';
import {
  ClinkApiError,
  ClinkAuthenticationError,
  ClinkConfigurationError,
  ClinkConnectionError,
  ClinkTimeoutError,
  ClinkValidationError,
} from '../errors.js';
import { CLINK_BASE_URLS } from '@clink-checkout/protocol';
import { createClinkClient } from './createClient.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { deafHang, hang, json, ok, scriptedFetch } from './test-support/fakeFetch.js';
import { guardSecrets } from './test-support/secretGuard.js';
import type { ClinkClientOptions } from './types.js';

const API_KEY = 'sk_test_unit_0123456789abcdef';
const guard = guardSecrets(API_KEY, 'sk_prod_unit_secret_9876', 'sk_test_echoed_in_body');
const requests = conformingRequests();

const NOW = 1_764_154_800_000;
const createParams = {
  paymentInstrumentId: 'pi_1',
  paymentMethodType: 'CASHAPP',
  returnUrl: 'https://shop.example/return',
  customerId: 'cus_1',
  amount: 12.5,
  currency: 'USD',
} as const;
const order = {
  orderId: 'ord_1',
  type: 'onetime',
  createTime: NOW,
  amountSubtotal: 12.5,
  amountTotal: 12.5,
  paymentCurrency: 'USD',
  status: 'success',
};
const qrAction = {
  redirectUrl: 'https://pay.example/qr',
  paymentMethodType: 'CASHAPP',
  walletHandleRedirectOrDisplayQrCode: { imageUrlPng: 'https://pay.example/qr.png', expiresSecond: 300 },
};

function client(fetchImpl: typeof fetch, options: Partial<ClinkClientOptions> = {}) {
  return createClinkClient({
    apiKey: API_KEY,
    environment: 'sandbox',
    fetch: requests.wrap(fetchImpl),
    now: () => NOW,
    logger: guard.logger,
    sleep: async () => {},
    ...options,
  });
}

async function rejectionOf(promise: Promise<unknown>) {
  return guard.rejection(promise);
}

describe('createClinkClient configuration', () => {
  it.each([
    ['an empty key', '', 'sandbox', /apiKey is empty/],
    ['a blank key', '   ', 'production', /apiKey is empty/],
    ['a sandbox key in production', 'sk_test_unit_0123456789abcdef', 'production', /sk_test_… is a sandbox key but environment is 'production'/],
    ['a production key in the sandbox', 'sk_prod_unit_secret_9876', 'sandbox', /sk_prod_… is a production key but environment is 'sandbox'/],
    ['a key with a trailing newline', 'sk_test_unit_0123456789abcdef\n', 'sandbox', /trailing newline/],
  ] as const)('refuses %s with a ClinkConfigurationError that hides the key', (_label, apiKey, environment, message) => {
    let caught: unknown;
    try {
      createClinkClient({ apiKey, environment });
    } catch (error) {
      caught = guard.record(error);
    }
    expect(caught).toBeInstanceOf(ClinkConfigurationError);
    expect((caught as Error).message).toMatch(message);
  });

  it('refuses an unknown environment, a plain-http remote baseUrl and bad numbers', () => {
    const attempts: Array<Partial<ClinkClientOptions>> = [
      { environment: 'staging' as never },
      { baseUrl: 'http://api.clinkbill.com/api' },
      { baseUrl: 'not a url' },
      { baseUrl: 'https://user:pw@api.clinkbill.com/api' },
      { timeoutMs: 0 },
      { maxRetries: -1 },
      { maxRetries: 1.5 },
    ];
    for (const options of attempts) {
      expect(() => guard.record(createClinkClient({ apiKey: API_KEY, environment: 'sandbox', ...options })), JSON.stringify(options)).toThrow(
        ClinkConfigurationError,
      );
    }
  });

  it('allows plain http only for a local sandbox', async () => {
    const { fetch, calls } = scriptedFetch(ok(order));
    await client(fetch, { baseUrl: 'http://127.0.0.1:4010/api/' }).getOrder('ord_1');
    expect(calls[0]?.url).toBe('http://127.0.0.1:4010/api/order/ord_1');
  });

  it.each(['sandbox', 'production'] as const)('uses Clink’s %s base URL by default', async (environment) => {
    const { fetch, calls } = scriptedFetch(ok(order));
    const apiKey = environment === 'sandbox' ? API_KEY : 'sk_prod_unit_secret_9876';
    const instance = createClinkClient({ apiKey, environment, fetch, logger: guard.logger });
    await instance.getOrder('ord_1');
    expect(instance.environment).toBe(environment);
    expect(calls[0]?.url).toBe(`${CLINK_BASE_URLS[environment]}/order/ord_1`);
  });

  it('keeps the key out of the client object itself', () => {
    const instance = client(scriptedFetch(ok(order)).fetch);
    guard.record(instance);
    expect(JSON.stringify(instance)).not.toContain(API_KEY);
  });
});

describe('requests', () => {
  it('sends the key, a millisecond X-Timestamp, JSON headers and the validated body on create', async () => {
    const { fetch, calls } = scriptedFetch(ok({ orderId: 'ord_1', sessionId: 'ses_1', status: 2, amount: 12.5, currency: 'USD' }));
    await client(fetch).createPayment({ ...createParams, merchantReferenceId: undefined });
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      url: `${CLINK_BASE_URLS.sandbox}/payment`,
      method: 'POST',
      headers: {
        'x-api-key': API_KEY,
        'x-timestamp': String(NOW),
        'content-type': 'application/json',
        accept: 'application/json',
      },
    });
    expect(JSON.parse(calls[0]?.body ?? '')).toEqual(createParams);
  });

  it('sends no Content-Type on a GET without body', async () => {
    const { fetch, calls } = scriptedFetch(ok(order));
    await client(fetch).getOrder('ord_1');
    expect(calls[0]?.method).toBe('GET');
    expect(calls[0]?.headers['content-type']).toBeUndefined();
    expect(calls[0]?.headers['x-timestamp']).toBe(String(NOW));
  });

  it('validates the body before any network call and lists every field', async () => {
    const { fetch, calls } = scriptedFetch(ok({}));
    const error = await rejectionOf(client(fetch).createPayment({ ...createParams, amount: Number.NaN, metadata: { color: 1 } } as never));
    expect(error).toBeInstanceOf(ClinkValidationError);
    expect((error as ClinkValidationError).fields.map((field) => field.path)).toEqual(['amount', 'metadata.color']);
    expect(calls).toHaveLength(0);
  });

  it('validates order ids before any network call', async () => {
    const { fetch, calls } = scriptedFetch(ok(order));
    const error = await rejectionOf(client(fetch).getOrder('../payment'));
    expect(error).toBeInstanceOf(ClinkValidationError);
    expect((error as ClinkValidationError).fields[0]?.path).toBe('orderId');
    await rejectionOf(client(fetch).refreshQrCode(''));
    expect(calls).toHaveLength(0);
  });

  it('refreshes a QR code with POST /payment/{orderId}/qrcode/refresh', async () => {
    const { fetch, calls } = scriptedFetch(ok({ orderId: 'ord_9', action: qrAction }));
    const refreshed = await client(fetch).refreshQrCode('ord_9');
    expect(calls[0]).toMatchObject({ method: 'POST', url: `${CLINK_BASE_URLS.sandbox}/payment/ord_9/qrcode/refresh` });
    expect(refreshed).toEqual({ orderId: 'ord_9', action: qrAction });
  });
});

describe('create results', () => {
  it.each([
    [1, undefined, 'succeeded'],
    [2, undefined, 'pending'],
    [3, undefined, 'failed'],
    [5, qrAction, 'requires_action'],
    [undefined, qrAction, 'requires_action'],
    [undefined, undefined, 'pending'],
    ['5', qrAction, 'requires_action'],
  ] as const)('status %s with action %s becomes %s', async (status, action, expected) => {
    const data = { orderId: 'ord_1', sessionId: 'ses_1', amount: 12.5, currency: 'USD', status, action };
    const payment = await client(scriptedFetch(ok(data)).fetch).createPayment(createParams);
    expect(payment.status).toBe(expected);
    expect(payment.orderId).toBe('ord_1');
    if (action === undefined) expect('action' in payment).toBe(false);
    else expect(payment.action).toEqual(action);
  });

  it('normalises an action: method uppercase, numeric post fields as strings, decimal-string amounts', async () => {
    const data = {
      orderId: 'ord_1',
      sessionId: 'ses_1',
      amount: '12.50',
      currency: 'USD',
      status: 5,
      action: { redirectUrl: 'https://3ds.example', method: 'post', postData: { PaReq: 'abc', MD: 7 }, type: 'card' },
    };
    const payment = await client(scriptedFetch(ok(data)).fetch).createPayment({ ...createParams, paymentMethodType: 'CARD' });
    expect(payment).toEqual({
      orderId: 'ord_1',
      sessionId: 'ses_1',
      status: 'requires_action',
      amount: 12.5,
      currency: 'USD',
      action: { redirectUrl: 'https://3ds.example', method: 'POST', postData: { PaReq: 'abc', MD: '7' }, type: 'CARD' },
    });
  });

  it.each([
    ['data is missing', undefined, /data is not an object/],
    ['orderId is missing', { sessionId: 's', amount: 1, currency: 'USD' }, /data\.orderId is missing/],
    ['amount is not a number', { orderId: 'o', amount: 'lots', currency: 'USD' }, /data\.amount is not a number/],
    ['the action method is unknown', { orderId: 'o', amount: 1, currency: 'USD', action: { method: 'PUT' } }, /data\.action\.method is "PUT"/],
    ['postData holds an object', { orderId: 'o', amount: 1, currency: 'USD', action: { postData: { a: {} } } }, /data\.action\.postData\.a is not a string/],
  ])('reports an unexpected answer when %s', async (_label, data, message) => {
    const error = await rejectionOf(client(scriptedFetch(ok(data)).fetch).createPayment(createParams));
    expect(error).toBeInstanceOf(ClinkApiError);
    expect(error).toMatchObject({ code: 'invalid_response', path: '/payment', statusCode: 200 });
    expect((error as Error).message).toMatch(message);
  });

  it('says that an answer of unexpected shape to a create may still have created the payment', async () => {
    const error = await rejectionOf(client(scriptedFetch(ok({ sessionId: 'ses_1', status: 5 })).fetch).createPayment(createParams));
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as Error).message).toMatch(/data\.orderId is missing\. The request may have reached Clink and created the payment/);
  });
});

describe('failures', () => {
  it('turns HTTP 200 with a non-200 body code into a ClinkApiError with code, msg, status and path', async () => {
    const { fetch } = scriptedFetch(json({ code: 40001, msg: 'CUSTOMER_NOT_FOUND', data: null }));
    const error = await rejectionOf(client(fetch).createPayment(createParams));
    expect(error).toBeInstanceOf(ClinkApiError);
    expect(error).toMatchObject({ type: 'api_error', code: 40001, msg: 'CUSTOMER_NOT_FOUND', statusCode: 200, path: '/payment' });
    expect((error as Error).message).toBe('Clink answered /payment with code 40001: CUSTOMER_NOT_FOUND');
  });

  it('turns a 401 with a plain-text body into a ClinkAuthenticationError', async () => {
    const { fetch } = scriptedFetch(new Response('Unauthorized', { status: 401, headers: { 'Content-Type': 'text/plain' } }));
    const error = await rejectionOf(client(fetch).getOrder('ord_1'));
    expect(error).toBeInstanceOf(ClinkAuthenticationError);
    expect(error).toMatchObject({ type: 'authentication_error', statusCode: 401, path: '/order/ord_1' });
    expect((error as Error).message).toMatch(/refused the API key for GET \/order\/ord_1 \(HTTP 401\): Unauthorized/);
  });

  it('treats a body code 401 under HTTP 200 as an authentication failure too', async () => {
    const error = await rejectionOf(client(scriptedFetch(json({ code: 401, msg: 'invalid api key' })).fetch).getOrder('ord_1'));
    expect(error).toBeInstanceOf(ClinkAuthenticationError);
  });

  it('redacts a key that an answer echoes back', async () => {
    const echoingKey = 'sk_test_echoed_in_body';
    const { fetch } = scriptedFetch(new Response(`key ${echoingKey} is not valid`, { status: 401 }));
    const error = await rejectionOf(client(fetch, { apiKey: echoingKey }).getOrder('ord_1'));
    expect((error as Error).message).toContain('key sk_test_… is not valid');
  });

  it('keeps a failing fetch’s message but not a key inside it', async () => {
    const { fetch } = scriptedFetch(new TypeError(`Headers: invalid value ${API_KEY}`));
    const error = await rejectionOf(client(fetch, { maxRetries: 0 }).getOrder('ord_1'));
    expect(error).toBeInstanceOf(ClinkConnectionError);
    expect((error as Error).message).toMatch(/Could not reach Clink for GET \/order\/ord_1: Headers: invalid value sk_test_…/);
    expect(((error as Error).cause as Error).message).not.toContain(API_KEY);
  });

  it('reports a 2xx answer that is not JSON as a ClinkConnectionError', async () => {
    const { fetch } = scriptedFetch(new Response('<html>gateway</html>', { status: 200 }));
    const error = await rejectionOf(client(fetch).createPayment(createParams));
    expect(error).toBeInstanceOf(ClinkConnectionError);
    expect((error as Error).message).toMatch(/answer to POST \/payment \(HTTP 200\) is not valid JSON: "<html>gateway<\/html>"/);
  });

  it('reports a JSON answer without an envelope as an unexpected answer', async () => {
    const error = await rejectionOf(client(scriptedFetch(json([1, 2])).fetch).getOrder('ord_1'));
    expect(error).toMatchObject({ type: 'api_error', code: 'invalid_response' });
  });

  it('keeps HTTP 5xx details: body code and msg when JSON, status text otherwise', async () => {
    const jsonError = await rejectionOf(
      client(scriptedFetch(json({ code: 500, msg: 'SYSTEM_BUSY' }, 503)).fetch, { maxRetries: 0 }).getOrder('ord_1'),
    );
    expect(jsonError).toMatchObject({ code: 500, msg: 'SYSTEM_BUSY', statusCode: 503 });
    const textError = await rejectionOf(
      client(scriptedFetch(new Response('', { status: 502, statusText: 'Bad Gateway' })).fetch, { maxRetries: 0 }).getOrder('ord_1'),
    );
    expect(textError).toMatchObject({ code: 502, msg: 'Bad Gateway', statusCode: 502 });
  });

  it('times out with ClinkTimeoutError even when a custom fetch ignores the signal', async () => {
    const started = Date.now();
    const error = await rejectionOf(client(scriptedFetch(deafHang).fetch, { timeoutMs: 60 }).createPayment(createParams));
    expect(error).toBeInstanceOf(ClinkTimeoutError);
    expect(error).toMatchObject({ timeoutMs: 60, path: '/payment' });
    expect((error as Error).message).toBe(
      'Clink did not answer POST /payment within 60 ms. The request may have reached Clink and created the payment: do not send it again blindly.',
    );
    expect(Date.now() - started).toBeLessThan(60 + 500);
  });

  it('honours the caller’s signal', async () => {
    const controller = new AbortController();
    const pending = rejectionOf(client(scriptedFetch(hang).fetch).getOrder('ord_1', { signal: controller.signal }));
    controller.abort();
    const error = await pending;
    expect(error).toBeInstanceOf(ClinkConnectionError);
    expect((error as Error).message).toMatch(/cancelled by the caller's signal/);
  });

  it('reports a caller’s AbortSignal.timeout() as a ClinkTimeoutError', async () => {
    const error = await rejectionOf(client(scriptedFetch(hang).fetch).getOrder('ord_1', { signal: AbortSignal.timeout(20) }));
    expect(error).toBeInstanceOf(ClinkTimeoutError);
  });

  it('gives up at once for a signal that is already aborted', async () => {
    const { fetch, calls } = scriptedFetch(ok(order));
    const error = await rejectionOf(client(fetch).getOrder('ord_1', { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(ClinkConnectionError);
    expect(calls).toHaveLength(0);
  });
});

describe('retries', () => {
  it('retries a read after HTTP 500 and a network error, then succeeds, with growing jittered delays', async () => {
    const sleep = vi.fn(async (_ms: number, _signal?: AbortSignal) => {});
    const { fetch, calls } = scriptedFetch(json({ code: 500, msg: 'busy' }, 500), new TypeError('fetch failed'), ok(order));
    const result = await client(fetch, { sleep, random: () => 0.5, retryBaseDelayMs: 100 }).getOrder('ord_1');
    expect(result).toEqual(order);
    expect(calls).toHaveLength(3);
    // equal jitter: base * 2^n * (0.5 + 0.5 * random)
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([75, 150]);
  });

  it('retries a QR refresh after a timeout', async () => {
    const { fetch, calls } = scriptedFetch(hang, ok({ orderId: 'ord_1', action: qrAction }));
    const result = await client(fetch, { timeoutMs: 30 }).refreshQrCode('ord_1');
    expect(result.orderId).toBe('ord_1');
    expect(calls).toHaveLength(2);
  });

  it('waits at least as long as Retry-After on HTTP 429', async () => {
    const sleep = vi.fn(async (_ms: number, _signal?: AbortSignal) => {});
    const { fetch } = scriptedFetch(json({ code: 429, msg: 'slow down' }, 429, { 'Retry-After': '2' }), ok(order));
    await client(fetch, { sleep, random: () => 0 }).getOrder('ord_1');
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([2000]);
  });

  it('stops after maxRetries and throws the last failure', async () => {
    const { fetch, calls } = scriptedFetch(json({ code: 500, msg: 'busy' }, 500));
    const error = await rejectionOf(client(fetch, { maxRetries: 3 }).getOrder('ord_1'));
    expect(error).toMatchObject({ type: 'api_error', statusCode: 500 });
    expect(calls).toHaveLength(4);
  });

  it('does not retry failures that would fail again (4xx, 401, body codes, bad shapes)', async () => {
    for (const answer of [
      json({ code: 400, msg: 'bad' }, 400),
      new Response('no', { status: 401 }),
      json({ code: 40001, msg: 'CUSTOMER_NOT_FOUND' }),
      json({ code: 404, msg: 'ORDER_NOT_FOUND' }),
      ok({ orderId: 'ord_1', status: 7 }),
    ]) {
      const { fetch, calls } = scriptedFetch(answer, ok(order));
      await rejectionOf(client(fetch).getOrder('ord_1'));
      expect(calls).toHaveLength(1);
    }
  });

  it('never retries a create, whatever the failure', async () => {
    for (const answer of [json({ code: 500, msg: 'busy' }, 500), new TypeError('fetch failed'), new Response('{', { status: 200 })]) {
      const { fetch, calls } = scriptedFetch(answer, ok({ orderId: 'ord_2', amount: 1, currency: 'USD' }));
      await rejectionOf(client(fetch, { maxRetries: 5 }).createPayment(createParams));
      expect(calls).toHaveLength(1);
    }
    const { fetch, calls } = scriptedFetch(hang, ok({ orderId: 'ord_2', amount: 1, currency: 'USD' }));
    const error = await rejectionOf(client(fetch, { maxRetries: 5, timeoutMs: 30 }).createPayment(createParams));
    expect(error).toBeInstanceOf(ClinkTimeoutError);
    expect(calls).toHaveLength(1);
  });

  it('stops waiting for a retry when the caller aborts', async () => {
    const controller = new AbortController();
    const { fetch, calls } = scriptedFetch(json({ code: 500, msg: 'busy' }, 500), ok(order));
    const lines: string[] = [];
    const logger = (line: string): void => {
      guard.logger(line);
      lines.push(line);
    };
    const pending = rejectionOf(
      client(fetch, { sleep: undefined, retryBaseDelayMs: 60_000, logger }).getOrder('ord_1', { signal: controller.signal }),
    );
    await vi.waitFor(() => expect(lines.at(-1)).toMatch(/retry 1 of 2 in \d+ ms/));
    controller.abort();
    const error = await pending;
    expect(error).toMatchObject({ type: 'api_error', statusCode: 500 });
    expect(calls).toHaveLength(1);
  });

  it('logs each attempt and retry without the key', async () => {
    const lines: string[] = [];
    const { fetch } = scriptedFetch(json({ code: 500, msg: 'busy' }, 500), ok(order));
    const logger = (line: string): void => {
      guard.logger(line);
      lines.push(line);
    };
    await client(fetch, { logger, random: () => 0 }).getOrder('ord_1');
    expect(lines).toEqual([
      expect.stringMatching(/^clink GET \/order\/ord_1 -> HTTP 500 api_error \(\d+ ms\)$/),
      'clink GET /order/ord_1: api_error, retry 1 of 2 in 125 ms',
      expect.stringMatching(/^clink GET \/order\/ord_1 -> HTTP 200 \(\d+ ms\)$/),
    ]);
  });
});
