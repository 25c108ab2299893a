import {
  DEVICE_TYPES,
  PAYMENT_METHOD_TYPES,
  PLATFORM_TYPES,
  type ClinkPriceData,
  type DeviceType,
  type PlatformType,
} from '@clink-checkout/protocol';
import type { CreatePaymentBody } from './types.js';

/** The sandbox's own reading of Clink's `POST /payment` rules; the first broken rule wins. */
export type ValidationResult = { ok: true; value: CreatePaymentBody } | { ok: false; field: string; message: string };

class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

const CURRENCY_PATTERN = /^[A-Z]{3}$/;
const THREE_DECIMAL_CURRENCIES = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);
// Deliberately loose: one @, something on both sides, a dot in the domain. Clink's exact rule is unpublished.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function validateCreatePayment(input: unknown): ValidationResult {
  try {
    return { ok: true, value: readCreatePayment(input) };
  } catch (error) {
    if (error instanceof FieldError) return { ok: false, field: error.field, message: error.message };
    throw error;
  }
}

function readCreatePayment(input: unknown): CreatePaymentBody {
  if (!isRecord(input)) throw new FieldError('body', 'request body must be a JSON object');

  const paymentInstrumentId = requiredString(input, 'paymentInstrumentId');
  const paymentMethodType = requiredEnum(input, 'paymentMethodType', PAYMENT_METHOD_TYPES);
  const returnUrl = requiredString(input, 'returnUrl');
  if (!isHttpUrl(returnUrl)) throw new FieldError('returnUrl', 'returnUrl must be a valid http(s) URL');

  const customerId = optionalString(input, 'customerId');
  const customerEmail = optionalString(input, 'customerEmail');
  const referenceCustomerId = optionalString(input, 'referenceCustomerId');
  if (!customerId && !customerEmail && !referenceCustomerId) {
    throw new FieldError('customerId', 'one of customerId, customerEmail or referenceCustomerId is required');
  }
  if (customerEmail !== undefined && !EMAIL_PATTERN.test(customerEmail)) {
    throw new FieldError('customerEmail', 'customerEmail must be a valid email address');
  }

  const priceId = optionalString(input, 'priceId');
  const productId = optionalString(input, 'productId');
  if (priceId !== undefined && !productId) throw new FieldError('productId', 'productId is required when priceId is given');
  if (productId !== undefined && !priceId) throw new FieldError('priceId', 'priceId is required when productId is given');

  const amount = optionalNumber(input, 'amount');
  const currency = optionalString(input, 'currency');
  if (currency !== undefined && !CURRENCY_PATTERN.test(currency)) {
    throw new FieldError('currency', 'currency must be an ISO-4217 code of three uppercase letters');
  }
  if (amount !== undefined) checkMajorUnits(amount, 'amount', currency);
  if (amount !== undefined && currency === undefined) throw new FieldError('currency', 'currency is required when amount is given');
  if (currency !== undefined && amount === undefined) throw new FieldError('amount', 'amount is required when currency is given');
  if (priceId !== undefined && amount !== undefined) {
    throw new FieldError('amount', 'give either priceId and productId, or amount and currency, not both');
  }
  if (priceId === undefined && amount === undefined) {
    throw new FieldError('amount', 'either priceId and productId, or amount and currency, is required');
  }

  const priceDataList = optionalPriceDataList(input, currency);
  const merchantReferenceId = optionalString(input, 'merchantReferenceId');
  const promotionCode = optionalString(input, 'promotionCode');
  const metadata = optionalMetadata(input);
  const platformType: PlatformType | undefined = optionalEnum(input, 'platformType', PLATFORM_TYPES);
  const deviceType: DeviceType | undefined = optionalEnum(input, 'deviceType', DEVICE_TYPES);

  return dropUndefined({
    paymentInstrumentId,
    paymentMethodType,
    returnUrl,
    customerId,
    customerEmail,
    referenceCustomerId,
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

function optionalPriceDataList(input: Record<string, unknown>, topCurrency: string | undefined): ClinkPriceData[] | undefined {
  const list = input.priceDataList;
  if (list === undefined || list === null) return undefined;
  if (!Array.isArray(list)) throw new FieldError('priceDataList', 'priceDataList must be an array');
  return list.map((item: unknown, index) => {
    const path = `priceDataList[${index}]`;
    if (!isRecord(item)) throw new FieldError(path, `${path} must be an object`);
    const name = requiredString(item, 'name', path);
    const unitAmount = optionalNumber(item, 'unitAmount', path);
    if (unitAmount === undefined) throw new FieldError(`${path}.unitAmount`, `${path}.unitAmount is required`);
    const currency = optionalString(item, 'currency', path);
    if (currency !== undefined && !CURRENCY_PATTERN.test(currency)) {
      throw new FieldError(`${path}.currency`, `${path}.currency must be an ISO-4217 code of three uppercase letters`);
    }
    checkMajorUnits(unitAmount, `${path}.unitAmount`, currency ?? topCurrency);
    const quantity = optionalNumber(item, 'quantity', path);
    if (quantity !== undefined && !(Number.isInteger(quantity) && quantity >= 1)) {
      throw new FieldError(`${path}.quantity`, `${path}.quantity must be an integer of at least 1`);
    }
    const imageUrl = optionalString(item, 'imageUrl', path);
    if (imageUrl !== undefined && !isHttpUrl(imageUrl)) {
      throw new FieldError(`${path}.imageUrl`, `${path}.imageUrl must be a valid http(s) URL`);
    }
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

/** Amounts are decimal major units: 9.99, not 999. */
function checkMajorUnits(value: number, path: string, currency: string | undefined): void {
  if (!(value > 0)) throw new FieldError(path, `${path} must be greater than 0`);
  const maxDecimals = currency !== undefined && THREE_DECIMAL_CURRENCIES.has(currency) ? 3 : 2;
  if (decimalPlaces(value) > maxDecimals) {
    throw new FieldError(path, `${path} must have at most ${maxDecimals} decimal places (major units, e.g. 9.99)`);
  }
}

function decimalPlaces(value: number): number {
  const [mantissa = '', exponent] = String(value).split('e-');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return fraction + (exponent ? Number(exponent) : 0);
}

function fieldPath(key: string, parent?: string): string {
  return parent ? `${parent}.${key}` : key;
}

function requiredString(input: Record<string, unknown>, key: string, parent?: string): string {
  const value = optionalString(input, key, parent);
  if (value === undefined || value.trim() === '') {
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

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

