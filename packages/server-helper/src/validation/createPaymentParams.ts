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
  ];
  if (errors.length > 0) throw new ClinkValidationError(errors);
  return body as unknown as CreatePaymentParams;
}

function returnUrlErrors(returnUrl: unknown): FieldError[] {
  if (typeof returnUrl !== 'string') return [];
  const scheme = /^\s*([a-z][a-z\d+.-]*:)/i.exec(returnUrl)?.[1]?.toLowerCase();
  if (scheme === undefined || !DANGEROUS_SCHEMES.has(scheme)) return [];
  return [{ path: 'returnUrl', message: `must not use the ${scheme} scheme: the customer's browser is sent there`, source: RETURN_URL_SOURCE }];
}
