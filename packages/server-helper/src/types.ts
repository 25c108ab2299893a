/**
 * Clink's wire types (see the package README and Clink's API reference) and the normalised
 * shapes this package hands to merchants.
 */

/** Every payment method Clink accepts for a one-time payment, uppercase as on the wire. */
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

/** `WEB` is a desktop browser, `WAP` a mobile browser. */
export const PLATFORM_TYPES = ['WEB', 'WAP'] as const;
export type PlatformType = (typeof PLATFORM_TYPES)[number];

/** Exactly this casing: Clink rejects `android` or `IOS`. */
export const DEVICE_TYPES = ['Android', 'iOS'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Body of Clink's `POST /payment`. */
export interface CreatePaymentParams {
  paymentInstrumentId: string;
  paymentMethodType: PaymentMethodType;
  returnUrl: string;
  customerId?: string;
  customerEmail?: string;
  referenceCustomerId?: string;
  priceId?: string;
  productId?: string;
  /** Decimal major units, e.g. 9.99. */
  amount?: number;
  /** ISO-4217, three uppercase letters. */
  currency?: string;
  priceDataList?: PriceData[];
  merchantReferenceId?: string;
  promotionCode?: string;
  metadata?: Record<string, string>;
  platformType?: PlatformType;
  deviceType?: DeviceType;
}

export interface PriceData {
  name: string;
  unitAmount: number;
  quantity?: number;
  currency?: string;
  imageUrl?: string;
}

/** Wallet details inside an action. Every field may be absent. */
export interface WalletDetails {
  imageUrlPng?: string;
  imageUrlSvg?: string;
  imageDataUrl?: string;
  hostedInstructionsUrl?: string;
  mobileAuthUrl?: string;
  fallbackUrl?: string;
  packageName?: string;
  /** Unix seconds (milliseconds when >= 1e12). */
  expiresAt?: number;
  /** Seconds left when the response was produced; 0 means expired. */
  expiresSecond?: number;
}

/** What Clink asks the browser to do next. */
export interface ClinkAction {
  redirectUrl?: string;
  method?: 'GET' | 'POST';
  postData?: Record<string, string>;
  type?: string;
  paymentMethodType?: PaymentMethodType;
  walletHandleRedirectOrDisplayQrCode?: WalletDetails;
}

/** Clink's integer payment status on create: 1 succeeded, 2 pending, 3 failed, 5 next action. */
export type ClinkPaymentStatusCode = 1 | 2 | 3 | 5;

/** `data` of a `POST /payment` response, as Clink sends it. */
export interface ClinkPaymentResponse {
  orderId: string;
  sessionId: string;
  status?: ClinkPaymentStatusCode;
  amount: number;
  currency: string;
  action?: ClinkAction;
}

/** `data` of `POST /payment/{orderId}/qrcode/refresh`. */
export interface ClinkQrRefreshResponse {
  orderId: string;
  action: ClinkAction;
}

/** Order status strings of `GET /order/{id}`. */
export const ORDER_STATUSES = [
  'success',
  'failed',
  'requires_action',
  'pending',
  'partial_refunded',
  'refunded',
] as const;
export type ClinkOrderStatus = (typeof ORDER_STATUSES)[number];

/** `data` of `GET /order/{id}`. */
export interface ClinkOrder {
  orderId: string;
  type: 'onetime' | 'recurring';
  merchantReferenceId?: string;
  customerId?: string;
  customerEmail?: string;
  createTime: number;
  productId?: string;
  priceId?: string;
  priceDataList?: PriceData[];
  paymentMethod?: { paymentMethodType: PaymentMethodType; paymentInstrumentId: string };
  amountSubtotal: number;
  amountTotal: number;
  paymentCurrency: string;
  originalCurrency?: string;
  status: ClinkOrderStatus;
  paymentTime?: number;
  sessionId?: string;
  metadata?: Record<string, string>;
  riskLevel?: string;
  paymentExecutionDetails?: Array<{
    channelCode?: string;
    channelTransactionId?: string;
    originalFailureCode?: string;
    originalFailureMessage?: string;
  }>;
}

/** Clink's response envelope. */
export interface ClinkEnvelope<T> {
  code: number;
  msg: string;
  data: T;
}

/** Our normalised payment status (see `derivePaymentStatus`). */
export type PaymentStatus = 'succeeded' | 'pending' | 'failed' | 'requires_action';

/** A created payment, normalised. */
export interface Payment {
  orderId: string;
  sessionId: string;
  status: PaymentStatus;
  action?: ClinkAction;
  amount: number;
  currency: string;
}
