import type { ClinkEnvironment, ClinkOrder } from '@clink-checkout/protocol';
import type {
  ClinkQrRefreshResponse,
  CreatePaymentInstrumentParams,
  CreatePaymentParams,
  Payment,
  PaymentInstrument,
} from '../types.js';

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
  /**
   * Extra attempts for reads and QR refreshes after a transient failure (connection error,
   * timeout, HTTP 429 or 5xx), with exponential backoff and jitter. Creates are never retried.
   * @default 2
   */
  maxRetries?: number;
  /** Clock for `X-Timestamp`; tests inject one. @default Date.now */
  now?: () => number;
  /** Receives one line per request attempt and per retry, never containing the key. */
  logger?: (line: string) => void;
  /** First backoff delay; doubles on each retry (capped at 5 s) before jitter. @default 250 */
  retryBaseDelayMs?: number;
  /** How the client waits between retries; tests inject an instant one. @default a `setTimeout` promise */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Source of jitter in [0, 1). @default Math.random */
  random?: () => number;
}

export interface RequestOptions {
  /** Cancels the call (and any pending retry). An aborted call rejects with a `ClinkError`. */
  signal?: AbortSignal;
}

export interface ClinkClient {
  readonly environment: ClinkEnvironment;
  /** Validates `params` locally, then calls `POST /payment` once (never retried). */
  createPayment(params: CreatePaymentParams, options?: RequestOptions): Promise<Payment>;
  /**
   * Validates `params` locally, then calls `POST /payment-instrument` once (never retried): creates a
   * wallet instrument for the customer (found or created by `customerId` / `customerEmail` /
   * `referenceCustomerId`). `CARD` is refused locally: cards are saved through Clink's hosted pages.
   */
  createPaymentInstrument(params: CreatePaymentInstrumentParams, options?: RequestOptions): Promise<PaymentInstrument>;
  /** `POST /payment/{orderId}/qrcode/refresh`; Clink supports it for CASHAPP only. */
  refreshQrCode(orderId: string, options?: RequestOptions): Promise<ClinkQrRefreshResponse>;
  /**
   * `GET /order/{orderId}`: the only proof of a payment besides a verified webhook. Every field is
   * optional in Clink's types; `status` may be one Clink added after this package was written.
   */
  getOrder(orderId: string, options?: RequestOptions): Promise<ClinkOrder>;
}
