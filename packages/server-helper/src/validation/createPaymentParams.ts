import { ClinkValidationError } from '../errors.js';
import {
  DEVICE_TYPES,
  PAYMENT_METHOD_TYPES,
  PLATFORM_TYPES,
  type CreatePaymentParams,
  type PriceData,
} from '../types.js';
import {
  FieldErrorCollector,
  childPath,
  describe,
  indexPath,
  isHttpUrl,
  isNonEmptyString,
  isPlainObject,
} from './fieldErrors.js';

const KNOWN_FIELDS = new Set<string>([
  'paymentInstrumentId',
  'paymentMethodType',
  'returnUrl',
  'customerId',
  'customerEmail',
  'referenceCustomerId',
  'priceId',
  'productId',
  'amount',
  'currency',
  'priceDataList',
  'merchantReferenceId',
  'promotionCode',
  'metadata',
  'platformType',
  'deviceType',
]);

const PRICE_DATA_FIELDS = new Set<string>(['name', 'unitAmount', 'quantity', 'currency', 'imageUrl']);

/**
 * Currencies whose minor unit has three digits (ISO 4217). Clink publishes no rule for
 * decimals, so we allow three decimals for these and two for every other currency: enough to
 * catch floating-point noise such as `0.30000000000000004` without guessing more.
 */
const THREE_DECIMAL_CURRENCIES = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

const CURRENCY_PATTERN = /^[A-Z]{3}$/;
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Checks a `POST /payment` body against every rule Clink documents, before anything is sent.
 *
 * @returns a clean copy holding only the documented fields (absent or `undefined` ones dropped).
 * @throws ClinkValidationError listing every broken rule with its field path,
 *   e.g. `priceDataList[0].unitAmount` or `metadata.color`.
 */
export function validateCreatePaymentParams(input: unknown): CreatePaymentParams {
  const errors = new FieldErrorCollector();
  if (!isPlainObject(input)) {
    errors.add('', `must be an object with the POST /payment fields, got ${describe(input)}`);
    throw new ClinkValidationError(errors.errors);
  }
  const fields = withoutUndefined(input);

  for (const key of Object.keys(fields)) {
    if (!KNOWN_FIELDS.has(key)) errors.add(childPath('', key), 'is not a field of POST /payment');
  }

  requireString(fields, 'paymentInstrumentId', errors);
  checkEnum(fields, 'paymentMethodType', PAYMENT_METHOD_TYPES, errors, { required: true });
  checkReturnUrl(fields, errors);
  checkCustomer(fields, errors);
  checkPrice(fields, errors);
  checkPriceDataList(fields, errors);
  optionalString(fields, 'merchantReferenceId', errors);
  optionalString(fields, 'promotionCode', errors);
  checkMetadata(fields, errors);
  checkEnum(fields, 'platformType', PLATFORM_TYPES, errors, { required: false });
  checkEnum(fields, 'deviceType', DEVICE_TYPES, errors, { required: false });

  if (!errors.isEmpty) throw new ClinkValidationError(errors.errors);
  return pickKnown(fields) as unknown as CreatePaymentParams;
}

function withoutUndefined(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, value]) => value !== undefined));
}

function pickKnown(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (!KNOWN_FIELDS.has(key)) continue;
    if (key === 'priceDataList' && Array.isArray(value)) {
      out[key] = value.map((item) => withoutUndefined(item as Record<string, unknown>) as unknown as PriceData);
    } else if (key === 'metadata') {
      out[key] = withoutUndefined(value as Record<string, unknown>);
    } else {
      out[key] = value;
    }
  }
  return out;
}

function requireString(fields: Record<string, unknown>, key: string, errors: FieldErrorCollector): void {
  const value = fields[key];
  if (value === undefined) errors.add(key, 'is required');
  else if (!isNonEmptyString(value)) errors.add(key, `must be a non-empty string, got ${describe(value)}`);
}

function optionalString(fields: Record<string, unknown>, key: string, errors: FieldErrorCollector): void {
  const value = fields[key];
  if (value !== undefined && !isNonEmptyString(value)) {
    errors.add(key, `must be a non-empty string, got ${describe(value)}`);
  }
}

function checkEnum(
  fields: Record<string, unknown>,
  key: string,
  allowed: readonly string[],
  errors: FieldErrorCollector,
  { required }: { required: boolean },
): void {
  const value = fields[key];
  if (value === undefined) {
    if (required) errors.add(key, `is required (one of ${allowed.join(', ')})`);
    return;
  }
  if (typeof value === 'string' && allowed.includes(value)) return;
  const sameLetters =
    typeof value === 'string' ? allowed.find((option) => option.toLowerCase() === value.toLowerCase()) : undefined;
  errors.add(
    key,
    sameLetters === undefined
      ? `must be one of ${allowed.join(', ')}, got ${JSON.stringify(value) ?? describe(value)}`
      : `must be spelled exactly "${sameLetters}", got ${JSON.stringify(value)}`,
  );
}

function checkReturnUrl(fields: Record<string, unknown>, errors: FieldErrorCollector): void {
  const value = fields.returnUrl;
  if (value === undefined) errors.add('returnUrl', 'is required');
  else if (!isNonEmptyString(value)) errors.add('returnUrl', `must be a non-empty string, got ${describe(value)}`);
  else if (!isHttpUrl(value)) errors.add('returnUrl', 'must be an absolute http(s) URL');
}

