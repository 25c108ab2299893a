import { ClinkApiError } from '../errors.js';
import {
  ORDER_STATUSES,
  PAYMENT_METHOD_TYPES,
  type ClinkAction,
  type ClinkOrder,
  type ClinkQrRefreshResponse,
  type Payment,
  type PaymentStatus,
  type WalletDetails,
} from '../types.js';

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

/** Converts a shape problem into a `ClinkApiError` that names the request and the field. */
export function parseResponse<T>(label: string, path: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof ResponseShapeError)) throw error;
    throw new ClinkApiError('invalid_response', `unexpected answer to ${label}: ${error.message}`, { path, statusCode: 200 });
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

function requiredNumber(record: Record<string, unknown>, key: string, path: string): number {
  const value = toNumber(record[key]);
  if (value === undefined) shapeError(`${path}.${key}`, 'is missing or not a number');
  return value;
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

function parseWallet(value: unknown, path: string): WalletDetails {
  const record = asObject(value, path);
  const wallet: WalletDetails = {};
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
  const type = optionalString(record, 'type', path);
  if (type !== undefined) action.type = type;
  const methodType = optionalString(record, 'paymentMethodType', path);
  if (methodType !== undefined) {
    if (!(PAYMENT_METHOD_TYPES as readonly string[]).includes(methodType)) {
      shapeError(`${path}.paymentMethodType`, `is ${JSON.stringify(methodType)}, not a known payment method`);
    }
    action.paymentMethodType = methodType as ClinkAction['paymentMethodType'];
  }
  const wallet = record.walletHandleRedirectOrDisplayQrCode;
  if (wallet !== undefined && wallet !== null) {
    action.walletHandleRedirectOrDisplayQrCode = parseWallet(wallet, `${path}.walletHandleRedirectOrDisplayQrCode`);
  }
  return action;
}

/** `data` of `POST /payment` -> `Payment`. */
export function parsePayment(data: unknown): Payment {
  const record = asObject(data, 'data');
  const orderId = requiredString(record, 'orderId', 'data');
  const sessionId = optionalString(record, 'sessionId', 'data') ?? '';
  const statusCode = optionalNumber(record, 'status', 'data');
  const action =
    record.action === undefined || record.action === null ? undefined : parseAction(record.action, 'data.action');
  const payment: Payment = {
    orderId,
    sessionId,
    status: derivePaymentStatus(statusCode, action),
    amount: requiredNumber(record, 'amount', 'data'),
    currency: requiredString(record, 'currency', 'data'),
  };
  if (action !== undefined) payment.action = action;
  return payment;
}

/** `data` of `POST /payment/{orderId}/qrcode/refresh`. */
export function parseQrRefresh(data: unknown): ClinkQrRefreshResponse {
  const record = asObject(data, 'data');
  if (record.action === undefined || record.action === null) shapeError('data.action', 'is missing');
  return { orderId: requiredString(record, 'orderId', 'data'), action: parseAction(record.action, 'data.action') };
}

/**
 * `data` of `GET /order/{id}`. The fields our code relies on are checked; the rest passes
 * through as Clink sent it, so new fields do not break merchants.
 */
export function parseOrder(data: unknown, path = 'data'): ClinkOrder {
  const record = asObject(data, path);
  requiredString(record, 'orderId', path);
  const status = record.status;
  if (typeof status !== 'string' || !(ORDER_STATUSES as readonly string[]).includes(status)) {
    shapeError(`${path}.status`, `is ${JSON.stringify(status) ?? 'missing'}, not one of ${ORDER_STATUSES.join(', ')}`);
  }
  const order = { ...record } as Record<string, unknown>;
  for (const key of ['amountSubtotal', 'amountTotal', 'createTime', 'paymentTime'] as const) {
    const value = optionalNumber(record, key, path);
    if (value !== undefined) order[key] = value;
  }
  if (order.amountTotal === undefined) shapeError(`${path}.amountTotal`, 'is missing');
  requiredString(record, 'paymentCurrency', path);
  return order as unknown as ClinkOrder;
}
