/** Why an action from the network was refused. */
export type CheckoutActionErrorCode =
  | 'unsafe_url'
  | 'unsafe_image'
  | 'unsafe_deep_link'
  | 'missing_field'
  | 'unknown_action'
  | 'unsupported_payment_method'
  | 'post_data_too_large';

/**
 * `type` of a `CheckoutRequestError`: the handler's error type (`validation_error`, `not_found`, …), or one
 * of the browser-side types below.
 */
export type CheckoutRequestErrorType =
  | 'network_error'
  | 'invalid_response'
  | 'aborted'
  | (string & Record<never, never>);


/** A payment action from the network that the browser refuses to perform, with the offending field's path. */
export class CheckoutActionError extends Error {
  override readonly name = 'CheckoutActionError';
  declare readonly code: CheckoutActionErrorCode;
  /** Path of the offending field, e.g. `action.redirectUrl`. */
  declare readonly field: string;

  constructor(code: CheckoutActionErrorCode, field: string, detail?: string) {
    super(`Refused payment action: ${code} at ${field}${detail ? ` (${detail})` : ''}`);
    this.code = code;
    this.field = field;
  }
}

/** Throws a `CheckoutActionError` (internal: not re-exported from the entry point). */
export const refuse = (code: CheckoutActionErrorCode, field: string): never => {
  throw new CheckoutActionError(code, field);
};

/** A call to the merchant's checkout endpoint that failed. */
export class CheckoutRequestError extends Error {
  override readonly name = 'CheckoutRequestError';
  /** The handler's error type (`validation_error`, `not_found`, …), `network_error`, `invalid_response` or `aborted`. */
  declare readonly type: CheckoutRequestErrorType;
  /** HTTP status, or 0 when no response arrived. */
  declare readonly status: number;
  /** Field paths with what is wrong, for validation errors. */
  declare readonly fields?: Readonly<Record<string, string>>;

  constructor(init: {
    type: CheckoutRequestErrorType;
    status: number;
    message: string;
    fields?: Record<string, string>;
    cause?: unknown;
  }) {
    // Error reads `cause` from the options only when the key is present.
    super(init.message, init);
    this.type = init.type;
    this.status = init.status;
    if (init.fields) this.fields = init.fields;
  }
}
