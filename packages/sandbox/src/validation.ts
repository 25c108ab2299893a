import {
  DEVICE_TYPES,
  PAYMENT_METHOD_TYPES,
  PLATFORM_TYPES,
  type ClinkCreatePaymentInstrumentRequest,
  type ClinkPriceData,
  type WalletMethodType,
} from '@clink-checkout/protocol';
import type { CreatePaymentBody } from './types.js';
import { dropUndefined } from './objects.js';

/**
 * The sandbox's own reading of Clink's request rules; the first broken rule wins. Each rule names its
 * source in Clink's published reference (OpenAPI schema names are Clink's). What Clink does not forbid
 * is accepted: unknown fields, `null` (read as absent), both price forms together, any number of
 * decimals, a lowercase currency (answered in uppercase).
 */
export type ValidationResult<T> = { ok: true; value: T } | { ok: false; field: string; message: string };

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

// Source: "Three-letter ISO currency code" (OpenAPI PriceData.currency, SessionCreateReq.originalCurrency).
// Case is not a rule: Clink normalises currencies to uppercase (OpenAPI CreateSubscriptionApiRequest.paymentCurrency).
const CURRENCY_PATTERN = /^[A-Za-z]{3}$/;

const WALLET_TYPES = PAYMENT_METHOD_TYPES.filter((method): method is WalletMethodType => method !== 'CARD');

export function validateCreatePayment(input: unknown): ValidationResult<CreatePaymentBody> {
  return run(() => readCreatePayment(input));
}

export function validateCreateInstrument(input: unknown): ValidationResult<ClinkCreatePaymentInstrumentRequest> {
  return run(() => readCreateInstrument(input));
}

