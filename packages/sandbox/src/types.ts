import type {
  ClinkCreatePaymentData,
  ClinkCreatePaymentRequest,
  ClinkOrder,
  ClinkOrderEventType,
  ClinkOrderStatus,
  ClinkPaymentExecutionDetail,
  ClinkPaymentStatusCode,
  ClinkPriceData,
  ClinkQrRefreshData,
  ClinkWalletDetails,
  ClinkWebhookBody,
  PaymentMethodType,
} from '@clink-checkout/protocol';

export type { ClinkAction, ClinkEnvelope } from '@clink-checkout/protocol';

/** A `POST /payment` body once the sandbox has read it: Clink's request type, with `currency` in uppercase. */
export type CreatePaymentBody = ClinkCreatePaymentRequest;

/**
 * The sandbox's own record of an order: Clink's `GET /order` shape with every field the sandbox always
 * knows. API answers and webhooks carry it as is by default; under variants they may leave fields out.
 */
export interface SandboxOrder extends ClinkOrder {
  orderId: string;
  type: 'onetime';
  /** The customer the payment resolved to. */
  customerId: string;
  createTime: number;
  paymentMethod: { paymentMethodType: PaymentMethodType; paymentInstrumentId: string };
  amountSubtotal: number;
  amountTotal: number;
  paymentCurrency: string;
  originalCurrency: string;
  status: ClinkOrderStatus;
  sessionId: string;
  riskLevel: string;
  paymentExecutionDetails: ClinkPaymentExecutionDetail[];
}

/** A webhook body as the sandbox sends it (`EventOrderVo`). */
export interface SandboxWebhookEvent extends ClinkWebhookBody<ClinkOrderEventType, ClinkOrder> {
  id: string;
  object: 'event';
  /** An ISO 8601 string by default (Clink's published type); integer ms or s under variants. */
  created: string | number;
  type: ClinkOrderEventType;
  /** The order, or (under variants, as seen in real traffic) `{ object: order }`. */
  data: ClinkOrder | { object: ClinkOrder };
}

/** @deprecated Use `ClinkPriceData` from `@clink-checkout/protocol`. */
export type PriceData = ClinkPriceData;
/** @deprecated Use `ClinkWalletDetails` from `@clink-checkout/protocol`. */
export type WalletDetails = ClinkWalletDetails;
/** @deprecated Use `ClinkPaymentStatusCode` from `@clink-checkout/protocol`. */
export type PaymentStatusCode = ClinkPaymentStatusCode;
/** @deprecated Use `ClinkCreatePaymentData` from `@clink-checkout/protocol`. */
export type PaymentResponseData = ClinkCreatePaymentData;
/** @deprecated Use `ClinkQrRefreshData` from `@clink-checkout/protocol`. */
export type QrRefreshResponseData = ClinkQrRefreshData;
/** @deprecated Use `ClinkOrderStatus` from `@clink-checkout/protocol`. */
export type OrderStatus = ClinkOrderStatus;
/** @deprecated Use `ClinkPaymentExecutionDetail` from `@clink-checkout/protocol`. */
export type PaymentExecutionDetail = ClinkPaymentExecutionDetail;
/** @deprecated Use `ClinkOrderEventType` from `@clink-checkout/protocol`. */
export type WebhookEventType = ClinkOrderEventType;
