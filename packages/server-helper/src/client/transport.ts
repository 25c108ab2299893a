import { API_KEY_HEADER, REQUEST_TIMESTAMP_HEADER } from '@clink-checkout/protocol';
import {
  ClinkApiError,
  ClinkAuthenticationError,
  ClinkConnectionError,
  ClinkTimeoutError,
  type ClinkError,
} from '../errors.js';
import type { ClientConfig } from './config.js';
import type { ClinkHttpAnswer } from './http.js';
import { redactSecret } from './redact.js';
import { refusedField } from './refused-field.js';

export interface ClinkRequest {
  method: 'GET' | 'POST';
  /** Path below the base URL with encoded segments, e.g. `/order/ord_1`. */
  path: string;
  body?: unknown;
  /** Set for creates, naming what they create: a failure after sending may hide one that exists, and the message says so. */
  creates?: CreatedThing;
}

/** What a create call makes at Clink. */
export type CreatedThing = 'payment' | 'payment instrument';

/** Appended to a failed create's message: the failure does not prove that nothing was created. */
export const unknownOutcome = (created: CreatedThing): string =>
  ` The request may have reached Clink and created the ${created}: do not send it again blindly.`;

/** Server-suggested wait before a retry (from `Retry-After`), kept off the error's public fields. */
export const retryAfterMs = new WeakMap<ClinkError, number>();

/** Marks an abort caused by our own timer, so it is told apart from the caller's signal. */
class AttemptTimeout extends Error {}

const SNIPPET_LENGTH = 200;

/**
 * One HTTP exchange with Clink: returns the envelope's `data` on success and turns every
 * failure into a typed error. Never retries; see `withRetries`.
 */
export async function sendOnce(config: ClientConfig, request: ClinkRequest, callerSignal?: AbortSignal): Promise<unknown> {
  const { method, path } = request;
  const label = `${method} ${path}`;
  const started = config.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new AttemptTimeout()), config.timeoutMs);
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  if (callerSignal?.aborted) onCallerAbort();
  else callerSignal?.addEventListener('abort', onCallerAbort, { once: true });

  const headers: Record<string, string> = {
    [API_KEY_HEADER]: config.apiKey,
    [REQUEST_TIMESTAMP_HEADER]: String(config.now()),
    Accept: 'application/json',
  };
  if (request.body !== undefined) headers['Content-Type'] = 'application/json';

  let answer: ClinkHttpAnswer;
  try {
    answer = await config.http({
      url: config.baseUrl + path,
      method,
      headers,
      body: request.body === undefined ? undefined : JSON.stringify(request.body),
      signal: controller.signal,
    });
  } catch (cause) {
    const error = transportError(config, label, path, controller.signal, cause, callerSignal);
    if (request.creates) error.message += unknownOutcome(request.creates);
    config.log(`clink ${label} failed: ${error.type} after ${config.now() - started} ms`);
    throw error;
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
  }
  const { status, statusText, text, retryAfter } = answer;

  try {
    const data = readEnvelope(config, request, label, status, statusText, text);
    config.log(`clink ${label} -> HTTP ${status} (${config.now() - started} ms)`);
    return data;
  } catch (error) {
    const clinkError = error as ClinkError;
    if (request.creates && outcomeUnknown(clinkError)) clinkError.message += unknownOutcome(request.creates);
    const waitMs = parseRetryAfter(retryAfter, config.now());
    if (waitMs !== undefined) retryAfterMs.set(clinkError, waitMs);
    config.log(`clink ${label} -> HTTP ${status} ${clinkError.type} (${config.now() - started} ms)`);
    throw clinkError;
  }
}

/**
 * An unreadable success, an answer of unexpected shape or a server error (also one inside HTTP 200):
 * Clink may have acted before failing to answer.
 */
export function outcomeUnknown(error: ClinkError): boolean {
  if (error.type === 'connection_error' || error.type === 'timeout_error') return true;
  return error instanceof ClinkApiError && (error.code === 'invalid_response' || (error.failureStatus ?? 0) >= 500);
}

