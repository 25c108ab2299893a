import { describe, expect, it } from 'vitest';
import { checkSchema } from './check.js';
import {
  createPaymentDataSchema,
  createPaymentInstrumentRequestSchema,
  createPaymentRequestSchema,
  envelopeSchema,
  orderEventSchema,
  orderSchema,
  refundEventSchema,
} from './clink-api.js';

const request = {
  paymentInstrumentId: 'pi_1',
  paymentMethodType: 'WECHAT',
  returnUrl: 'https://shop.example/return',
  customerEmail: 'customer@example.com',
  amount: 9.99,
  currency: 'USD',
};

describe("Clink's POST /payment request", () => {
  it('accepts the documented forms of price and customer', () => {
    expect(checkSchema(createPaymentRequestSchema, request)).toEqual([]);
    const { amount: _a, currency: _c, ...rest } = request;
    expect(checkSchema(createPaymentRequestSchema, { ...rest, priceId: 'price_1', productId: 'prod_1' })).toEqual([]);
    // Both price forms together: Clink's reference does not forbid it.
    expect(checkSchema(createPaymentRequestSchema, { ...request, priceId: 'price_1', productId: 'prod_1' })).toEqual([]);
    // A productId alone (with an amount) is not forbidden either.
    expect(checkSchema(createPaymentRequestSchema, { ...request, productId: 'prod_1' })).toEqual([]);
  });

  it('refuses what the reference forbids, with the field and its source', () => {
    const issues = checkSchema(createPaymentRequestSchema, {
      paymentMethodType: 'wechat',
      returnUrl: 'not a url',
      priceId: 'price_1',
      deviceType: 'android',
      metadata: { n: 1 },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'paymentInstrumentId',
      'paymentMethodType',
      'returnUrl',
      'metadata.n',
      'deviceType',
      'customerId',
      'productId',
    ]);
    expect(issues.find((issue) => issue.path === 'productId')?.source).toMatch(/If provided, productId is required/);
  });

  it('needs amount and currency when there is no priceId', () => {
    const { amount: _a, ...withoutAmount } = request;
    expect(checkSchema(createPaymentRequestSchema, withoutAmount)).toEqual([
      expect.objectContaining({ path: 'amount', message: 'is required unless priceId is given' }),
    ]);
  });
});

describe("Clink's answers", () => {
  it('accepts a create answer with every field left out, as the types allow', () => {
    expect(checkSchema(envelopeSchema(createPaymentDataSchema), { code: 200, msg: 'success', data: {} })).toEqual([]);
    expect(checkSchema(envelopeSchema(createPaymentDataSchema), { code: 500, msg: 'Internal error' })).toEqual([]);
  });

  it('accepts free text in action.paymentMethodType but only the enum in action.type', () => {
    const data = { orderId: 'o_1', status: 5, action: { type: 'WECHAT', paymentMethodType: 'WeChat Pay (HK)' } };
    expect(checkSchema(createPaymentDataSchema, data)).toEqual([]);
    expect(checkSchema(createPaymentDataSchema, { ...data, action: { type: 'wechat' } })).toEqual([
      expect.objectContaining({ path: 'action.type' }),
    ]);
  });

  it('accepts an order with only an id and a status', () => {
    expect(checkSchema(orderSchema, { orderId: 'o_1', status: 'pending' })).toEqual([]);
  });

  it('accepts an order status Clink has not documented yet, but not a status of another type', () => {
    expect(checkSchema(orderSchema, { orderId: 'o_1', status: 'processing' })).toEqual([]);
    expect(checkSchema(orderSchema, { orderId: 'o_1', status: 5 })).toEqual([expect.objectContaining({ path: 'status' })]);
  });

  it('accepts a webhook created as a date-time string or an integer, and the order under data.object', () => {
    const event = { id: 'evt_1', object: 'event', type: 'order.succeeded', data: { orderId: 'o_1', status: 'success' } };
    expect(checkSchema(orderEventSchema, { ...event, created: '2026-12-01T10:00:00.000Z' })).toEqual([]);
    expect(checkSchema(orderEventSchema, { ...event, created: 1_764_583_200_000 })).toEqual([]);
    expect(checkSchema(orderEventSchema, { ...event, created: 1_764_583_200, data: { object: event.data } })).toEqual([]);
    expect(checkSchema(orderEventSchema, { ...event, created: 'yesterday' })).toEqual([expect.objectContaining({ path: 'created' })]);
  });

  it('reads a refund event as a refund', () => {
    const event = { id: 'evt_2', type: 'refund.succeeded', created: '2026-12-01T10:00:00Z', data: { refundId: 'rf_1', orderId: 'o_1', refundAmount: 5, status: 'success' } };
    expect(checkSchema(refundEventSchema, event)).toEqual([]);
    expect(checkSchema(orderEventSchema, event).length).toBeGreaterThan(0);
  });
});

describe("Clink's POST /payment-instrument request", () => {
  it('accepts every wallet type and refuses CARD', () => {
    expect(checkSchema(createPaymentInstrumentRequestSchema, { customerEmail: 'c@example.com', paymentInstrumentType: 'GCASH' })).toEqual([]);
    expect(checkSchema(createPaymentInstrumentRequestSchema, { customerEmail: 'c@example.com', paymentInstrumentType: 'CARD' })).toEqual([
      expect.objectContaining({ path: 'paymentInstrumentType' }),
    ]);
    expect(checkSchema(createPaymentInstrumentRequestSchema, { paymentInstrumentType: 'GCASH' })).toEqual([
      expect.objectContaining({ path: 'customerId', message: 'needs at least one of customerId, customerEmail, referenceCustomerId' }),
    ]);
  });
});
