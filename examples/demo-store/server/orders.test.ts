import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OrderStore, outcomeOf, UNPAID_ORDER_LIFETIME_MS, WEBHOOK_EVENT_LIFETIME_MS, type CreatedOrder, type OrderDetails } from './orders.js';
import type { WebhookOrder } from './webhookOrder.js';

const details = (orderId: string): OrderDetails => ({
  orderId,
  reference: `demo_${orderId}`,
  productId: 'house-blend-250g',
  productName: 'House Blend coffee beans, 250 g',
  quantity: 2,
  amount: 25,
  currency: 'USD',
  paymentMethodType: 'WECHAT',
});

const created = (orderId: string, overrides: Partial<CreatedOrder> = {}): CreatedOrder => ({
  ...details(orderId),
  clinkStatus: 'requires_action',
  orderToken: `token-of-${orderId}`,
  sessionId: `session-of-${orderId}`,
  ...overrides,
});

const fromClink = (orderId: string, clinkStatus: string): WebhookOrder => ({ kind: 'order', details: details(orderId), clinkStatus });

let dir: string;
let file: string;
let now: number;
const stores: OrderStore[] = [];

function openStore(): OrderStore {
  const store = OrderStore.open(file, { now: () => now });
  stores.push(store);
  return store;
}

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-orders-'));
  file = path.join(dir, 'data', 'store.db');
  now = 1_800_000_000_000;
});
afterEach(async () => {
  for (const store of stores.splice(0)) store.close();
  await rm(dir, { recursive: true, force: true });
});

