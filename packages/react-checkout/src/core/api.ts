import {
  IDEMPOTENCY_KEY_HEADER,
  ORDER_TOKEN_HEADER,
  PAYMENT_STATUSES,
  type CheckoutPaymentResponse,
  type CheckoutRefreshResponse,
  type CheckoutStatusResponse,
  type CreateCheckoutPaymentRequest,
} from '@clink-checkout/protocol';
import { CheckoutRequestError } from './errors.js';

/** A protocol response stamped with the browser clock when it arrived. */
export type Received<T> = T & {
  /** Browser clock (ms) when the response arrived. */
  receivedAt: number;
};
export type ReceivedPayment = Received<CheckoutPaymentResponse>;
export type ReceivedStatus = Received<CheckoutStatusResponse>;
export type ReceivedRefresh = Received<CheckoutRefreshResponse>;

export interface CheckoutApiOptions {
  /** Where the merchant mounted `createCheckoutHandler`, e.g. `/api/checkout`. */
  endpoint: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Browser clock for `receivedAt`. @default Date.now */
  now?: () => number;
  /** Extra headers on every request (e.g. a CSRF token). @default {} */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface CreatePaymentOptions extends RequestOptions {
  /** Lets the server de-duplicate a create sent twice; reuse it when retrying the same payment. */
  idempotencyKey: string;
}

export interface CheckoutApi {
  createPayment(body: CreateCheckoutPaymentRequest, options: CreatePaymentOptions): Promise<ReceivedPayment>;
  getStatus(orderId: string, orderToken: string, options?: RequestOptions): Promise<ReceivedStatus>;
  refresh(orderId: string, orderToken: string, options?: RequestOptions): Promise<ReceivedRefresh>;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value !== '';

const STATUSES: readonly unknown[] = PAYMENT_STATUSES;

/**
 * Minimal shape check: what the browser relies on (ids, status, server clock, the action's shape). A status
 * answer (no `required`) with a status the browser does not know yet reads as `pending`: not final, so the
 * payment is still followed (the raw value stays in `orderStatus`).
 */
function validate<T>(body: unknown, status: number, required?: 'orderToken' | 'action'): T {
  if (!required && isObject(body) && isText(body.status) && !STATUSES.includes(body.status)) {
    body = { orderStatus: body.status, ...body, status: 'pending' };
  }
  const ok =
    isObject(body) &&
    isText(body.orderId) &&
    STATUSES.includes(body.status) &&
    Number.isFinite(body.serverTime) &&
    (body.action === undefined || isObject(body.action)) &&
    (required === 'action' ? isObject(body.action) : !required || isText(body[required]));
  if (!ok) throw new CheckoutRequestError({ type: 'invalid_response', status, message: 'Unexpected response from the checkout server' });
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

  async function send<T>(path: string, init: RequestInit, required?: 'orderToken' | 'action'): Promise<Received<T>> {
    const fail = (type: string, status: number, message: string, extra?: object): never => {
      throw new CheckoutRequestError({ type: init.signal?.aborted ? 'aborted' : type, status, message, ...extra });
    };
    let response: Response | undefined;
    try {
      response = await (options.fetch ?? globalThis.fetch)(base + path, {
        ...init,
        headers: { Accept: 'application/json', ...options.headers, ...(init.headers as Record<string, string>) },
      });
    } catch (cause) {
      fail('network_error', 0, 'No answer from the checkout server', { cause });
    }
    const { status, ok } = response!;
    const receivedAt = now();
    let body: unknown;
    try {
      body = JSON.parse(await response!.text());
    } catch (cause) {
      fail('invalid_response', status, `The checkout server answered ${status} without JSON`, { cause });
    }
    if (!ok) {
      const error = isObject(body) && isObject(body.error) ? body.error : {};
      fail(
        typeof error.type === 'string' ? error.type : 'invalid_response',
        status,
        typeof error.message === 'string' ? error.message : `The checkout server answered ${status}`,
        isObject(error.fields) ? { fields: error.fields } : undefined,
      );
    }
    return { ...validate<T>(body, status, required), receivedAt };
  }

  const orderPath = (orderId: string) => `/payments/${encodeURIComponent(orderId)}`;
  const withToken = (method: string, orderToken: string, signal?: AbortSignal): RequestInit => ({
    method,
    headers: { [ORDER_TOKEN_HEADER]: orderToken },
    cache: 'no-store',
    signal,
  });

  return {
    createPayment(body, { idempotencyKey, signal }) {
      const headers = { 'Content-Type': 'application/json', [IDEMPOTENCY_KEY_HEADER]: idempotencyKey };
      return send<ReceivedPayment>('/payments', { method: 'POST', headers, body: JSON.stringify(body), signal }, 'orderToken');
    },
    getStatus(orderId, orderToken, options) {
      return send<ReceivedStatus>(orderPath(orderId), withToken('GET', orderToken, options?.signal));
    },
    refresh(orderId, orderToken, options) {
      return send<ReceivedRefresh>(`${orderPath(orderId)}/refresh`, withToken('POST', orderToken, options?.signal), 'action');
    },
  };
}

/**
 * A random idempotency key for a create: `crypto.randomUUID()`, or 32 random hex digits where it is missing
 * (pages served over plain http).
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto;
  if (crypto?.randomUUID) return crypto.randomUUID();
  const bytes = new Uint8Array(16);
  // Not secret, only unique: Math.random is an acceptable last resort without Web Crypto.
  if (crypto?.getRandomValues) crypto.getRandomValues(bytes);
  else bytes.forEach((_, i) => (bytes[i] = Math.random() * 256));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}
