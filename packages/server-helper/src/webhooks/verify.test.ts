import { describe, expect, it, vi } from 'vitest';
import { ClinkConfigurationError, ClinkWebhookSignatureError, type WebhookFailureReason } from '../errors.js';
import { guardSecrets } from '../client/test-support/secretGuard.js';
import { signClinkWebhookPayload } from './sign.js';
import { verifyClinkWebhook } from './verify.js';
import type { VerifyClinkWebhookOptions } from './types.js';

const SECRET = 'whsec_unit_test_signing_secret';
const guard = guardSecrets(SECRET);

const NOW_MS = 1_764_154_800_000;
const NOW_S = NOW_MS / 1000;
const order = { orderId: 'ord_1', status: 'success', amountTotal: 9.99, paymentCurrency: 'USD' };
const event = { id: 'evt_1', object: 'event', created: NOW_MS, type: 'order.succeeded', data: order };
/** What the verifier makes of `event`: the same, typed as an order event, with `created` in ms next to it. */
const verified = { ...event, category: 'order', createdAt: NOW_MS };

async function signed(payload: string | object = event, timestamp: number = NOW_S) {
  return signClinkWebhookPayload({ payload, secret: SECRET, timestamp });
}

function verify(options: Partial<VerifyClinkWebhookOptions> & Pick<VerifyClinkWebhookOptions, 'rawBody' | 'headers'>) {
  return verifyClinkWebhook({ secret: SECRET, now: () => NOW_MS, ...options });
}

async function failure(promise: Promise<unknown>, reason: WebhookFailureReason): Promise<ClinkWebhookSignatureError> {
  const error = await guard.rejection(promise);
  expect(error).toBeInstanceOf(ClinkWebhookSignatureError);
  expect((error as ClinkWebhookSignatureError).reason).toBe(reason);
  return error as ClinkWebhookSignatureError;
}

