/**
 * The checkout handler's wallet instruments, against a Clink stand-in that is strict the way Clink is:
 * a payment needs an existing instrument of its method that belongs to its customer.
 */
import { describe, expect, it, vi } from 'vitest';
import { createClinkClient } from '../client/createClient.js';
import type { ClinkClient } from '../client/types.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { createCheckoutHandler, type CheckoutHandlerOptions, type ResolvedPayment } from './create-checkout-handler.js';
import { createMemoryIdempotencyStore, type IdempotencyStore } from './idempotency-store.js';
import { createMemoryInstrumentStore, type InstrumentStore } from './instrument-store.js';
import { clinkJson, createFakeClink, type FakeClink } from './test-support/fake-clink.js';
import { TOKEN_SECRET } from './test-support/harness.js';

const requests = conformingRequests();
const API_KEY = 'sk_test_wallet_instruments';

interface Customer {
  customerId?: string;
  customerEmail?: string;
  referenceCustomerId?: string;
}

function setUp(options: Partial<CheckoutHandlerOptions> & { clink?: FakeClink; customer?: (payload: any) => Customer } = {}) {
  const clink = options.clink ?? createFakeClink();
  const logs: string[] = [];
  const resolvePayment = vi.fn(
    (input: { payload?: unknown }): ResolvedPayment => ({
      ...(options.customer ?? ((payload: any) => ({ customerEmail: payload?.email ?? 'ada@example.com' })))(input.payload),
      amount: 9.99,
      currency: 'USD',
      returnUrl: 'https://shop.example/return',
    }),
  );
  const client = createClinkClient({ apiKey: API_KEY, environment: 'sandbox', fetch: requests.wrap(clink.fetch), sleep: async () => {} });
  const handler = createCheckoutHandler({ client, tokenSecret: TOKEN_SECRET, resolvePayment, logger: (line) => logs.push(line), ...options });

  async function pay(paymentMethodType: string, payload?: unknown, headers: Record<string, string> = {}) {
    const response = await handler(
      new Request('https://shop.example/api/checkout/payments', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify({ paymentMethodType, ...(payload === undefined ? {} : { payload }) }),
      }),
    );
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  }
  /** The instrument each `POST /payment` used, in order. */
  const paidWith = () => clink.calls.filter((call) => call.route === 'POST /payment').map((call) => call.body!.paymentInstrumentId);
  const instrumentBodies = () => clink.calls.filter((call) => call.route === 'POST /payment-instrument').map((call) => call.body);
  return { clink, logs, handler, pay, paidWith, instrumentBodies, resolvePayment };
}

