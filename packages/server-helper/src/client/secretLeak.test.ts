import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { createClinkClient } from './createClient.js';
import { deafHang, json, ok, scriptedFetch, type Answer } from './test-support/fakeFetch.js';
import { verifyClinkWebhook } from '../webhooks/verify.js';
import { signClinkWebhookPayload } from '../webhooks/sign.js';

const API_KEY = 'sk_test_leakcheck_5f1c9a7e3b';
const PROD_KEY = 'sk_prod_leakcheck_8d2e4b6a0c';
const WEBHOOK_SECRET = 'whsec_leakcheck_71c3e9';
const SECRETS = [API_KEY, PROD_KEY, WEBHOOK_SECRET];
const requests = conformingRequests();

/** Every rendering a merchant's logging stack might produce of an error. */
function renderings(error: unknown): string[] {
  const list = [String(error), inspect(error, { depth: 10, showHidden: true }), JSON.stringify(error) ?? ''];
  if (error instanceof Error) list.push(error.message, error.stack ?? '');
  return list;
}

async function caught(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

const createParams = {
  paymentInstrumentId: 'pi_1',
  paymentMethodType: 'ALIPAY',
  returnUrl: 'https://shop.example/r',
  customerId: 'c',
  amount: 1,
  currency: 'USD',
} as const;

describe('the secret key and the webhook secret never leave through errors or logs', () => {
  const consoleLines: string[] = [];
  beforeEach(() => {
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        consoleLines.push(args.map((arg) => (typeof arg === 'string' ? arg : inspect(arg, { depth: 10 }))).join(' '));
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('across configuration, validation, HTTP, network, timeout, abort and webhook failures', async () => {
    const logLines: string[] = [];
    const errors: unknown[] = [];
    const clientWith = (answer: Answer, apiKey = API_KEY) =>
      createClinkClient({
        apiKey,
        environment: 'sandbox',
        fetch: requests.wrap(scriptedFetch(answer).fetch),
        logger: (line) => logLines.push(line),
        maxRetries: 1,
        timeoutMs: 30,
        sleep: async () => {},
      });

    errors.push(
      await caught(() => createClinkClient({ apiKey: API_KEY, environment: 'production' })),
      await caught(() => createClinkClient({ apiKey: PROD_KEY, environment: 'sandbox' })),
      await caught(() => createClinkClient({ apiKey: `${API_KEY}\n`, environment: 'sandbox' })),
      await caught(() => createClinkClient({ apiKey: `${API_KEY} extra`, environment: 'sandbox' })),
      await caught(() => clientWith(ok({})).createPayment({ ...createParams, paymentMethodType: API_KEY, customerId: API_KEY, amount: Number.NaN } as never)),
      await caught(() => clientWith(new Response(`invalid key ${API_KEY}`, { status: 401 })).getOrder('ord_1')),
      await caught(() => clientWith(json({ code: 401, msg: `key ${API_KEY} unknown` })).getOrder('ord_1')),
      await caught(() => clientWith(json({ code: 500, msg: `busy for ${API_KEY}` }, 500)).getOrder('ord_1')),
      await caught(() => clientWith(new Response(`<pre>X-API-KEY: ${API_KEY}</pre>`, { status: 200 })).createPayment(createParams)),
      await caught(() => clientWith(new TypeError(`bad header value ${API_KEY}`, { cause: new Error(API_KEY) })).getOrder('ord_1')),
      await caught(() => clientWith(deafHang).createPayment(createParams)),
      await caught(() => clientWith(ok(order())).getOrder('ord_1', { signal: AbortSignal.abort(new Error(`stop ${API_KEY}`)) })),
      await caught(() => clientWith(ok({ orderId: API_KEY, amount: 'lots' })).createPayment(createParams)),
    );

    const signed = await signClinkWebhookPayload({ payload: { id: 'evt', type: 'order.succeeded', created: 1, data: { orderId: 'o' } }, secret: WEBHOOK_SECRET });
    errors.push(
      await caught(() => verifyClinkWebhook({ rawBody: signed.body.replace('"o"', '"p"'), headers: signed.headers, secret: WEBHOOK_SECRET })),
      await caught(() => verifyClinkWebhook({ rawBody: signed.body, headers: signed.headers, secret: WEBHOOK_SECRET, now: () => 0 })),
      await caught(() => verifyClinkWebhook({ rawBody: {} as never, headers: signed.headers, secret: WEBHOOK_SECRET })),
      await caught(() => verifyClinkWebhook({ rawBody: signed.body, headers: {}, secret: WEBHOOK_SECRET })),
    );

    const outputs = [...logLines, ...consoleLines, ...errors.flatMap(renderings)];
    expect(errors).toHaveLength(17);
    expect(logLines.length).toBeGreaterThanOrEqual(8);
    for (const output of outputs) {
      for (const secret of SECRETS) {
        expect(output.includes(secret), `secret found in: ${output.split(secret).join('<SECRET>')}`).toBe(false);
      }
    }
  });
});

function order() {
  return { orderId: 'ord_1', status: 'pending', amountTotal: 1, paymentCurrency: 'USD' };
}
