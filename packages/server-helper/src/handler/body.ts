import type { CheckoutExchange } from './exchange.js';
import { CheckoutHttpError } from './http.js';

/** 16 KiB: a checkout request or a Clink webhook is far smaller. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

export function tooLarge(maxBytes: number): CheckoutHttpError {
  return new CheckoutHttpError(
    413,
    'payload_too_large',
    `The request body is larger than ${maxBytes} bytes.`,
  );
}

/** The body stream broke: the client hung up or aborted mid-upload. Its failure, not the server's. */
export function endedEarly(): CheckoutHttpError {
  return new CheckoutHttpError(400, 'validation_error', 'The request body ended early: the client closed the connection.');
}

/** A declared `Content-Length` over the limit: refused before a byte is read. */
export function declaresMoreThan(exchange: CheckoutExchange, maxBytes: number): boolean {
  const declared = exchange.header('content-length');
  return declared !== null && Number(declared) > maxBytes;
}

/** Reads the body as UTF-8 text, at most `maxBytes` of it. */
export function readBodyText(exchange: CheckoutExchange, maxBytes: number): Promise<string> {
  if (declaresMoreThan(exchange, maxBytes)) {
    return exchange.discardBody().then(() => {
      throw tooLarge(maxBytes);
    });
  }
  return exchange.readBody(maxBytes).then(decodeUtf8);
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new CheckoutHttpError(400, 'validation_error', 'The request body is not valid UTF-8.');
  }
}

/** `application/json`, optionally with parameters (`; charset=utf-8`) or a `+json` suffix type. */
export function isJsonContentType(value: string | null): boolean {
  if (value === null) return false;
  if (value === 'application/json') return true;
  const mediaType = value.split(';', 1)[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** Reads and parses a JSON body, refusing other content types (415) and malformed JSON (400). */
export function readJsonBody(exchange: CheckoutExchange, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(exchange.header('content-type'))) {
    return exchange.discardBody().then(() => {
      throw new CheckoutHttpError(
        415,
        'unsupported_media_type',
        'Send the request body as JSON with "Content-Type: application/json".',
      );
    });
  }
  return readBodyText(exchange, maxBytes).then(parseJsonBody);
}

function parseJsonBody(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    if (text.trim() === '') throw new CheckoutHttpError(400, 'validation_error', 'The request body is empty; send a JSON object.');
    throw new CheckoutHttpError(400, 'validation_error', 'The request body is not valid JSON.');
  }
}
