import { checkSchema, createPaymentDataSchema, envelopeSchema, paymentInstrumentSchema } from '@clink-checkout/protocol/schema';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_CARD_CUSTOMER, SANDBOX_CARD_INSTRUMENTS } from './cards.js';
import { createSandbox, SandboxControlError, type Sandbox } from './sandbox.js';
import { apiRequest, manualClock, readJson, validPayment, type Json } from './test-support/api.js';

const clock = manualClock();
let sandbox: Sandbox;

afterEach(async () => {
  await sandbox?.close();
});

function start(): Sandbox {
  sandbox = createSandbox({ now: clock.now, seed: 'instruments' });
  return sandbox;
}

async function saveInstrument(body: unknown): Promise<Json> {
  return readJson(await sandbox.fetch(apiRequest('/payment-instrument', { method: 'POST', body, now: clock.now() })));
}

async function pay(fields: Record<string, unknown>): Promise<Json> {
  return readJson(await sandbox.fetch(apiRequest('/payment', { method: 'POST', body: validPayment({ customerId: undefined, ...fields }), now: clock.now() })));
}

describe('POST /payment-instrument', () => {
  it("saves a wallet instrument and answers Clink's PaymentInstrumentApiVo", async () => {
    start();
    const { status, body } = await saveInstrument({ customerEmail: 'ada@example.com', customerName: 'Ada', paymentInstrumentType: 'WECHAT' });
    expect(status).toBe(200);
    expect(body).toEqual({
      code: 200,
      msg: 'success',
      data: {
        id: expect.stringMatching(/^pi_[a-z0-9]{24}$/),
        customerId: expect.stringMatching(/^cus_[a-z0-9]{24}$/),
        type: 'WECHAT',
        wallet: { accountTag: expect.stringMatching(/^acct_/) },
        created: clock.now(),
      },
    });
    expect(checkSchema(envelopeSchema(paymentInstrumentSchema), body)).toEqual([]);
    expect(sandbox.listCustomers().at(-1)).toEqual({ customerId: body.data.customerId, customerEmail: 'ada@example.com', customerName: 'Ada', created: clock.now() });
  });

  it('finds the customer again by email or reference, and saves a new instrument each time', async () => {
    start();
    const first = await saveInstrument({ customerEmail: 'ada@example.com', referenceCustomerId: 'user_7', paymentInstrumentType: 'GCASH' });
    const byEmail = await saveInstrument({ customerEmail: 'ADA@example.com', paymentInstrumentType: 'GCASH' });
    const byReference = await saveInstrument({ referenceCustomerId: 'user_7', paymentInstrumentType: 'TNG' });
    const byId = await saveInstrument({ customerId: first.body.data.customerId, paymentInstrumentType: 'KAKAO' });
    const customerIds = [first, byEmail, byReference, byId].map((answer) => answer.body.data.customerId);
    expect(new Set(customerIds).size).toBe(1);
    expect(new Set([first, byEmail, byReference, byId].map((answer) => answer.body.data.id)).size).toBe(4);
    expect(sandbox.listInstruments({ customerId: customerIds[0] }).map((instrument) => instrument.type)).toEqual(['GCASH', 'GCASH', 'TNG', 'KAKAO']);
  });

  it('refuses a CARD instrument and saves nothing', async () => {
    start();
    const before = sandbox.listInstruments().length;
    const { status, body } = await saveInstrument({ customerEmail: 'ada@example.com', paymentInstrumentType: 'CARD' });
    expect(status).toBe(400);
    expect(body).toEqual({ code: 400, msg: "paymentInstrumentType CARD cannot be created through this API: a card is saved through Clink's hosted pages" });
    expect(sandbox.listInstruments()).toHaveLength(before);
    expect(sandbox.listCustomers()).toHaveLength(1);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown customerId', { customerId: 'cus_nobody' }, 'CUSTOMER_NOT_FOUND: customerId cus_nobody names no customer'],
    ['an email and a reference of different customers', { customerEmail: 'customer@example.com', referenceCustomerId: 'user_7' }, 'CUSTOMER_IDENTIFIER_NOT_MATCHED: referenceCustomerId and customerEmail name different customers'],
    ['a customerId with another customer\'s email', { customerId: 'cus_sandbox_cards', customerEmail: 'ada@example.com' }, 'CUSTOMER_IDENTIFIER_NOT_MATCHED: customerEmail and customerId name different customers'],
    ['no customer at all', {}, 'CUSTOMER_NOT_FOUND: one of customerId, customerEmail or referenceCustomerId is required'],
  ])('refuses %s in an error envelope naming the field', async (_, customer, msg) => {
    start();
    await saveInstrument({ customerEmail: 'ada@example.com', referenceCustomerId: 'user_7', paymentInstrumentType: 'QRIS' });
    const { status, body } = await saveInstrument({ ...customer, paymentInstrumentType: 'QRIS' });
    expect(status).toBe(400);
    expect(body).toEqual({ code: 400, msg });
    expect(checkSchema(envelopeSchema(paymentInstrumentSchema), body)).toEqual([]);
  });
});

