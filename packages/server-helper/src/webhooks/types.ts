import type { ClinkOrder } from '../types.js';

/** Header names Clink signs webhooks with. */
export const SIGNATURE_HEADER = 'X-Clink-Signature';
export const TIMESTAMP_HEADER = 'X-Clink-Timestamp';
export const SIGN_TYPE_HEADER = 'X-Clink-SignType';

/** Either a Fetch `Headers` or Node's `req.headers` (any case, array values allowed). */
export type WebhookHeaders = Headers | Record<string, string | string[] | undefined>;

/** A verified Clink event. `data` is the order, whether Clink put it in `data` or `data.object`. */
export interface ClinkWebhookEvent {
  id: string;
  object: 'event';
  /** When Clink created the event, as sent (Clink's timestamps are usually milliseconds). */
  created: number;
  /** e.g. `order.succeeded`, `order.failed`, `order.next_action`, `refund.succeeded`. */
  type: string;
  data: ClinkOrder;
}

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
