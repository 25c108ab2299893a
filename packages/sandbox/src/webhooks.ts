import { delay, type SandboxTimers } from './timers.js';
import type { SandboxWebhookEvent } from './types.js';

/** How failed webhook deliveries are retried: exponential backoff with a bounded number of attempts. */
export interface WebhookRetryOptions {
  /** Total attempts including the first. @default 5 */
  maxAttempts?: number;
  /** Delay before the second attempt; each later delay doubles. @default 1000 */
  initialDelayMs?: number;
  /** Upper bound for one delay. @default 30000 */
  maxDelayMs?: number;
  /** How long one attempt may take before it counts as failed. @default 10000 */
  attemptTimeoutMs?: number;
}

/** One delivery attempt, as recorded by the sandbox. */
export interface WebhookAttempt {
  /** When the attempt started (ms). */
  at: number;
  /** HTTP status of the merchant's answer, if one arrived. */
  status?: number;
  /** Why the attempt failed without an HTTP answer. */
  error?: string;
}

/** The story of one event's delivery. */
export interface WebhookDelivery {
  event: SandboxWebhookEvent;
  state: 'pending' | 'delivered' | 'failed';
  attempts: WebhookAttempt[];
}

/**
 * How a signed delivery leaves the sandbox. The default signs with Web Crypto and posts with `fetch`, which
 * run everywhere; a listening sandbox (Node) switches to node:crypto and node:http (node-webhooks.ts).
 */