function checkCustomer(fields: Record<string, unknown>, errors: FieldErrorCollector): void {
  const keys = ['customerId', 'customerEmail', 'referenceCustomerId'] as const;
  if (keys.every((key) => fields[key] === undefined)) {
    errors.add('customerId', 'is required unless customerEmail or referenceCustomerId is given');
    return;
  }
  for (const key of keys) optionalString(fields, key, errors);
  const email = fields.customerEmail;
  if (isNonEmptyString(email) && !EMAIL_PATTERN.test(email)) {
    errors.add('customerEmail', 'must be an email address');
  }
}

function checkPrice(fields: Record<string, unknown>, errors: FieldErrorCollector): void {
  const hasCatalogPrice = fields.priceId !== undefined || fields.productId !== undefined;
  const hasAmount = fields.amount !== undefined || fields.currency !== undefined;

  if (!hasCatalogPrice && !hasAmount) {
    errors.add('amount', 'is required together with currency, unless priceId and productId are given');
    return;
  }
  if (hasCatalogPrice && hasAmount) {
    errors.add('amount', 'cannot be combined with priceId/productId: give either priceId + productId or amount + currency');
  }

  if (hasCatalogPrice) {
    if (fields.priceId === undefined) errors.add('priceId', 'is required when productId is given');
    else optionalString(fields, 'priceId', errors);
    if (fields.productId === undefined) errors.add('productId', 'is required when priceId is given');
    else optionalString(fields, 'productId', errors);
  }

  if (hasAmount) {
    const currencyOk = checkCurrency(fields.currency, 'currency', errors, { required: true });
    checkAmount(fields.amount, 'amount', currencyOk ? (fields.currency as string) : undefined, errors, {
      required: true,
    });
  }
}

function checkCurrency(
  value: unknown,
  path: string,
  errors: FieldErrorCollector,
  { required }: { required: boolean },
): boolean {
  if (value === undefined) {
    if (required) errors.add(path, 'is required when amount is given');
    return false;
  }
  if (typeof value !== 'string' || !CURRENCY_PATTERN.test(value)) {
    errors.add(path, `must be a three-letter uppercase ISO 4217 code such as "USD", got ${JSON.stringify(value) ?? describe(value)}`);
    return false;
  }
  return true;
}

function checkAmount(
  value: unknown,
  path: string,
  currency: string | undefined,
  errors: FieldErrorCollector,
  { required }: { required: boolean },
): void {
  if (value === undefined) {
    if (required) errors.add(path, 'is required when currency is given');
    return;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    errors.add(path, `must be a finite number in major units (e.g. 9.99), got ${describe(value)}`);
    return;
  }
  if (value <= 0) {
    errors.add(path, `must be greater than 0, got ${value}`);
    return;
  }
  const maxDecimals = currency !== undefined && THREE_DECIMAL_CURRENCIES.has(currency) ? 3 : 2;
  if (decimalPlaces(value) > maxDecimals) {
    errors.add(path, `must have at most ${maxDecimals} decimal places (major units, e.g. 9.99), got ${value}`);
  }
}

function decimalPlaces(value: number): number {
  const text = String(value);
  if (text.includes('e-')) return Number(text.split('e-')[1]) + (text.split('e')[0]!.split('.')[1]?.length ?? 0);
  return text.split('.')[1]?.length ?? 0;
}

function checkPriceDataList(fields: Record<string, unknown>, errors: FieldErrorCollector): void {
  const list = fields.priceDataList;
  if (list === undefined) return;
  if (!Array.isArray(list)) {
    errors.add('priceDataList', `must be an array, got ${describe(list)}`);
    return;
  }
  list.forEach((item: unknown, index) => {
    const path = indexPath('priceDataList', index);
    if (!isPlainObject(item)) {
      errors.add(path, `must be an object, got ${describe(item)}`);
      return;
    }
    for (const key of Object.keys(item)) {
      if (!PRICE_DATA_FIELDS.has(key) && item[key] !== undefined) {
        errors.add(childPath(path, key), 'is not a field of a price data item');
      }
    }
    if (item.name === undefined) errors.add(`${path}.name`, 'is required');
    else if (!isNonEmptyString(item.name)) errors.add(`${path}.name`, `must be a non-empty string, got ${describe(item.name)}`);

    const currencyOk = checkCurrency(item.currency, `${path}.currency`, errors, { required: false });
    const currency = currencyOk ? (item.currency as string) : (fields.currency as string | undefined);
    if (item.unitAmount === undefined) errors.add(`${path}.unitAmount`, 'is required');
    else checkAmount(item.unitAmount, `${path}.unitAmount`, currency, errors, { required: true });

    const quantity = item.quantity;
    if (quantity !== undefined && !(typeof quantity === 'number' && Number.isInteger(quantity) && quantity >= 1)) {
      errors.add(`${path}.quantity`, `must be a whole number of at least 1, got ${JSON.stringify(quantity) ?? describe(quantity)}`);
    }

    const imageUrl = item.imageUrl;
    if (imageUrl !== undefined && !(isNonEmptyString(imageUrl) && isHttpUrl(imageUrl))) {
      errors.add(`${path}.imageUrl`, 'must be an absolute http(s) URL');
    }
  });
}

function checkMetadata(fields: Record<string, unknown>, errors: FieldErrorCollector): void {
  const metadata = fields.metadata;
  if (metadata === undefined) return;
  if (!isPlainObject(metadata)) {
    errors.add('metadata', `must be an object of string values, got ${describe(metadata)}`);
    return;
  }
  for (const [key, value] of Object.entries(metadata)) {
    if (value !== undefined && typeof value !== 'string') {
      errors.add(childPath('metadata', key), `must be a string (metadata values are strings), got ${describe(value)}`);
    }
  }
}