function transportError(
  config: ClientConfig,
  label: string,
  path: string,
  signal: AbortSignal,
  cause: unknown,
  callerSignal: AbortSignal | undefined,
): ClinkError {
  if (signal.reason instanceof AttemptTimeout) {
    return new ClinkTimeoutError(`Clink did not answer ${label} within ${config.timeoutMs} ms.`, {
      path,
      timeoutMs: config.timeoutMs,
    });
  }
  if (callerSignal?.aborted) {
    const reason: unknown = callerSignal.reason;
    if (reason instanceof Error && reason.name === 'TimeoutError') {
      return new ClinkTimeoutError(`${label} was cancelled by the caller's timeout signal.`, { path, cause: safeCause(config, reason) });
    }
    return new ClinkConnectionError(`${label} was cancelled by the caller's signal.`, { path, cause: safeCause(config, reason) });
  }
  const detail = cause instanceof Error ? describeNetworkError(cause) : String(cause);
  return new ClinkConnectionError(
    `Could not reach Clink for ${label}: ${redactSecret(detail, config.apiKey)}. Check the network and baseUrl.`,
    { path, cause: safeCause(config, cause) },
  );
}

/** undici reports "fetch failed" and keeps the useful part (ECONNREFUSED, ENOTFOUND) in `cause`. */
function describeNetworkError(error: Error): string {
  const inner = (error as { cause?: unknown }).cause;
  const code = typeof inner === 'object' && inner !== null ? (inner as { code?: unknown }).code : undefined;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

/**
 * Keeps a runtime's error as `cause` for debugging, unless any text in it mentions the key
 * (a custom fetch may echo request headers): then only a redacted description survives.
 */
function safeCause(config: ClientConfig, cause: unknown): unknown {
  if (!mentionsKey(cause, config.apiKey, 0)) return cause;
  return new Error(redactSecret(cause instanceof Error ? cause.message : String(cause), config.apiKey));
}

function mentionsKey(value: unknown, apiKey: string, depth: number): boolean {
  if (depth > 4 || value === null || value === undefined) return false;
  if (typeof value === 'string') return value.includes(apiKey);
  if (typeof value !== 'object') return String(value).includes(apiKey);
  if (value instanceof Error) {
    if (`${value.message}\n${value.stack ?? ''}`.includes(apiKey)) return true;
    if (mentionsKey((value as { cause?: unknown }).cause, apiKey, depth + 1)) return true;
  }
  try {
    return (JSON.stringify(value) ?? '').includes(apiKey);
  } catch {
    return true; // unreadable: assume the worst
  }
}

function readEnvelope(
  config: ClientConfig,
  request: ClinkRequest,
  label: string,
  status: number,
  statusText: string,
  text: string,
): unknown {
  const { path } = request;
  const snippet = redactSecret(text.trim().slice(0, SNIPPET_LENGTH), config.apiKey);
  let body: unknown;
  let parsed = true;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    parsed = false;
  }
  const envelope = parsed && typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as { code?: unknown; msg?: unknown; data?: unknown })
    : undefined;
  const msg = typeof envelope?.msg === 'string' ? redactSecret(envelope.msg, config.apiKey) : undefined;

  if (status === 401 || bodyCode(envelope) === 401) {
    return fail(
      new ClinkAuthenticationError(
        `Clink refused the API key for ${label} (HTTP ${status}): ${msg ?? (snippet || statusText || 'unauthorized')}. ` +
          'Check that the key matches the environment and that the server clock is correct.',
        { path, statusCode: status },
      ),
    );
  }
  if (status < 200 || status > 299) {
    const code = bodyCode(envelope) ?? status;
    const message = msg ?? (snippet || statusText || `HTTP ${status}`);
    return fail(new ClinkApiError(code, message, { path, statusCode: status, field: refusedField(message, request.body) }));
  }
  if (!parsed) {
    return fail(
      new ClinkConnectionError(
        `Clink's answer to ${label} (HTTP ${status}) is not valid JSON${snippet ? `: ${JSON.stringify(snippet)}` : ' (empty body)'}.`,
        { path, statusCode: status },
      ),
    );
  }
  if (envelope === undefined || bodyCode(envelope) === undefined) {
    return fail(
      new ClinkApiError('invalid_response', `the answer to ${label} is not a { code, msg, data } envelope.`, {
        path,
        statusCode: status,
      }),
    );
  }
  // Clink also refuses inside HTTP 200: the body code decides, exactly as an HTTP status would.
  const code = bodyCode(envelope);
  if (code !== 200) {
    const message = msg ?? 'no message';
    return fail(new ClinkApiError(code ?? status, message, { path, statusCode: status, field: refusedField(message, request.body) }));
  }
  return envelope.data;
}

/** Clink's body `code` as a number when it is numeric ("200" and 200 alike), else as sent. */
function bodyCode(envelope: { code?: unknown } | undefined): number | string | undefined {
  const code = envelope?.code;
  if (typeof code === 'number') return code;
  if (typeof code === 'string' && code.trim() !== '') return /^\d+$/.test(code) ? Number(code) : code;
  return undefined;
}

function fail(error: ClinkError): never {
  throw error;
}

function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
