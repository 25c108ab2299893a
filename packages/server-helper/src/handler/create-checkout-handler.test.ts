import { SANDBOX_API_KEY, type Sandbox } from '@clink-checkout/sandbox';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClinkClient } from '../client/index.js';
import { ClinkConfigurationError } from '../errors.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { makeSandbox, SANDBOX_KINDS } from '../test-support/sandbox.js';
import { createCheckoutHandler, type CheckoutHandlerOptions, type PaymentCreated } from './create-checkout-handler.js';
import { createMemoryIdempotencyStore } from './idempotency-store.js';
import { createRedactor } from './log.js';
import { CheckoutRejection } from './rejection.js';
import { defaultResolvePayment, TOKEN_SECRET } from './test-support/harness.js';

const sandboxes: Sandbox[] = [];
const requests = conformingRequests();

function options(overrides: Partial<CheckoutHandlerOptions> = {}): CheckoutHandlerOptions {
  const sandbox = makeSandbox(SANDBOX_KINDS[0]!, { seed: 3 });
  sandboxes.push(sandbox);
  return {
    client: createClinkClient({
      apiKey: SANDBOX_API_KEY,
      environment: 'sandbox',
      baseUrl: 'http://127.0.0.1:4010/api',
      fetch: requests.wrap((input, init) => sandbox.fetch(new Request(input, init))),
    }),
    tokenSecret: TOKEN_SECRET,
    resolvePayment: defaultResolvePayment,
    ...overrides,
  };
}

const create = (url: string) =>
  new Request(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ paymentMethodType: 'ALIPAY' }),
  });

afterEach(async () => {
  for (const sandbox of sandboxes.splice(0)) await sandbox.close();
});

describe('createCheckoutHandler configuration', () => {
  it.each([
    ['a short tokenSecret', { tokenSecret: 'too-short' }, /tokenSecret must be at least 32 characters/],
    ['onWebhook without webhookSecret', { onWebhook: () => {} }, /onWebhook needs webhookSecret/],
    ['a relative basePath', { basePath: 'api/checkout' }, /basePath must start with "\/"/],
  ])('refuses %s at start-up', (_name, overrides, message) => {
    expect(() => createCheckoutHandler(options(overrides))).toThrow(ClinkConfigurationError);
    expect(() => createCheckoutHandler(options(overrides))).toThrow(message);
  });

  it('serves only below basePath when one is given', async () => {
    const handler = createCheckoutHandler(options({ basePath: '/api/checkout' }));

    expect((await handler(create('https://shop.example/api/checkout/payments'))).status).toBe(201);
    expect((await handler(create('https://shop.example/elsewhere/payments'))).status).toBe(404);
  });

  it('stamps serverTime from the injected clock', async () => {
    const handler = createCheckoutHandler(options({ now: () => 1_900_000_000_000 }));

    const response = await handler(create('https://shop.example/payments'));

    expect((await response.json()).serverTime).toBe(1_900_000_000_000);
  });

  it('lets resolvePayment override the method the browser chose', async () => {
    const handler = createCheckoutHandler(
      options({ resolvePayment: () => ({ ...defaultResolvePayment(), paymentMethodType: 'CASHAPP' }) }),
    );

    const body = await (await handler(create('https://shop.example/payments'))).json();

    expect(body.paymentMethodType).toBe('CASHAPP');
    expect(body.orderToken).toMatch(/^v1\.CASHAPP\./);
  });
});

describe('amounts from resolvePayment', () => {
  it('refuses an amount above what any currency can hold with 400 and the field, without calling Clink', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const handler = createCheckoutHandler(options({ resolvePayment: () => ({ ...defaultResolvePayment(), amount: 1e21 }), logger: () => {} }));

      const response = await handler(create('https://shop.example/payments'));

      expect(response.status).toBe(400);
      expect((await response.json()).error.fields).toHaveProperty('amount');
      expect(sandboxes.at(-1)!.listOrders()).toHaveLength(0);
    } finally {
      errors.mockRestore();
    }
  });
});

describe('the in-memory idempotency store under load', () => {
  it('makes the retry of a slow create wait for it, however many other creates finish meanwhile', async () => {
    let releaseSlow!: () => void;
    const slowGate = new Promise<void>((resolve) => (releaseSlow = resolve));
    const settings = options({
      idempotencyStore: createMemoryIdempotencyStore({ maxEntries: 20 }),
      resolvePayment: async (input) => {
        if ((input.payload as { slow?: boolean } | undefined)?.slow) await slowGate;
        return defaultResolvePayment();
      },
    });
    const handler = createCheckoutHandler(settings);
    const createWithKey = (key: string, payload: unknown) =>
      handler(
        new Request('https://shop.example/payments', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify({ paymentMethodType: 'ALIPAY', payload }),
        }),
      );

    const first = createWithKey('slow-key', { slow: true });
    for (let index = 0; index < 30; index += 1) expect((await createWithKey(`other-${index}`, {})).status).toBe(201);
    const retry = createWithKey('slow-key', { slow: true });
    releaseSlow();
    const [firstResponse, retryResponse] = await Promise.all([first, retry]);

    expect(firstResponse.status).toBe(201);
    expect(await retryResponse.text()).toBe(await firstResponse.text());
    expect(retryResponse.headers.get('idempotent-replayed')).toBe('true');
    const sandbox = sandboxes.at(-1)!;
    expect(sandbox.listOrders()).toHaveLength(31);
  });
});

