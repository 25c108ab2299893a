import { ClinkValidationError } from '../errors.js';
import {
  DEVICE_TYPES,
  PAYMENT_METHOD_TYPES,
  PLATFORM_TYPES,
  type CreateCheckoutPaymentRequest,
  type DeviceType,
  type PaymentMethodType,
  type PlatformType,
} from '@clink-checkout/protocol';

const BROWSER_FIELDS = new Set(['paymentMethodType', 'platformType', 'deviceType', 'payload']);

function enumProblem(value: unknown, allowed: readonly string[]): string | undefined {
  if (typeof value === 'string' && allowed.includes(value)) return undefined;
  if (typeof value === 'string') {
    const sameLetters = allowed.find((option) => option.toLowerCase() === value.toLowerCase());
    if (sameLetters !== undefined) return `must be exactly "${sameLetters}" (case-sensitive)`;
  }
  return `must be one of ${allowed.map((option) => `"${option}"`).join(', ')}`;
}

/**
 * Checks what the browser sent to `POST /payments`. Only the payment method, the platform and the
 * device come from the browser; anything that decides money (amount, price, customer) is the
 * merchant's `resolvePayment`'s job, so such fields are refused here rather than silently dropped.
 *
 * @throws ClinkValidationError listing every problem with its field path.
 */
export function validateCheckoutPaymentRequest(input: unknown): CreateCheckoutPaymentRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ClinkValidationError([{ path: 'body', message: 'must be a JSON object' }]);
  }
  const body = input as Record<string, unknown>;
  const fields: { path: string; message: string }[] = [];

  if (body.paymentMethodType === undefined) {
    fields.push({ path: 'paymentMethodType', message: 'is required' });
  } else {
    const problem = enumProblem(body.paymentMethodType, PAYMENT_METHOD_TYPES);
    if (problem !== undefined) fields.push({ path: 'paymentMethodType', message: problem });
  }
  if (body.platformType !== undefined) {
    const problem = enumProblem(body.platformType, PLATFORM_TYPES);
    if (problem !== undefined) fields.push({ path: 'platformType', message: problem });
  }
  if (body.deviceType !== undefined) {
    const problem = enumProblem(body.deviceType, DEVICE_TYPES);
    if (problem !== undefined) fields.push({ path: 'deviceType', message: problem });
  }
  for (const key of Object.keys(body)) {
    if (!BROWSER_FIELDS.has(key)) {
      fields.push({
        path: key,
        message: 'is not accepted from the browser; the server decides it (send merchant data under "payload")',
      });
    }
  }
  if (fields.length > 0) throw new ClinkValidationError(fields);

  const request: CreateCheckoutPaymentRequest = {
    paymentMethodType: body.paymentMethodType as PaymentMethodType,
  };
  if (body.platformType !== undefined) request.platformType = body.platformType as PlatformType;
  if (body.deviceType !== undefined) request.deviceType = body.deviceType as DeviceType;
  if (body.payload !== undefined) request.payload = body.payload;
  return request;
}

/** JSON with object keys sorted, so the same input always gives the same idempotency fingerprint. */
export function canonicalJson(value: unknown): string {
  if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let json = '[';
    for (let index = 0; index < value.length; index += 1) json += `${index === 0 ? '' : ','}${canonicalJson(value[index])}`;
    return `${json}]`;
  }
  const record = value as Record<string, unknown>;
  let json = '{';
  // Sorted code unit by code unit, as `<` compares: the same keys always give the same text.
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) continue;
    json += `${json === '{' ? '' : ','}${JSON.stringify(key)}:${canonicalJson(record[key])}`;
  }
  return `${json}}`;
}
