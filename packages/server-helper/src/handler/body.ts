import { requestBodyInMemory } from '../in-memory-bodies.js';
import { CheckoutHttpError } from './http.js';

/** 16 KiB: a checkout request or a Clink webhook is far smaller. */
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

function tooLarge(maxBytes: number): CheckoutHttpError {
  return new CheckoutHttpError(
    413,
    'payload_too_large',
    `The request body is larger than ${maxBytes} bytes.`,
  );
}

/**
 * Stops reading a body the handler refuses unread, so an adapter can close the connection instead of
 * receiving the rest of a large upload.
 */
async function discardBody(request: Request): Promise<void> {
  if (request.body !== null && !request.bodyUsed) await request.body.cancel().catch(() => undefined);
}

/**
 * Reads the body as UTF-8 text, counting bytes as they stream in: `Content-Length` is only used to
 * refuse early, never trusted, because chunked requests have none and a client may lie.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = request.headers.get('content-length');
  if (declared !== null && Number(declared) > maxBytes) {
    await discardBody(request);
    throw tooLarge(maxBytes);
  }
  if (request.body === null) return '';
  const inMemory = requestBodyInMemory(request);
  if (inMemory !== undefined) {
    if (inMemory.byteLength > maxBytes) throw tooLarge(maxBytes);
    return decodeUtf8(inMemory);
  }
  if (request.bodyUsed) {
    throw new Error('The request body was already read before it reached the checkout handler.');
  }

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      // The body stream broke: the client hung up or aborted mid-upload. Its failure, not the server's.
      throw new CheckoutHttpError(400, 'validation_error', 'The request body ended early: the client closed the connection.');
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }

  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return decodeUtf8(bytes);
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
  const mediaType = value.split(';', 1)[0]!.trim().toLowerCase();
  return mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
}

/** Reads and parses a JSON body, refusing other content types (415) and malformed JSON (400). */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  if (!isJsonContentType(request.headers.get('content-type'))) {
    await discardBody(request);
    throw new CheckoutHttpError(
      415,
      'unsupported_media_type',
      'Send the request body as JSON with "Content-Type: application/json".',
    );
  }
  const text = await readBodyText(request, maxBytes);
  if (text.trim() === '') {
    throw new CheckoutHttpError(400, 'validation_error', 'The request body is empty; send a JSON object.');
  }
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new CheckoutHttpError(400, 'validation_error', 'The request body is not valid JSON.');
  }
}
