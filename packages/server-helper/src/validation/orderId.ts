import { ClinkValidationError } from '../errors.js';
import { describe } from './fieldErrors.js';

/** Clink's ids are short tokens; anything else in a path segment is a mistake or an injection attempt. */
const ORDER_ID_PATTERN = /^[A-Za-z0-9._~-]{1,128}$/;

/**
 * Checks an order id before it becomes a URL path segment.
 *
 * @returns the id, unchanged.
 * @throws ClinkValidationError (path `orderId`) unless it is 1–128 URL-safe characters
 *   (letters, digits, `-`, `_`, `.`, `~`) and not `.` or `..`.
 */
export function validateOrderId(orderId: unknown): string {
  if (typeof orderId !== 'string' || orderId === '') {
    throw new ClinkValidationError([{ path: 'orderId', message: `must be a non-empty string, got ${describe(orderId)}` }]);
  }
  if (!ORDER_ID_PATTERN.test(orderId) || orderId === '.' || orderId === '..') {
    throw new ClinkValidationError([
      {
        path: 'orderId',
        message: 'must be 1-128 characters of letters, digits, "-", "_", "." or "~"',
      },
    ]);
  }
  return orderId;
}