describe('POST /payment needs an instrument of its method that belongs to its customer', () => {
  it('pays with a saved instrument when the customer is named by id, email or reference', async () => {
    start();
    const saved = await saveInstrument({ customerEmail: 'ada@example.com', referenceCustomerId: 'user_7', paymentInstrumentType: 'CASHAPP' });
    const { id, customerId } = saved.body.data;
    for (const customer of [{ customerId }, { customerEmail: 'ada@example.com' }, { referenceCustomerId: 'user_7' }, { customerId, customerEmail: 'ada@example.com' }]) {
      const { status, body } = await pay({ ...customer, paymentMethodType: 'CASHAPP', paymentInstrumentId: id });
      expect(status).toBe(200);
      expect(sandbox.getOrder(body.data.orderId)).toMatchObject({
        customerId,
        customerEmail: 'ada@example.com',
        paymentMethod: { paymentMethodType: 'CASHAPP', paymentInstrumentId: id },
      });
    }
  });

  it.each<[string, (ids: { adaWallet: string; bobWallet: string; adaId: string }) => Record<string, unknown>, string]>([
    ['an unknown instrument', ({ adaId }) => ({ customerId: adaId, paymentInstrumentId: 'pi_made_up' }), 'PAYMENT_INSTRUMENT_NOT_FOUND: paymentInstrumentId pi_made_up names no payment instrument'],
    [
      'an instrument of another method',
      ({ adaId, adaWallet }) => ({ customerId: adaId, paymentInstrumentId: adaWallet, paymentMethodType: 'GCASH' }),
      'PAYMENT_INSTRUMENT_TYPE_MISMATCH: paymentInstrumentId {adaWallet} is a WECHAT instrument, not GCASH (paymentMethodType)',
    ],
    [
      "another customer's instrument",
      ({ adaId, bobWallet }) => ({ customerId: adaId, paymentInstrumentId: bobWallet }),
      'PAYMENT_INSTRUMENT_CUSTOMER_MISMATCH: paymentInstrumentId {bobWallet} does not belong to customer {adaId}',
    ],
    [
      "an instrument for a customer the sandbox does not know yet",
      ({ adaWallet }) => ({ customerEmail: 'new@example.com', paymentInstrumentId: adaWallet }),
      'PAYMENT_INSTRUMENT_CUSTOMER_MISMATCH: paymentInstrumentId {adaWallet} does not belong to the customer named by the request',
    ],
    ['an unknown customerId', ({ adaWallet }) => ({ customerId: 'cus_nobody', paymentInstrumentId: adaWallet }), 'CUSTOMER_NOT_FOUND: customerId cus_nobody names no customer'],
    [
      'a seeded card for another customer',
      ({ adaId }) => ({ customerId: adaId, paymentMethodType: 'CARD', paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS.redirect }),
      'PAYMENT_INSTRUMENT_CUSTOMER_MISMATCH: paymentInstrumentId pi_sandbox_card_3ds_redirect does not belong to customer {adaId}',
    ],
  ])('refuses %s in an error envelope naming the field, and creates nothing', async (_, fields, message) => {
    const webhookBodies: string[] = [];
    sandbox = createSandbox({
      now: clock.now,
      webhookUrl: 'https://merchant.example/hooks',
      fetchWebhook: async (_url, init) => {
        webhookBodies.push(String(init?.body));
        return new Response('ok');
      },
    });
    const ada = sandbox.createInstrument({ type: 'WECHAT', customerEmail: 'ada@example.com' });
    const bob = sandbox.createInstrument({ type: 'WECHAT', customerEmail: 'bob@example.com' });
    const ids = { adaWallet: ada.id, bobWallet: bob.id, adaId: ada.customerId };
    const customersBefore = sandbox.listCustomers();
    const { status, body } = await pay({ paymentMethodType: 'WECHAT', ...fields(ids) });
    expect(status).toBe(400);
    expect(body).toEqual({ code: 400, msg: message.replace(/\{(\w+)\}/g, (_match, key: keyof typeof ids) => ids[key]) });
    expect(checkSchema(envelopeSchema(createPaymentDataSchema), body)).toEqual([]);
    expect(sandbox.listOrders()).toEqual([]);
    expect(sandbox.listCustomers()).toEqual(customersBefore);
    await sandbox.webhooksIdle();
    expect(webhookBodies).toEqual([]);
  });
});

