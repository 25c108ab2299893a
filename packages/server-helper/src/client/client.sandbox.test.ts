import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET, type Sandbox, type SandboxFault, type SandboxOptions } from '@clink-checkout/sandbox';
import {
  ClinkApiError,
  ClinkAuthenticationError,
  ClinkConnectionError,
  ClinkTimeoutError,
  ClinkValidationError,
} from '../errors.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import {
  makeSandbox,
  SANDBOX_CARD_CUSTOMER,
  SANDBOX_CARD_INSTRUMENTS,
  SANDBOX_KINDS,
} from '../test-support/sandbox.js';
import type { ClinkOrder, CreatePaymentParams } from '../types.js';
import { verifyClinkWebhook } from '../webhooks/verify.js';
import { createClinkClient } from './createClient.js';
import { guardSecrets } from './test-support/secretGuard.js';
import type { ClinkClientOptions } from './types.js';

const guard = guardSecrets(SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET);
const requests = conformingRequests();
/** Timeout for the fault cases: long enough for a loaded 2-core machine to answer a normal request. */
const TIMEOUT_MS = 1_000;
/** Slack for timers and socket teardown, still well below a second timeout period. */
const MARGIN_MS = 500;

/** A CASHAPP payment of the sandbox's seeded customer; its wallet instrument is created per sandbox (see `payable`). */
const payment: Omit<CreatePaymentParams, 'paymentInstrumentId'> = {
  paymentMethodType: 'CASHAPP',
  returnUrl: 'https://shop.example/return',
  customerEmail: SANDBOX_CARD_CUSTOMER.customerEmail,
  amount: 19.99,
  currency: 'USD',
  platformType: 'WEB',
};
/** A CARD payment with the card the seeded customer saved: payable on every sandbox, with no set-up call. */
const params: CreatePaymentParams = { ...payment, paymentMethodType: 'CARD', paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS.redirect };

const running: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

/** How the client reaches Clink: fetch (passed in), or node:http, which it uses on Node when given no fetch. */
const TRANSPORTS = [
  { name: 'fetch', nodeHttp: false },
  { name: 'node:http (the default on Node)', nodeHttp: true },
] as const;
const SUITES = SANDBOX_KINDS.flatMap((sandboxKind) => TRANSPORTS.map((transport) => ({ name: `${sandboxKind.name} over ${transport.name}`, sandboxKind, transport })));

