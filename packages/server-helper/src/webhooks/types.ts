import type { ClinkOrder, ClinkOrderEventType, ClinkRefund, ClinkRefundEventType } from '@clink-checkout/protocol';

/** Either a Fetch `Headers` or Node's `req.headers` (any case, array values allowed). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** What every usable event carries. */
interface ClinkWebhookEventBase {
  /** De-duplicate by this: Clink may deliver an event more than once. */
  id: string;
  object: 'event';
  /**
   * When Clink created the event, exactly as sent: an ISO 8601 date-time string in Clink's published
   * types; integers (milliseconds, or seconds) have been seen too. Absent when Clink sent none.
   */
  created?: string | number;
  /** `created` in milliseconds since the epoch, whatever form it came in; absent when unreadable. */
  createdAt?: number;
}

/** An `order.*` event: the order (from `data`, or from `data.object` where Clink nested it). */
export interface ClinkOrderEvent extends ClinkWebhookEventBase {
  category: 'order';
  /** A documented order event, or an `order.*` event Clink added since. */
  type: ClinkOrderEventType | `order.${string}`;
  data: ClinkOrder & { orderId: string };
}

/** A `refund.*` event: the refund (`RefundApiVo`), not an order. */
export interface ClinkRefundEvent extends ClinkWebhookEventBase {
  category: 'refund';
  type: ClinkRefundEventType | `refund.${string}`;
  data: ClinkRefund;
}

/** Any other event Clink sends (subscriptions, invoices, disputes, …): `data` as sent. */
export interface ClinkOtherEvent extends ClinkWebhookEventBase {
  category: 'other';
  type: string;
  data: unknown;
}

/** A verified Clink event; narrow it on `category` (`order`, `refund`, `other`). */
export type ClinkWebhookEvent = ClinkOrderEvent | ClinkRefundEvent | ClinkOtherEvent;

/**
 * A correctly signed body that is not a usable event (not JSON, no `id` or `type`, an order event
 * without an order id, …). Acknowledge it with a 2xx and log it: Clink re-delivers a refused webhook
 * again and again, and this one would never become usable.
 */
export interface ClinkUnusableWebhook {
  category: 'unusable';
  /** What is wrong with it, for the log. */
  problem: string;
  /** The event id and type, when the body had them. */
  id?: string;
  type?: string;
}

/** What `verifyClinkWebhook` returns for a correctly signed webhook. */
export type VerifiedClinkWebhook = ClinkWebhookEvent | ClinkUnusableWebhook;

export interface VerifyClinkWebhookOptions {
  /** The request body exactly as received: a string or bytes, never a parsed object. */
  rawBody: string | Uint8Array | ArrayBuffer;
  headers: WebhookHeaders;
  /** The endpoint's signing secret (`whsec_…`). */
  secret: string;
  /** Largest accepted distance between the signed timestamp and now, both ways. @default 300 */
  toleranceSeconds?: number;
  /** Clock in milliseconds. @default Date.now */
  now?: () => number;
}

export interface SignClinkWebhookPayloadOptions {
  /** The event to sign; objects are serialised with `JSON.stringify`. */
  payload: string | object;
  secret: string;
  /** Timestamp to sign, in seconds or milliseconds. @default the current time in seconds */
  timestamp?: number;
}

export interface SignedClinkWebhook {
  /** Send exactly this string as the request body. */
  body: string;
  /** `X-Clink-Timestamp`, `X-Clink-Signature`, `X-Clink-SignType` and `Content-Type`. */
  headers: Record<string, string>;
}