describe('verifyClinkWebhook', () => {
  it('accepts a valid webhook and returns the event', async () => {
    const { body, headers } = await signed();
    await expect(verify({ rawBody: body, headers })).resolves.toEqual(verified);
  });

  it('does not import a Web Crypto key per webhook: one key per secret, or node:crypto', async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
    try {
      const { body, headers } = await signed();
      importKey.mockClear();
      for (let index = 0; index < 20; index += 1) await verify({ rawBody: body, headers });
      expect(importKey.mock.calls.length).toBeLessThanOrEqual(1);
    } finally {
      importKey.mockRestore();
    }
  });

  it('accepts the raw body as bytes (Node Buffer, Uint8Array, ArrayBuffer) and a fetch Headers object', async () => {
    const { body, headers } = await signed();
    const bytes = new TextEncoder().encode(body);
    await expect(verify({ rawBody: Buffer.from(body), headers })).resolves.toEqual(verified);
    await expect(verify({ rawBody: bytes, headers: new Headers(headers) })).resolves.toEqual(verified);
    await expect(verify({ rawBody: bytes.buffer, headers })).resolves.toEqual(verified);
  });

  it('reads Node-style headers in any case, with array values', async () => {
    const { body, headers } = await signed();
    const nodeHeaders = {
      'x-clink-timestamp': [headers['X-Clink-Timestamp']!],
      'X-CLINK-SIGNATURE': headers['X-Clink-Signature'],
      'content-type': 'application/json',
      host: undefined,
    };
    await expect(verify({ rawBody: body, headers: nodeHeaders })).resolves.toEqual(verified);
  });

  it('verifies against a real fetch Request read with request.text()', async () => {
    const { body, headers } = await signed();
    const request = new Request('http://127.0.0.1/webhooks', { method: 'POST', body, headers });
    await expect(verify({ rawBody: await request.text(), headers: request.headers })).resolves.toEqual(verified);
  });

  it('accepts uppercase hex, a sha256= prefix and one valid signature among several', async () => {
    const { body, headers } = await signed();
    const signature = headers['X-Clink-Signature']!;
    for (const variant of [signature.toUpperCase(), `sha256=${signature}`, `${'0'.repeat(64)}, ${signature}`]) {
      await expect(verify({ rawBody: body, headers: { ...headers, 'X-Clink-Signature': variant } })).resolves.toEqual(verified);
    }
  });

  it('refuses a tampered body', async () => {
    const { body, headers } = await signed();
    const error = await failure(verify({ rawBody: body.replace('9.99', '0.01'), headers }), 'bad_signature');
    expect(error.message).toMatch(/does not match the body/);
  });

  it('refuses a body re-serialised with different whitespace', async () => {
    const { body, headers } = await signed();
    await failure(verify({ rawBody: JSON.stringify(JSON.parse(body), null, 2), headers }), 'bad_signature');
  });

  it('refuses a webhook signed with another secret', async () => {
    const { body, headers } = await signClinkWebhookPayload({ payload: event, secret: 'whsec_other', timestamp: NOW_S });
    await failure(verify({ rawBody: body, headers }), 'bad_signature');
  });

  it('refuses a changed timestamp, which is part of the signed message', async () => {
    const { body, headers } = await signed();
    await failure(verify({ rawBody: body, headers: { ...headers, 'X-Clink-Timestamp': String(NOW_S + 1) } }), 'bad_signature');
  });

  it('refuses a stale timestamp beyond the tolerance, and accepts one just inside it', async () => {
    const stale = await signed(event, NOW_S - 301);
    const error = await failure(verify({ rawBody: stale.body, headers: stale.headers }), 'stale_timestamp');
    expect(error.message).toMatch(/is 301 s old, beyond the 300 s tolerance/);
    const inside = await signed(event, NOW_S - 300);
    await expect(verify({ rawBody: inside.body, headers: inside.headers })).resolves.toEqual(verified);
  });

  it('refuses a timestamp too far in the future', async () => {
    const future = await signed(event, NOW_S + 301);
    const error = await failure(verify({ rawBody: future.body, headers: future.headers }), 'stale_timestamp');
    expect(error.message).toMatch(/301 s in the future/);
  });

  it('honours a custom tolerance', async () => {
    const { body, headers } = await signed(event, NOW_S - 30);
    await failure(verify({ rawBody: body, headers, toleranceSeconds: 10 }), 'stale_timestamp');
    await expect(verify({ rawBody: body, headers, toleranceSeconds: 60 })).resolves.toEqual(verified);
  });

  it('refuses a tolerance that would accept any timestamp', async () => {
    const { body, headers } = await signed(event, 1);
    for (const toleranceSeconds of [Number.NaN, Number.POSITIVE_INFINITY, -1]) {
      await expect(verify({ rawBody: body, headers, toleranceSeconds })).rejects.toBeInstanceOf(ClinkConfigurationError);
    }
  });

  it('reads timestamps in seconds or in milliseconds', async () => {
    const inMs = await signed(event, NOW_MS - 5_000);
    await expect(verify({ rawBody: inMs.body, headers: inMs.headers })).resolves.toEqual(verified);
    const staleMs = await signed(event, NOW_MS - 400_000);
    await failure(verify({ rawBody: staleMs.body, headers: staleMs.headers }), 'stale_timestamp');
    const inSeconds = await signed(event, NOW_S - 5);
    await expect(verify({ rawBody: inSeconds.body, headers: inSeconds.headers })).resolves.toEqual(verified);
  });

  it('takes the order from data.object when Clink nests it', async () => {
    const nested = { ...event, data: { object: order } };
    const { body, headers } = await signed(nested);
    await expect(verify({ rawBody: body, headers })).resolves.toMatchObject({ category: 'order', data: order });
  });

  it('explains that a parsed object was passed instead of the raw body', async () => {
    const { headers } = await signed();
    const error = await failure(verify({ rawBody: event as never, headers }), 'parsed_body');
    expect(error.message).toMatch(/^You passed a parsed object; pass the raw request body as received, e\.g\. express\.raw\(/);
    const stringified = await failure(verify({ rawBody: String(event), headers }), 'parsed_body');
    expect(stringified.message).toMatch(/\[object Object\]/);
    await failure(verify({ rawBody: undefined as never, headers }), 'parsed_body');
  });

  it.each(['X-Clink-Timestamp', 'X-Clink-Signature'])('names the missing %s header', async (header) => {
    const { body, headers } = await signed();
    const rest = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== header));
    const error = await failure(verify({ rawBody: body, headers: rest }), 'missing_header');
    expect(error.header).toBe(header);
    expect(error.message).toContain(`The ${header} header is missing`);
  });

  it('treats an empty signature header as missing', async () => {
    const { body, headers } = await signed();
    const error = await failure(verify({ rawBody: body, headers: { ...headers, 'X-Clink-Signature': ' ' } }), 'missing_header');
    expect(error.header).toBe('X-Clink-Signature');
  });

  it('refuses a malformed timestamp and an unsupported sign type', async () => {
    const { body, headers } = await signed();
    const timestampError = await failure(verify({ rawBody: body, headers: { ...headers, 'X-Clink-Timestamp': 'yesterday' } }), 'invalid_header');
    expect(timestampError.header).toBe('X-Clink-Timestamp');
    const signTypeError = await failure(verify({ rawBody: body, headers: { ...headers, 'X-Clink-SignType': 'MD5' } }), 'invalid_header');
    expect(signTypeError.header).toBe('X-Clink-SignType');
  });

  it('refuses an empty secret before looking at the request', async () => {
    const { body, headers } = await signed();
    const error = await failure(verify({ rawBody: body, headers, secret: '' }), 'missing_secret');
    expect(error.message).toMatch(/signing secret is empty/);
  });

  it.each([
    ['a body that is not JSON', 'not json', { problem: 'the body is not JSON' }],
    ['an array', '[1]', { problem: 'the body is not an event object' }],
    ['an event without id', JSON.stringify({ ...event, id: undefined }), { problem: 'the event has no id', type: 'order.succeeded' }],
    ['an event without type', JSON.stringify({ ...event, type: '' }), { problem: 'the event has no type', id: 'evt_1' }],
    ['an order event without orderId', JSON.stringify({ ...event, data: { status: 'success' } }), { problem: 'the order.succeeded event carries no orderId', id: 'evt_1', type: 'order.succeeded' }],
    ['an order event without data', JSON.stringify({ ...event, data: 'ord_1' }), { problem: 'the order.succeeded event has no data object', id: 'evt_1', type: 'order.succeeded' }],
  ])('does not refuse a correctly signed body with %s: it is returned as unusable, to be acknowledged', async (_label, payload, unusable) => {
    const { body, headers } = await signed(payload);
    await expect(verify({ rawBody: body, headers })).resolves.toEqual({ category: 'unusable', ...unusable });
  });

  it.each([
    ['an ISO 8601 string (Clink’s published type)', '2025-11-26T11:00:00.000Z', 1_764_154_800_000],
    ['an ISO 8601 string with an offset', '2025-11-26T19:00:00+08:00', 1_764_154_800_000],
    ['integer milliseconds', 1_764_154_800_000, 1_764_154_800_000],
    ['integer seconds', 1_764_154_800, 1_764_154_800_000],
    ['a string of digits', '1764154800000', 1_764_154_800_000],
  ])('reads created given as %s, keeps it as sent and adds createdAt in ms', async (_label, created, createdAt) => {
    const { body, headers } = await signed({ ...event, created });
    await expect(verify({ rawBody: body, headers })).resolves.toEqual({ ...verified, created, createdAt });
  });

  it('keeps an event whose created is missing or unreadable, without createdAt', async () => {
    for (const created of [undefined, 'yesterday', -5]) {
      const { body, headers } = await signed({ ...event, created });
      const result = await verify({ rawBody: body, headers });
      expect(result).toMatchObject({ category: 'order', id: 'evt_1' });
      expect('createdAt' in result).toBe(false);
    }
  });

  it('types refund events as refunds, from data or from data.object', async () => {
    const refund = { refundId: 'rf_1', orderId: 'ord_1', refundAmount: 5, refundCurrency: 'USD', status: 'success' };
    for (const data of [refund, { object: refund }]) {
      const { body, headers } = await signed({ id: 'evt_2', object: 'event', created: NOW_MS, type: 'refund.succeeded', data });
      await expect(verify({ rawBody: body, headers })).resolves.toEqual({
        id: 'evt_2',
        object: 'event',
        created: NOW_MS,
        createdAt: NOW_MS,
        category: 'refund',
        type: 'refund.succeeded',
        data: refund,
      });
    }
  });

  it('passes other events (subscriptions, invoices, …) through with their data as sent', async () => {
    const subscription = { id: 'evt_3', object: 'event', created: NOW_MS, type: 'subscription.created', data: { subscriptionId: 'sub_1' } };
    const { body, headers } = await signed(subscription);
    await expect(verify({ rawBody: body, headers })).resolves.toEqual({ ...subscription, category: 'other', createdAt: NOW_MS });
  });
});

