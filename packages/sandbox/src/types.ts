import type { DeviceType, PaymentMethodType, PlatformType } from './constants.js';

/** A price line of `POST /payment`. */
export interface PriceData {
  name: string;
  unitAmount: number;
  quantity?: number;
  currency?: string;
  imageUrl?: string;
}

/** A validated `POST /payment` body. */
export interface CreatePaymentBody {
  paymentInstrumentId: string;
  paymentMethodType: PaymentMethodType;
  returnUrl: string;
  customerId?: string;
  customerEmail?: string;
  referenceCustomerId?: string;
  priceId?: string;
  productId?: string;
  amount?: number;
  currency?: string;
  priceDataList?: PriceData[];
  merchantReferenceId?: string;
  promotionCode?: string;
  metadata?: Record<string, string>;
  platformType?: PlatformType;
  deviceType?: DeviceType;
}

/** `walletHandleRedirectOrDisplayQrCode` of an action. */
export interface WalletDetails {
  imageUrlPng?: string;
  imageUrlSvg?: string;
  imageDataUrl?: string;
  hostedInstructionsUrl?: string;
  mobileAuthUrl?: string;
  fallbackUrl?: string;
  packageName?: string;
  /** Unix seconds. */
  expiresAt?: number;
  /** Seconds left when the response was produced; 0 means expired. */
  expiresSecond?: number;
}

/** What the sandbox asks the browser to do next. */
export interface ClinkAction {
  redirectUrl?: string;
  method?: 'GET' | 'POST';
  postData?: Record<string, string>;
  type: string;
  paymentMethodType: PaymentMethodType;
  walletHandleRedirectOrDisplayQrCode?: WalletDetails;
}

/** Integer status of `POST /payment`: 1 succeeded, 2 pending, 3 failed, 5 next action. */
export type PaymentStatusCode = 1 | 2 | 3 | 5;

/** `data` of `POST /payment`. */
export interface PaymentResponseData {
  orderId: string;
  sessionId: string;
  status: PaymentStatusCode;
  amount: number;
  currency: string;
  action?: ClinkAction;
}

/** `data` of `POST /payment/{orderId}/qrcode/refresh`. */
export interface QrRefreshResponseData {
  orderId: string;
  action: ClinkAction;
}

/** Order status strings of `GET /order/{id}`. */
export type OrderStatus = 'success' | 'failed' | 'requires_action' | 'pending' | 'partial_refunded' | 'refunded';

export interface PaymentExecutionDetail {
  channelCode: string;
  channelTransactionId: string;
  originalFailureCode?: string;
  originalFailureMessage?: string;
}

/** `data` of `GET /order/{id}`: the full documented order shape. */
export interface SandboxOrder {
  orderId: string;
  type: 'onetime';
  merchantReferenceId?: string;
  customerId?: string;
  customerEmail?: string;
  createTime: number;
  productId?: string;
  priceId?: string;
  priceDataList?: PriceData[];
  paymentMethod: { paymentMethodType: PaymentMethodType; paymentInstrumentId: string };
  amountSubtotal: number;
  amountTotal: number;
  paymentCurrency: string;
  originalCurrency: string;
  status: OrderStatus;
  paymentTime?: number;
  sessionId: string;
  metadata?: Record<string, string>;
  riskLevel: string;
  paymentExecutionDetails: PaymentExecutionDetail[];
}

/** Clink's response envelope. */
export interface ClinkEnvelope<T> {
  code: number;
  msg: string;
  data: T;
}

/** A webhook event as the sandbox sends it. */
export interface SandboxWebhookEvent {
  id: string;
  object: 'event';
  /** Milliseconds since the epoch. */
  created: number;
  type: WebhookEventType;
  data: SandboxOrder;
}

export type WebhookEventType = 'order.created' | 'order.next_action' | 'order.succeeded' | 'order.failed';