describe('the seeded card customer', () => {
  it('owns one card instrument per card flow', () => {
    start();
    expect(sandbox.listCustomers()[0]).toEqual({ ...SANDBOX_CARD_CUSTOMER, created: clock.now() });
    expect(sandbox.listInstruments({ type: 'CARD' }).map((card) => [card.id, card.customerId, card.cardFlow, card.card?.last4])).toEqual([
      ['pi_sandbox_card_3ds_redirect', 'cus_sandbox_cards', 'redirect', '3220'],
      ['pi_sandbox_card_3ds_post', 'cus_sandbox_cards', 'post_form', '3063'],
      ['pi_sandbox_card_frictionless', 'cus_sandbox_cards', 'frictionless', '4242'],
      ['pi_sandbox_card_declined', 'cus_sandbox_cards', 'declined', '0002'],
    ]);
  });

  it.each([
    ['redirect', 5, 'GET'],
    ['post_form', 5, 'POST'],
    ['frictionless', 1, undefined],
    ['declined', 3, undefined],
  ] as const)('pays with the %s card when named by its email', async (flow, status, method) => {
    start();
    const { body } = await pay({ customerEmail: 'customer@example.com', paymentMethodType: 'CARD', paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS[flow] });
    expect(body.data.status).toBe(status);
    expect(body.data.action?.method).toBe(method);
  });
});

describe('programmatic instruments and customers', () => {
  it('saves a card for any customer, with the flow a test chooses', async () => {
    start();
    const card = sandbox.createInstrument({ type: 'CARD', customerId: 'cus_test', cardFlow: 'declined', id: 'pi_test_declined' });
    expect(card).toMatchObject({ id: 'pi_test_declined', customerId: 'cus_test', type: 'CARD', cardFlow: 'declined', card: { last4: '0002', scheme: 'visa' } });
    expect(sandbox.getInstrument('pi_test_declined')).toEqual(card);
    const { body } = await pay({ customerId: 'cus_test', paymentMethodType: 'CARD', paymentInstrumentId: card.id });
    expect(body.data.status).toBe(3);
  });

  it('finds or creates customers by the same rules as the API, but may choose a new customerId', () => {
    start();
    const chosen = sandbox.findOrCreateCustomer({ customerId: 'cus_123', customerEmail: 'ada@example.com' });
    expect(chosen).toEqual({ customerId: 'cus_123', customerEmail: 'ada@example.com', created: clock.now() });
    expect(sandbox.findOrCreateCustomer({ customerEmail: 'ada@example.com' }).customerId).toBe('cus_123');
    expect(sandbox.findOrCreateCustomer({ referenceCustomerId: 'user_9' }).customerId).toMatch(/^cus_[a-z0-9]{24}$/);
  });

  it('lists instruments by customer and method, as copies', () => {
    start();
    const wallet = sandbox.createInstrument({ type: 'QRIS', customerId: 'cus_123' });
    sandbox.createInstrument({ type: 'TNG', customerId: 'cus_123' });
    expect(sandbox.listInstruments({ customerId: 'cus_123', type: 'QRIS' })).toEqual([wallet]);
    sandbox.listInstruments()[0]!.customerId = 'cus_changed';
    expect(sandbox.getInstrument(SANDBOX_CARD_INSTRUMENTS.redirect)?.customerId).toBe('cus_sandbox_cards');
  });

  it.each<[string, () => unknown, string]>([
    ['no customer identifier', () => sandbox.createInstrument({ type: 'WECHAT' }), 'invalid_input'],
    ['an unknown type', () => sandbox.createInstrument({ type: 'PAYPAL' as 'CARD', customerId: 'cus_1' }), 'invalid_input'],
    ['a cardFlow on a wallet', () => sandbox.createInstrument({ type: 'WECHAT', customerId: 'cus_1', cardFlow: 'declined' }), 'invalid_input'],
    ['an id in use', () => sandbox.createInstrument({ type: 'CARD', customerId: 'cus_1', id: SANDBOX_CARD_INSTRUMENTS.declined }), 'instrument_exists'],
    ['identifiers of two customers', () => sandbox.createInstrument({ type: 'TNG', customerId: 'cus_1', customerEmail: 'customer@example.com' }), 'customer_not_matched'],
    ['a customer without identifiers', () => sandbox.findOrCreateCustomer({ customerName: 'Ada' }), 'invalid_input'],
  ])('throws a SandboxControlError for %s', (_, run, code) => {
    start();
    let thrown: unknown;
    try {
      run();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SandboxControlError);
    expect((thrown as SandboxControlError).code).toBe(code);
  });
});
