/**
 * Clink's wire types come from `@clink-checkout/protocol` (one copy for every package); this module
 * re-exports what merchants import from `@clink-checkout/server` under the names they know, and adds the
 * normalised shapes this package hands back.
 */
import type {
  ClinkAction,
  ClinkCreatePaymentData,
  ClinkCreatePaymentInstrumentRequest,
  ClinkCreatePaymentRequest,
  ClinkPaymentInstrument,
  ClinkPriceData,
  ClinkWalletDetails,
  PaymentStatus,
} from '@clink-checkout/protocol';

export {
  PAYMENT_METHOD_TYPES,
  PAYMENT_METHODS,
  isPaymentMethodType,
  isWalletMethod,
  PLATFORM_TYPES,
  DEVICE_TYPES,
  ORDER_STATUSES,
  PAYMENT_STATUS_CODES,
  ORDER_EVENT_TYPES,
  REFUND_EVENT_TYPES,
  REFUND_STATUSES,
  CLINK_BASE_URLS,
  type PaymentMethodType,
  type PaymentMethodInfo,
  type WalletMethodType,
  type PlatformType,
  type DeviceType,
  type ClinkAction,
  type ClinkEnvelope,
  type ClinkEnvironment,
  type ClinkOrder,
  type ClinkOrderStatus,
  type ClinkPaymentStatusCode,
  type ClinkPaymentExecutionDetail,
  type ClinkPaymentInstrument,
  type ClinkCardDetails,
  type ClinkRefund,
  type ClinkRefundStatus,
  type ClinkOrderEventType,
  type ClinkRefundEventType,
  type ClinkWebhookBody,
  type PaymentStatus,
  API_KEY_HEADER,
  REQUEST_TIMESTAMP_HEADER,
  SUCCESS_CODE,
  // The checkout handler's contract with the browser.
  ORDER_TOKEN_HEADER,
  IDEMPOTENCY_KEY_HEADER,
  PAYMENT_STATUSES,
  type CreateCheckoutPaymentRequest,
  type CheckoutPaymentResponse,
  type CheckoutStatusResponse,
  type CheckoutRefreshResponse,
  type CheckoutErrorType,
  type CheckoutErrorBody,
} from '@clink-checkout/protocol';

/**
 * Body of Clink's `POST /payment` (`ClinkCreatePaymentRequest` in `@clink-checkout/protocol`). Fields
 * Clink adds later may be passed too: they are sent as given.
 */
export type CreatePaymentParams = ClinkCreatePaymentRequest;

/**
 * Body of Clink's `POST /payment-instrument` (`ClinkCreatePaymentInstrumentRequest`): a wallet
 * instrument for a customer. `CARD` is not accepted: cards are saved through Clink's hosted pages.
 */
export type CreatePaymentInstrumentParams = ClinkCreatePaymentInstrumentRequest;

/** A price line of `priceDataList` (`ClinkPriceData`). */
export type PriceData = ClinkPriceData;

/** `walletHandleRedirectOrDisplayQrCode` of an action (`ClinkWalletDetails`). */
export type WalletDetails = ClinkWalletDetails;

/** `data` of a `POST /payment` answer as Clink sends it (`ClinkCreatePaymentData`): every field optional. */
export type ClinkPaymentResponse = ClinkCreatePaymentData;

/** A QR refresh (`POST /payment/{orderId}/qrcode/refresh`), normalised: the order id and the new action. */
export interface ClinkQrRefreshResponse {
  orderId: string;
  action: ClinkAction;
}

/** A created payment, normalised from Clink's answer. */
export interface Payment {
  /** Always present: an answer without one cannot be followed and is reported as `invalid_response`. */
  orderId: string;
  sessionId?: string;
  /** From Clink's integer `status` (see `derivePaymentStatus`). */
  status: PaymentStatus;
  action?: ClinkAction;
  /** What is being charged, when Clink said so: optional in Clink's types (a failed payment may have none). */
  amount?: number;
  currency?: string;
}

/** A payment instrument Clink created (`PaymentInstrumentApiVo`), with the id it always needs. */
export type PaymentInstrument = ClinkPaymentInstrument & { id: string };
