/**
 * Reads the order out of a verified Clink webhook. A signature proves who sent an event, not that
 * its fields have the types Clink documents; this reader checks every field the shop uses, so a
 * malformed event is acknowledged and set aside instead of failing (and being re-delivered) forever.
 */
import type { ClinkWebhookEvent } from '@clink-checkout/server';
import { ORDER_REFERENCE_PREFIX, type OrderDetails } from './orders.js';

export type WebhookOrder =
  /** One of this shop's orders, with the status Clink reports. */
  | { kind: 'order'; details: OrderDetails; clinkStatus: string }
  /** Not an order of this shop: another shop's on the same account, or not an order (refunds). */
  | { kind: 'not_ours'; orderId: string | undefined }
  /** Signed, but a field the shop reads has a type Clink does not send: nothing is changed. */
  | { kind: 'unusable'; orderId: string | undefined; problems: string[] };

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads fields of one type each, collecting "path must be …" for every one of another type. */
class FieldReader {
  readonly problems: string[] = [];

  string(fields: Fields, key: string, path: string, required = false): string | undefined {
    return this.#read(fields, key, path, required, 'a string', (value): value is string => typeof value === 'string');
  }

  number(fields: Fields, key: string, path: string): number | undefined {
    return this.#read(fields, key, path, false, 'a number', (value): value is number => typeof value === 'number' && Number.isFinite(value));
  }

  object(fields: Fields, key: string, path: string): Fields {
    return this.#read(fields, key, path, false, 'an object', isFields) ?? {};
  }

  /** The first element of an array field, which must be an object when present. */
  firstObject(fields: Fields, key: string, path: string): Fields {
    const list = this.#read(fields, key, path, false, 'an array', Array.isArray);
    if (list === undefined || list.length === 0) return {};
    if (isFields(list[0])) return list[0];
    this.problems.push(`${path}[0] must be an object`);
    return {};
  }

  #read<T>(fields: Fields, key: string, path: string, required: boolean, expected: string, is: (value: unknown) => value is T): T | undefined {
    const value = fields[key];
    if (value === undefined || value === null) {
      if (required) this.problems.push(`${path} is missing`);
      return undefined;
    }
    if (is(value)) return value;
    this.problems.push(`${path} must be ${expected}`);
    return undefined;
  }
}

export function readWebhookOrder(event: ClinkWebhookEvent): WebhookOrder {
  const data: unknown = event.data;
  const orderId = isFields(data) && typeof data.orderId === 'string' ? data.orderId : undefined;
  // Refund events carry a refund, not an order: nothing here for the order records.
  if (!event.type.startsWith('order.')) return { kind: 'not_ours', orderId };
  if (!isFields(data)) return { kind: 'unusable', orderId, problems: ['data must be an object'] };

  const read = new FieldReader();
  read.string(data, 'orderId', 'data.orderId', true);
  const status = read.string(data, 'status', 'data.status', true);
  const reference = read.string(data, 'merchantReferenceId', 'data.merchantReferenceId');
  const amount = read.number(data, 'amountTotal', 'data.amountTotal');
  const currency = read.string(data, 'paymentCurrency', 'data.paymentCurrency');
  const metadata = read.object(data, 'metadata', 'data.metadata');
  const productId = read.string(metadata, 'productId', 'data.metadata.productId');
  const quantity = read.string(metadata, 'quantity', 'data.metadata.quantity');
  const method = read.object(data, 'paymentMethod', 'data.paymentMethod');
  const paymentMethodType = read.string(method, 'paymentMethodType', 'data.paymentMethod.paymentMethodType');
  const firstItem = read.firstObject(data, 'priceDataList', 'data.priceDataList');
  const productName = read.string(firstItem, 'name', 'data.priceDataList[0].name');

  if (read.problems.length > 0 || orderId === undefined || status === undefined) {
    return { kind: 'unusable', orderId, problems: read.problems };
  }
  if (reference === undefined || !reference.startsWith(ORDER_REFERENCE_PREFIX)) return { kind: 'not_ours', orderId };
  const count = Number(quantity);
  return {
    kind: 'order',
    clinkStatus: status,
    details: {
      orderId,
      reference,
      productId,
      productName,
      quantity: Number.isInteger(count) && count > 0 ? count : undefined,
      amount,
      currency,
      paymentMethodType,
    },
  };
}
