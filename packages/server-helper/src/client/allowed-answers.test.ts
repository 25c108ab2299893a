/**
 * Every answer shape Clink's contract allows, fed as exact JSON through the real client: what the
 * merchant gets back. (What the browser sees of the same shapes: handler/allowed-answers.test.ts.)
 */
import { describe, expect, it, vi } from 'vitest';
import { ClinkApiError, ClinkAuthenticationError } from '../errors.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { createClinkClient } from './createClient.js';
import { json, ok, rejection, scriptedFetch } from './test-support/fakeFetch.js';

const requests = conformingRequests();
const API_KEY = 'sk_test_allowed_answers_0123';
const createParams = {
  paymentInstrumentId: 'pi_1',
  paymentMethodType: 'ALIPAY',
  returnUrl: 'https://shop.example/return',
  customerEmail: 'buyer@shop.example',
  amount: 12.5,
  currency: 'USD',
} as const;

function clientAnswering(...answers: Response[]) {
  const scripted = scriptedFetch(...answers);
  const sleep = vi.fn(async () => {});
  const client = createClinkClient({ apiKey: API_KEY, environment: 'sandbox', fetch: requests.wrap(scripted.fetch), sleep });
  return { client, calls: scripted.calls, sleep };
}

describe('POST /payment answers', () => {
  it('accepts any free text in action.paymentMethodType and passes it on', async () => {
    const action = { type: 'ALIPAY', paymentMethodType: 'Alipay+ (AlipayHK)', redirectUrl: 'https://pay.example/a' };
    const { client } = clientAnswering(ok({ orderId: 'ord_1', status: 5, action, amount: 12.5, currency: 'USD' }));

    const payment = await client.createPayment(createParams);

    expect(payment).toMatchObject({ orderId: 'ord_1', status: 'requires_action', action });
  });

  it('tolerates an action.type Clink added later: the action is kept, the unknown type left out', async () => {
    const { client } = clientAnswering(
      ok({ orderId: 'ord_1', status: 5, action: { type: 'ALIPAY_HK', redirectUrl: 'https://pay.example/a', method: 'GET' } }),
    );

    const payment = await client.createPayment(createParams);

    expect(payment.action).toEqual({ redirectUrl: 'https://pay.example/a', method: 'GET' });
  });

  it('reads a status 3 answer without amount and currency as a failed payment', async () => {
    const { client } = clientAnswering(ok({ orderId: 'ord_1', status: 3 }));

    const payment = await client.createPayment(createParams);

    expect(payment).toEqual({ orderId: 'ord_1', status: 'failed' });
  });

  it('reads an answer with only orderId and action (no sessionId, status, amount or currency)', async () => {
    const action = { walletHandleRedirectOrDisplayQrCode: { imageUrlPng: 'iVBORw0KGgo=' } };
    const { client } = clientAnswering(ok({ orderId: 'ord_1', action }));

    await expect(client.createPayment(createParams)).resolves.toEqual({ orderId: 'ord_1', status: 'requires_action', action });
  });
});

describe('GET /order/{id} answers', () => {
  it('reads an order without amountTotal, paymentCurrency and the other optional fields', async () => {
    const { client } = clientAnswering(ok({ orderId: 'ord_1', status: 'pending' }));

    await expect(client.getOrder('ord_1')).resolves.toEqual({ orderId: 'ord_1', status: 'pending' });
  });

  it('passes an order status Clink added later through as sent', async () => {
    const { client } = clientAnswering(ok({ orderId: 'ord_1', status: 'processing', amountTotal: 12.5, paymentCurrency: 'USD' }));

    await expect(client.getOrder('ord_1')).resolves.toMatchObject({ status: 'processing', amountTotal: 12.5 });
  });

  it('fills in the order id asked for when the answer has none', async () => {
    const { client } = clientAnswering(ok({ status: 'success' }));

    await expect(client.getOrder('ord_7')).resolves.toEqual({ orderId: 'ord_7', status: 'success' });
  });
});

