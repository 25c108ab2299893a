import type { WebhookHeaders } from '../webhooks/types.js';

/**
 * What the checkout handler's core reads of one request, whatever it arrived as: a Web `Request`
 * (Next.js, Hono, Workers, the edge) or node:http's `req` (`toNodeHandler`). On Node, building a Web
 * `Request` and `Response` per request (body streams, an `AbortSignal`, `Headers`) cost more CPU than
 * the handler's own work, so the Node adapter serves the handler's routes from this shape directly.
 */
export interface CheckoutExchange {
  /** Upper case, e.g. `POST`. */
  readonly method: string;
  /** The absolute URL, e.g. `https://shop.example/api/checkout/payments`. */
  readonly url: string;
  /** The URL's path, normalised as `new URL(url).pathname` normalises it. */
  readonly pathname: string;
  /** One header's value (`name` in lower case), or `null`. */
  header(name: string): string | null;
  /** All headers, for webhook verification. */
  readonly headers: WebhookHeaders;
  /**
   * The body's bytes, refusing more than `maxBytes` (413), a body the client stopped sending (400) and
   * one already read elsewhere. Counted as it arrives: a large upload is not received in full.
   */
  readBody(maxBytes: number): Promise<Uint8Array>;
  /** Stops receiving a body the handler refuses unread (the adapter then closes the connection). */
  discardBody(): Promise<void>;
  /**
   * The `Request` the merchant's hooks (`resolvePayment`, `onPaymentCreated`, `onWebhook`,
   * `bindOrderToken`) receive: the request itself, or on Node one built on first use with its method,
   * URL and headers (the body is the handler's: hooks get it parsed, as `input` or the event).
   */
  request(): Request;
}

/** What the core answers: always JSON text, or no body at all. */
export interface CheckoutAnswer {
  status: number;
  headers: Record<string, string>;
  /** JSON text; `null` for an answer without a body (204). */
  body: string | null;
}

/** The handler's core: one exchange in, one answer out. */
export type CheckoutCore = (exchange: CheckoutExchange) => Promise<CheckoutAnswer>;
