import { ClinkConfigurationError, ClinkWebhookSignatureError } from '../errors.js';
import type { ClinkOrder } from '../types.js';
import { readHeaderValues } from './headers.js';
import { hmacSha256, timingSafeEqualText, toBytes } from '../crypto.js';
import {
  SIGNATURE_HEADER,
  SIGN_TYPE_HEADER,
  TIMESTAMP_HEADER,
  type ClinkWebhookEvent,
  type VerifyClinkWebhookOptions,
} from './types.js';

export const DEFAULT_TOLERANCE_SECONDS = 300;

/** Below this a timestamp is read as seconds, at or above as milliseconds (1e12 ms is Sep 2001). */
const MILLISECONDS_THRESHOLD = 1e12;

const RAW_BODY_HINT =
  'pass the raw request body as received, e.g. express.raw({ type: "application/json" }) in Express, or await request.text() with a fetch Request';

/**
 * Verifies a Clink webhook on its raw body and returns the parsed event.
 *
 * Checks, in order: secret present, raw body (not a parsed object), both headers present,
 * HMAC-SHA256 of `<X-Clink-Timestamp>.<raw body>` (constant-time), timestamp within
 * `toleranceSeconds` of now (past or future), then the event's shape.
 *
 * @throws ClinkWebhookSignatureError with a `reason` saying what failed.
 */
export async function verifyClinkWebhook(options: VerifyClinkWebhookOptions): Promise<ClinkWebhookEvent> {
  const { rawBody, headers, secret } = options;
  const toleranceSeconds = options.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  const now = options.now ?? Date.now;
  // A NaN tolerance would make every timestamp look fresh.
  if (typeof toleranceSeconds !== 'number' || !Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) {
    throw new ClinkConfigurationError(`toleranceSeconds must be a finite number of seconds, 0 or more, got ${String(toleranceSeconds)}.`);
  }

  if (typeof secret !== 'string' || secret.trim() === '') {
    throw new ClinkWebhookSignatureError(
      'The webhook signing secret is empty: pass your endpoint secret (whsec_…), e.g. from an environment variable.',
      { reason: 'missing_secret' },
    );
  }
  checkRawBody(rawBody);
  if (typeof headers !== 'object' || headers === null) {
    throw new ClinkWebhookSignatureError(`No headers were passed; ${TIMESTAMP_HEADER} and ${SIGNATURE_HEADER} are required.`, {
      reason: 'missing_header',
      header: TIMESTAMP_HEADER,
    });
  }

  const timestamp = readHeaderValues(headers, TIMESTAMP_HEADER)[0];
  const signatures = readHeaderValues(headers, SIGNATURE_HEADER);
  if (timestamp === undefined) throw missingHeader(TIMESTAMP_HEADER);
  if (signatures.length === 0) throw missingHeader(SIGNATURE_HEADER);
  if (!/^\d{1,16}$/.test(timestamp)) {
    throw new ClinkWebhookSignatureError(`${TIMESTAMP_HEADER} must be a Unix time in seconds or milliseconds, got ${JSON.stringify(timestamp.slice(0, 32))}.`, {
      reason: 'invalid_header',
      header: TIMESTAMP_HEADER,
    });
  }
  const signType = readHeaderValues(headers, SIGN_TYPE_HEADER)[0];
  if (signType !== undefined && signType.toUpperCase() !== 'SHA256' && signType.toUpperCase() !== 'HMAC-SHA256') {
    throw new ClinkWebhookSignatureError(`${SIGN_TYPE_HEADER} is ${JSON.stringify(signType.slice(0, 32))}; only SHA256 is supported.`, {
      reason: 'invalid_header',
      header: SIGN_TYPE_HEADER,
    });
  }

  const expected = await signatureHex(secret, timestamp, rawBody);
  const matches = signatures.map(normaliseSignature).some((candidate) => timingSafeEqualText(candidate, expected));
  if (!matches) {
    throw new ClinkWebhookSignatureError(
      `${SIGNATURE_HEADER} does not match the body: the body was changed (re-serialised JSON counts), or the secret is not this endpoint's signing secret.`,
      { reason: 'bad_signature' },
    );
  }

  const signedAtMs = Number(timestamp) < MILLISECONDS_THRESHOLD ? Number(timestamp) * 1000 : Number(timestamp);
  const driftSeconds = Math.round((now() - signedAtMs) / 1000);
  if (Math.abs(now() - signedAtMs) > toleranceSeconds * 1000) {
    throw new ClinkWebhookSignatureError(
      driftSeconds > 0
        ? `${TIMESTAMP_HEADER} is ${driftSeconds} s old, beyond the ${toleranceSeconds} s tolerance: a replayed or long-delayed webhook.`
        : `${TIMESTAMP_HEADER} is ${-driftSeconds} s in the future, beyond the ${toleranceSeconds} s tolerance: check the server clock.`,
      { reason: 'stale_timestamp', header: TIMESTAMP_HEADER },
    );
  }

  return parseEvent(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(toBytes(rawBody)));
}

