import { CLINK_BASE_URLS, type ClinkEnvironment } from '@clink-checkout/protocol';
import { ClinkConfigurationError } from '../errors.js';
import { fetchHttp, type ClinkHttp } from './http.js';
import { nodeHttp } from './node-http.js';
import type { ClinkClientOptions } from './types.js';
import { maskKey } from './redact.js';

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_RETRIES = 2;
export const DEFAULT_RETRY_BASE_DELAY_MS = 250;
export const MAX_RETRY_DELAY_MS = 5_000;

export interface ClientConfig {
  apiKey: string;
  environment: ClinkEnvironment;
  baseUrl: string;
  /** What carries each request: node:http on Node, else fetch (or the fetch passed in the options). */
  http: ClinkHttp;
  timeoutMs: number;
  maxRetries: number;
  retryBaseDelayMs: number;
  now: () => number;
  log: (line: string) => void;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  random: () => number;
}

/** Header values may only hold visible ASCII; anything else would make fetch throw with the key in its message. */
const KEY_PATTERN = /^[\x21-\x7e]+$/;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Checks options once, at construction, so a misconfigured server fails at boot, not at the first payment. */
export function resolveConfig(options: ClinkClientOptions): ClientConfig {
  if (typeof options !== 'object' || options === null) {
    throw new ClinkConfigurationError('createClinkClient needs an options object: { apiKey, environment }.');
  }
  const environment = options.environment;
  if (environment !== 'sandbox' && environment !== 'production') {
    throw new ClinkConfigurationError(
      `environment must be 'sandbox' or 'production', got ${JSON.stringify(environment) ?? String(environment)}.`,
    );
  }
  const apiKey = checkApiKey(options.apiKey, environment);
  const baseUrl = checkBaseUrl(options.baseUrl ?? CLINK_BASE_URLS[environment]);

  const http = options.fetch === undefined ? (nodeHttp() ?? globalFetchHttp()) : checkedFetchHttp(options.fetch);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new ClinkConfigurationError(`timeoutMs must be a positive number of milliseconds, got ${String(timeoutMs)}.`);
  }
  const maxRetries = options.maxRetries ?? DEFAULT_MAX_RETRIES;
  if (!Number.isInteger(maxRetries) || maxRetries < 0 || maxRetries > 10) {
    throw new ClinkConfigurationError(`maxRetries must be a whole number from 0 to 10, got ${String(maxRetries)}.`);
  }
  const retryBaseDelayMs = options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS;
  if (!Number.isFinite(retryBaseDelayMs) || retryBaseDelayMs < 0) {
    throw new ClinkConfigurationError(`retryBaseDelayMs must be 0 or more, got ${String(retryBaseDelayMs)}.`);
  }
  const logger = options.logger;
  return {
    apiKey,
    environment,
    baseUrl,
    http,
    timeoutMs,
    maxRetries,
    retryBaseDelayMs,
    now: options.now ?? Date.now,
    log: logger === undefined ? () => {} : (line) => logger(line),
    sleep: options.sleep ?? sleepWithSignal,
    random: options.random ?? Math.random,
  };
}

function checkedFetchHttp(fetchImpl: unknown): ClinkHttp {
  if (typeof fetchImpl !== 'function') {
    throw new ClinkConfigurationError('No fetch implementation: pass options.fetch or run on a runtime with a global fetch.');
  }
  // Called unbound: some runtimes throw "Illegal invocation" when fetch loses its `this`.
  return fetchHttp((input, init) => (fetchImpl as typeof fetch)(input, init));
}

/** The global fetch, looked up at each call (tests and tools replace it). */
function globalFetchHttp(): ClinkHttp {
  if (typeof globalThis.fetch !== 'function') checkedFetchHttp(undefined);
  return fetchHttp((input, init) => globalThis.fetch(input, init));
}

function checkApiKey(apiKey: unknown, environment: ClinkEnvironment): string {
  if (typeof apiKey !== 'string' || apiKey.trim() === '') {
    throw new ClinkConfigurationError(
      'apiKey is empty: pass your Clink secret key (sk_test_… for the sandbox, sk_prod_… for production), e.g. from an environment variable.',
    );
  }
  if (!KEY_PATTERN.test(apiKey)) {
    throw new ClinkConfigurationError(
      `apiKey (${maskKey(apiKey)}) contains spaces, line breaks or non-ASCII characters; check how it is loaded (a trailing newline is common).`,
    );
  }
  if (environment === 'production' && apiKey.startsWith('sk_test_')) {
    throw new ClinkConfigurationError(
      `apiKey ${maskKey(apiKey)} is a sandbox key but environment is 'production'. Use your sk_prod_… key, or environment: 'sandbox'.`,
    );
  }
  if (environment === 'sandbox' && apiKey.startsWith('sk_prod_')) {
    throw new ClinkConfigurationError(
      `apiKey ${maskKey(apiKey)} is a production key but environment is 'sandbox'. Use your sk_test_… key, or environment: 'production'.`,
    );
  }
  return apiKey;
}

function checkBaseUrl(baseUrl: unknown): string {
  let url: URL;
  try {
    url = new URL(String(baseUrl));
  } catch {
    throw new ClinkConfigurationError(`baseUrl must be an absolute URL such as https://api.clinkbill.com/api, got ${JSON.stringify(baseUrl)}.`);
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw new ClinkConfigurationError('baseUrl must not contain credentials, a query or a fragment.');
  }
  const local = LOCAL_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
    throw new ClinkConfigurationError(
      `baseUrl must use https (plain http is allowed only for localhost), got ${url.protocol}//${url.host}: the secret key travels in a header.`,
    );
  }
  return url.href.replace(/\/+$/, '');
}

function sleepWithSignal(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
