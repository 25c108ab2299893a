/**
 * Every failure this package reports is a `ClinkError` with an explicit `type`, so callers can
 * branch with a `switch` instead of `instanceof` chains. No error ever carries the secret key.
 */

export type ClinkErrorType =
  | 'validation_error'
  | 'authentication_error'
  | 'api_error'
  | 'connection_error'
  | 'timeout_error'
  | 'webhook_signature_error'
  | 'configuration_error';

export interface ClinkErrorOptions {
  cause?: unknown;
  /** HTTP status Clink answered with, when there was an answer. */
  statusCode?: number;
  /** Clink API path of the request, e.g. `/payment` (never the full URL with credentials). */
  path?: string;
}

export abstract class ClinkError extends Error {
  abstract readonly type: ClinkErrorType;
  readonly statusCode: number | undefined;
  readonly path: string | undefined;

  constructor(message: string, options: ClinkErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.statusCode = options.statusCode;
    this.path = options.path;
  }

  /** A plain summary for structured logs. Leaves out `cause`, which may hold foreign data. */
  toJSON(): Record<string, unknown> {
    return { ...(this as unknown as Record<string, unknown>), name: this.name, message: this.message };
  }
}

/** One invalid field: `path` uses dots and brackets, e.g. `priceDataList[0].unitAmount`. */
export interface FieldError {
  path: string;
  message: string;
  /** Where the broken rule is stated (Clink's reference), when it comes from there. */
  source?: string;
}

/** The input broke a documented rule; nothing was sent to Clink. */
export class ClinkValidationError extends ClinkError {
  readonly type = 'validation_error' as const;
  readonly fields: readonly FieldError[];

  constructor(fields: readonly FieldError[], options: ClinkErrorOptions = {}) {
    super(
      `Invalid request: ${fields.map((f) => `${f.path} ${f.message}`).join('; ')}`,
      options,
    );
    this.fields = fields;
  }
}

/** Clink refused the key or the timestamp (HTTP 401). */
export class ClinkAuthenticationError extends ClinkError {
  readonly type = 'authentication_error' as const;
}

export interface ClinkApiErrorOptions extends ClinkErrorOptions {
  /** The request field Clink's answer names, e.g. `paymentInstrumentId`. */
  field?: string;
}

/**
 * Clink answered with a failure: a non-2xx status, a body `code` other than 200 (also inside HTTP 200),
 * or an answer of unexpected shape (`code: 'invalid_response'`).
 */
export class ClinkApiError extends ClinkError {
  readonly type = 'api_error' as const;
  /** Clink's body `code` (the HTTP status when the body had none). */
  readonly code: number | string;
  /** Clink's body `msg`, e.g. `CUSTOMER_NOT_FOUND`. */
  readonly msg: string;
  /**
   * The request field the refusal is about, when Clink's answer names one (`paymentInstrumentId` for an
   * instrument Clink does not know, the customer field for `CUSTOMER_NOT_FOUND`, …).
   */
  readonly field: string | undefined;
  /**
   * The HTTP status this failure stands for: the status of a non-2xx answer or, for an error inside
   * HTTP 200, the body `code` when it is an HTTP status (Clink answers `{ code: 500 }` with HTTP 200 too).
   * `undefined` for a refusal with a code of Clink's own, such as `40001`.
   */
  readonly failureStatus: number | undefined;

  constructor(code: number | string, msg: string, options: ClinkApiErrorOptions = {}) {
    super(`Clink answered ${options.path ?? ''} with code ${code}: ${msg}`.replace('  ', ' '), options);
    this.code = code;
    this.msg = msg;
    this.field = options.field;
    this.failureStatus = failureStatusOf(code, options.statusCode);
  }
}

function failureStatusOf(code: number | string, statusCode: number | undefined): number | undefined {
  if (statusCode !== undefined && (statusCode < 200 || statusCode > 299)) return statusCode;
  return typeof code === 'number' && code >= 400 && code <= 599 ? code : undefined;
}

/** The request could not reach Clink, or the answer could not be read. */
export class ClinkConnectionError extends ClinkError {
  readonly type = 'connection_error' as const;
}

export interface ClinkTimeoutErrorOptions extends ClinkErrorOptions {
  /** The limit that was exceeded, in milliseconds. */
  timeoutMs?: number;
}

/** Clink did not answer within `timeoutMs`. */
export class ClinkTimeoutError extends ClinkError {
  readonly type = 'timeout_error' as const;
  /** The per-attempt limit that was exceeded, when known. */
  readonly timeoutMs: number | undefined;

  constructor(message: string, options: ClinkTimeoutErrorOptions = {}) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
}

/**
 * Why a webhook was refused:
 * - `missing_secret`: the signing secret passed to the verifier is empty;
 * - `missing_header`: `X-Clink-Signature` or `X-Clink-Timestamp` is absent (see `header`);
 * - `invalid_header`: a header is present but malformed (e.g. a non-numeric timestamp);
 * - `bad_signature`: the signature does not match the body, timestamp and secret;
 * - `stale_timestamp`: the timestamp lies outside the tolerance window (past or future);
 * - `parsed_body`: a parsed object (or nothing) was passed instead of the raw body.
 *
 * A correctly signed body that is not a usable event is not a failure: `verifyClinkWebhook` returns it
 * as `{ category: 'unusable' }`, to be acknowledged (Clink re-delivers refused webhooks forever).
 */
export type WebhookFailureReason =
  | 'missing_secret'
  | 'missing_header'
  | 'invalid_header'
  | 'bad_signature'
  | 'stale_timestamp'
  | 'parsed_body';

export interface ClinkWebhookSignatureErrorOptions extends ClinkErrorOptions {
  /** @default 'bad_signature' */
  reason?: WebhookFailureReason;
  /** The header concerned, for `missing_header` and `invalid_header`. */
  header?: string;
}

/** A webhook failed verification: bad signature, stale timestamp, missing header or parsed body. */
export class ClinkWebhookSignatureError extends ClinkError {
  readonly type = 'webhook_signature_error' as const;
  readonly reason: WebhookFailureReason;
  readonly header: string | undefined;

  constructor(message: string, options: ClinkWebhookSignatureErrorOptions = {}) {
    super(message, options);
    this.reason = options.reason ?? 'bad_signature';
    this.header = options.header;
  }
}

/** The helper was set up wrongly, e.g. a `sk_test_` key with `environment: 'production'`. */
export class ClinkConfigurationError extends ClinkError {
  readonly type = 'configuration_error' as const;
}

export function isClinkError(value: unknown): value is ClinkError {
  return value instanceof ClinkError;
}
