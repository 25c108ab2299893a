import type { ClinkWebhookEvent } from '@clink-checkout/server';
import { describe, expect, it } from 'vitest';
import { readWebhookOrder } from './webhookOrder.js';

const order = {
  orderId: 'ord_1',
  type: 'onetime',
  merchantReferenceId: 'demo_0123456789abcdef',
  createTime: 1_800_000_000_000,
  priceDataList: [{ name: 'House Blend coffee beans, 250 g', unitAmount: 12.5, quantity: 2, currency: 'USD' }],
  paymentMethod: { paymentMethodType: 'WECHAT', paymentInstrumentId: 'pi_1' },
  amountSubtotal: 25,
  amountTotal: 25,
  paymentCurrency: 'USD',
  status: 'success',
  metadata: { productId: 'house-blend-250g', quantity: '2' },
};

/** A verified event as the checkout handler passes it on; `data` may hold anything that was signed. */
const event = (data: unknown, type = 'order.succeeded') =>
  ({ id: 'evt_1', object: 'event', created: 1_800_000_000_000, type, data }) as ClinkWebhookEvent;

describe('readWebhookOrder', () => {
  it('reads one of the shop’s orders with its status', () => {
    expect(readWebhookOrder(event(order))).toEqual({
      kind: 'order',
      clinkStatus: 'success',
      details: {
        orderId: 'ord_1',
        reference: 'demo_0123456789abcdef',
        productId: 'house-blend-250g',
        productName: 'House Blend coffee beans, 250 g',
        quantity: 2,
        amount: 25,
        currency: 'USD',
        paymentMethodType: 'WECHAT',
      },
    });
  });

  it('accepts an order without the optional fields Clink may leave out', () => {
    const sparse = { orderId: 'ord_1', merchantReferenceId: 'demo_1', status: 'failed', metadata: null };
    expect(readWebhookOrder(event(sparse))).toEqual({
      kind: 'order',
      clinkStatus: 'failed',
      details: { orderId: 'ord_1', reference: 'demo_1' },
    });
  });

  it('leaves other shops’ orders and refunds alone', () => {
    expect(readWebhookOrder(event({ ...order, merchantReferenceId: 'other_shop_1' }))).toEqual({ kind: 'not_ours', orderId: 'ord_1' });
    expect(readWebhookOrder(event({ ...order, merchantReferenceId: undefined }))).toEqual({ kind: 'not_ours', orderId: 'ord_1' });
    expect(readWebhookOrder(event({ refundId: 'rf_1', amount: 5 }, 'refund.succeeded'))).toEqual({ kind: 'not_ours', orderId: undefined });
  });

  it.each([
    [{ ...order, merchantReferenceId: 12345 }, ['data.merchantReferenceId must be a string']],
    [{ ...order, status: 1 }, ['data.status must be a string']],
    [{ ...order, status: undefined }, ['data.status is missing']],
    [{ ...order, amountTotal: '25.00' }, ['data.amountTotal must be a number']],
    [{ ...order, metadata: ['productId'] }, ['data.metadata must be an object']],
    [{ ...order, metadata: { quantity: 2 } }, ['data.metadata.quantity must be a string']],
    [{ ...order, priceDataList: [null] }, ['data.priceDataList[0] must be an object']],
    [{ ...order, priceDataList: [{ name: 7 }] }, ['data.priceDataList[0].name must be a string']],
    [{ ...order, paymentMethod: { paymentMethodType: ['WECHAT'] } }, ['data.paymentMethod.paymentMethodType must be a string']],
    [
      { ...order, orderId: 42, paymentCurrency: 840 },
      ['data.orderId must be a string', 'data.paymentCurrency must be a string'],
    ],
  ])('sets aside a signed event with unusable fields, naming each: %j', (data, problems) => {
    expect(readWebhookOrder(event(data))).toEqual({
      kind: 'unusable',
      orderId: typeof data.orderId === 'string' ? data.orderId : undefined,
      problems,
    });
  });

  it('sets aside an order event whose data is not an object', () => {
    expect(readWebhookOrder(event('ord_1'))).toEqual({ kind: 'unusable', orderId: undefined, problems: ['data must be an object'] });
  });
});
