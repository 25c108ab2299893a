/**
 * The HTTP contract with `createCheckoutHandler` from `@clink-checkout/server`, mirrored here so the
 * browser bundle never depends on server code. Paths are relative to the merchant's endpoint.
 *
 *   POST {endpoint}/payments                   body CreateCheckoutPaymentRequest, header Idempotency-Key
 *   GET  {endpoint}/payments/{orderId}         header X-Order-Token
 *   POST {endpoint}/payments/{orderId}/refresh header X-Order-Token
 */

export const PAYMENT_METHOD_TYPES = [
  'ALIPAY',
  'CARD',
  'CASHAPP',
  'GCASH',
  'KAKAO',
  'PROMPTPAY',
  'QRIS',
  'TNG',
  'WECHAT',
] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];
export type PlatformType = 'WEB' | 'WAP';
export type DeviceType = 'Android' | 'iOS';

export const ORDER_TOKEN_HEADER = 'X-Order-Token';
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key';

export interface WalletDetails {
  imageUrlPng?: string;
  imageUrlSvg?: string;
  imageDataUrl?: string;
  hostedInstructionsUrl?: string;
  mobileAuthUrl?: string;
  fallbackUrl?: string;
  packageName?: string;
  /** Unix seconds, or milliseconds when >= 1e12. */
  expiresAt?: number;
  /** Seconds left when the server produced the response. */
  expiresSecond?: number;
}

export interface ClinkAction {
  redirectUrl?: string;
  method?: 'GET' | 'POST';
  postData?: Record<string, string>;
  type?: string;
  paymentMethodType?: PaymentMethodType;
  walletHandleRedirectOrDisplayQrCode?: WalletDetails;
}

export type PaymentStatus = 'succeeded' | 'pending' | 'failed' | 'requires_action';

export interface CreateCheckoutPaymentRequest {
  paymentMethodType: PaymentMethodType;
  platformType?: PlatformType;
  deviceType?: DeviceType;
  payload?: unknown;
}

export interface CheckoutPaymentResponse {
  orderId: string;
  orderToken: string;
  status: PaymentStatus;
  paymentMethodType: PaymentMethodType;
  action?: ClinkAction;
  amount: number;
  currency: string;
  /** Server clock in ms when the response was produced. */
  serverTime: number;
}

export interface CheckoutStatusResponse {
  orderId: string;
  status: PaymentStatus;
  amount: number;
  currency: string;
  orderStatus: string;
  serverTime: number;
}

export interface CheckoutRefreshResponse {
  orderId: string;
  status: PaymentStatus;
  action: ClinkAction;
  serverTime: number;
}

export interface CheckoutErrorBody {
  error: { type: string; message: string; fields?: Record<string, string> };
}
