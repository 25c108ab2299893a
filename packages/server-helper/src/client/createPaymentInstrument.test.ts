import { describe, expect, it } from 'vitest';
import { CLINK_BASE_URLS } from '@clink-checkout/protocol';
import { ClinkApiError, ClinkTimeoutError, ClinkValidationError } from '../errors.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { createClinkClient } from './createClient.js';
import { deafHang, json, ok, rejection, scriptedFetch } from './test-support/fakeFetch.js';

const requests = conformingRequests();
const API_KEY = 'sk_test_instrument_0123456789';
const NOW = 1_764_154_800_000;
const instrument = { id: 'pi_wallet_1', customerId: 'cus_1', type: 'GCASH', wallet: { accountTag: 'gcash-1' }, created: NOW };

function clientAnswering(...answers: Parameters<typeof scriptedFetch>) {
  const scripted = scriptedFetch(...answers);
  const client = createClinkClient({
    apiKey: API_KEY,
    environment: 'sandbox',
    fetch: requests.wrap(scripted.fetch),
    now: () => NOW,
    maxRetries: 5,
    timeoutMs: 40,
    sleep: async () => {},
  });
  return { client, calls: scripted.calls };
}

describe('client.createPaymentInstrument', () => {
  it('sends POST /payment-instrument with the key and the body, and returns the instrument', async () => {
    const { client, calls } = clientAnswering(ok(instrument));

    const created = await client.createPaymentInstrument({ customerEmail: 'buyer@shop.example', paymentInstrumentType: 'GCASH' });

    expect(created).toEqual(instrument);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      url: `${CLINK_BASE_URLS.sandbox}/payment-instrument`,
      headers: { 'x-api-key': API_KEY, 'x-timestamp': String(NOW), 'content-type': 'application/json' },
    });
    expect(JSON.parse(calls[0]!.body!)).toEqual({ customerEmail: 'buyer@shop.example', paymentInstrumentType: 'GCASH' });
  });

  it('refuses CARD before any network call, saying cards are saved through Clink’s hosted pages', async () => {
    const { client, calls } = clientAnswering(ok(instrument));

    const error = await rejection(client.createPaymentInstrument({ customerId: 'cus_1', paymentInstrumentType: 'CARD' as never }));

    expect(error).toBeInstanceOf(ClinkValidationError);
    expect((error as ClinkValidationError).fields).toEqual([
      expect.objectContaining({
        path: 'paymentInstrumentType',
        message: expect.stringMatching(/cannot be CARD.*saved by the customer through Clink's hosted pages/),
      }),
    ]);
    expect(calls).toHaveLength(0);
  });

  it('validates like createPayment: a customer identifier, a wallet type, string metadata, with sources', async () => {
    const { client, calls } = clientAnswering(ok(instrument));

    const error = await rejection(client.createPaymentInstrument({ paymentInstrumentType: 'PAYPAL', metadata: { n: 1 } } as never));

    expect((error as ClinkValidationError).fields).toEqual([
      { path: 'paymentInstrumentType', message: expect.stringMatching(/must be one of ALIPAY, CASHAPP/), source: expect.stringMatching(/^OpenAPI/) },
      { path: 'metadata.n', message: expect.stringMatching(/must be a string/), source: expect.stringMatching(/metadata/) },
      { path: 'customerId', message: expect.stringMatching(/at least one of customerId, customerEmail, referenceCustomerId/), source: expect.any(String) },
    ]);
    expect(calls).toHaveLength(0);
  });

  it('reads null as absent and passes fields it does not know through', async () => {
    const { client, calls } = clientAnswering(ok(instrument));
    const withExtra = requests.wrap(scriptedFetch(ok(instrument)).fetch, { allowFields: ['walletAccountTag'] });
    const extraClient = createClinkClient({ apiKey: API_KEY, environment: 'sandbox', fetch: withExtra });

    await client.createPaymentInstrument({ customerId: 'cus_1', customerEmail: null, paymentInstrumentType: 'KAKAO' } as never);
    await extraClient.createPaymentInstrument({ customerId: 'cus_1', paymentInstrumentType: 'KAKAO', walletAccountTag: 't' } as never);

    expect(JSON.parse(calls[0]!.body!)).toEqual({ customerId: 'cus_1', paymentInstrumentType: 'KAKAO' });
  });

  it.each([
    ['HTTP 500', json({ code: 500, msg: 'busy' }, 500)],
    ['a body code 500 inside HTTP 200', json({ code: 500, msg: 'busy' })],
    ['a lost connection', new TypeError('fetch failed')],
  ])('is never retried, even with maxRetries 5, after %s', async (_label, answer) => {
    const { client, calls } = clientAnswering(answer, ok(instrument));

    await rejection(client.createPaymentInstrument({ customerId: 'cus_1', paymentInstrumentType: 'WECHAT' }));

    expect(calls).toHaveLength(1);
  });

  it('is not retried after a timeout either', async () => {
    const { client, calls } = clientAnswering(deafHang, ok(instrument));

    const error = await rejection(client.createPaymentInstrument({ customerId: 'cus_1', paymentInstrumentType: 'WECHAT' }));

    expect(error).toBeInstanceOf(ClinkTimeoutError);
    expect((error as Error).message).toMatch(/may have reached Clink and created the payment instrument: do not send it again blindly\.$/);
    expect(calls).toHaveLength(1);
  });

  it('reports an answer without an instrument id as an unexpected answer', async () => {
    const { client } = clientAnswering(ok({ customerId: 'cus_1', type: 'QRIS' }));

    const error = await rejection(client.createPaymentInstrument({ customerId: 'cus_1', paymentInstrumentType: 'QRIS' }));

    expect(error).toBeInstanceOf(ClinkApiError);
    expect(error).toMatchObject({ code: 'invalid_response', path: '/payment-instrument' });
  });

  it('keeps an instrument whose type Clink added later, without the unknown type', async () => {
    const { client } = clientAnswering(ok({ id: 'pi_2', type: 'GCASH_PAYLATER', created: String(NOW) }));

    const created = await client.createPaymentInstrument({ customerId: 'cus_1', paymentInstrumentType: 'GCASH' });

    expect(created).toEqual({ id: 'pi_2', created: NOW });
  });
});
