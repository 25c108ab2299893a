import { SANDBOX_API_KEY, type Sandbox } from '@clink-checkout/sandbox';
import { afterEach, describe, expect, it } from 'vitest';
import { createClinkClient } from '../client/index.js';
import { ClinkConfigurationError } from '../errors.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { makeSandbox, SANDBOX_KINDS } from '../test-support/sandbox.js';
import { createCheckoutHandler, type CheckoutHandlerOptions } from './create-checkout-handler.js';
import { createRedactor } from './log.js';
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

describe('log redaction', () => {
  it('removes the configured secrets and anything shaped like a Clink key or signing secret', () => {
    const redact = createRedactor(['my-token-secret-value']);

    expect(redact('a my-token-secret-value b sk_test_abc123 c whsec_xyz d sk_prod_Q9')).toBe(
      'a [redacted] b [redacted] c [redacted] d [redacted]',
    );
  });
});
