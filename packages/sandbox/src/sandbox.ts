import { handleApi, refuse } from './api-routes.js';
import {
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_QR_EXPIRES_IN_SECONDS,
  SANDBOX_API_KEY,
  SANDBOX_WEBHOOK_SECRET,
} from './constants.js';
import { FAULT_HEADER, FAULT_NAMES, parseFault, type ParsedFault, type SandboxFault } from './faults.js';
import { envelope, unauthorized } from './http.js';
import { createIdGenerator, randomSeed } from './ids.js';
import { defaultShapes, variedShapes, type AnswerShapes } from './variants.js';
import type { NodeServer } from './node-server.js';
import { snapshotOrder } from './orders.js';
import { handleSandboxRoute } from './page-routes.js';
import { SandboxState, type OrderCommand } from './state.js';
import { isHttpUrl } from './validation.js';
import { defaultTimers, delay, waitForAbort, type SandboxTimers } from './timers.js';
import type { SandboxOrder } from './types.js';
import { CARD_FLOWS, isCardFlow } from './cards.js';
import type { SandboxCustomer, SandboxCustomerInput } from './customers.js';
import type { SandboxInstrument, SandboxInstrumentInput } from './instruments.js';
import { isPaymentMethodType, type PaymentMethodType } from '@clink-checkout/protocol';
import { createWebhookSender, fetchTransport, type WebhookDelivery, type WebhookRetryOptions } from './webhooks.js';

/** Options of {@link createSandbox}. */
export interface SandboxOptions {
  /** `X-API-KEY` values the API accepts. @default [SANDBOX_API_KEY] */
  apiKeys?: string[];
  /** Where webhooks are POSTed. Without it no webhooks are sent. */
  webhookUrl?: string;
  /** Secret that signs webhooks. @default SANDBOX_WEBHOOK_SECRET */
  webhookSecret?: string;
  /** Retry policy for webhooks answered with a non-2xx status or not at all. */
  webhookRetry?: WebhookRetryOptions;
  /** How long a QR code (or wallet session) lives. @default 900 */
  qrExpiresInSeconds?: number;
  /** Makes every id deterministic: the same seed yields the same ids in the same order. Also seeds `variants: true`. */
  seed?: number | string;
  /**
   * Origin used in links to the sandbox's own pages (QR payloads, redirects).
   * @default the `listen()` origin, or else the origin of each request
   */
  publicUrl?: string;
  /** The clock, in milliseconds. @default Date.now */
  now?: () => number;
  /** Timers for webhook retries, latency faults and QR expiry. @default globalThis timers */
  timers?: SandboxTimers;
  /** A fault for every `/api` request, or a function choosing one per request. */
  fault?: SandboxFault | ((request: Request) => SandboxFault | undefined);
  /**
   * How webhooks are delivered. @default globalThis.fetch; once `listen()` has started the server,
   * node:http over kept-alive connections
   */
  fetchWebhook?: typeof fetch;
  /** Receives one line per API request and webhook attempt. Lines never contain keys. @default no logging */
  log?: (line: string) => void;
  /**
   * Vary the shape of answers across what Clink's contract allows (optional fields left out, other
   * spellings, QR images as URLs, `data:` URLs or bare Base64, redirect and QR together, other app schemes,
   * errors inside HTTP 200, webhook `created` as a string or a number, an undocumented order status before
   * a final one, …). Seeded: `true` uses `seed` (or a random seed, see `Sandbox.variantSeed`), `{ seed }`
   * its own. The same seed and the same calls give the same answers. Every varied answer still pays.
   * @default false
   */
  variants?: boolean | { seed?: number | string };
}

