import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox.js';
import { SANDBOX_API_KEY } from './constants.js';
import { apiRequest, createPayment, manualClock, paymentBody, readJson } from './test-support/api.js';

let sandbox: Sandbox;
const clock = manualClock();

afterEach(async () => {
  await sandbox?.close();
});

function start(options: Parameters<typeof createSandbox>[0] = {}): Sandbox {
  sandbox = createSandbox({ now: clock.now, seed: 'api', ...options });
  return sandbox;
}

describe('authentication', () => {
  const cases: Array<[string, Record<string, string>]> = [
    ['no X-API-KEY', { 'X-Timestamp': String(clock.now()) }],
    ['a wrong X-API-KEY', { 'X-API-KEY': 'sk_test_wrong', 'X-Timestamp': String(clock.now()) }],
    ['no X-Timestamp', { 'X-API-KEY': SANDBOX_API_KEY }],
    ['an X-Timestamp that is not a number', { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': 'yesterday' }],
    ['an X-Timestamp in seconds rather than ms', { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': String(Math.floor(clock.now() / 1000)) }],
    ['an X-Timestamp 5 minutes and 1 ms old', { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': String(clock.now() - 300_001) }],
    ['an X-Timestamp 6 minutes ahead', { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': String(clock.now() + 360_000) }],
  ];

  it.each(cases)('answers %s with HTTP 401 and a plain-text body', async (_, headers) => {
    start();
    const response = await sandbox.fetch(apiRequest('/order/ord_x', { headers }));
    expect(response.status).toBe(401);
    expect(response.headers.get('Content-Type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^Unauthorized/);
    expect(text).not.toContain('sk_test_wrong');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('refuses a create without a key and creates no order', async () => {
    start();
    const response = await sandbox.fetch(
      apiRequest('/payment', { method: 'POST', body: paymentBody(sandbox), headers: { 'X-Timestamp': String(clock.now()) } }),
    );
    expect(response.status).toBe(401);
    expect(sandbox.listOrders()).toEqual([]);
  });

  it('accepts a timestamp just inside the 5-minute window', async () => {
    start();
    const response = await sandbox.fetch(apiRequest('/order/ord_x', { now: clock.now() - 299_000 }));
    expect(response.status).toBe(404);
  });

  it('accepts any key from the apiKeys option and only those', async () => {
    start({ apiKeys: ['sk_test_one', 'sk_test_two'] });
    const ok = await sandbox.fetch(
      apiRequest('/order/ord_x', { headers: { 'X-API-KEY': 'sk_test_two', 'X-Timestamp': String(clock.now()) } }),
    );
    const refused = await sandbox.fetch(apiRequest('/order/ord_x', { now: clock.now() }));
    expect(ok.status).toBe(404);
    expect(refused.status).toBe(401);
  });
});

describe('POST /payment', () => {
  it('answers with the create envelope: status 5, amount, currency and an action', async () => {
    start();
    const { status, body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CARD' });
    expect(status).toBe(200);
    expect(body).toEqual({
      code: 200,
      msg: 'success',
      data: {
        orderId: expect.stringMatching(/^ord_[a-z0-9]{24}$/),
        sessionId: expect.stringMatching(/^sess_[a-z0-9]{24}$/),
        status: 5,
        amount: 9.99,
        currency: 'USD',
        action: expect.objectContaining({ paymentMethodType: 'CARD', method: 'GET' }),
      },
    });
  });

  it('names the broken field in a 400 envelope', async () => {
    start();
    const { status, body } = await createPayment(sandbox, clock.now(), {
      amount: undefined,
      currency: undefined,
      priceId: 'price_1',
      productId: 'prod_1',
      priceDataList: [{ name: 'Tea', unitAmount: 0 }],
    });
    expect(status).toBe(400);
    expect(body).toEqual({ code: 400, msg: 'priceDataList[0].unitAmount must be greater than 0' });
    expect(sandbox.listOrders()).toHaveLength(0);
  });

  it('answers a body that is not JSON with a 400 envelope', async () => {
    start();
    const { status, body } = await readJson(
      await sandbox.fetch(apiRequest('/payment', { method: 'POST', body: '{"paymentMethodType":', now: clock.now() })),
    );
    expect(status).toBe(400);
    expect(body).toEqual({ code: 400, msg: 'request body must be valid JSON' });
  });

  it('charges the priceDataList total for a priceId payment', async () => {
    start();
    const { body } = await createPayment(sandbox, clock.now(), {
      amount: undefined,
      currency: undefined,
      priceId: 'price_1',
      productId: 'prod_1',
      priceDataList: [
        { name: 'Tea', unitAmount: 4.5, quantity: 2, currency: 'SGD' },
        { name: 'Cake', unitAmount: 3.1 },
      ],
    });
    expect(body.data).toMatchObject({ amount: 12.1, currency: 'SGD' });
  });

  it('charges amount and currency when both price forms are given, the currency in uppercase', async () => {
    start();
    const { status, body } = await createPayment(sandbox, clock.now(), { priceId: 'price_1', productId: 'prod_1', amount: 4.125, currency: 'eur' });
    expect(status).toBe(200);
    expect(body.data).toMatchObject({ amount: 4.125, currency: 'EUR' });
    expect(sandbox.getOrder(body.data.orderId)).toMatchObject({ priceId: 'price_1', productId: 'prod_1', amountTotal: 4.125, paymentCurrency: 'EUR' });
  });

  it('refuses GET on the create path', async () => {
    start();
    const { status, body } = await readJson(await sandbox.fetch(apiRequest('/payment', { now: clock.now() })));
    expect(status).toBe(405);
    expect(body.code).toBe(405);
  });
});

describe('GET /order/{id}', () => {
  it('returns the full documented order shape', async () => {
    start();
    const created = await createPayment(sandbox, clock.now(), {
      paymentMethodType: 'GCASH',
      customerEmail: 'ada@example.com',
      merchantReferenceId: 'inv_42',
      metadata: { cartId: 'cart_9' },
      priceDataList: [{ name: 'Tea', unitAmount: 9.99 }],
    });
    const orderId = created.body.data.orderId as string;
    const { status, body } = await readJson(await sandbox.fetch(apiRequest(`/order/${orderId}`, { now: clock.now() })));
    expect(status).toBe(200);
    expect(body).toEqual({
      code: 200,
      msg: 'success',
      data: {
        orderId,
        type: 'onetime',
        merchantReferenceId: 'inv_42',
        customerId: 'cus_123',
        customerEmail: 'ada@example.com',
        createTime: clock.now(),
        priceDataList: [{ name: 'Tea', unitAmount: 9.99 }],
        paymentMethod: { paymentMethodType: 'GCASH', paymentInstrumentId: expect.stringMatching(/^pi_[a-z0-9]{24}$/) },
        amountSubtotal: 9.99,
        amountTotal: 9.99,
        paymentCurrency: 'USD',
        originalCurrency: 'USD',
        status: 'requires_action',
        sessionId: created.body.data.sessionId,
        metadata: { cartId: 'cart_9' },
        riskLevel: 'normal',
        paymentExecutionDetails: [],
      },
    });
  });

  it('reports success with paymentTime and an execution detail once approved', async () => {
    start();
    const created = await createPayment(sandbox, clock.now());
    const orderId = created.body.data.orderId as string;
    clock.advance(5_000);
    sandbox.succeed(orderId);
    const { body } = await readJson(await sandbox.fetch(apiRequest(`/order/${orderId}`, { now: clock.now() })));
    expect(body.data).toMatchObject({
      status: 'success',
      paymentTime: clock.now(),
      paymentExecutionDetails: [{ channelCode: 'WECHAT', channelTransactionId: expect.stringMatching(/^txn_/) }],
    });
  });

  it('answers an unknown order with a not-found envelope', async () => {
    start();
    const { status, body } = await readJson(await sandbox.fetch(apiRequest('/order/ord_missing', { now: clock.now() })));
    expect(status).toBe(404);
    expect(body).toEqual({ code: 404, msg: 'ORDER_NOT_FOUND: no order with id ord_missing' });
  });
});

describe('POST /payment/{orderId}/qrcode/refresh', () => {
  it('issues a new QR and a new expiry for CASHAPP', async () => {
    start({ qrExpiresInSeconds: 60 });
    const created = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CASHAPP' });
    const orderId = created.body.data.orderId as string;
    const before = created.body.data.action.walletHandleRedirectOrDisplayQrCode;
    clock.advance(20_000);
    const { status, body } = await readJson(
      await sandbox.fetch(apiRequest(`/payment/${orderId}/qrcode/refresh`, { method: 'POST', now: clock.now() })),
    );
    expect(status).toBe(200);
    expect(body.code).toBe(200);
    expect(body.data.orderId).toBe(orderId);
    const after = body.data.action.walletHandleRedirectOrDisplayQrCode;
    expect(after.imageDataUrl).not.toBe(before.imageDataUrl);
    expect(after.imageUrlPng).not.toBe(before.imageUrlPng);
    expect(after.expiresAt).toBe(Math.floor((clock.now() + 60_000) / 1000));
    expect(after.expiresSecond).toBe(60);
  });

  it.each(['WECHAT', 'PROMPTPAY', 'QRIS', 'GCASH', 'CARD', 'ALIPAY'])('refuses %s with an error envelope', async (method) => {
    start();
    const created = await createPayment(sandbox, clock.now(), { paymentMethodType: method });
    const { status, body } = await readJson(
      await sandbox.fetch(
        apiRequest(`/payment/${created.body.data.orderId}/qrcode/refresh`, { method: 'POST', now: clock.now() }),
      ),
    );
    expect(status).toBe(400);
    expect(body).toEqual({ code: 400, msg: `QR code refresh is only supported for CASHAPP, not ${method}` });
  });

  it('refuses a refresh once the order is paid', async () => {
    start();
    const created = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CASHAPP' });
    const orderId = created.body.data.orderId as string;
    sandbox.succeed(orderId);
    const { status, body } = await readJson(
      await sandbox.fetch(apiRequest(`/payment/${orderId}/qrcode/refresh`, { method: 'POST', now: clock.now() })),
    );
    expect(status).toBe(400);
    expect(body.msg).toBe(`order ${orderId} is already success`);
  });

  it('answers an unknown order with a not-found envelope', async () => {
    start();
    const { status, body } = await readJson(
      await sandbox.fetch(apiRequest('/payment/ord_missing/qrcode/refresh', { method: 'POST', now: clock.now() })),
    );
    expect(status).toBe(404);
    expect(body.code).toBe(404);
  });
});

describe('sandbox.fetch', () => {
  it('also takes the arguments of the global fetch, unbound', async () => {
    start();
    const fetchLike: typeof fetch = sandbox.fetch;
    const response = await fetchLike('http://sandbox.test/api/payment', {
      method: 'POST',
      headers: { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': String(clock.now()), 'Content-Type': 'application/json' },
      body: JSON.stringify(paymentBody(sandbox)),
    });
    expect(response.status).toBe(200);
    expect(sandbox.listOrders()).toHaveLength(1);
  });

  it('treats a malformed escape in an order id as an unknown order', async () => {
    start();
    const { status, body } = await readJson(await sandbox.fetch(apiRequest('/order/%E0%A4%A', { now: clock.now() })));
    expect(status).toBe(404);
    expect(body.msg).toBe('ORDER_NOT_FOUND: no order with id %E0%A4%A');
  });
});

describe('unknown endpoints', () => {
  it('answer with a 404 envelope after authentication', async () => {
    start();
    const { status, body } = await readJson(await sandbox.fetch(apiRequest('/refund', { method: 'POST', now: clock.now() })));
    expect(status).toBe(404);
    expect(body).toEqual({ code: 404, msg: 'no such endpoint: POST /api/refund' });
  });
});

describe('seeded ids', () => {
  it('gives the same ids for the same seed and different ids for another seed', async () => {
    const idsFor = async (seed: string): Promise<string[]> => {
      const instance = createSandbox({ seed, now: clock.now });
      const first = await createPayment(instance, clock.now());
      const second = await createPayment(instance, clock.now(), { paymentMethodType: 'CARD' });
      await instance.close();
      return [first.body.data.orderId, first.body.data.sessionId, second.body.data.orderId, second.body.data.sessionId];
    };
    const a = await idsFor('seed-1');
    expect(await idsFor('seed-1')).toEqual(a);
    expect(await idsFor('seed-2')).not.toEqual(a);
    expect(new Set(a).size).toBe(4);
  });

  it('gives random ids without a seed', async () => {
    const one = createSandbox();
    const two = createSandbox();
    const [a, b] = await Promise.all([createPayment(one, Date.now()), createPayment(two, Date.now())]);
    expect(a.body.data.orderId).not.toBe(b.body.data.orderId);
    await Promise.all([one.close(), two.close()]);
  });
});

describe('createSandbox options', () => {
  it.each([
    [{ qrExpiresInSeconds: 0 }, 'qrExpiresInSeconds must be a number of seconds above 0, got 0'],
    [{ qrExpiresInSeconds: Number.NaN }, 'qrExpiresInSeconds must be a number of seconds above 0, got NaN'],
    [{ webhookUrl: 'merchant.example/hook' }, 'webhookUrl must be an absolute http(s) URL'],
    [{ publicUrl: 'javascript:alert(1)' }, 'publicUrl must be an absolute http(s) URL'],
    [{ apiKeys: [] }, 'apiKeys must list at least one non-empty key'],
  ])('refuses %j', (options, message) => {
    expect(() => createSandbox(options)).toThrow(new TypeError(`createSandbox: ${message}`));
  });
});