/** Lowercase hex HMAC-SHA256 of `<timestamp>.<body>`; bytes are hashed as received, never re-decoded. */
export async function signatureHex(secret: string, timestamp: string, body: string | Uint8Array | ArrayBuffer): Promise<string> {
  let message: string | Uint8Array;
  if (typeof body === 'string') {
    message = `${timestamp}.${body}`;
  } else {
    const bytes = toBytes(body);
    const prefix = toBytes(`${timestamp}.`);
    message = new Uint8Array(prefix.length + bytes.length);
    message.set(prefix, 0);
    message.set(bytes, prefix.length);
  }
  return hmacSha256(secret).signHex(message);
}

function missingHeader(header: string): ClinkWebhookSignatureError {
  return new ClinkWebhookSignatureError(
    `The ${header} header is missing: this request was not signed by Clink, or a proxy dropped the header.`,
    { reason: 'missing_header', header },
  );
}

function checkRawBody(rawBody: unknown): asserts rawBody is string | Uint8Array | ArrayBuffer {
  if (typeof rawBody === 'string') {
    if (rawBody === '[object Object]') {
      throw new ClinkWebhookSignatureError(`The body is "[object Object]": a parsed object was turned into a string; ${RAW_BODY_HINT}.`, {
        reason: 'parsed_body',
      });
    }
    return;
  }
  if (rawBody instanceof Uint8Array || rawBody instanceof ArrayBuffer) return;
  if (rawBody === undefined || rawBody === null) {
    throw new ClinkWebhookSignatureError(`No raw body was passed (got ${String(rawBody)}); ${RAW_BODY_HINT}.`, {
      reason: 'parsed_body',
    });
  }
  throw new ClinkWebhookSignatureError(
    `You passed a parsed object; ${RAW_BODY_HINT}. The signature covers the exact bytes Clink sent, which re-serialising cannot reproduce.`,
    { reason: 'parsed_body' },
  );
}

/** Accepts `abc…`, `ABC…` or `sha256=abc…`: the hex is compared lowercase. */
function normaliseSignature(value: string): string {
  return value.replace(/^sha256=/i, '').toLowerCase();
}

function invalidPayload(message: string): ClinkWebhookSignatureError {
  return new ClinkWebhookSignatureError(`The webhook is correctly signed but ${message}.`, { reason: 'invalid_payload' });
}

function parseEvent(text: string): ClinkWebhookEvent {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    throw invalidPayload('its body is not JSON');
  }
  if (!isRecord(body)) throw invalidPayload('its body is not an event object');
  const { id, type, created, object } = body;
  if (typeof id !== 'string' || id === '') throw invalidPayload('the event has no id');
  if (typeof type !== 'string' || type === '') throw invalidPayload('the event has no type');
  if (object !== undefined && object !== 'event') throw invalidPayload(`its object is ${JSON.stringify(object)}, not "event"`);
  const createdNumber = typeof created === 'string' && /^\d+$/.test(created) ? Number(created) : created;
  if (typeof createdNumber !== 'number' || !Number.isFinite(createdNumber)) throw invalidPayload('the event has no created time');
  return { id, object: 'event', created: createdNumber, type, data: eventData(body.data, type) };
}

/** Clink documents the order under `data`; real traffic has also carried it under `data.object`. */
function eventData(data: unknown, type: string): ClinkOrder {
  if (!isRecord(data)) throw invalidPayload('the event has no data object');
  const inner = data.object;
  const order = isRecord(inner) && data.orderId === undefined ? inner : data;
  if (type.startsWith('order.') && (typeof order.orderId !== 'string' || order.orderId === '')) {
    throw invalidPayload(`the ${type} event carries no orderId`);
  }
  return order as unknown as ClinkOrder;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
