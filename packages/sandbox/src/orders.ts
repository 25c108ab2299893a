import type { CardFlow } from './cards.js';
import {
  PAYMENT_METHODS,
  type ClinkOrderEventType,
  type ClinkOrderStatus,
  type ClinkPaymentExecutionDetail,
  type PaymentMethodType,
} from '@clink-checkout/protocol';
import type { Device } from './device.js';
import type { SandboxInstrument } from './instruments.js';
import type { OrderShape } from './variants.js';
import type { SandboxOrder } from './types.js';

/** The QR (or wallet session) currently issued for an order. */
export interface QrState {
  /** Part of every QR payload and link, so a refreshed QR differs from the old one. */
  token: string;
  expiresAtMs: number;
}

/** What the sandbox keeps per order; `order` is exactly what `GET /order` returns. */
export interface OrderRecord {
  order: SandboxOrder;
  /** The instrument that pays. */
  instrument: SandboxInstrument;
  /** How answers about this order are written (the default shape, or one the varied sandbox chose). */
  shape: OrderShape;
  returnUrl: string;
  /** Origin of the sandbox's own pages, fixed when the order is created. */
  baseUrl: string;
  device: Device;
  /** CARD only. */
  cardFlow?: CardFlow;
  /** CARD only: the token the 3-D Secure POST form carries as `PaReq`. */
  challengeToken?: string;
  /** Wallets only. */
  qr?: QrState;
}

/** A change to an order, whether from a page, a test control or the clock. */
export type OrderEvent =
  | { type: 'approve'; at: number; channelTransactionId: string }
  | { type: 'decline'; at: number; channelTransactionId: string }
  | { type: 'expire'; at: number; channelTransactionId: string }
  | { type: 'refresh_qr'; qr: QrState };

export type TransitionResult =
  | { ok: true; webhook: ClinkOrderEventType | undefined }
  | { ok: false; message: string };

/** Only CASHAPP QR codes can be refreshed (the method table's `refreshableQr`), so only CASHAPP orders outlive their QR. */
export function isRefreshable(method: PaymentMethodType): boolean {
  return PAYMENT_METHODS[method].refreshableQr;
}

export function isFinal(status: ClinkOrderStatus): boolean {
  return status !== 'requires_action' && status !== 'pending';
}

/** The one place where an order changes; every branch says which webhook (if any) follows. */
export function applyOrderEvent(record: OrderRecord, event: OrderEvent): TransitionResult {
  const { order } = record;
  if (isFinal(order.status)) return { ok: false, message: `order ${order.orderId} is already ${order.status}` };
  const method = order.paymentMethod.paymentMethodType;
  switch (event.type) {
    case 'approve':
      order.status = 'success';
      order.paymentTime = event.at;
      order.paymentExecutionDetails = [{ channelCode: method, channelTransactionId: event.channelTransactionId }];
      return { ok: true, webhook: 'order.succeeded' };
    case 'decline':
      fail(order, failureDetail(method, event.channelTransactionId, 'DECLINED', 'The customer or the issuer declined the payment'));
      return { ok: true, webhook: 'order.failed' };
    case 'expire':
      // CASHAPP too: Clink tells a browser that a QR code is over only through the order's status (or the
      // code's own expiresAt), so a code ended early with the order left open would be a code nobody can
      // know is dead. A CASHAPP code that reaches its own expiresAt waits for a refresh instead.
      fail(order, failureDetail(method, event.channelTransactionId, 'EXPIRED', 'The payment expired before the customer completed it'));
      return { ok: true, webhook: 'order.failed' };
    case 'refresh_qr':
      if (!isRefreshable(method)) return { ok: false, message: `QR code refresh is only supported for CASHAPP, not ${method}` };
      record.qr = event.qr;
      return { ok: true, webhook: 'order.next_action' };
    default:
      return event satisfies never;
  }
}

function fail(order: SandboxOrder, detail: ClinkPaymentExecutionDetail): void {
  order.status = 'failed';
  order.paymentExecutionDetails = [detail];
}

function failureDetail(method: PaymentMethodType, channelTransactionId: string, code: string, message: string): ClinkPaymentExecutionDetail {
  return { channelCode: method, channelTransactionId, originalFailureCode: code, originalFailureMessage: message };
}

/** A deep copy, so callers can never change the stored order. */
export function snapshotOrder(order: SandboxOrder): SandboxOrder {
  return structuredClone(order);
}
