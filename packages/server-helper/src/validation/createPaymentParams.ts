import { checkSchema, createPaymentRequestSchema } from '@clink-checkout/protocol/schema';
import { ClinkValidationError, type FieldError } from '../errors.js';
import type { CreatePaymentParams } from '../types.js';
import { describe } from './fieldErrors.js';
import { isPlainObject, normaliseMetadata, upperCaseCurrency, withoutAbsent } from './normalise.js';
import { fieldErrorsOf } from './schemaIssues.js';

/**
 * Schemes a browser must never be sent to. Our rule, from the navigation safety section of the shared
 * Clink reference: Clink sends the customer's browser to `returnUrl` after an action.
 */
const DANGEROUS_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:', 'file:', 'blob:', 'about:', 'filesystem:']);
const RETURN_URL_SOURCE = 'Our rule (shared Clink reference, "Navigation safety"): never send a browser to a dangerous scheme';

/**
 * The largest amount, in major units, that any currency can hold exactly: amounts are exact in minor
 * units up to Number.MAX_SAFE_INTEGER, and the finest currencies (BHD, KWD, OMR, …) have three decimals.
 * Clink states no maximum; 1e21 or 1e308 is a bug in the caller, not a price.
 */
export const MAX_AMOUNT = Math.floor(Number.MAX_SAFE_INTEGER / 1000);
const MAX_AMOUNT_SOURCE = 'Our rule: an amount must be exact in minor units (at most Number.MAX_SAFE_INTEGER thousandths)';

/**
 * Checks a `POST /payment` body against the rules Clink documents (the `createPaymentRequestSchema` of
 * `@clink-checkout/protocol/schema`, every rule with its source), before anything is sent. Nothing else
 * is refused: where Clink is silent the request is sent and Clink's answer becomes a typed error.
 *
 * Before checking: `null` and `undefined` fields are dropped (read as absent), currencies are
 * uppercased (`usd` -> `USD`), and fields this package does not know pass through unchanged.
 *
 * @returns the body to send.
 * @throws ClinkValidationError listing every broken rule with its field path (`priceDataList[0].unitAmount`,
 *   `metadata.color`, `customerId`, …) and source.
 */
export function validateCreatePaymentParams(input: unknown): CreatePaymentParams {
  if (!isPlainObject(input)) {
    throw new ClinkValidationError([{ path: '', message: `must be an object with the POST /payment fields, got ${describe(input)}` }]);
  }
  const body = withoutAbsent(input);
  upperCaseCurrency(body);
  normaliseMetadata(body);
  if (Array.isArray(body.priceDataList)) {
    body.priceDataList = body.priceDataList.map((item: unknown) => {
      if (!isPlainObject(item)) return item;
      const line = withoutAbsent(item);
      upperCaseCurrency(line);
      return line;
    });
  }
  const errors: FieldError[] = [
    ...fieldErrorsOf(createPaymentRequestSchema, body, checkSchema(createPaymentRequestSchema, body, { unknownFields: 'allow' })),
    ...returnUrlErrors(body.returnUrl),
    ...amountErrors(body),
  ];
  if (errors.length > 0) throw new ClinkValidationError(errors);
  return body as unknown as CreatePaymentParams;
}

function amountErrors(body: Record<string, unknown>): FieldError[] {
  const amounts: Array<[string, unknown]> = [['amount', body.amount]];
  if (Array.isArray(body.priceDataList)) {
    body.priceDataList.forEach((line: unknown, index) => {
      if (isPlainObject(line)) amounts.push([`priceDataList[${index}].unitAmount`, line.unitAmount]);
    });
  }
  return amounts
    .filter(([, amount]) => typeof amount === 'number' && amount > MAX_AMOUNT)
    .map(([path]) => ({
      path,
      message: `must be at most ${MAX_AMOUNT} (major units): a larger amount cannot be held exactly in any currency`,
      source: MAX_AMOUNT_SOURCE,
    }));
}

function returnUrlErrors(returnUrl: unknown): FieldError[] {
  if (typeof returnUrl !== 'string') return [];
  const scheme = /^\s*([a-z][a-z\d+.-]*:)/i.exec(returnUrl)?.[1]?.toLowerCase();
  if (scheme === undefined || !DANGEROUS_SCHEMES.has(scheme)) return [];
  return [{ path: 'returnUrl', message: `must not use the ${scheme} scheme: the customer's browser is sent there`, source: RETURN_URL_SOURCE }];
}