export interface WebhookTransport {
  sign(secret: string, timestamp: string, body: string): Promise<string> | string;
  /** POSTs `body` and resolves with the HTTP status once the answer has been read; rejects when none arrives. */
  post(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<number>;
}

/** Web Crypto and `fetch` (the one given, e.g. a test's). */
export function fetchTransport(fetchFn: typeof fetch): WebhookTransport {
  return {
    sign: signWebhook,
    async post(url, headers, body, signal) {
      const response = await fetchFn(url, { method: 'POST', headers, body, signal });
      // Drain the body so keep-alive sockets are released.
      await response.arrayBuffer().catch(() => undefined);
      return response.status;
    },
  };
}

export interface WebhookSenderOptions {
  url: string | undefined;
  secret: string;
  transport: WebhookTransport;
  timers: SandboxTimers;
  now: () => number;
  retry: WebhookRetryOptions | undefined;
  log: (line: string) => void;
}

/** How a delivery's headers are written: `X-Clink-Timestamp` in ms or s, with or without `X-Clink-SignType`. */
export interface WebhookHeaderShape {
  timestampUnit: 'ms' | 's';
  signType: boolean;
}

export interface WebhookSender {
  send(event: SandboxWebhookEvent, headers?: WebhookHeaderShape): void;
  /** Deliveries from now on go through `next` (retries of earlier ones too). */
  useTransport(next: WebhookTransport): void;
  deliveries(): WebhookDelivery[];
  idle(): Promise<void>;
  close(): void;
}

// Importing a key is most of the cost of one signature; a sandbox signs every event with the same secret.
const signingKeys = new Map<string, Promise<CryptoKey>>();

function signingKey(subtle: SubtleCrypto, secret: string): Promise<CryptoKey> {
  let key = signingKeys.get(secret);
  if (key === undefined) {
    key = subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
    // A failed import is not kept: the next signature tries again.
    key.catch(() => signingKeys.delete(secret));
    if (signingKeys.size >= 16) signingKeys.clear(); // a caller signing with many secrets keeps no more than a few keys
    signingKeys.set(secret, key);
  }
  return key;
}

/** Signs as Clink does: HMAC-SHA256 over `<timestamp>.<raw body>`, lowercase hex. */
export async function signWebhook(secret: string, timestamp: string, body: string): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) {
    throw new Error('Web Crypto (crypto.subtle) is unavailable; in a browser, webhooks need a secure context (https or localhost)');
  }
  const mac = await subtle.sign('HMAC', await signingKey(subtle, secret), new TextEncoder().encode(`${timestamp}.${body}`));
  let hex = '';
  for (const byte of new Uint8Array(mac)) hex += HEX[byte];
  return hex;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function createWebhookSender(options: WebhookSenderOptions): WebhookSender {
  const maxAttempts = Math.max(1, options.retry?.maxAttempts ?? 5);
  const initialDelayMs = options.retry?.initialDelayMs ?? 1000;
  const maxDelayMs = options.retry?.maxDelayMs ?? 30_000;
  const attemptTimeoutMs = options.retry?.attemptTimeoutMs ?? 10_000;
  const log: WebhookDelivery[] = [];
  const inFlight = new Set<Promise<void>>();
  const closing = new AbortController();
  let { transport } = options;

  async function attempt(delivery: WebhookDelivery, url: string, body: string, shape: WebhookHeaderShape): Promise<boolean> {
    const timestamp = String(shape.timestampUnit === 's' ? Math.floor(options.now() / 1000) : options.now());
    const record: WebhookAttempt = { at: options.now() };
    delivery.attempts.push(record);
    const timeout = new AbortController();
    const onClose = (): void => timeout.abort(closing.signal.reason);
    closing.signal.addEventListener('abort', onClose, { once: true });
    const timer = options.timers.setTimeout(
      () => timeout.abort(new DOMException('The webhook endpoint did not answer in time', 'TimeoutError')),
      attemptTimeoutMs,
    );
    try {
      const signature = await transport.sign(options.secret, timestamp, body);
      const headers: Record<string, string> = {
        'Content-Type': 'application/json',
        'X-Clink-Timestamp': timestamp,
        'X-Clink-Signature': signature,
        ...(shape.signType ? { 'X-Clink-SignType': 'SHA256' } : {}),
      };
      record.status = await transport.post(url, headers, body, timeout.signal);
      return record.status >= 200 && record.status < 300;
    } catch (error) {
      record.error = error instanceof Error ? error.message : String(error);
      return false;
    } finally {
      options.timers.clearTimeout(timer);
      closing.signal.removeEventListener('abort', onClose);
    }
  }

  // First attempts go out one after another, so a healthy endpoint sees events in the order they
  // happened; retries run on their own so one failing event never holds back the next.
  let previousFirstAttempt: Promise<void> = Promise.resolve();

  async function deliver(delivery: WebhookDelivery, url: string, shape: WebhookHeaderShape, turn: Promise<void>, done: () => void): Promise<void> {
    const body = JSON.stringify(delivery.event);
    await turn;
    for (let n = 1; n <= maxAttempts; n += 1) {
      if (closing.signal.aborted) break;
      const ok = await attempt(delivery, url, body, shape).finally(() => {
        if (n === 1) done();
      });
      const last = delivery.attempts[delivery.attempts.length - 1];
      const outcome = last?.status !== undefined ? `HTTP ${last.status}` : (last?.error ?? 'no answer');
      if (ok) {
        delivery.state = 'delivered';
        options.log(`webhook ${delivery.event.type} ${delivery.event.id} delivered (${outcome}, attempt ${n})`);
        return;
      }
      options.log(`webhook ${delivery.event.type} ${delivery.event.id} attempt ${n}/${maxAttempts} failed (${outcome})`);
      if (n < maxAttempts) {
        const wait = Math.min(maxDelayMs, initialDelayMs * 2 ** (n - 1));
        try {
          await delay(options.timers, wait, closing.signal);
        } catch {
          break;
        }
      }
    }
    done();
    delivery.state = 'failed';
  }

  return {
    send(event, headers = { timestampUnit: 'ms', signType: true }) {
      const url = options.url;
      if (!url) return;
      const delivery: WebhookDelivery = { event, state: 'pending', attempts: [] };
      log.push(delivery);
      // deliver() catches every failure itself; the extra catch keeps a bug from becoming an unhandled rejection.
      const turn = previousFirstAttempt;
      let done!: () => void;
      previousFirstAttempt = new Promise((resolve) => {
        done = resolve;
      });
      const task = deliver(delivery, url, headers, turn, done).catch((error: unknown) => {
        done();
        delivery.state = 'failed';
        options.log(`webhook ${event.id} crashed: ${error instanceof Error ? error.message : String(error)}`);
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
    },
    useTransport(next) {
      transport = next;
    },
    deliveries() {
      return log.map((delivery) => ({ ...delivery, attempts: delivery.attempts.map((a) => ({ ...a })) }));
    },
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close() {
      closing.abort(new DOMException('The sandbox is closing', 'AbortError'));
    },
  };
}
