/**
 * The HTTP contract between the browser (`@clink-checkout/react`) and `createCheckoutHandler`
 * (`@clink-checkout/server`). Paths are relative to where the merchant mounts the handler, e.g. `/api/checkout`:
 *
 *   POST {endpoint}/payments                   body CreateCheckoutPaymentRequest, header Idempotency-Key
 *                                              -> 201 CheckoutPaymentResponse
 *   GET  {endpoint}/payments/{orderId}         header X-Order-Token -> 200 CheckoutStatusResponse
 *   POST {endpoint}/payments/{orderId}/refresh header X-Order-Token -> 200 CheckoutRefreshResponse
 *   POST {endpoint}/webhooks                   Clink's signed webhook -> 200 { received: true }
 *   any failure                                -> 4xx/5xx CheckoutErrorBody
 */
import type { ClinkAction, DeviceType, PlatformType } from './clink.js';
import type { PaymentMethodType } from './methods.js';

/** Header carrying the order token on status and refresh calls. */
export const ORDER_TOKEN_HEADER = 'X-Order-Token';
/** Header carrying the browser's idempotency key on create. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** Where a payment stands, in the browser's words. */
export const PAYMENT_STATUSES = ['succeeded', 'pending', 'failed', 'requires_action'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** What the browser sends to create a payment. The merchant's server decides the price. */
export interface CreateCheckoutPaymentRequest {
  paymentMethodType: PaymentMethodType;
  platformType?: PlatformType;
  deviceType?: DeviceType;
  /** Free-form data for the merchant's `resolvePayment` (cart id, product id, …). */
  payload?: unknown;
}

/** Fields every success answer carries. */
interface CheckoutResponseBase {
  orderId: string;
  status: PaymentStatus;
  /** Server clock (ms since epoch) when the answer was produced, so the browser can correct skew. */
  serverTime: number;
}

export interface CheckoutPaymentResponse extends CheckoutResponseBase {
  /** Binds the order to the browser that created it; send it back as `X-Order-Token`. */
  orderToken: string;
  paymentMethodType: PaymentMethodType;
  action?: ClinkAction;
  /** Absent when Clink's answer had none (e.g. some failed payments). */
  amount?: number;
  currency?: string;
}

export interface CheckoutStatusResponse extends CheckoutResponseBase {
  amount?: number;
  currency?: string;
  /** Clink's order status as it sent it, for display or logging; may be one we do not know yet. */
  orderStatus: string;
}

export interface CheckoutRefreshResponse extends CheckoutResponseBase {
  action: ClinkAction;
}

export type CheckoutErrorType =
  | 'validation_error'
  | 'authentication_error'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'api_error'
  | 'connection_error'
  | 'timeout_error'
  | 'webhook_signature_error'
  | 'internal_error';

export interface CheckoutErrorBody {
  error: {
    type: CheckoutErrorType;
    message: string;
    /** Field paths with what is wrong, for validation errors, e.g. `{ "payload.cartId": "is required" }`. */
    fields?: Record<string, string>;
  };
}
