/**
 * Test wiring shared by the handler's contract suite: the real Clink client talking to the
 * in-process sandbox (from the one sandbox factory), one handler, every create request checked against
 * the protocol schema, and a transcript of every response body and log line so a test can prove no
 * secret ever left the server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CreateCheckoutPaymentRequest } from '@clink-checkout/protocol';
import { SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET, type Sandbox } from '@clink-checkout/sandbox';
import express from 'express';
import { Hono } from 'hono';
import { createClinkClient } from '../../client/index.js';
import type { ClinkClient } from '../../client/types.js';
import type { ClinkWebhookEvent } from '../../webhooks/index.js';
import { toNodeHandler } from '../../node/index.js';
import type { ConformingRequests } from '../../test-support/conforming-requests.js';
import {
  makeSandbox,
  SANDBOX_CARD_CUSTOMER,
  SANDBOX_CARD_INSTRUMENTS,
  type SandboxKind,
} from '../../test-support/sandbox.js';
import {
  createCheckoutHandler,
  type CheckoutHandler,
  type CheckoutHandlerOptions,
  type ResolvedPayment,
} from '../create-checkout-handler.js';

export const TOKEN_SECRET = 'tok_secret_for_tests_0123456789abcdef';
export const SECRETS = [SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET, TOKEN_SECRET] as const;
export const MOUNT = '/api/checkout';
export const SHOP_ORIGIN = 'https://shop.example';

/** Every response body and log line seen by a test file, scanned for secrets at the end. */
export class Transcript {
  readonly entries: string[] = [];

  record(text: string): void {
    this.entries.push(text);
  }

  /** The secrets that appear anywhere in the transcript (empty when all is well). */
  leakedSecrets(): string[] {
    return SECRETS.filter((secret) => this.entries.some((entry) => entry.includes(secret)));
  }
}

/** The order a test's `resolvePayment` decides on the server. */
export const SERVER_PRICE = { amount: 42.5, currency: 'USD' } as const;

/**
 * What a merchant returns: no instrument for wallets (the handler finds or creates the customer's), and
 * for cards the card the sandbox's seeded customer saved (the API cannot create card instruments).
 */
export const defaultResolvePayment = (input?: Pick<CreateCheckoutPaymentRequest, 'paymentMethodType'>): ResolvedPayment => ({
  ...(input?.paymentMethodType === 'CARD' ? { paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS.redirect } : {}),
  customerEmail: SANDBOX_CARD_CUSTOMER.customerEmail,
  returnUrl: 'https://shop.example/checkout/return',
  amount: SERVER_PRICE.amount,
  currency: SERVER_PRICE.currency,
  metadata: { cartId: 'cart_1' },
});

/** Where a harness gets its sandbox from, and who checks the requests its client sends. */
export interface HarnessContext {
  transcript: Transcript;
  requests: ConformingRequests;
  sandboxKind: SandboxKind;
}

export interface HarnessOptions {
  handler?: Partial<CheckoutHandlerOptions>;
  /** Abort Clink calls after this long. @default 5000 */
  clientTimeoutMs?: number;
  /** Lets the sandbox deliver its webhooks to `${MOUNT}/webhooks` through this function. */
  deliverWebhook?: (path: string, init: RequestInit) => Promise<Response>;
}

export interface Harness {
  sandbox: Sandbox;
  client: ClinkClient;
  handler: CheckoutHandler;
  transcript: Transcript;
  webhookEvents: ClinkWebhookEvent[];
  /** Fault injected into every Clink call while set (`X-Sandbox-Fault`). */
  fault: string | undefined;
}

