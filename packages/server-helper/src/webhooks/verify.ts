import {
  WEBHOOK_SIGNATURE_HEADER as SIGNATURE_HEADER,
  WEBHOOK_SIGN_TYPE_HEADER as SIGN_TYPE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER as TIMESTAMP_HEADER,
} from '@clink-checkout/protocol';
import { ClinkConfigurationError, ClinkWebhookSignatureError } from '../errors.js';
import { readWebhookEvent, toMilliseconds } from './event.js';
import { readHeaderValues } from './headers.js';
import { hmacSha256, timingSafeEqualText, toBytes } from '../crypto.js';
import type { VerifiedClinkWebhook, VerifyClinkWebhookOptions } from './types.js';

export const DEFAULT_TOLERANCE_SECONDS = 300;

const RAW_BODY_HINT =
  'pass the raw request body as received, e.g. express.raw({ type: "application/json" }) in Express, or await request.text() with a fetch Request';

/**
 * Verifies a Clink webhook on its raw body and returns the event it carries.
 *
 * Checks, in order: secret present, raw body (not a parsed object), both headers present,
 * HMAC-SHA256 of `<X-Clink-Timestamp>.<raw body>` (constant-time), timestamp within
 * `toleranceSeconds` of now (past or future). Only these refuse a webhook. A correctly signed body is
 * then read: `order.*` events carry the order, `refund.*` events the refund, other events their `data`
 * as sent; a body that is no usable event comes back as `{ category: 'unusable', problem }`, to be
 * acknowledged with a 2xx and logged (Clink re-delivers refused webhooks forever).
 *
 * @throws ClinkWebhookSignatureError with a `reason` saying what failed verification.
 */
export async function verifyClinkWebhook(options: VerifyClinkWebhookOptions): Promise<VerifiedClinkWebhook> {
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

  const signedAtMs = toMilliseconds(Number(timestamp));
  const driftSeconds = Math.round((now() - signedAtMs) / 1000);
  if (Math.abs(now() - signedAtMs) > toleranceSeconds * 1000) {
    throw new ClinkWebhookSignatureError(
      driftSeconds > 0
        ? `${TIMESTAMP_HEADER} is ${driftSeconds} s old, beyond the ${toleranceSeconds} s tolerance: a replayed or long-delayed webhook.`
        : `${TIMESTAMP_HEADER} is ${-driftSeconds} s in the future, beyond the ${toleranceSeconds} s tolerance: check the server clock.`,
      { reason: 'stale_timestamp', header: TIMESTAMP_HEADER },
    );
  }

  return readWebhookEvent(typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(toBytes(rawBody)));
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
