import {
  isPaymentMethodType,
  isWalletMethod,
  type ClinkAction,
  type ClinkOrder,
  type ClinkWalletDetails,
} from '@clink-checkout/protocol';
import { ClinkApiError } from '../errors.js';
import { unknownOutcome, type CreatedThing } from './transport.js';
import type { ClinkQrRefreshResponse, Payment, PaymentInstrument, PaymentStatus } from '../types.js';

/**
 * Maps Clink's integer create status to ours: 1 succeeded, 2 pending, 3 failed, 5 requires_action.
 * Clink's own example omits `status`; then an `action` means the customer must act, and no action
 * means pending. Unknown codes follow the same rule: never claim a success we were not told about.
 */
export function derivePaymentStatus(code: number | undefined, action?: ClinkAction): PaymentStatus {
  switch (code) {
    case 1:
      return 'succeeded';
    case 2:
      return 'pending';
    case 3:
      return 'failed';
    case 5:
      return 'requires_action';
    default:
      return action === undefined ? 'pending' : 'requires_action';
  }
}

/** Thrown when Clink said "success" but the data is not what the API reference promises. */
class ResponseShapeError extends Error {}

function shapeError(path: string, message: string): never {
  throw new ResponseShapeError(`${path} ${message}`);
}

/**
 * Converts a shape problem into a `ClinkApiError` that names the request and the field. For a create
 * (`creates`), Clink answered success, so what it created exists even though we cannot read it.
 */
export function parseResponse<T>(label: string, path: string, parse: () => T, options: { creates?: CreatedThing } = {}): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ResponseShapeError)) throw error;
    const message = `unexpected answer to ${label}: ${error.message}.${options.creates ? unknownOutcome(options.creates) : ''}`;
    throw new ClinkApiError('invalid_response', message, { path, statusCode: 200 });
  }
}

function asObject(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) shapeError(path, 'is not an object');
  return value as Record<string, unknown>;
}

function requiredString(record: Record<string, unknown>, key: string, path: string): string {
  const value = record[key];
  if (typeof value !== 'string' || value === '') shapeError(`${path}.${key}`, 'is missing');
  return value;
}

function optionalString(record: Record<string, unknown>, key: string, path: string): string | undefined {
  const value = record[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') shapeError(`${path}.${key}`, 'is not a string');
  return value;
}

/** Amounts may arrive as JSON numbers or as decimal strings (a BigDecimal serialised as text). */
function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return undefined;
}

function optionalNumber(record: Record<string, unknown>, key: string, path: string): number | undefined {
  const raw = record[key];
  if (raw === undefined || raw === null) return undefined;
  const value = toNumber(raw);
  if (value === undefined) shapeError(`${path}.${key}`, 'is not a number');
  return value;
}

const WALLET_STRING_FIELDS = [
  'imageUrlPng',
  'imageUrlSvg',
  'imageDataUrl',
  'hostedInstructionsUrl',
  'mobileAuthUrl',
  'fallbackUrl',
  'packageName',
] as const;

function parseWallet(value: unknown, path: string): ClinkWalletDetails {
  const record = asObject(value, path);
  const wallet: ClinkWalletDetails = {};
  for (const key of WALLET_STRING_FIELDS) {
    const field = optionalString(record, key, path);
    if (field !== undefined && field !== '') wallet[key] = field;
  }
  const expiresAt = optionalNumber(record, 'expiresAt', path);
  if (expiresAt !== undefined) wallet.expiresAt = expiresAt;
  const expiresSecond = optionalNumber(record, 'expiresSecond', path);
  if (expiresSecond !== undefined) wallet.expiresSecond = expiresSecond;
  return wallet;
}