describe.each(SUITES)('client against the $name', ({ sandboxKind, transport }) => {
  /** Starts a sandbox on a random port and counts the `/api` requests that reach it. */
  async function startSandbox(options: SandboxOptions & { faults?: Array<SandboxFault | undefined> } = {}) {
    const seen: string[] = [];
    const faults = options.faults ?? [];
    const sandbox = makeSandbox(sandboxKind, {
      ...options,
      fault: (request) => {
        if (transport.nodeHttp) requests.inspect(request);
        seen.push(`${request.method} ${new URL(request.url).pathname}`);
        return faults[seen.length - 1];
      },
    });
    running.push(sandbox);
    const { url } = await sandbox.listen({ port: 0 });
    return { sandbox, url, seen };
  }

  function clientFor(url: string, options: Partial<ClinkClientOptions> = {}) {
    return createClinkClient({
      apiKey: SANDBOX_API_KEY,
      environment: 'sandbox',
      baseUrl: `${url}/api`,
      timeoutMs: 5_000,
      logger: guard.logger,
      retryBaseDelayMs: 10,
      ...options,
      ...(transport.nodeHttp && options.fetch === undefined ? {} : { fetch: requests.wrap(options.fetch ?? fetch) }),
    });
  }

  /**
   * An order still in progress, read as Clink may send it: every field but the id optional, and the
   * status maybe one Clink added later (which means "not final").
   */
  function expectInProgress(order: ClinkOrder, orderId: string): void {
    expect(order.orderId).toBe(orderId);
    expect(['success', 'failed', 'partial_refunded', 'refunded']).not.toContain(order.status);
  }

  /** The CASHAPP payment with a wallet instrument created for its customer, as Clink requires. */
  async function payable(client: ReturnType<typeof clientFor>): Promise<CreatePaymentParams> {
    const instrument = await client.createPaymentInstrument({ customerEmail: payment.customerEmail, paymentInstrumentType: 'CASHAPP' });
    return { ...payment, paymentInstrumentId: instrument.id };
  }

  async function timed<T>(work: () => Promise<T>): Promise<{ value: T; elapsed: number }> {
    const started = performance.now();
    const value = await work();
    return { value, elapsed: performance.now() - started };
  }

  /** A port nothing listens on: bind a random one, then close it. */
  async function closedPort(): Promise<number> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    if (address === null || typeof address === 'string') throw new Error('no port');
    return address.port;
  }

  describe('client against the sandbox over HTTP', () => {
    it('creates a CASHAPP payment, reads it, refreshes its QR code and sees it succeed', async () => {
      const { sandbox, url } = await startSandbox();
      const client = clientFor(url);

      const payment = await client.createPayment(await payable(client));
      expect(payment.status).toBe('requires_action');
      // Optional in Clink's answer: when it is there, it is what was charged.
      expect([undefined, 19.99]).toContain(payment.amount);
      expect([undefined, 'USD']).toContain(payment.currency);
      expect(payment.orderId).toMatch(/\S/);
      expect(payment.action?.walletHandleRedirectOrDisplayQrCode).toBeDefined();
      expect(sandbox.listOrders()).toHaveLength(1);

      const before = await client.getOrder(payment.orderId);
      expectInProgress(before, payment.orderId);
      expect([undefined, 19.99]).toContain(before.amountTotal);
      expect([undefined, 'USD']).toContain(before.paymentCurrency);

      const refreshed = await client.refreshQrCode(payment.orderId);
      expect(refreshed.orderId).toBe(payment.orderId);
      expect(refreshed.action.walletHandleRedirectOrDisplayQrCode).toBeDefined();

      sandbox.succeed(payment.orderId);
      await expect(client.getOrder(payment.orderId)).resolves.toMatchObject({ status: 'success' });
    });

    it('creates a CARD payment that asks for a redirect', async () => {
      const { url } = await startSandbox();
      const payment = await clientFor(url).createPayment(params);
      expect(payment.status).toBe('requires_action');
      expect(payment.action?.redirectUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    });

    it('reports an unknown order as a ClinkApiError with Clink’s code and the request path', async () => {
      const { url } = await startSandbox();
      const error = await guard.rejection(clientFor(url).getOrder('ord_missing'));
      expect(error).toBeInstanceOf(ClinkApiError);
      expect(error).toMatchObject({ path: '/order/ord_missing', failureStatus: 404, code: 404, msg: expect.stringMatching(/^ORDER_NOT_FOUND/) });
    });

    it('refuses an invalid create locally: nothing reaches the sandbox', async () => {
      const { sandbox, url, seen } = await startSandbox();
      const error = await guard.rejection(clientFor(url).createPayment({ ...params, amount: Number.NaN }));
      expect(error).toBeInstanceOf(ClinkValidationError);
      expect(seen).toEqual([]);
      expect(sandbox.listOrders()).toEqual([]);
    });

    it('turns a wrong key into a ClinkAuthenticationError that does not contain either key', async () => {
      const { url } = await startSandbox();
      const wrongKey = 'sk_test_not_the_sandbox_key';
      const error = await guard.rejection(clientFor(url, { apiKey: wrongKey }).getOrder('ord_1'));
      expect(error).toBeInstanceOf(ClinkAuthenticationError);
      expect(JSON.stringify(error)).not.toContain(wrongKey);
      expect((error as Error).message).not.toContain(wrongKey);
    });
  });

  describe('injected faults end in typed errors within timeoutMs', () => {
    it.each([
      // failureStatus: a sandbox may answer the failure inside HTTP 200, as Clink does.
      ['http-500', ClinkApiError, { failureStatus: 500, code: 500 }],
      ['malformed-json', ClinkConnectionError, { statusCode: 200 }],
      ['hang', ClinkTimeoutError, { timeoutMs: TIMEOUT_MS }],
      ['unauthorized', ClinkAuthenticationError, { statusCode: 401 }],
    ] as const)('%s on create', async (fault, errorClass, fields) => {
      const { sandbox, url, seen } = await startSandbox({ faults: [fault] });
      const { value: error, elapsed } = await timed(() => guard.rejection(clientFor(url, { timeoutMs: TIMEOUT_MS }).createPayment(params)));
      expect(error).toBeInstanceOf(errorClass);
      expect(error).toMatchObject({ path: '/payment', ...fields });
      expect(elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(seen).toEqual(['POST /api/payment']);
      expect(sandbox.listOrders()).toEqual([]);
    });

    it.each([
      ['http-500', ClinkApiError],
      ['malformed-json', ClinkConnectionError],
      ['hang', ClinkTimeoutError],
      ['unauthorized', ClinkAuthenticationError],
    ] as const)('%s on a read without retries', async (fault, errorClass) => {
      const { url, seen } = await startSandbox({ faults: [fault] });
      const { value: error, elapsed } = await timed(() => guard.rejection(clientFor(url, { maxRetries: 0, timeoutMs: TIMEOUT_MS }).getOrder('ord_1')));
      expect(error).toBeInstanceOf(errorClass);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
      expect(seen).toHaveLength(1);
    });

    it('connection refused on a closed port', async () => {
      const port = await closedPort();
      const client = clientFor(`http://127.0.0.1:${port}`, { maxRetries: 0, timeoutMs: TIMEOUT_MS });
      const { value: error, elapsed } = await timed(() => guard.rejection(client.createPayment(params)));
      expect(error).toBeInstanceOf(ClinkConnectionError);
      expect((error as Error).message).toMatch(/Could not reach Clink for POST \/payment: .*ECONNREFUSED/);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + MARGIN_MS);
    });

    it('a latency below the timeout is just slow, not an error', async () => {
      const { url } = await startSandbox({ faults: ['latency:50'] });
      await expect(clientFor(url).createPayment(params)).resolves.toMatchObject({ status: 'requires_action' });
    });
  });

  describe('retries against the sandbox', () => {
    it('a read retries after HTTP 500, malformed JSON and a hang, then succeeds', async () => {
      const { url, seen } = await startSandbox({ faults: [undefined, 'http-500', 'malformed-json', 'hang'] });
      const lines: string[] = [];
      const client = clientFor(url, {
        maxRetries: 3,
        timeoutMs: TIMEOUT_MS,
        logger: (line) => {
          guard.logger(line);
          lines.push(line);
        },
      });
      const { orderId } = await client.createPayment(params);

      expectInProgress(await client.getOrder(orderId), orderId);
      expect(seen).toEqual(['POST /api/payment', ...Array(4).fill(`GET /api/order/${orderId}`)]);
      expect(lines.filter((line) => line.includes('retry'))).toEqual([
        expect.stringMatching(/api_error, retry 1 of 3/),
        expect.stringMatching(/connection_error, retry 2 of 3/),
        expect.stringMatching(/timeout_error, retry 3 of 3/),
      ]);
    });

    it('a QR refresh retries after HTTP 500, then succeeds', async () => {
      const { url, seen } = await startSandbox({ faults: [undefined, undefined, 'http-500'] });
      const client = clientFor(url);
      const { orderId } = await client.createPayment(await payable(client));
      await expect(client.refreshQrCode(orderId)).resolves.toMatchObject({ orderId });
      expect(seen).toEqual([
        'POST /api/payment-instrument',
        'POST /api/payment',
        `POST /api/payment/${orderId}/qrcode/refresh`,
        `POST /api/payment/${orderId}/qrcode/refresh`,
      ]);
    });

    it('a read gives up after maxRetries', async () => {
      const { url, seen } = await startSandbox({ faults: Array(10).fill('http-500') });
      const error = await guard.rejection(clientFor(url, { maxRetries: 2 }).getOrder('ord_1'));
      expect(error).toMatchObject({ type: 'api_error', failureStatus: 500 });
      expect(seen).toHaveLength(3);
    });

    it.each(['http-500', 'malformed-json', 'hang'] as const)('a create is sent once, even with maxRetries 5, after %s', async (fault) => {
      const { sandbox, url, seen } = await startSandbox({ faults: [fault] });
      await guard.rejection(clientFor(url, { maxRetries: 5, timeoutMs: TIMEOUT_MS }).createPayment(params));
      expect(seen).toEqual(['POST /api/payment']);
      expect(sandbox.listOrders()).toHaveLength(0);
    });

    it('a create whose answer is lost is not repeated, because the order may already exist', async () => {
      const { sandbox, url, seen } = await startSandbox();
      const client = clientFor(url, {
        maxRetries: 5,
        // The request reaches the sandbox and creates the order, then the connection "drops".
        fetch: async (input, init) => {
          await fetch(input, init);
          throw new TypeError('fetch failed: socket hang up');
        },
      });
      const error = await guard.rejection(client.createPayment(params));
      expect(error).toBeInstanceOf(ClinkConnectionError);
      expect((error as Error).message).toMatch(/may have reached Clink and created the payment: do not send it again blindly/);
      expect(seen).toEqual(['POST /api/payment']);
      expect(sandbox.listOrders()).toHaveLength(1);
    });
  });

  describe('webhooks from the sandbox', () => {
    it('verify with the sandbox secret on the raw body as delivered over HTTP', async () => {
      const { createServer: createHttpServer } = await import('node:http');
      const received: Array<{ body: string; headers: Record<string, string | string[] | undefined> }> = [];
      const receiver = createHttpServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          received.push({ body: Buffer.concat(chunks).toString('utf8'), headers: request.headers });
          response.writeHead(200).end('{"received":true}');
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      const address = receiver.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      try {
        const { sandbox, url } = await startSandbox({ webhookUrl: `http://127.0.0.1:${address.port}/webhooks` });
        const { orderId } = await clientFor(url).createPayment(params);
        sandbox.succeed(orderId);

        const verifyAll = () =>
          Promise.all(received.map(({ body, headers }) => verifyClinkWebhook({ rawBody: body, headers, secret: SANDBOX_WEBHOOK_SECRET })));
        await expect
          .poll(async () => (await verifyAll()).map((event) => event.type), { timeout: 5_000 })
          .toContain('order.succeeded');
        const verified = await verifyAll();
        const succeeded = verified.find((event) => event.type === 'order.succeeded');
        expect(succeeded).toMatchObject({ category: 'order', data: { orderId, status: 'success' } });

        const first = received[0]!;
        const wrongSecret = await guard.rejection(verifyClinkWebhook({ rawBody: first.body, headers: first.headers, secret: 'whsec_wrong' }));
        expect(wrongSecret).toMatchObject({ reason: 'bad_signature' });
      } finally {
        await new Promise<void>((resolve) => receiver.close(() => resolve()));
      }
    });
  });
});