describe('errors inside HTTP 200', () => {
  it('a body code 500 on a create says the payment may exist, like an HTTP 500, and is not retried', async () => {
    const { client, calls } = clientAnswering(json({ code: 500, msg: 'SYSTEM_ERROR' }), ok({ orderId: 'ord_2' }));

    const error = await rejection(client.createPayment(createParams));

    expect(error).toBeInstanceOf(ClinkApiError);
    expect(error).toMatchObject({ code: 500, statusCode: 200, failureStatus: 500 });
    expect((error as Error).message).toMatch(/may have reached Clink and created the payment/);
    expect(calls).toHaveLength(1);
  });

  it('an HTTP 200 answer that is no envelope on a create also says the payment may exist', async () => {
    const { client } = clientAnswering(json({ orderId: 'ord_1' }));

    const error = await rejection(client.createPayment(createParams));

    expect(error).toMatchObject({ code: 'invalid_response', statusCode: 200 });
    expect((error as Error).message).toMatch(/not a \{ code, msg, data \} envelope\. The request may have reached Clink/);
  });

  it.each([500, 503, 429])('a body code %i on a read is retried, like that HTTP status', async (code) => {
    const { client, calls } = clientAnswering(json({ code, msg: 'busy' }), ok({ orderId: 'ord_1', status: 'success' }));

    await expect(client.getOrder('ord_1')).resolves.toMatchObject({ status: 'success' });
    expect(calls).toHaveLength(2);
  });

  it('a body code 400 on a create is a refusal: no "may have happened", not retried', async () => {
    const { client } = clientAnswering(json({ code: 400, msg: 'currency is not supported' }));

    const error = await rejection(client.createPayment(createParams));

    expect(error).toMatchObject({ code: 400, failureStatus: 400, field: 'currency' });
    expect((error as Error).message).not.toMatch(/may have reached Clink/);
  });

  it('a body code 401 is an authentication failure, like HTTP 401', async () => {
    const { client } = clientAnswering(json({ code: 401, msg: 'invalid api key' }));

    await expect(client.getOrder('ord_1')).rejects.toBeInstanceOf(ClinkAuthenticationError);
  });
});

describe('the field a refusal names', () => {
  it.each([
    ['CUSTOMER_NOT_FOUND', { customerEmail: 'buyer@shop.example' }, 'customerEmail'],
    ['CUSTOMER_NOT_FOUND', { customerId: 'cus_gone', customerEmail: 'buyer@shop.example' }, 'customerId'],
    ['CUSTOMER_IDENTIFIER_NOT_MATCHED', { referenceCustomerId: 'ref_1', customerEmail: 'buyer@shop.example' }, 'referenceCustomerId'],
    ['Payment instrument does not exist', {}, 'paymentInstrumentId'],
    ['PAYMENT_INSTRUMENT_NOT_FOUND', {}, 'paymentInstrumentId'],
    ['PAYMENT_INSTRUMENT_TYPE_MISMATCH: paymentInstrumentId pi_1 is a WECHAT instrument, not ALIPAY (paymentMethodType)', {}, 'paymentInstrumentId'],
    ['CUSTOMER_IDENTIFIER_NOT_MATCHED: customerEmail names another customer than customerId', {}, 'customerEmail'],
    ['priceDataList[0].unitAmount must be greater than 0', {}, 'priceDataList[0].unitAmount'],
    ['the returnUrl host is not allowed', {}, 'returnUrl'],
    ['SYSTEM_BUSY', {}, undefined],
  ])('%s (sent %j) names %s', async (msg, customer, field) => {
    const { client } = clientAnswering(json({ code: 400, msg }, 400));
    const params = { ...createParams, customerEmail: undefined, ...customer, ...(Object.keys(customer).length === 0 ? { customerId: 'cus_1' } : {}) };

    const error = await rejection(client.createPayment(params));

    expect(error).toBeInstanceOf(ClinkApiError);
    expect((error as ClinkApiError).field).toBe(field);
  });

  it('names the field inside HTTP 200 too', async () => {
    const { client } = clientAnswering(json({ code: 40001, msg: 'CUSTOMER_NOT_FOUND' }));

    const error = await rejection(client.createPayment(createParams));

    expect(error).toMatchObject({ code: 40001, field: 'customerEmail', failureStatus: undefined });
  });
});