describe('wallet instruments in the checkout handler', () => {
  it('creates the customer’s instrument for the chosen wallet, pays with it, and reuses it next time', async () => {
    const { pay, paidWith, instrumentBodies, clink } = setUp();

    const first = await pay('GCASH');
    const second = await pay('GCASH');

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(instrumentBodies()).toEqual([{ customerEmail: 'ada@example.com', paymentInstrumentType: 'GCASH' }]);
    expect(paidWith()).toEqual(['pi_fake_1', 'pi_fake_1']);
    expect(clink.routes()).toEqual(['POST /payment-instrument', 'POST /payment', 'POST /payment']);
  });

  it('still reuses the instrument a day later, from the instrument store', async () => {
    let now = 1_764_154_800_000;
    const { pay, paidWith, instrumentBodies } = setUp({ now: () => now });

    await pay('GCASH');
    now += 24 * 60 * 60 * 1000;
    await pay('GCASH');

    expect(instrumentBodies()).toHaveLength(1);
    expect(paidWith()).toEqual(['pi_fake_1', 'pi_fake_1']);
  });

  it('keeps one instrument per customer and method', async () => {
    const { pay, paidWith, instrumentBodies } = setUp();

    await pay('GCASH', { email: 'ada@example.com' });
    await pay('WECHAT', { email: 'ada@example.com' });
    await pay('GCASH', { email: 'bob@example.com' });
    await pay('WECHAT', { email: 'ada@example.com' });

    expect(instrumentBodies()).toEqual([
      { customerEmail: 'ada@example.com', paymentInstrumentType: 'GCASH' },
      { customerEmail: 'ada@example.com', paymentInstrumentType: 'WECHAT' },
      { customerEmail: 'bob@example.com', paymentInstrumentType: 'GCASH' },
    ]);
    expect(paidWith()).toEqual(['pi_fake_1', 'pi_fake_3', 'pi_fake_5', 'pi_fake_3']);
  });

  it('sends every customer identifier the merchant gave, and knows the customer by customerId first', async () => {
    const { pay, instrumentBodies, paidWith } = setUp({
      customer: (payload) => ({ customerId: 'cus_42', customerEmail: payload.email, referenceCustomerId: 'ref_42' }),
    });

    await pay('KAKAO', { email: 'old@example.com' });
    await pay('KAKAO', { email: 'new@example.com' });

    expect(instrumentBodies()).toEqual([
      { customerId: 'cus_42', customerEmail: 'old@example.com', referenceCustomerId: 'ref_42', paymentInstrumentType: 'KAKAO' },
    ]);
    expect(paidWith()).toEqual(['pi_fake_1', 'pi_fake_1']);
  });

  it('two concurrent first payments of one customer create one instrument', async () => {
    const clink = createFakeClink();
    let release!: () => void;
    clink.holdInstruments = new Promise<void>((resolve) => (release = resolve));
    const store = createMemoryIdempotencyStore();
    const claims: string[] = [];
    const watched: IdempotencyStore = { ...store, claim: (key, record) => (claims.push(key), store.claim(key, record)) };
    const { pay, paidWith, instrumentBodies } = setUp({ clink, idempotencyStore: watched });

    const both = Promise.all([pay('TNG'), pay('TNG')]);
    // Both requests have reached the instrument claim; only one holds it.
    await vi.waitFor(() => expect(claims.filter((key) => key.includes(':TNG:'))).toHaveLength(2));
    release();
    const responses = await both;

    expect(responses.map((response) => response.status)).toEqual([201, 201]);
    expect(instrumentBodies()).toHaveLength(1);
    expect(paidWith()).toEqual(['pi_fake_1', 'pi_fake_1']);
  });

  it('finds an instrument another server created, through shared stores', async () => {
    const { serverA, serverB } = twoServersSharingStores();

    await serverA.pay('QRIS');
    await serverB.pay('QRIS');

    expect(serverB.instrumentBodies()).toHaveLength(1);
    expect(serverB.paidWith()).toEqual(['pi_fake_1', 'pi_fake_1']);
  });

  it('skips the instrument store for a customer who paid in the last minute, and reads it again after', async () => {
    let now = 1_764_154_800_000;
    const store = createMemoryInstrumentStore();
    const reads: string[] = [];
    const instrumentStore: InstrumentStore = { ...store, get: (key) => (reads.push(key), store.get(key)) };
    const { pay, paidWith } = setUp({ instrumentStore, now: () => now });

    await pay('GCASH');
    const readsAfterFirst = reads.length;
    await pay('GCASH');
    now += 59_000;
    await pay('GCASH');
    expect(reads).toHaveLength(readsAfterFirst);

    now += 2_000;
    await pay('GCASH');
    expect(reads).toHaveLength(readsAfterFirst + 1);
    expect(paidWith()).toEqual(['pi_fake_1', 'pi_fake_1', 'pi_fake_1', 'pi_fake_1']);
  });

  it('corrects at its first use an instrument another server replaced since this one used it', async () => {
    const { clink, serverA, serverB } = twoServersSharingStores();
    await serverA.pay('QRIS');
    await serverB.pay('QRIS');
    // Clink deleted it; B finds out first and stores a new one.
    clink.deleteInstrument('pi_fake_1');
    expect((await serverB.pay('QRIS')).status).toBe(201);

    const fromA = await serverA.pay('QRIS');
    await serverA.pay('QRIS');

    const replacement = serverB.paidWith().at(-1);
    expect(replacement).not.toBe('pi_fake_1');
    expect(fromA.status).toBe(201);
    // A tried the instrument it had used (refused), then found B's in the store: no third instrument.
    expect(serverA.paidWith().slice(-3)).toEqual(['pi_fake_1', replacement, replacement]);
    expect(clink.routes().filter((route) => route === 'POST /payment-instrument')).toHaveLength(2);
  });

  it('remembers instruments through the instrumentStore it is given, keyed without personal data', async () => {
    const saved = new Map<string, string>();
    const instrumentStore: InstrumentStore = {
      get: async (key) => saved.get(key),
      set: async (key, instrumentId) => void saved.set(key, instrumentId),
      delete: async (key) => void saved.delete(key),
    };
    const { pay } = setUp({ instrumentStore });

    await pay('PROMPTPAY');

    expect([...saved.values()]).toEqual(['pi_fake_1']);
    const [key] = [...saved.keys()];
    expect(key).toMatch(/^instrument:sandbox:PROMPTPAY:[0-9a-f]{64}$/);
    expect(key).not.toContain('ada');
  });

  it.each([
    ['HTTP 400', (id: string) => clinkJson({ code: 400, msg: `paymentInstrumentId ${id} does not exist` }, 400)],
    ['code 400 inside HTTP 200', (id: string) => clinkJson({ code: 400, msg: `Payment instrument ${id} not found` })],
  ])('forgets a remembered instrument Clink refuses (%s), creates a new one and pays once more', async (_label, refusal) => {
    const { clink, pay, paidWith, logs } = setUp();
    clink.refuseInstrument = refusal;
    await pay('ALIPAY');
    clink.deleteInstrument('pi_fake_1');

    const retried = await pay('ALIPAY');
    await pay('ALIPAY');

    expect(retried.status).toBe(201);
    expect(paidWith()).toEqual(['pi_fake_1', 'pi_fake_1', 'pi_fake_4', 'pi_fake_4']);
    expect(logs.join('\n')).toMatch(/refused the remembered ALIPAY instrument.*creating a new one/);
  });

  it('tries a new instrument only once: a second refusal reaches the browser as 502', async () => {
    const { clink, pay } = setUp();
    await pay('ALIPAY');
    clink.deleteInstrument('pi_fake_1');
    clink.answerNext('POST /payment', () => clink.refuseInstrument('pi_fake_1'));
    clink.answerNext('POST /payment', () => clink.refuseInstrument('pi_fake_4'));

    const response = await pay('ALIPAY');

    expect(response.status).toBe(502);
    expect(clink.routes()).toEqual(['POST /payment-instrument', 'POST /payment', 'POST /payment', 'POST /payment-instrument', 'POST /payment']);
  });

  it('does not pay again when Clink’s answer about the instrument may hide a created order (code 500)', async () => {
    const { clink, pay } = setUp();
    await pay('ALIPAY');
    clink.answerNext('POST /payment', () => clinkJson({ code: 500, msg: 'instrument service unavailable' }));

    const response = await pay('ALIPAY', undefined, { 'Idempotency-Key': 'k-500' });
    const replay = await pay('ALIPAY', undefined, { 'Idempotency-Key': 'k-500' });

    expect(response.status).toBe(502);
    expect(replay).toEqual(response);
    expect(clink.routes()).toEqual(['POST /payment-instrument', 'POST /payment', 'POST /payment']);
  });

  it('uses the instrument resolvePayment returns, and never replaces it', async () => {
    const clink = createFakeClink();
    clink.saveInstrument('pi_merchant', 'WECHAT', 'ada@example.com');
    const { pay, instrumentBodies, paidWith } = setUp({
      clink,
      customer: () => ({ customerEmail: 'ada@example.com', paymentInstrumentId: 'pi_merchant' }) as Customer,
    });

    const paid = await pay('WECHAT');
    clink.deleteInstrument('pi_merchant');
    const refused = await pay('WECHAT');

    expect([paid.status, refused.status]).toEqual([201, 502]);
    expect(instrumentBodies()).toEqual([]);
    expect(paidWith()).toEqual(['pi_merchant', 'pi_merchant']);
  });

  it('pays CARD with the card the customer saved, which the merchant passes', async () => {
    const clink = createFakeClink();
    clink.saveInstrument('pi_card_saved', 'CARD', 'ada@example.com');
    const { pay, instrumentBodies } = setUp({
      clink,
      customer: () => ({ customerEmail: 'ada@example.com', paymentInstrumentId: 'pi_card_saved' }) as Customer,
    });

    const paid = await pay('CARD');

    expect(paid.status).toBe(201);
    expect(instrumentBodies()).toEqual([]);
  });

  it('refuses CARD without paymentInstrumentId: 422 saying why, nothing sent to Clink, the key released', async () => {
    const { pay, clink, logs, resolvePayment } = setUp();

    const refused = await pay('CARD', undefined, { 'Idempotency-Key': 'k-card' });

    expect(refused.status).toBe(422);
    expect(refused.json.error).toEqual({
      type: 'validation_error',
      message: 'Card payment is not available for this purchase. Please choose another payment method.',
      fields: { paymentInstrumentId: expect.stringMatching(/required for CARD.*saved through Clink's hosted pages/) },
    });
    expect(clink.calls).toEqual([]);
    expect(logs.join('\n')).toMatch(/paymentInstrumentId is required for CARD/);
    await pay('CARD', undefined, { 'Idempotency-Key': 'k-card' });
    expect(resolvePayment).toHaveBeenCalledTimes(2);
  });

  it('answers 502 and releases the key when Clink refuses to create the instrument: no payment was made', async () => {
    const { clink, pay, logs } = setUp();
    clink.answerNext('POST /payment-instrument', () => clinkJson({ code: 400, msg: 'CUSTOMER_IDENTIFIER_NOT_MATCHED' }));

    const refused = await pay('GCASH', undefined, { 'Idempotency-Key': 'k-instrument' });
    const retried = await pay('GCASH', undefined, { 'Idempotency-Key': 'k-instrument' });

    expect(refused.status).toBe(502);
    expect(retried.status).toBe(201);
    expect(logs.join('\n')).toMatch(/creating the customer's GCASH instrument failed.*CUSTOMER_IDENTIFIER_NOT_MATCHED \(field customerEmail\)/);
  });

  it('leaves a method resolvePayment made up to validation: 400 naming paymentMethodType, no instrument created', async () => {
    const { pay, clink } = setUp({ customer: () => ({ customerEmail: 'ada@example.com', paymentMethodType: 'PAYPAL' }) as Customer });

    const response = await pay('GCASH');

    expect(response.status).toBe(400);
    expect(response.json.error.fields).toHaveProperty('paymentMethodType');
    expect(clink.calls).toEqual([]);
  });

  it('explains a client without createPaymentInstrument (a hand-made wrapper) in the log', async () => {
    const clink = createFakeClink();
    const real = createClinkClient({ apiKey: API_KEY, environment: 'sandbox', fetch: clink.fetch });
    const wrapper = { environment: real.environment, createPayment: real.createPayment, getOrder: real.getOrder, refreshQrCode: real.refreshQrCode };
    const { pay, logs } = setUp({ clink, client: wrapper as unknown as ClinkClient });

    const response = await pay('GCASH');

    expect(response.status).toBe(500);
    expect(logs.join('\n')).toMatch(/the client has no createPaymentInstrument.*return paymentInstrumentId from resolvePayment/);
  });
});

/** Two checkout servers in front of one fake Clink, sharing their instrument and idempotency stores. */
function twoServersSharingStores() {
  const clink = createFakeClink();
  const stores = { instrumentStore: createMemoryInstrumentStore(), idempotencyStore: createMemoryIdempotencyStore() };
  return { clink, serverA: setUp({ clink, ...stores }), serverB: setUp({ clink, ...stores }) };
}
