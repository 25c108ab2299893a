import { createPaymentInstrumentRequestSchema, createPaymentRequestSchema } from '@clink-checkout/protocol/schema';

/** Every field of the requests we send. */
const KNOWN = new Set([...Object.keys(createPaymentRequestSchema.fields), ...Object.keys(createPaymentInstrumentRequestSchema.fields)]);
/** The first of them a message names as a word, e.g. `paymentInstrumentId` in "…_MISMATCH: paymentInstrumentId pi_1 is … (paymentMethodType)". */
const NAMED = new RegExp(`\\b(${[...KNOWN].join('|')})\\b`);

/** `priceDataList[0].unitAmount` at the start of a message, as validation messages are often written. */
const LEADING_PATH = /^\s*([A-Za-z_$][\w$]*)((?:\[\d+\]|\.[A-Za-z_$][\w$]*)*)/;
/** Clink's documented customer errors (OpenAPI `SessionCreateReq`: `CUSTOMER_NOT_FOUND`, `CUSTOMER_IDENTIFIER_NOT_MATCHED`). */
const CUSTOMER_CODES = /\bCUSTOMER_(?:NOT_FOUND|IDENTIFIER_NOT_MATCHED)\b/i;
const CUSTOMER_FIELDS = ['customerId', 'referenceCustomerId', 'customerEmail'] as const;

/**
 * The request field a refusal from Clink is about, read from its `msg` (Clink publishes no error
 * catalogue, so this reads what the message names): a field path it starts with, else the first field it names, the customer
 * field the merchant sent for Clink's customer errors, or the instrument for a message about an instrument.
 * `undefined` when the message names none.
 */
export function refusedField(message: string, body: unknown): string | undefined {
  const sent = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const leading = LEADING_PATH.exec(message);
  if (leading !== null && KNOWN.has(leading[1]!)) return leading[1]! + leading[2]!;
  const named = NAMED.exec(message)?.[1];
  if (named !== undefined) return named;
  if (CUSTOMER_CODES.test(message)) return CUSTOMER_FIELDS.find((field) => sent[field] !== undefined) ?? 'customerId';
  if (/instrument/i.test(message)) return sent.paymentInstrumentId === undefined && sent.paymentInstrumentType !== undefined ? 'paymentInstrumentType' : 'paymentInstrumentId';
  return undefined;
}