export interface ListenOptions {
  /** 0 picks a free port. @default 4010 */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface ListenResult {
  /** e.g. `http://127.0.0.1:4010`; Clink's API base is `${url}/api`. */
  url: string;
  port: number;
}

/** A running sandbox: a fetch-style handler, plus controls for tests. */
export interface Sandbox {
  /**
   * Serves `/api/*`, `/_sandbox/*` and the sandbox's pages without a port. Takes a `Request`, or the
   * same arguments as the global `fetch`, so it can be passed wherever a fetch function is expected.
   */
  fetch(input: Request | string | URL, init?: RequestInit): Promise<Response>;
  /** Starts an HTTP server (Node only; loaded on demand so browser bundles stay free of `node:http`). */
  listen(options?: ListenOptions): Promise<ListenResult>;
  /** Stops the server, pending webhook retries, expiry timers and hung requests. The sandbox is not reusable afterwards. */
  close(): Promise<void>;
  /** The sandbox's own complete record of an order (the default `GET /order` shape; varied answers may leave fields out). */
  getOrder(orderId: string): SandboxOrder | undefined;
  /** Every order, oldest first, as {@link Sandbox.getOrder} gives them. */
  listOrders(): SandboxOrder[];
  /** Approves the payment, as the customer would. Throws when the order is unknown or already final. */
  succeed(orderId: string): SandboxOrder;
  /** Declines the payment. Throws when the order is unknown or already final. */
  fail(orderId: string): SandboxOrder;
  /** Expires the payment now: the order fails (`EXPIRED`), for every method. */
  expire(orderId: string): SandboxOrder;
  /**
   * Finds or creates a customer by Clink's rules (`customerId` wins, the other identifiers must match it;
   * without it, `customerEmail` / `referenceCustomerId` find or create one). Unlike the API, a `customerId`
   * the sandbox does not know creates a customer with that id, so tests can choose ids.
   * Throws `SandboxControlError` with `code` `invalid_input` or `customer_not_matched`.
   */
  findOrCreateCustomer(input: SandboxCustomerInput): SandboxCustomer;
  /**
   * Saves a payment instrument for a customer found or created as {@link Sandbox.findOrCreateCustomer} does.
   * Unlike `POST /payment-instrument`, it also saves a `CARD` (as if the customer had saved the card on
   * Clink's hosted page), whose `cardFlow` decides how payments with it go.
   * Throws `SandboxControlError` with `code` `invalid_input`, `customer_not_matched` or `instrument_exists`.
   */
  createInstrument(input: SandboxInstrumentInput): SandboxInstrument;
  /** A saved instrument, seeded cards included. */
  getInstrument(id: string): SandboxInstrument | undefined;
  /** Saved instruments, oldest first, optionally of one customer and/or one method. */
  listInstruments(filter?: { customerId?: string; type?: PaymentMethodType }): SandboxInstrument[];
  /** Every customer, oldest first (the seeded card customer is the first). */
  listCustomers(): SandboxCustomer[];
  /** The seed of a varied sandbox (rerun with `variants: { seed }` to get the same answers); undefined by default. */
  readonly variantSeed: string | undefined;
  /** Every webhook event the sandbox tried to send, with its attempts. */
  webhookDeliveries(): WebhookDelivery[];
  /** Resolves once no webhook delivery is in progress or waiting for a retry. */
  webhooksIdle(): Promise<void>;
}

/** What went wrong in a programmatic control. */
export type SandboxControlErrorCode = 'order_not_found' | 'invalid_transition' | 'invalid_input' | 'customer_not_matched' | 'instrument_exists';

/** Thrown by the programmatic controls (`succeed`, `fail`, `expire`, `createInstrument`, …). */
export class SandboxControlError extends Error {
  override readonly name = 'SandboxControlError';
  constructor(
    message: string,
    readonly code: SandboxControlErrorCode,
  ) {
    super(message);
  }
}

// A variable, not a literal, so bundlers leave the Node-only module (and node:http) out of browser builds.
const NODE_SERVER_MODULE = './node-server.js';

/**
 * Creates a local look-alike of Clink's merchant API. It answers through `sandbox.fetch(request)`
 * with no port (tests, Storybook, the browser) or over HTTP after `listen()` (Node only).
 *
 * @example
 * const sandbox = createSandbox({ seed: 'demo', qrExpiresInSeconds: 60 });
 * const { url } = await sandbox.listen({ port: 0 });   // Clink API base: `${url}/api`
 */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  checkOptions(options);
  const now = options.now ?? (() => Date.now());
  const timers = options.timers ?? defaultTimers;
  const log = options.log ?? (() => undefined);
  const apiKeys = options.apiKeys ?? [SANDBOX_API_KEY];
  const closing = new AbortController();
  const webhooks = createWebhookSender({
    url: options.webhookUrl,
    secret: options.webhookSecret ?? SANDBOX_WEBHOOK_SECRET,
    transport: fetchTransport(options.fetchWebhook ?? ((input, init) => globalThis.fetch(input, init))),
    timers,
    now,
    retry: options.webhookRetry,
    log,
  });
  const ids = createIdGenerator(options.seed);
  const shapes = chooseShapes(options);
  const state = new SandboxState({
    ids,
    shapes,
    now,
    timers,
    qrExpiresInMs: (options.qrExpiresInSeconds ?? DEFAULT_QR_EXPIRES_IN_SECONDS) * 1000,
    webhooks,
  });
  let server: NodeServer | undefined;
  let closeNodeWebhooks: (() => void) | undefined;
  let listenUrl: string | undefined;

