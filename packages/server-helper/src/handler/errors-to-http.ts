import {
  ClinkApiError,
  ClinkValidationError,
  isClinkError,
} from '../errors.js';
import { CheckoutHttpError, fieldRecord } from './http.js';
import type { CheckoutErrorType } from '@clink-checkout/protocol';
import { CheckoutRejection } from './rejection.js';

/** How a thrown value is answered, and what (if anything) is worth a log line. */
export interface HttpFailure {
  status: number;
  type: CheckoutErrorType;
  /** Shown to the browser: never internal details, never a secret. */
  message: string;
  fields?: Record<string, string>;
  headers?: Record<string, string>;
  /** Only for failures the merchant should look at (5xx). */
  log?: boolean;
}

function isNotFound(error: ClinkApiError): boolean {
  return error.statusCode === 404 || error.code === 404 || /not[_ ]?found/i.test(error.msg);
}

/**
 * Maps anything thrown while serving a request to a response. `lookup` marks reads of an existing
 * order, where Clink's "not found" means the order does not exist (404) rather than a broken setup.
 */
export function toHttpFailure(error: unknown, context: { lookup: boolean }): HttpFailure {
  if (error instanceof CheckoutHttpError) {
    return {
      status: error.status,
      type: error.errorType,
      message: error.message,
      ...(error.fields === undefined ? {} : { fields: error.fields }),
      ...(error.headers === undefined ? {} : { headers: error.headers }),
    };
  }
  if (error instanceof CheckoutRejection) {
    return {
      status: error.status,
      type: error.errorType,
      message: error.message,
      ...(error.fields === undefined ? {} : { fields: error.fields }),
    };
  }
  if (error instanceof ClinkValidationError) {
    return {
      status: 400,
      type: 'validation_error',
      message: 'The payment request is invalid.',
      fields: fieldRecord(error.fields),
    };
  }
  if (isClinkError(error)) {
    switch (error.type) {
      case 'api_error':
        if (context.lookup && error instanceof ClinkApiError && isNotFound(error)) {
          return { status: 404, type: 'not_found', message: 'No such payment.' };
        }
        return { status: 502, type: 'api_error', message: 'The payment provider refused the request.', log: true };
      case 'authentication_error':
        return { status: 502, type: 'api_error', message: 'The payment provider refused the request.', log: true };
      case 'connection_error':
        return { status: 502, type: 'connection_error', message: 'The payment provider could not be reached.', log: true };
      case 'timeout_error':
        return { status: 504, type: 'timeout_error', message: 'The payment provider did not answer in time.', log: true };
      case 'webhook_signature_error':
        return { status: 400, type: 'webhook_signature_error', message: 'The webhook signature could not be verified.' };
      case 'validation_error':
      case 'configuration_error':
        return { status: 500, type: 'internal_error', message: 'Something went wrong on the server.', log: true };
      default:
        return error.type satisfies never;
    }
  }
  return { status: 500, type: 'internal_error', message: 'Something went wrong on the server.', log: true };
}
