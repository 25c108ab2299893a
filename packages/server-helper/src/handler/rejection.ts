import type { CheckoutErrorType } from '@clink-checkout/protocol';

/** Statuses a merchant may answer with when refusing a payment in `resolvePayment`. */
export type CheckoutRejectionStatus = 400 | 402 | 403 | 404 | 409 | 422;

export interface CheckoutRejectionOptions {
  /**
   * HTTP status sent to the browser.
   * @default 400
   */
  status?: CheckoutRejectionStatus;
  /** Field paths with what is wrong, e.g. `{ 'payload.cartId': 'is empty' }`. */
  fields?: Record<string, string>;
}

/**
 * Throw from `resolvePayment` to refuse a payment with a message the customer may see,
 * e.g. `throw new CheckoutRejection('This cart is empty', { status: 409 })`.
 * Nothing is sent to Clink and the idempotency key is released.
 */
export class CheckoutRejection extends Error {
  readonly status: CheckoutRejectionStatus;
  readonly fields: Record<string, string> | undefined;

  constructor(message: string, options: CheckoutRejectionOptions = {}) {
    super(message);
    this.name = 'CheckoutRejection';
    this.status = options.status ?? 400;
    this.fields = options.fields;
  }

  /** The `error.type` the browser receives for this rejection. */
  get errorType(): CheckoutErrorType {
    switch (this.status) {
      case 403:
        return 'forbidden';
      case 404:
        return 'not_found';
      case 409:
        return 'conflict';
      case 400:
      case 402:
      case 422:
        return 'validation_error';
      default:
        return this.status satisfies never;
    }
  }
}