  function baseUrlFor(request: Request): string {
    return trimSlash(options.publicUrl ?? listenUrl ?? new URL(request.url).origin);
  }

  function chooseFault(request: Request): ParsedFault | 'invalid' | undefined {
    const header = request.headers.get(FAULT_HEADER);
    if (header !== null) return parseFault(header) ?? 'invalid';
    const configured = typeof options.fault === 'function' ? options.fault(request) : options.fault;
    return configured === undefined ? undefined : (parseFault(configured) ?? 'invalid');
  }

  async function route(request: Request): Promise<Response> {
    const path = new URL(request.url).pathname.replace(/\/+$/, '') || '/';
    if (path === '/api' || path.startsWith('/api/')) {
      const fault = chooseFault(request);
      if (fault === 'invalid') return envelope(400, 400, `${FAULT_HEADER} must be one of ${FAULT_NAMES.join(', ')}`);
      switch (fault?.kind) {
        case undefined:
          break;
        case 'latency': {
          const { signal, dispose } = anySignal(request.signal, closing.signal);
          await delay(timers, fault.ms, signal).finally(dispose);
          break;
        }
        case 'http-500':
          return refuse(shapes, 500, 'Internal Server Error (injected by the sandbox)');
        case 'malformed-json':
          return new Response('{"code":200,"msg":"success","data":{"orderId":', {
            status: 200,
            headers: { 'Content-Type': 'application/json; charset=utf-8' },
          });
        case 'hang':
          return waitForAbort(anySignal(request.signal, closing.signal).signal);
        case 'unauthorized':
          return unauthorized('injected by the sandbox');
        default:
          return fault satisfies never;
      }
      const baseUrl = baseUrlFor(request);
      return handleApi(request, path, { state, shapes, apiKeys, baseUrl });
    }
    return handleSandboxRoute(request, path, { state, apiBase: `${baseUrlFor(request)}/api` });
  }

  function control(orderId: string, command: OrderCommand): SandboxOrder {
    const record = state.get(orderId);
    if (!record) throw new SandboxControlError(`no order with id ${orderId}`, 'order_not_found');
    const result = state.apply(record, command);
    if (!result.ok) throw new SandboxControlError(result.message, 'invalid_transition');
    return snapshotOrder(record.order);
  }

  function checkCustomerInput(input: SandboxCustomerInput): void {
    if (!input.customerId && !input.customerEmail && !input.referenceCustomerId) {
      throw new SandboxControlError('give at least one of customerId, customerEmail or referenceCustomerId', 'invalid_input');
    }
  }

  function findOrCreateCustomer(input: SandboxCustomerInput): SandboxCustomer {
    checkCustomerInput(input);
    const resolution = state.customers.resolve(input, 'new');
    if (!resolution.ok) throw new SandboxControlError(resolution.message, 'customer_not_matched');
    return structuredClone(state.customers.commit(resolution, input, { id: () => ids.next('cus'), now: now() }));
  }

  function createInstrument(input: SandboxInstrumentInput): SandboxInstrument {
    checkCustomerInput(input);
    if (!isPaymentMethodType(input.type)) throw new SandboxControlError(`type must be a payment method type, got ${String(input.type)}`, 'invalid_input');
    if (input.cardFlow !== undefined && (input.type !== 'CARD' || !isCardFlow(input.cardFlow))) {
      throw new SandboxControlError(`cardFlow is for CARD instruments only and must be one of ${CARD_FLOWS.join(', ')}`, 'invalid_input');
    }
    const created = state.createInstrument(input, 'new');
    if (!created.ok) throw new SandboxControlError(created.message, created.field === 'id' ? 'instrument_exists' : 'customer_not_matched');
    return structuredClone(created.instrument);
  }

