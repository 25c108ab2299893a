import type { ClinkOrder, ClinkQrRefreshResponse, CreatePaymentParams, Payment } from '../types.js';

export type ClinkEnvironment = 'sandbox' | 'production';

export interface ClinkClientOptions {
  /** Secret key, `sk_test_…` for the sandbox or `sk_prod_…` for production. Server only. */
  apiKey: string;
  environment: ClinkEnvironment;
  /** Overrides the API base, e.g. a local `@clink-checkout/sandbox` at `http://127.0.0.1:4010/api`. */
  baseUrl?: string;
  /** A fetch implementation (defaults to the global one): lets tests and edge runtimes inject theirs. */
  fetch?: typeof fetch;
  /** Abort a request after this many milliseconds. @default 15000 */
  timeoutMs?: number;
  /** Attempts for reads and QR refreshes on transient failures (never for creates). @default 2 */
  maxRetries?: number;
  /** Clock for `X-Timestamp`; tests inject one. @default Date.now */
  now?: () => number;
  /** Receives one line per request, never containing the key. */
  logger?: (line: string) => void;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface ClinkClient {
  readonly environment: ClinkEnvironment;
  /** Validates `params` locally, then calls `POST /payment` once (never retried). */
  createPayment(params: CreatePaymentParams, options?: RequestOptions): Promise<Payment>;
  /** `POST /payment/{orderId}/qrcode/refresh`; Clink supports it for CASHAPP only. */
  refreshQrCode(orderId: string, options?: RequestOptions): Promise<ClinkQrRefreshResponse>;
  /** `GET /order/{orderId}`: the only proof of a payment besides a verified webhook. */
  getOrder(orderId: string, options?: RequestOptions): Promise<ClinkOrder>;
}