describe('signClinkWebhookPayload', () => {
  it('signs <timestamp>.<body> with HMAC-SHA256 as lowercase hex (known vector)', async () => {
    const { body, headers } = await signClinkWebhookPayload({ payload: '{"id":"evt_1"}', secret: 'whsec_test', timestamp: 1700000000 });
    expect(body).toBe('{"id":"evt_1"}');
    // Independent reference: node:crypto createHmac('sha256', 'whsec_test').update('1700000000.{"id":"evt_1"}').digest('hex')
    const { createHmac } = await import('node:crypto');
    const reference = createHmac('sha256', 'whsec_test').update('1700000000.{"id":"evt_1"}').digest('hex');
    expect(headers).toEqual({
      'Content-Type': 'application/json',
      'X-Clink-Timestamp': '1700000000',
      'X-Clink-Signature': reference,
      'X-Clink-SignType': 'SHA256',
    });
    expect(reference).toMatch(/^[0-9a-f]{64}$/);
  });

  it('defaults the timestamp to now in seconds, which verifies with the real clock', async () => {
    const { body, headers } = await signClinkWebhookPayload({ payload: event, secret: SECRET });
    expect(Number(headers['X-Clink-Timestamp'])).toBeLessThan(1e12);
    await expect(verifyClinkWebhook({ rawBody: body, headers, secret: SECRET })).resolves.toEqual(verified);
  });

  it('refuses an empty secret and a bad timestamp', async () => {
    await expect(signClinkWebhookPayload({ payload: event, secret: '' })).rejects.toBeInstanceOf(ClinkConfigurationError);
    await expect(signClinkWebhookPayload({ payload: event, secret: SECRET, timestamp: 1.5 })).rejects.toBeInstanceOf(ClinkConfigurationError);
  });
});
