/**
 * Clink's merchant API on the wire, as its published reference describes it (the OpenAPI description
 * behind docs.clinkbill.com). Optional here means optional there: a reader must cope with every field
 * marked `?` being absent. Where Clink's types are looser than its prose (free-text fields, numbers that
 * arrive as strings), these types follow the looser reading.
 */
import type { PaymentMethodType, WalletMethodType } from './methods.js';

/** API bases. Sandbox and production keys differ (`sk_test_…` / `sk_prod_…`). */
export const CLINK_BASE_URLS = {
  sandbox: 'https://uat-api.clinkbill.com/api',
  production: 'https://api.clinkbill.com/api',
} as const;
export type ClinkEnvironment = keyof typeof CLINK_BASE_URLS;

/** The secret key, on every request. */
export const API_KEY_HEADER = 'X-API-KEY';
/** `Date.now()` in milliseconds, as a string, on every request. */
export const REQUEST_TIMESTAMP_HEADER = 'X-Timestamp';

/** `WEB` is a desktop browser, `WAP` a mobile browser. */
export const PLATFORM_TYPES = ['WEB', 'WAP'] as const;
export type PlatformType = (typeof PLATFORM_TYPES)[number];

/** Exactly this casing: `android` or `IOS` are not Clink's values. */
export const DEVICE_TYPES = ['Android', 'iOS'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** Every JSON answer. Success is `code: 200`; failures may come with HTTP 200 and another `code`. */
export interface ClinkEnvelope<T> {
  code?: number;
  msg?: string;
  data?: T;
}

/** The `code` of a successful answer. */
export const SUCCESS_CODE = 200;

// ---------------------------------------------------------------------------------------------
// POST /payment
// ---------------------------------------------------------------------------------------------

/** A price line (`PriceData`). */
export interface ClinkPriceData {
  name: string;
  /** Major units, above 0. */
  unitAmount: number;
  /** A whole number, at least 1. */
  quantity?: number;
  currency?: string;
  imageUrl?: string;
}

/**
 * Body of `POST /payment`. At least one of `customerId` / `customerEmail` / `referenceCustomerId`;
 * either `priceId` (which needs `productId`) or `amount` with `currency`.
 */
export interface ClinkCreatePaymentRequest {
  /** An existing instrument of `paymentMethodType` that belongs to the payment's customer. */
  paymentInstrumentId: string;
  paymentMethodType: PaymentMethodType;
  /** Where the customer lands after an action. */
  returnUrl: string;
  customerId?: string;
  customerEmail?: string;
  referenceCustomerId?: string;
  priceId?: string;
  productId?: string;
  /** Major units (9.99). */
  amount?: number;
  /** ISO 4217 code, e.g. `USD`. */
  currency?: string;
  priceDataList?: ClinkPriceData[];
  merchantReferenceId?: string;
  promotionCode?: string;
  /** Every value is a string. */
  metadata?: Record<string, string>;
  platformType?: PlatformType;
  deviceType?: DeviceType;
}

/** `status` of a create: 1 succeeded, 2 pending, 3 failed, 5 next action required. */
export const PAYMENT_STATUS_CODES = { succeeded: 1, pending: 2, failed: 3, requires_action: 5 } as const;
export type ClinkPaymentStatusCode = (typeof PAYMENT_STATUS_CODES)[keyof typeof PAYMENT_STATUS_CODES];

/** `walletHandleRedirectOrDisplayQrCode`: every field may be absent. */
export interface ClinkWalletDetails {
  /** A PNG URL, or (Clink's types say) a Base64 image, with or without a `data:` prefix. */
  imageUrlPng?: string;
  /** An SVG URL, or a Base64 image, with or without a `data:` prefix. */
  imageUrlSvg?: string;
  /** `data:image/...;base64,…` */
  imageDataUrl?: string;
  /** A Clink-hosted page that explains or continues the payment. */
  hostedInstructionsUrl?: string;
  /** An https URL or an app deep link that authorises the payment on a phone. */
  mobileAuthUrl?: string;
  /** An https page for when opening the app fails. */
  fallbackUrl?: string;
  /** Android package of the wallet app. */
  packageName?: string;
  /** Unix seconds (documented); milliseconds have been seen, so ≥ 1e12 reads as ms. */
  expiresAt?: number;
  /** Seconds left when the answer was produced; 0 means already expired. */
  expiresSecond?: number;
}

/** What the customer's browser must do next (`Action`). */
export interface ClinkAction {
  redirectUrl?: string;
  /** Absent means `GET`. */
  method?: 'GET' | 'POST';
  /** Form fields to POST to `redirectUrl`. */
  postData?: Record<string, string>;
  /** The payment method this action belongs to (Clink's enum). */
  type?: PaymentMethodType;
  /** Free text in Clink's types, not the enum: never refuse an answer because of it. */
  paymentMethodType?: string;
  walletHandleRedirectOrDisplayQrCode?: ClinkWalletDetails;
}

/** `data` of `POST /payment` (`CreatePaymentApiVo`). Every field is optional in Clink's types. */
export interface ClinkCreatePaymentData {
  orderId?: string;
  sessionId?: string;
  /** Absent in Clink's own example: then an `action` means "next action", no action means "pending". */
  status?: ClinkPaymentStatusCode;
  action?: ClinkAction;
  amount?: number;
  currency?: string;
}

/** `data` of `POST /payment/{orderId}/qrcode/refresh` (Cash App Pay only). */
export interface ClinkQrRefreshData {
  orderId?: string;
  action?: ClinkAction;
}

// ---------------------------------------------------------------------------------------------
// GET /order/{id}
// ---------------------------------------------------------------------------------------------

/** Order statuses Clink documents. Clink may add more: an unknown one means "not final". */
export const ORDER_STATUSES = ['success', 'failed', 'requires_action', 'pending', 'partial_refunded', 'refunded'] as const;
export type ClinkOrderStatus = (typeof ORDER_STATUSES)[number];

export interface ClinkPaymentExecutionDetail {
  channelCode?: string;
  channelTransactionId?: string;
  originalFailureCode?: string;
  originalFailureMessage?: string;
}

/** `data` of `GET /order/{id}` (`OrderApiVo`). Every field is optional in Clink's types. */
export interface ClinkOrder {
  orderId?: string;
  type?: 'onetime' | 'recurring';
  merchantReferenceId?: string;
  invoiceId?: string;
  customerId?: string;
  customerEmail?: string;
  /** Milliseconds. */
  createTime?: number;
  productId?: string;
  priceId?: string;
  priceDataList?: ClinkPriceData[];
  /** `paymentMethodType` is free text here. */
  paymentMethod?: { paymentMethodType?: string; paymentInstrumentId?: string };
  amountSubtotal?: number;
  amountTotal?: number;
  paymentCurrency?: string;
  originalCurrency?: string;
  /** A documented status, or one Clink added since. */
  status?: ClinkOrderStatus | (string & Record<never, never>);
  /** Milliseconds, when the payment reached success or failure. */
  paymentTime?: number;
  sessionId?: string;
  metadata?: Record<string, string>;
  riskLevel?: string;
  paymentExecutionDetails?: ClinkPaymentExecutionDetail[];
}

// ---------------------------------------------------------------------------------------------
// POST /payment-instrument
// ---------------------------------------------------------------------------------------------

/** Body of `POST /payment-instrument`: finds or creates the customer, then stores a wallet instrument. */
export interface ClinkCreatePaymentInstrumentRequest {
  customerId?: string;
  customerEmail?: string;
  referenceCustomerId?: string;
  customerName?: string;
  /** Wallets only: card instruments are saved through Clink's hosted pages, never by this API. */
  paymentInstrumentType: WalletMethodType;
  subPaymentMethodType?: string;
  metadata?: Record<string, string>;
}

export interface ClinkCardDetails {
  last4?: string;
  name?: string;
  expiryYear?: string;
  expiryMonth?: string;
  scheme?: string;
  funding?: string;
  issuerRegion?: string;
  issuerBank?: string;
  billingAddress?: { city?: string; country?: string; line1?: string; line2?: string; postalCode?: string; state?: string };
}

/** `data` of `POST /payment-instrument` (`PaymentInstrumentApiVo`). */
export interface ClinkPaymentInstrument {
  /** `pi_…` */
  id?: string;
  customerId?: string;
  type?: WalletMethodType;
  card?: ClinkCardDetails;
  wallet?: { accountTag?: string };
  /** Milliseconds. */
  created?: number;
}

// ---------------------------------------------------------------------------------------------
// Webhooks
// ---------------------------------------------------------------------------------------------

export const WEBHOOK_SIGNATURE_HEADER = 'X-Clink-Signature';
export const WEBHOOK_TIMESTAMP_HEADER = 'X-Clink-Timestamp';
export const WEBHOOK_SIGN_TYPE_HEADER = 'X-Clink-SignType';

export const ORDER_EVENT_TYPES = ['order.created', 'order.next_action', 'order.succeeded', 'order.failed'] as const;
export type ClinkOrderEventType = (typeof ORDER_EVENT_TYPES)[number];
export const REFUND_EVENT_TYPES = ['refund.created', 'refund.succeeded', 'refund.failed'] as const;
export type ClinkRefundEventType = (typeof REFUND_EVENT_TYPES)[number];

export const REFUND_STATUSES = ['created', 'success', 'failed', 'closed', 'received', 'refunding'] as const;
export type ClinkRefundStatus = (typeof REFUND_STATUSES)[number];

/** `data` of a `refund.*` event (`RefundApiVo`). */
export interface ClinkRefund {
  refundId?: string;
  orderId?: string;
  customerId?: string;
  refundAmount?: number;
  refundCurrency?: string;
  status?: ClinkRefundStatus | (string & Record<never, never>);
  refundReason?: string;
  /** Milliseconds. */
  createTime?: number;
  metadata?: Record<string, string>;
}

/**
 * A webhook body. `created` is an ISO 8601 date-time string in Clink's types; integers (ms, or s below
 * 1e12) have been seen too. The order or refund sits in `data`, or (seen in real traffic) in `data.object`.
 */
export interface ClinkWebhookBody<Type extends string = string, Data = unknown> {
  id?: string;
  object?: string;
  created?: string | number;
  type?: Type;
  data?: Data | { object?: Data };
}
