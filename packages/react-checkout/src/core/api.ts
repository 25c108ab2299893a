import { CheckoutRequestError } from './errors.js';
import { IDEMPOTENCY_KEY_HEADER, ORDER_TOKEN_HEADER } from './protocol.js';
import type { CheckoutApi, CheckoutApiOptions, Received, ReceivedPayment, ReceivedRefresh, ReceivedStatus } from './types.js';

const STATUSES = ['succeeded', 'pending', 'failed', 'requires_action'];

type Shape = Record<string, 'string' | 'number' | 'status' | 'object'>;
const PAYMENT_SHAPE: Shape = {
  orderId: 'string',
  orderToken: 'string',
  status: 'status',
  paymentMethodType: 'string',
  amount: 'number',
  currency: 'string',
  serverTime: 'number',
};
const STATUS_SHAPE: Shape = { orderId: 'string', status: 'status', serverTime: 'number' };
const REFRESH_SHAPE: Shape = { orderId: 'string', status: 'status', action: 'object', serverTime: 'number' };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function check<T>(body: unknown, shape: Shape, status: number): T {
  for (const [key, kind] of Object.entries(shape)) {
    const value = isObject(body) ? body[key] : undefined;
    const ok =
      kind === 'status'
        ? STATUSES.includes(value as string)
        : kind === 'object'
          ? isObject(value)
          : kind === 'string'
            ? typeof value === 'string' && value !== ''
            : typeof value === 'number' && Number.isFinite(value);
    if (!ok) throw new CheckoutRequestError({ type: 'invalid_response', status, message: `Response field ${key} is missing or invalid` });
  }
  if (isObject(body) && body.action !== undefined && !isObject(body.action)) {
    throw new CheckoutRequestError({ type: 'invalid_response', status, message: 'Response field action is invalid' });
  }
  return body as T;
}

/**
 * A client for the routes of `createCheckoutHandler` (`POST /payments`, `GET /payments/{id}`,
 * `POST /payments/{id}/refresh`) under `endpoint`. Every response is stamped with `receivedAt` (browser ms).
 *
 * Failures are `CheckoutRequestError`s: the handler's error body (`type`, `message`, `fields`) for a non-2xx
 * answer, `network_error` when no answer arrived, `aborted` when the signal aborted, `invalid_response` for a
 * body that is not the expected JSON. Nothing is retried here: a create may have reached the server, so only
 * a retry with the same idempotency key is safe, and that is the caller's decision.
 */
export function createCheckoutApi(options: CheckoutApiOptions): CheckoutApi {
  const base = options.endpoint.replace(/\/+$/, '');
  const now = options.now ?? Date.now;

  async function send<T>(path: string, init: RequestInit, shape: Shape): Promise<Received<T>> {
    const doFetch = options.fetch ?? globalThis.fetch;
    let response: Response;
    try {
      response = await doFetch(`${base}${path}`, {
        ...init,
        headers: { Accept: 'application/json', ...options.headers, ...(init.headers as Record<string, string>) },
      });
    } catch (cause) {
      const aborted = init.signal?.aborted === true;
      throw new CheckoutRequestError({
        type: aborted ? 'aborted' : 'network_error',
        status: 0,
        message: aborted ? 'The request was aborted' : 'Could not reach the checkout server',
        cause,
      });
    }
    const receivedAt = now();
    let body: unknown;
    try {
      body = JSON.parse(await response.text());
    } catch (cause) {
      throw new CheckoutRequestError({
        type: init.signal?.aborted ? 'aborted' : 'invalid_response',
        status: response.status,
        message: `The checkout server answered ${response.status} without a JSON body`,
        cause,
      });
    }
    if (!response.ok) {
      const error = isObject(body) && isObject(body.error) ? body.error : {};
      throw new CheckoutRequestError({
        type: typeof error.type === 'string' ? error.type : 'invalid_response',
        status: response.status,
        message: typeof error.message === 'string' ? error.message : `The checkout server answered ${response.status}`,
        ...(isObject(error.fields) && { fields: error.fields as Record<string, string> }),
      });
    }
    return { ...check<T>(body, shape, response.status), receivedAt };
  }

  const orderPath = (orderId: string) => `/payments/${encodeURIComponent(orderId)}`;
  const tokenInit = (method: string, orderToken: string, signal?: AbortSignal): RequestInit => ({
    method,
    headers: { [ORDER_TOKEN_HEADER]: orderToken },
    cache: 'no-store',
    ...(signal && { signal }),
  });

  return {
    createPayment(body, { idempotencyKey, signal }) {
      return send<ReceivedPayment>(
        '/payments',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_KEY_HEADER]: idempotencyKey },
          body: JSON.stringify(body),
          ...(signal && { signal }),
        },
        PAYMENT_SHAPE,
      );
    },
    getStatus(orderId, orderToken, { signal } = {}) {
      return send<ReceivedStatus>(orderPath(orderId), tokenInit('GET', orderToken, signal), STATUS_SHAPE);
    },
    refresh(orderId, orderToken, { signal } = {}) {
      return send<ReceivedRefresh>(`${orderPath(orderId)}/refresh`, tokenInit('POST', orderToken, signal), REFRESH_SHAPE);
    },
  };
}

/** A random idempotency key for a create: `crypto.randomUUID()`, or a v4 UUID from `getRandomValues`. */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes);
  // Not secret, only unique: Math.random is an acceptable last resort on very old browsers.
  else for (let i = 0; i < 16; i += 1) bytes[i] = Math.floor(Math.random() * 256);
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
