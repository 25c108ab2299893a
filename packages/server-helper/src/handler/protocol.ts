/**
 * The HTTP contract between the browser (`@clink-checkout/react`) and `createCheckoutHandler`.
 * Paths are relative to where the merchant mounts the handler (for example `/api/checkout`).
 *
 *   POST /payments                 body CreateCheckoutPaymentRequest, header Idempotency-Key
 *                                  -> 200/201 CheckoutPaymentResponse
 *   GET  /payments/{orderId}       header X-Order-Token -> 200 CheckoutStatusResponse
 *   POST /payments/{orderId}/refresh header X-Order-Token -> 200 CheckoutRefreshResponse
 *   POST /webhooks                 Clink's signed webhook -> 200 { received: true }
 *   any error                      -> 4xx/5xx CheckoutErrorBody
 */
import type { ClinkAction, DeviceType, PaymentMethodType, PaymentStatus, PlatformType } from '../types.js';

/** Header carrying the order token on status and refresh calls. */
export const ORDER_TOKEN_HEADER = 'X-Order-Token';
/** Header carrying the browser's idempotency key on create. */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

/** What the browser sends to create a payment. The merchant decides the price on the server. */
export interface CreateCheckoutPaymentRequest {
  paymentMethodType: PaymentMethodType;
  platformType?: PlatformType;
  deviceType?: DeviceType;
  /** Free-form data for the merchant's `resolvePayment` (cart id, product id, …). */
  payload?: unknown;
}

/** Fields every success response carries. */
interface CheckoutResponseBase {
  orderId: string;
  status: PaymentStatus;
  /** Server clock (ms since epoch) when the response was produced, so the browser can correct skew. */
  serverTime: number;
}

export interface CheckoutPaymentResponse extends CheckoutResponseBase {
  /** HMAC that binds this order to the browser that created it; send it back as `X-Order-Token`. */
  orderToken: string;
  paymentMethodType: PaymentMethodType;
  action?: ClinkAction;
  amount: number;
  currency: string;
}

export interface CheckoutStatusResponse extends CheckoutResponseBase {
  amount: number;
  currency: string;
  /** Clink's order status string, for display or logging. */
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