describe('createCheckoutHandler with options made at the first request', () => {
  it('needs no secrets to be created, and fails the first request clearly when one is missing', async () => {
    const env: Record<string, string | undefined> = {}; // as during `next build`: no secrets set
    const factory = vi.fn(() =>
      options({
        client: createClinkClient({ apiKey: env.CLINK_API_KEY!, environment: 'sandbox' }),
        tokenSecret: env.CHECKOUT_TOKEN_SECRET!,
      }),
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const handler = createCheckoutHandler(factory);
      expect(factory).not.toHaveBeenCalled();

      const response = await handler(create('https://shop.example/payments'));

      expect(response.status).toBe(500);
      expect(await response.json()).toEqual({
        error: { type: 'internal_error', message: 'The checkout is not available right now.' },
      });
      expect(errors).toHaveBeenCalledWith(
        expect.stringMatching(/^\[clink-checkout\] the checkout handler could not be set up: ClinkConfigurationError: apiKey is empty/),
      );
    } finally {
      errors.mockRestore();
    }
  });

  it('makes the options once, and tries again after a failure', async () => {
    let attempt = 0;
    const factory = vi.fn(async () => {
      attempt += 1;
      if (attempt === 1) throw new ClinkConfigurationError('secret store unreachable');
      return options();
    });
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const handler = createCheckoutHandler(factory);

      expect((await handler(create('https://shop.example/payments'))).status).toBe(500);
      expect((await handler(create('https://shop.example/payments'))).status).toBe(201);
      expect((await handler(create('https://shop.example/payments'))).status).toBe(201);
      expect(factory).toHaveBeenCalledTimes(2);
    } finally {
      errors.mockRestore();
    }
  });
});

describe('log redaction', () => {
  it('removes the configured secrets and anything shaped like a Clink key or signing secret', () => {
    const redact = createRedactor(['my-token-secret-value']);

    expect(redact('a my-token-secret-value b sk_test_abc123 c whsec_xyz d sk_prod_Q9')).toBe(
      'a [redacted] b [redacted] c [redacted] d [redacted]',
    );
  });
});

describe('onPaymentCreated', () => {
  const createWithKey = (key: string) =>
    new Request('https://shop.example/payments', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ paymentMethodType: 'ALIPAY', platformType: 'WEB', payload: { cartId: 'cart_1' } }),
    });

  it('receives the created payment, what was sent to Clink and the order token the browser gets', async () => {
    const calls: Array<{ created: PaymentCreated; request: Request }> = [];
    const handler = createCheckoutHandler(options({ onPaymentCreated: (created, request) => void calls.push({ created, request }) }));
    const request = createWithKey('key-1');

    const body = await (await handler(request)).json();

    expect(calls).toHaveLength(1);
    const [{ created, request: seen }] = calls as [(typeof calls)[0]];
    expect(seen).toBe(request);
    expect(created.input).toEqual({ paymentMethodType: 'ALIPAY', platformType: 'WEB', payload: { cartId: 'cart_1' } });
    expect(created.params).toMatchObject({ ...defaultResolvePayment(), paymentMethodType: 'ALIPAY', platformType: 'WEB' });
    expect(created.payment).toMatchObject({ orderId: body.orderId, status: body.status, amount: 42.5, currency: 'USD' });
    expect(created.orderToken).toBe(body.orderToken);
    expect(sandboxes.at(-1)!.getOrder(body.orderId)?.amountTotal).toBe(42.5);
  });

  it('is waited for: when saving fails, the browser gets a 500 instead of a payment to pay, and the failure is logged', async () => {
    const logs: string[] = [];
    const handler = createCheckoutHandler(
      options({
        logger: (line) => logs.push(line),
        onPaymentCreated: async () => {
          await Promise.resolve();
          throw new Error('disk I/O error');
        },
      }),
    );

    const response = await handler(createWithKey('key-1'));

    expect(response.status).toBe(500);
    const body = await response.json();
    expect(body).toEqual({ error: { type: 'internal_error', message: 'Something went wrong on the server.' } });
    expect(logs).toEqual([expect.stringMatching(/onPaymentCreated\(ord_\w+\) failed \(500\): Error: disk I\/O error/)]);
  });

  it('after a failed save, a retry with the same Idempotency-Key replays the failure instead of creating a second order', async () => {
    let calls = 0;
    const handler = createCheckoutHandler(
      options({
        logger: () => {},
        onPaymentCreated: () => {
          calls += 1;
          throw new Error('disk I/O error');
        },
      }),
    );

    const first = await handler(createWithKey('key-1'));
    const retry = await handler(createWithKey('key-1'));

    expect([first.status, retry.status]).toEqual([500, 500]);
    expect(retry.headers.get('Idempotent-Replayed')).toBe('true');
    expect(calls).toBe(1);
    expect(sandboxes.at(-1)!.listOrders()).toHaveLength(1);
  });

  it('runs once per payment: a replayed create does not call it again', async () => {
    let calls = 0;
    const handler = createCheckoutHandler(options({ onPaymentCreated: () => void (calls += 1) }));

    const first = await (await handler(createWithKey('key-1'))).json();
    const replay = await (await handler(createWithKey('key-1'))).json();

    expect(replay.orderId).toBe(first.orderId);
    expect(calls).toBe(1);
  });

  it('is not called when no payment was created', async () => {
    let calls = 0;
    const handler = createCheckoutHandler(
      options({
        onPaymentCreated: () => void (calls += 1),
        resolvePayment: () => {
          throw new CheckoutRejection('Your cart has expired.', { status: 409 });
        },
      }),
    );

    expect((await handler(createWithKey('key-1'))).status).toBe(409);
    expect(calls).toBe(0);
  });
});