  async function handle(input: Request | string | URL, init?: RequestInit): Promise<Response> {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    let response: Response;
    try {
      response = await route(request);
    } catch (error) {
      if (request.signal.aborted || closing.signal.aborted) throw error;
      log(`${request.method} ${new URL(request.url).pathname} crashed: ${error instanceof Error ? error.message : String(error)}`);
      response = envelope(500, 500, 'Internal Server Error');
    }
    log(`${request.method} ${new URL(request.url).pathname} -> ${response.status}`);
    return response;
  }

  return {
    fetch: handle,
    async listen(listenOptions = {}) {
      if (server) throw new Error('The sandbox is already listening; call close() first.');
      let nodeServer: typeof import('./node-server.js');
      try {
        nodeServer = (await import(/* @vite-ignore */ NODE_SERVER_MODULE)) as typeof import('./node-server.js');
      } catch (error) {
        throw new Error('listen() needs Node.js (node:http); in a browser, call sandbox.fetch(request) instead', { cause: error });
      }
      const { startNodeServer, createNodeWebhookTransport } = nodeServer;
      server = await startNodeServer(handle, {
        port: listenOptions.port ?? DEFAULT_PORT,
        host: listenOptions.host ?? DEFAULT_HOST,
      });
      listenUrl = server.url;
      if (options.fetchWebhook === undefined && closeNodeWebhooks === undefined) {
        const transport = createNodeWebhookTransport();
        webhooks.useTransport(transport);
        closeNodeWebhooks = () => transport.close();
      }
      return { url: server.url, port: server.port };
    },
    async close() {
      closing.abort(new DOMException('The sandbox is closing', 'AbortError'));
      webhooks.close();
      state.close();
      const running = server;
      server = undefined;
      listenUrl = undefined;
      await running?.close();
      await webhooks.idle();
      closeNodeWebhooks?.();
    },
    getOrder(orderId) {
      const record = state.get(orderId);
      return record ? snapshotOrder(record.order) : undefined;
    },
    listOrders() {
      return state.list().map((record) => snapshotOrder(record.order));
    },
    succeed: (orderId) => control(orderId, 'approve'),
    fail: (orderId) => control(orderId, 'decline'),
    expire: (orderId) => control(orderId, 'expire'),
    variantSeed: shapes.seed,
    findOrCreateCustomer,
    createInstrument,
    getInstrument: (id) => {
      const instrument = state.instruments.get(id);
      return instrument && structuredClone(instrument);
    },
    listInstruments: (filter) => structuredClone(state.instruments.list(filter)),
    listCustomers: () => structuredClone(state.customers.list()),
    webhookDeliveries: () => webhooks.deliveries(),
    webhooksIdle: () => webhooks.idle(),
  };
}

function chooseShapes(options: SandboxOptions): AnswerShapes {
  const { variants } = options;
  if (!variants) return defaultShapes();
  const seed = typeof variants === 'object' && variants.seed !== undefined ? variants.seed : (options.seed ?? randomSeed());
  return variedShapes(String(seed));
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** AbortSignal.any needs Node 20.3; this works on every supported runtime. */
function anySignal(...signals: AbortSignal[]): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const listeners: Array<[AbortSignal, () => void]> = [];
  const dispose = (): void => {
    for (const [signal, listener] of listeners) signal.removeEventListener('abort', listener);
  };
  for (const signal of signals) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    const listener = (): void => {
      dispose();
      controller.abort(signal.reason);
    };
    listeners.push([signal, listener]);
    signal.addEventListener('abort', listener, { once: true });
  }
  return { signal: controller.signal, dispose };
}

function checkOptions(options: SandboxOptions): void {
  const seconds = options.qrExpiresInSeconds;
  if (seconds !== undefined && !(Number.isFinite(seconds) && seconds > 0)) {
    throw new TypeError(`createSandbox: qrExpiresInSeconds must be a number of seconds above 0, got ${String(seconds)}`);
  }
  for (const key of ['webhookUrl', 'publicUrl'] as const) {
    const value = options[key];
    if (value !== undefined && !isHttpUrl(value)) throw new TypeError(`createSandbox: ${key} must be an absolute http(s) URL`);
  }
  if (options.apiKeys !== undefined && (options.apiKeys.length === 0 || options.apiKeys.some((key) => !key))) {
    throw new TypeError('createSandbox: apiKeys must list at least one non-empty key');
  }
}