function run<T>(read: () => T): ValidationResult<T> {
  try {
    return { ok: true, value: read() };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

function readCreatePayment(input: unknown): CreatePaymentBody {
  if (!isRecord(input)) throw new FieldError('body', 'request body must be a JSON object');

  // Source: OpenAPI CreatePaymentApiRequest.paymentInstrumentId (required), paymentMethodType (required,
  // "Supported values are uppercase"), returnUrl (required, "URL where the customer is redirected": so absolute).
  const paymentInstrumentId = requiredString(input, 'paymentInstrumentId');
  const paymentMethodType = requiredEnum(input, 'paymentMethodType', PAYMENT_METHOD_TYPES);
  const returnUrl = requiredString(input, 'returnUrl');
  if (!isAbsoluteUrl(returnUrl)) throw new FieldError('returnUrl', 'returnUrl must be an absolute URL');

  const customer = readCustomerIdentifiers(input);

  // Source: OpenAPI CreatePaymentApiRequest.priceId: "If provided, productId is required". A productId
  // alone, or both price forms together, is not forbidden.
  const priceId = optionalString(input, 'priceId');
  const productId = optionalString(input, 'productId');
  if (priceId !== undefined && !productId) throw new FieldError('productId', 'productId is required when priceId is given');

  const amount = optionalNumber(input, 'amount');
  const currency = optionalCurrency(input, 'currency');
  // Source: OpenAPI CreatePaymentApiRequest.amount / currency: "Required with currency when priceId is not provided".
  if (priceId === undefined) {
    if (amount === undefined) throw new FieldError('amount', 'amount is required unless priceId is given');
    if (currency === undefined) throw new FieldError('currency', 'currency is required unless priceId is given');
  }
  if (amount !== undefined) checkPositive(amount, 'amount');

  const priceDataList = optionalPriceDataList(input);
  // Source: the OpenAPI types (strings, a string map "Values must be strings", and the two enums).
  const merchantReferenceId = optionalString(input, 'merchantReferenceId');
  const promotionCode = optionalString(input, 'promotionCode');
  const metadata = optionalMetadata(input);
  const platformType = optionalEnum(input, 'platformType', PLATFORM_TYPES);
  const deviceType = optionalEnum(input, 'deviceType', DEVICE_TYPES);

  return dropUndefined({
    paymentInstrumentId,
    paymentMethodType,
    returnUrl,
    ...customer,
    priceId,
    productId,
    amount,
    currency,
    priceDataList,
    merchantReferenceId,
    promotionCode,
    metadata,
    platformType,
    deviceType,
  });
}

function readCreateInstrument(input: unknown): ClinkCreatePaymentInstrumentRequest {
  if (!isRecord(input)) throw new FieldError('body', 'request body must be a JSON object');
  const customer = readCustomerIdentifiers(input);
  // Source: OpenAPI CreatePaymentInstrumentApiRequest.paymentInstrumentType (required, uppercase enum without
  // CARD): "Card and browser-wallet payment instruments are not supported by this API".
  if (input.paymentInstrumentType === 'CARD') {
    throw new FieldError(
      'paymentInstrumentType',
      "paymentInstrumentType CARD cannot be created through this API: a card is saved through Clink's hosted pages",
    );
  }
  const paymentInstrumentType = requiredEnum(input, 'paymentInstrumentType', WALLET_TYPES);
  return dropUndefined({
    ...customer,
    paymentInstrumentType,
    customerName: optionalString(input, 'customerName'),
    subPaymentMethodType: optionalString(input, 'subPaymentMethodType'),
    metadata: optionalMetadata(input),
  });
}

/**
 * Source: OpenAPI CreatePaymentApiRequest / CreatePaymentInstrumentApiRequest: "Provide at least one
 * customer identifier"; SessionCreateReq: "If all three are empty, the request fails with CUSTOMER_NOT_FOUND".
 */
function readCustomerIdentifiers(input: Record<string, unknown>): { customerId?: string; customerEmail?: string; referenceCustomerId?: string } {
  const customerId = nonEmpty(optionalString(input, 'customerId'));
  const customerEmail = nonEmpty(optionalString(input, 'customerEmail'));
  const referenceCustomerId = nonEmpty(optionalString(input, 'referenceCustomerId'));
  if (!customerId && !customerEmail && !referenceCustomerId) {
    throw new FieldError('customerId', 'CUSTOMER_NOT_FOUND: one of customerId, customerEmail or referenceCustomerId is required');
  }
  return { customerId, customerEmail, referenceCustomerId };
}

/** Source: OpenAPI PriceData: name (required), unitAmount (required, "must be greater than 0"), quantity (int32, "minimum 1"). */
function optionalPriceDataList(input: Record<string, unknown>): ClinkPriceData[] | undefined {
  const list = input.priceDataList;
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) throw new FieldError('priceDataList', 'priceDataList must be an array');
  return list.map((item: unknown, index) => {
    const path = `priceDataList[${index}]`;
    if (!isRecord(item)) throw new FieldError(path, `${path} must be an object`);
    const name = requiredString(item, 'name', path);
    const unitAmount = optionalNumber(item, 'unitAmount', path);
    if (unitAmount === undefined) throw new FieldError(`${path}.unitAmount`, `${path}.unitAmount is required`);
    checkPositive(unitAmount, `${path}.unitAmount`);
    const quantity = optionalNumber(item, 'quantity', path);
    if (quantity !== undefined && !(Number.isInteger(quantity) && quantity >= 1)) {
      throw new FieldError(`${path}.quantity`, `${path}.quantity must be a whole number of at least 1`);
    }
    const currency = optionalCurrency(item, 'currency', path);
    const imageUrl = optionalString(item, 'imageUrl', path);
    return dropUndefined({ name, unitAmount, quantity, currency, imageUrl });
  });
}

function optionalMetadata(input: Record<string, unknown>): Record<string, string> | undefined {
  const metadata = input.metadata;
  if (metadata === undefined || metadata === null) return undefined;
  if (!isRecord(metadata)) throw new FieldError('metadata', 'metadata must be an object');
  for (const [key, value] of Object.entries(metadata)) {
    if (typeof value !== 'string') throw new FieldError(`metadata.${key}`, `metadata.${key} must be a string`);
  }
  return { ...(metadata as Record<string, string>) };
}

/**
 * Source: OpenAPI PriceData.unitAmount and SessionCreateReq.originalAmount, "must be greater than 0";
 * the payment's `amount` is held to the same rule Clink states for every other amount it takes.
 */
function checkPositive(value: number, path: string): void {
  if (!(value > 0)) throw new FieldError(path, `${path} must be greater than 0`);
}

function optionalCurrency(input: Record<string, unknown>, key: string, parent?: string): string | undefined {
  const value = optionalString(input, key, parent);
  if (value === undefined) return undefined;
  const path = fieldPath(key, parent);
  if (!CURRENCY_PATTERN.test(value)) throw new FieldError(path, `${path} must be a three-letter ISO 4217 code`);
  return value.toUpperCase();
}

function fieldPath(key: string, parent?: string): string {
  return parent ? `${parent}.${key}` : key;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value;
}

function requiredString(input: Record<string, unknown>, key: string, parent?: string): string {
  const value = nonEmpty(optionalString(input, key, parent));
  if (value === undefined) {
    const path = fieldPath(key, parent);
    throw new FieldError(path, `${path} is required`);
  }
  return value;
}

function optionalString(input: Record<string, unknown>, key: string, parent?: string): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    const path = fieldPath(key, parent);
    throw new FieldError(path, `${path} must be a string`);
  }
  return value;
}

function optionalNumber(input: Record<string, unknown>, key: string, parent?: string): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    const path = fieldPath(key, parent);
    throw new FieldError(path, `${path} must be a number`);
  }
  return value;
}

function requiredEnum<T extends string>(input: Record<string, unknown>, key: string, allowed: readonly T[]): T {
  const value = optionalEnum(input, key, allowed);
  if (value === undefined) throw new FieldError(key, `${key} is required`);
  return value;
}

function optionalEnum<T extends string>(input: Record<string, unknown>, key: string, allowed: readonly T[]): T | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new FieldError(key, `${key} must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An absolute URL with a scheme, as a redirect target must be. */
export function isAbsoluteUrl(value: string): boolean {
  if (!/^[a-z][a-z\d+.-]*:/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}
