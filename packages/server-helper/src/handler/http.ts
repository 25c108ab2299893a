import type { FieldError } from '../errors.js';
import type { CheckoutErrorBody, CheckoutErrorType } from '@clink-checkout/protocol';
import type { CheckoutAnswer } from './exchange.js';

/**
 * A refusal produced by the handler itself (bad route, body, token, …). Internal: it never leaves
 * the handler as an exception, only as a `CheckoutErrorBody` response.
 */
export class CheckoutHttpError extends Error {
  constructor(
    readonly status: number,
    readonly errorType: CheckoutErrorType,
    message: string,
    readonly fields?: Record<string, string>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'CheckoutHttpError';
  }
}

export function jsonAnswer(status: number, body: unknown, headers?: Record<string, string>): CheckoutAnswer {
  return textJsonAnswer(status, JSON.stringify(body), headers);
}

/** A JSON answer with the headers every answer has, then `headers` (which win). A new headers object each time. */
export function textJsonAnswer(status: number, json: string, headers?: Record<string, string>): CheckoutAnswer {
  const all: Record<string, string> = {
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Content-Type': 'application/json; charset=utf-8',
  };
  if (headers !== undefined) for (const name in headers) all[name] = headers[name]!;
  return { status, headers: all, body: json };
}

export function errorBody(
  type: CheckoutErrorType,
  message: string,
  fields?: Record<string, string>,
): CheckoutErrorBody {
  return { error: fields === undefined ? { type, message } : { type, message, fields } };
}

/** `[{ path: 'a', message: 'b' }]` -> `{ a: 'b' }`; the first message per path wins. */
export function fieldRecord(fields: readonly FieldError[]): Record<string, string> {
  const record: Record<string, string> = {};
  for (const field of fields) {
    const path = field.path === '' ? 'body' : field.path;
    record[path] ??= field.message;
  }
  return record;
}