export function createHarness({ transcript, requests, sandboxKind }: HarnessContext, options: HarnessOptions = {}): Harness {
  const deliver = options.deliverWebhook;
  const sandbox = makeSandbox(sandboxKind, {
    seed: 7,
    ...(deliver === undefined
      ? {}
      : {
          webhookUrl: `https://shop.example${MOUNT}/webhooks`,
          webhookRetry: { maxAttempts: 3, initialDelayMs: 10 },
          fetchWebhook: async (input: RequestInfo | URL, init?: RequestInit) =>
            deliver(new URL(input instanceof Request ? input.url : String(input)).pathname, init ?? {}),
        }),
  });
  const harness: Harness = {
    sandbox,
    transcript,
    webhookEvents: [],
    fault: undefined,
    client: undefined as unknown as ClinkClient,
    handler: undefined as unknown as CheckoutHandler,
  };
  harness.client = createClinkClient({
    apiKey: SANDBOX_API_KEY,
    environment: 'sandbox',
    baseUrl: 'http://127.0.0.1:4010/api',
    maxRetries: 0,
    timeoutMs: options.clientTimeoutMs ?? 5_000,
    logger: (line) => transcript.record(line),
    fetch: requests.wrap(
      async (input, init) => {
        const request = new Request(input, init);
        if (harness.fault !== undefined) request.headers.set('X-Sandbox-Fault', harness.fault);
        return sandbox.fetch(request);
      },
    ),
  });
  harness.handler = createCheckoutHandler({
    client: harness.client,
    tokenSecret: TOKEN_SECRET,
    resolvePayment: defaultResolvePayment,
    webhookSecret: SANDBOX_WEBHOOK_SECRET,
    onWebhook: (event) => {
      harness.webhookEvents.push(event);
    },
    logger: (line) => transcript.record(line),
    ...options.handler,
  });
  return harness;
}

/** One way of serving the handler: a plain `Request`, node:http, Express or Hono. */
export interface Transport {
  /** The origin requests are sent to: the site's own origin, as its pages would send it. */
  origin: string;
  send(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface Adapter {
  name: string;
  /** Whether requests cross a real socket (so `Content-Length` and chunking are real). */
  network: boolean;
  start(handler: CheckoutHandler): Promise<Transport>;
}

async function listen(server: Server): Promise<Transport> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    send: (path, init) => fetch(`http://127.0.0.1:${port}${path}`, init),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export const ADAPTERS: readonly Adapter[] = [
  {
    name: 'a plain fetch Request',
    network: false,
    async start(handler) {
      return {
        origin: SHOP_ORIGIN,
        send: (path, init) => handler(new Request(`${SHOP_ORIGIN}${path}`, init)),
        close: async () => {},
      };
    },
  },
  {
    name: 'node:http with toNodeHandler',
    network: true,
    start: (handler) => listen(createServer(toNodeHandler(handler))),
  },
  {
    // A function around the handler hides its core: the adapter's generic Request -> Response path.
    name: 'node:http with toNodeHandler around a Request -> Response function',
    network: true,
    start: (handler) => listen(createServer(toNodeHandler((request) => handler(request)))),
  },
  {
    name: 'Express 5 with toNodeHandler',
    network: true,
    start(handler) {
      const app = express();
      app.use(MOUNT, toNodeHandler(handler));
      app.use(express.json()); // for the rest of the app: must come after the checkout handler
      return listen(createServer(app));
    },
  },
  {
    name: 'Hono',
    network: false,
    async start(handler) {
      const app = new Hono();
      app.all(`${MOUNT}/*`, (c) => handler(c.req.raw));
      return {
        origin: SHOP_ORIGIN,
        send: async (path, init) => app.fetch(new Request(`${SHOP_ORIGIN}${path}`, init)),
        close: async () => {},
      };
    },
  },
];

export interface CallResult {
  status: number;
  headers: Headers;
  text: string;
  json: any;
}

/** Sends a request and records the body in the transcript. */
export async function call(
  transport: Transport,
  transcript: Transcript,
  path: string,
  init: RequestInit = {},
): Promise<CallResult> {
  const response = await transport.send(path, init);
  const text = await response.text();
  transcript.record(text);
  let json: unknown;
  try {
    json = text === '' ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function jsonInit(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}
