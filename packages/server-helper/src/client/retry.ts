import { ClinkApiError, ClinkConnectionError, ClinkTimeoutError, type ClinkError } from '../errors.js';
import { MAX_RETRY_DELAY_MS, type ClientConfig } from './config.js';
import { retryAfterMs } from './transport.js';

/** Failures worth another try for a request that changes nothing at Clink. */
export function isTransient(error: unknown): boolean {
  if (error instanceof ClinkConnectionError || error instanceof ClinkTimeoutError) return true;
  if (error instanceof ClinkApiError) {
    // `failureStatus` reads a `{ code: 500 }` inside HTTP 200 like an HTTP 500.
    const status = error.failureStatus;
    return status === 429 || (status !== undefined && status >= 500);
  }
  return false;
}

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random, so many
 * servers retrying at once spread out while each still waits a predictable minimum.
 */
export function backoffDelay(config: ClientConfig, retry: number, error: ClinkError): number {
  const exponential = Math.min(MAX_RETRY_DELAY_MS, config.retryBaseDelayMs * 2 ** retry);
  const jittered = exponential / 2 + config.random() * (exponential / 2);
  const suggested = retryAfterMs.get(error);
  return Math.round(suggested === undefined ? jittered : Math.min(MAX_RETRY_DELAY_MS, Math.max(jittered, suggested)));
}

/**
 * Runs `attempt` up to `1 + maxRetries` times while it fails transiently. Only for requests
 * that are safe to repeat (reads, QR refreshes); creates call `sendOnce` directly.
 */
export async function withRetries<T>(
  config: ClientConfig,
  label: string,
  signal: AbortSignal | undefined,
  attempt: () => Promise<T>,
): Promise<T> {
  for (let retry = 0; ; retry += 1) {
    try {
      return await attempt();
    } catch (error) {
      if (retry >= config.maxRetries || !isTransient(error) || signal?.aborted) throw error;
      const delay = backoffDelay(config, retry, error as ClinkError);
      config.log(
        `clink ${label}: ${(error as ClinkError).type}, retry ${retry + 1} of ${config.maxRetries} in ${delay} ms`,
      );
      try {
        await config.sleep(delay, signal);
      } catch {
        throw error; // cancelled while waiting: report the failure that made us wait
      }
    }
  }
}
