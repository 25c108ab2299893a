import {
  PAYMENT_STATUS_CODES,
  type ClinkCreatePaymentData,
  type ClinkOrder,
  type ClinkOrderEventType,
  type ClinkPaymentInstrument,
} from '@clink-checkout/protocol';
import { buildAction } from './actions.js';
import { instrumentForWire, type SandboxInstrument } from './instruments.js';
import { isFinal, snapshotOrder, type OrderRecord } from './orders.js';
import type { SandboxWebhookEvent } from './types.js';
import type { EventShape, InstrumentShape } from './variants.js';

/**
 * The sandbox's records as they go out on the wire, written in the shape chosen for them. The default
 * shape sends every field; a varied one leaves out what Clink marks optional, spells things the other ways
 * Clink allows, and reports a status Clink has not documented until the order is final.
 */

const STATUS_CODES = {
  success: PAYMENT_STATUS_CODES.succeeded,
  pending: PAYMENT_STATUS_CODES.pending,
  failed: PAYMENT_STATUS_CODES.failed,
  requires_action: PAYMENT_STATUS_CODES.requires_action,
} as const;

/** `data` of `POST /payment`. */
export function createPaymentData(record: OrderRecord, now: number): ClinkCreatePaymentData {
  const { order, shape } = record;
  const omit = shape.createOmits;
  return {
    orderId: order.orderId,
    ...(omit.sessionId ? {} : { sessionId: order.sessionId }),
    ...(omit.status ? {} : { status: STATUS_CODES[order.status as keyof typeof STATUS_CODES] ?? PAYMENT_STATUS_CODES.pending }),
    ...(omit.amount ? {} : { amount: order.amountTotal, currency: order.paymentCurrency }),
    ...(order.status === 'requires_action' ? { action: buildAction(record, now) } : {}),
  };
}

/** The order as webhooks carry it. */
export function orderForWire(record: OrderRecord): ClinkOrder {
  const order: ClinkOrder = snapshotOrder(record.order);
  for (const field of record.shape.orderOmits) delete order[field];
  return order;
}

/**
 * `data` of `GET /order/{id}`: the webhook's order, except that a varied order may report a status Clink
 * has not documented (yet) until it is final. Only reads do, so webhook bodies stay within Clink's types.
 */
export function orderForRead(record: OrderRecord): ClinkOrder {
  const order = orderForWire(record);
  const { unknownStatus } = record.shape;
  if (unknownStatus !== undefined && !isFinal(record.order.status)) order.status = unknownStatus;
  return order;
}

/** A webhook body: `created` and the place of the order as the event's shape says. */
export function webhookEvent(id: string, type: ClinkOrderEventType, record: OrderRecord, now: number, shape: EventShape): SandboxWebhookEvent {
  const order = orderForWire(record);
  return {
    id,
    object: 'event',
    created: createdField(now, shape.created),
    type,
    data: shape.nesting === 'data.object' ? { object: order } : order,
  };
}

function createdField(now: number, form: EventShape['created']): string | number {
  switch (form) {
    case 'iso':
      return new Date(now).toISOString();
    case 'ms':
      return now;
    case 's':
      return Math.floor(now / 1000);
    default:
      return form satisfies never;
  }
}

/** `data` of `POST /payment-instrument`. */
export function instrumentAnswer(instrument: SandboxInstrument, shape: InstrumentShape): ClinkPaymentInstrument {
  const answer = instrumentForWire(instrument);
  if (shape.omitWallet) delete answer.wallet;
  if (shape.omitCreated) delete answer.created;
  return answer;
}