/** Keeps only the documented action fields, with their documented types. */
export function parseAction(value: unknown, path: string): ClinkAction {
  const record = asObject(value, path);
  const action: ClinkAction = {};
  const redirectUrl = optionalString(record, 'redirectUrl', path);
  if (redirectUrl !== undefined && redirectUrl !== '') action.redirectUrl = redirectUrl;
  const method = optionalString(record, 'method', path)?.toUpperCase();
  if (method !== undefined && method !== '') {
    if (method !== 'GET' && method !== 'POST') shapeError(`${path}.method`, `is ${JSON.stringify(method)}, not GET or POST`);
    action.method = method;
  }
  if (record.postData !== undefined && record.postData !== null) {
    const postData = asObject(record.postData, `${path}.postData`);
    action.postData = Object.fromEntries(
      Object.entries(postData).map(([key, field]) => {
        if (typeof field === 'number' || typeof field === 'boolean') return [key, String(field)];
        if (typeof field !== 'string') shapeError(`${path}.postData.${key}`, 'is not a string');
        return [key, field];
      }),
    );
  }
  // Clink's method enum; a value it adds later is left out rather than refused (the browser knows the method).
  const type = optionalString(record, 'type', path)?.toUpperCase();
  if (isPaymentMethodType(type)) action.type = type;
  // Free text in Clink's types: never a reason to refuse an answer.
  const methodType = optionalString(record, 'paymentMethodType', path);
  if (methodType !== undefined) action.paymentMethodType = methodType;
  const wallet = record.walletHandleRedirectOrDisplayQrCode;
  if (wallet !== undefined && wallet !== null) {
    action.walletHandleRedirectOrDisplayQrCode = parseWallet(wallet, `${path}.walletHandleRedirectOrDisplayQrCode`);
  }
  return action;
}

/**
 * `data` of `POST /payment` -> `Payment`. Only `orderId` is needed (without it the payment cannot be
 * followed); `amount`, `currency`, `sessionId` and `status` are optional in Clink's types.
 */
export function parsePayment(data: unknown): Payment {
  const record = asObject(data, 'data');
  const statusCode = optionalNumber(record, 'status', 'data');
  const action =
    record.action === undefined || record.action === null ? undefined : parseAction(record.action, 'data.action');
  const payment: Payment = { orderId: requiredString(record, 'orderId', 'data'), status: derivePaymentStatus(statusCode, action) };
  const sessionId = optionalString(record, 'sessionId', 'data');
  if (sessionId !== undefined && sessionId !== '') payment.sessionId = sessionId;
  if (action !== undefined) payment.action = action;
  const amount = optionalNumber(record, 'amount', 'data');
  if (amount !== undefined) payment.amount = amount;
  const currency = optionalString(record, 'currency', 'data');
  if (currency !== undefined && currency !== '') payment.currency = currency;
  return payment;
}

/** `data` of `POST /payment/{orderId}/qrcode/refresh`; `orderId` is optional in Clink's types. */
export function parseQrRefresh(data: unknown, requestedOrderId: string): ClinkQrRefreshResponse {
  const record = asObject(data, 'data');
  if (record.action === undefined || record.action === null) shapeError('data.action', 'is missing');
  const orderId = optionalString(record, 'orderId', 'data');
  return { orderId: orderId === undefined || orderId === '' ? requestedOrderId : orderId, action: parseAction(record.action, 'data.action') };
}

/**
 * `data` of `GET /order/{id}`. Every field is optional in Clink's types and passes through as Clink
 * sent it (so new fields reach merchants); amounts and times sent as decimal strings become numbers,
 * and a missing `orderId` is the one asked for. `status` may be one Clink added later: callers treat
 * an unknown one as "not final".
 */
export function parseOrder(data: unknown, requestedOrderId: string, path = 'data'): ClinkOrder {
  const record = asObject(data, path);
  const order: Record<string, unknown> = { ...record };
  const orderId = optionalString(record, 'orderId', path);
  if (orderId === undefined || orderId === '') order.orderId = requestedOrderId;
  optionalString(record, 'status', path);
  for (const key of ['amountSubtotal', 'amountTotal', 'createTime', 'paymentTime'] as const) {
    const value = optionalNumber(record, key, path);
    if (value === undefined) delete order[key];
    else order[key] = value;
  }
  return order as ClinkOrder;
}

/** `data` of `POST /payment-instrument`: the new instrument's `id` is what the caller needs. */
export function parsePaymentInstrument(data: unknown): PaymentInstrument {
  const record = asObject(data, 'data');
  const instrument: Record<string, unknown> = { ...record, id: requiredString(record, 'id', 'data') };
  const type = optionalString(record, 'type', 'data');
  // A type Clink adds later is left out rather than refused: the instrument was created and is usable.
  if (!(isPaymentMethodType(type) && isWalletMethod(type))) delete instrument.type;
  const created = optionalNumber(record, 'created', 'data');
  if (created === undefined) delete instrument.created;
  else instrument.created = created;
  return instrument as unknown as PaymentInstrument;
}