describe('OrderStore', () => {
  it('creates the database and its directory, and keeps orders across a restart', () => {
    const store = openStore();
    expect(store.list()).toEqual([]);
    store.recordCreated(created('ord_1'));
    store.close();
    stores.pop();

    expect(openStore().get('ord_1')).toEqual({
      ...details('ord_1'),
      clinkStatus: 'requires_action',
      outcome: 'pending',
      updatedBy: 'create',
      qrRefreshes: 0,
      createdAt: now,
      updatedAt: now,
    });
  });

  it('keeps money exact in minor units, whatever the currency', () => {
    const store = openStore();
    store.recordCreated(created('ord_usd', { amount: 37.45, currency: 'USD' }));
    store.recordCreated(created('ord_jpy', { amount: 1500, currency: 'JPY' }));
    store.recordCreated(created('ord_kwd', { amount: 1.275, currency: 'KWD' }));
    expect(store.list().map((order) => [order.orderId, order.amount])).toEqual([
      ['ord_jpy', 1500],
      ['ord_kwd', 1.275],
      ['ord_usd', 37.45],
    ]);
  });

  it('never turns a final outcome back (late or out-of-order webhooks, a lookup that lags)', () => {
    const store = openStore();
    store.recordCreated(created('ord_1'));
    store.recordWebhookEvent({ id: 'evt_2', type: 'order.succeeded' }, fromClink('ord_1', 'success'));
    now += 1000;
    store.recordWebhookEvent({ id: 'evt_1', type: 'order.next_action' }, fromClink('ord_1', 'requires_action'));
    store.recordWebhookEvent({ id: 'evt_3', type: 'order.failed' }, fromClink('ord_1', 'failed'));
    expect(store.applyOrderLookup('ord_1', 'failed')).toMatchObject({ outcome: 'paid', clinkStatus: 'success', updatedBy: 'webhook' });
    expect(store.get('ord_1')?.updatedAt).toBe(now - 1000);
  });

  it('records news that keeps the outcome (a refund after the payment)', () => {
    const store = openStore();
    store.recordCreated(created('ord_1'));
    store.recordWebhookEvent({ id: 'evt_1', type: 'order.succeeded' }, fromClink('ord_1', 'success'));
    expect(store.applyOrderLookup('ord_1', 'refunded')).toMatchObject({ outcome: 'paid', clinkStatus: 'refunded', updatedBy: 'order_lookup' });
  });

  it('applies a repeated webhook event only once, also after a restart', () => {
    const store = openStore();
    store.recordCreated(created('ord_1'));
    expect(store.recordWebhookEvent({ id: 'evt_1', type: 'order.next_action' }, fromClink('ord_1', 'pending'))).toBe(true);
    store.close();
    stores.pop();

    const reopened = openStore();
    now += 5000;
    expect(reopened.recordWebhookEvent({ id: 'evt_1', type: 'order.next_action' }, fromClink('ord_1', 'pending'))).toBe(false);
    expect(reopened.get('ord_1')).toMatchObject({ clinkStatus: 'pending', updatedAt: now - 5000 });
    expect(reopened.countWebhookEvents('ord_1')).toBe(1);
  });

  it('records an order first seen in a webhook, and completes it when the create answer arrives', () => {
    const store = openStore();
    const sparse: WebhookOrder = { kind: 'order', details: { orderId: 'ord_1', reference: 'demo_ord_1' }, clinkStatus: 'success' };
    store.recordWebhookEvent({ id: 'evt_1', type: 'order.succeeded' }, sparse);
    expect(store.get('ord_1')).toMatchObject({ outcome: 'paid', amount: undefined, productName: undefined });

    const recorded = store.recordCreated(created('ord_1'));
    expect(recorded).toMatchObject({ ...details('ord_1'), outcome: 'paid', clinkStatus: 'success', updatedBy: 'webhook' });
    expect(store.findForCustomer('ord_1', { sessionId: 'session-of-ord_1' })?.orderId).toBe('ord_1');
    expect(store.list()).toHaveLength(1);
  });

  it('remembers events of other shops and unusable ones without touching any order', () => {
    const store = openStore();
    store.recordCreated(created('ord_1'));
    expect(store.recordWebhookEvent({ id: 'evt_x', type: 'order.succeeded' }, { kind: 'not_ours', orderId: 'ord_other' })).toBe(true);
    expect(
      store.recordWebhookEvent({ id: 'evt_y', type: 'order.succeeded' }, { kind: 'unusable', orderId: 'ord_1', problems: ['data.status must be a string'] }),
    ).toBe(true);
    expect(store.recordWebhookEvent({ id: 'evt_y', type: 'order.succeeded' }, { kind: 'unusable', orderId: 'ord_1', problems: [] })).toBe(false);
    expect(store.list()).toEqual([expect.objectContaining({ orderId: 'ord_1', outcome: 'pending', updatedBy: 'create' })]);
  });

  it('shows an order only to its order token or its session', () => {
    const store = openStore();
    store.recordCreated(created('ord_1'));
    store.recordCreated(created('ord_2', { sessionId: undefined }));

    expect(store.findForCustomer('ord_1', { orderToken: 'token-of-ord_1' })?.orderId).toBe('ord_1');
    expect(store.findForCustomer('ord_1', { sessionId: 'session-of-ord_1' })?.orderId).toBe('ord_1');
    expect(store.findForCustomer('ord_1', { orderToken: 'token-of-ord_2', sessionId: 'session-of-ord_2' })).toBeUndefined();
    expect(store.findForCustomer('ord_1', {})).toBeUndefined();
    expect(store.findForCustomer('ord_2', { orderToken: 'token-of-ord_2' })?.orderId).toBe('ord_2');
    expect(store.findForCustomer('ord_2', { sessionId: '' })).toBeUndefined();
  });

  it('counts QR refreshes up to a limit, and gives back the ones that did not happen', () => {
    const store = openStore();
    store.recordCreated(created('ord_1'));
    expect([1, 2, 3].map(() => store.reserveQrRefresh('ord_1', 2))).toEqual(['reserved', 'reserved', 'limit_reached']);
    store.releaseQrRefresh('ord_1');
    expect(store.reserveQrRefresh('ord_1', 2)).toBe('reserved');
    expect(store.get('ord_1')?.qrRefreshes).toBe(2);
    expect(store.reserveQrRefresh('ord_unknown', 2)).toBe('unknown_order');
  });

  it('cleans up unpaid orders older than a day and event ids older than three days', async () => {
    const store = openStore();
    store.recordCreated(created('ord_unpaid'));
    store.recordCreated(created('ord_failed', { clinkStatus: 'failed' }));
    store.recordCreated(created('ord_paid', { clinkStatus: 'succeeded' }));
    store.recordWebhookEvent({ id: 'evt_old', type: 'order.succeeded' }, fromClink('ord_paid', 'success'));

    now += UNPAID_ORDER_LIFETIME_MS;
    store.recordCreated(created('ord_young'));
    expect(await store.cleanUp()).toEqual({ orders: 0, events: 0, checkoutKeys: 0 });

    now += 1;
    expect(await store.cleanUp()).toEqual({ orders: 2, events: 0, checkoutKeys: 0 });
    expect(store.list().map((order) => order.orderId)).toEqual(['ord_paid', 'ord_young']);

    now += WEBHOOK_EVENT_LIFETIME_MS - UNPAID_ORDER_LIFETIME_MS;
    expect(await store.cleanUp()).toEqual({ orders: 1, events: 1, checkoutKeys: 0 });
    expect(store.list().map((order) => order.orderId)).toEqual(['ord_paid']);
    expect(store.countWebhookEvents()).toBe(0);
  });

  it('cleans up more than one batch', async () => {
    const store = openStore();
    for (let i = 0; i < 1234; i += 1) store.recordCreated(created(`ord_${i}`));
    now += UNPAID_ORDER_LIFETIME_MS + 1;
    expect(await store.cleanUp()).toEqual({ orders: 1234, events: 0, checkoutKeys: 0 });
    expect(store.list()).toEqual([]);
  });
});

describe('outcomeOf', () => {
  it.each([
    ['success', 'paid'],
    ['succeeded', 'paid'],
    ['refunded', 'paid'],
    ['partial_refunded', 'paid'],
    ['failed', 'failed'],
    ['requires_action', 'pending'],
    ['pending', 'pending'],
    ['something_new', 'pending'],
  ])('%s -> %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});
