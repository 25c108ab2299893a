import { checkSchema, createPaymentInstrumentRequestSchema } from '@clink-checkout/protocol/schema';
import { ClinkValidationError } from '../errors.js';
import type { CreatePaymentInstrumentParams } from '../types.js';
import { describe } from './fieldErrors.js';
import { isPlainObject, normaliseMetadata, withoutAbsent } from './normalise.js';
import { fieldErrorsOf } from './schemaIssues.js';

/** Why `CARD` is refused, and what to do instead. */
export const CARD_INSTRUMENT_MESSAGE =
  "cannot be CARD: Clink's API creates wallet instruments only. A card instrument is saved by the customer " +
  "through Clink's hosted pages; pass the id of that saved card as paymentInstrumentId of the payment";

/**
 * Checks a `POST /payment-instrument` body against the rules Clink documents
 * (`createPaymentInstrumentRequestSchema`): `paymentInstrumentType` one of the wallet methods (never
 * `CARD`), at least one customer identifier, string metadata. `null` reads as absent; unknown fields
 * pass through.
 *
 * @returns the body to send.
 * @throws ClinkValidationError listing every broken rule with its field path and source.
 */
export function validateCreatePaymentInstrumentParams(input: unknown): CreatePaymentInstrumentParams {
  if (!isPlainObject(input)) {
    throw new ClinkValidationError([
      { path: '', message: `must be an object with the POST /payment-instrument fields, got ${describe(input)}` },
    ]);
  }
  const body = withoutAbsent(input);
  normaliseMetadata(body);
  const issues = checkSchema(createPaymentInstrumentRequestSchema, body, { unknownFields: 'allow' });
  const errors = fieldErrorsOf(createPaymentInstrumentRequestSchema, body, issues).map((error) =>
    error.path === 'paymentInstrumentType' && String(body.paymentInstrumentType).toUpperCase() === 'CARD'
      ? { ...error, message: CARD_INSTRUMENT_MESSAGE }
      : error,
  );
  if (errors.length > 0) throw new ClinkValidationError(errors);
  return body as unknown as CreatePaymentInstrumentParams;
}
