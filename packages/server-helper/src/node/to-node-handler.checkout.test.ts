/**
 * toNodeHandler given the handler createCheckoutHandler returned: it serves the handler's routes from
 * node:http's req and res directly (the contract suite runs every route through it; these are the
 * Node-specific edges of that path).
 */
import { createServer, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkoutCoreOf } from '../handler/core-of.js';
import { createHarness, MOUNT, Transcript, type Harness, type HarnessOptions } from '../handler/test-support/harness.js';
import { conformingRequests } from '../test-support/conforming-requests.js';
import { SANDBOX_KINDS } from '../test-support/sandbox.js';
import { toNodeHandler, type NodeHandler } from './to-node-handler.js';

const servers: Server[] = [];
const harnesses: Harness[] = [];
const transcript = new Transcript();

function harnessWith(options: HarnessOptions = {}): Harness {
  const harness = createHarness({ transcript, requests: conformingRequests(), sandboxKind: SANDBOX_KINDS[0]! }, options);
  harnesses.push(harness);
  return harness;
}

async function serve(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ base: string; server: Server }> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** Records the status each answer was written with, also when the client is gone by then. */
function recordingStatuses(node: NodeHandler, statuses: number[]) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const writeHead = res.writeHead.bind(res) as (status: number, headers?: Record<string, string | number>) => ServerResponse;
    res.writeHead = ((status: number, headers?: Record<string, string | number>) => {
      statuses.push(status);
      return writeHead(status, headers);
    }) as typeof res.writeHead;
    void node(req, res);
  };
}

const createInit = (headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify({ paymentMethodType: 'ALIPAY', platformType: 'WEB' }),
});

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  for (const harness of harnesses.splice(0)) await harness.sandbox.close();
});

describe('toNodeHandler with the handler createCheckoutHandler returned', () => {
  it('serves it from its core; a function around it goes through Request and Response', () => {
    const { handler } = harnessWith();

    expect(checkoutCoreOf(handler)).toBeTypeOf('function');
    expect(checkoutCoreOf((request) => handler(request))).toBeUndefined();
  });

  it("gives the hooks a Request with the request's method, URL and headers", async () => {
    const seen: Array<{ isRequest: boolean; method: string; url: string; cookie: string | null }> = [];
    const harness = harnessWith({
      handler: {
        resolvePayment: (input, request) => {
          seen.push({ isRequest: request instanceof Request, method: request.method, url: request.url, cookie: request.headers.get('cookie') });
          return { customerEmail: 'customer@example.com', returnUrl: 'https://shop.example/return', amount: 5, currency: 'USD' };
        },
      },
    });
    const { base } = await serve(toNodeHandler(harness.handler));

    const response = await fetch(`${base}${MOUNT}/payments?from=cart`, createInit({ Cookie: 'session=abc' }));

    expect(response.status).toBe(201);
    expect(seen).toEqual([{ isRequest: true, method: 'POST', url: `${base}${MOUNT}/payments?from=cart`, cookie: 'session=abc' }]);
  });

  it('writes each answer at once with its length, and keeps the connection open', async () => {
    const harness = harnessWith();
    const { base } = await serve(toNodeHandler(harness.handler));

    const response = await fetch(`${base}${MOUNT}/payments`, createInit());

    expect(response.status).toBe(201);
    expect(response.headers.get('content-length')).toBe(String(new TextEncoder().encode(await response.text()).byteLength));
    expect(response.headers.get('transfer-encoding')).toBeNull();
    expect(response.headers.get('connection')).toBe('keep-alive');
  });

  it('refuses a chunked body over the limit with 413 and closes the connection', async () => {
    const harness = harnessWith();
    const { base } = await serve(toNodeHandler(harness.handler));

    const { status, connection } = await new Promise<{ status: number; connection: string | undefined }>((resolve, reject) => {
      const req = httpRequest(
        `${base}${MOUNT}/payments`,
        { method: 'POST', headers: { 'Content-Type': 'application/json', 'Transfer-Encoding': 'chunked' } },
        (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        },
      );
      req.on('error', (error) => (/EPIPE|ECONNRESET/.test(error.message) ? undefined : reject(error)));
      req.write('{"payload":"');
      req.write('x'.repeat(64 * 1024));
    });

    expect(status).toBe(413);
    expect(connection).toBe('close');
    expect(harness.sandbox.listOrders()).toHaveLength(0);
  });

  it("answers a client that hangs up mid-body as the client's failure (400), without a log line", async () => {
    const statuses: number[] = [];
    const harness = harnessWith();
    const { base, server } = await serve(recordingStatuses(toNodeHandler(harness.handler, { logger: (line) => transcript.record(line) }), statuses));
    const requestArrived = new Promise((resolve) => server.once('request', resolve));
    const logLinesBefore = transcript.entries.length;

    const socket = connect(Number(new URL(base).port), '127.0.0.1');
    socket.write(
      `POST ${MOUNT}/payments HTTP/1.1\r\nHost: shop.example\r\nContent-Type: application/json\r\n` +
        'Idempotency-Key: key-hangup\r\nContent-Length: 1000\r\n\r\n{"paymentMethodType":',
    );
    await requestArrived;
    socket.destroy();

    await vi.waitFor(() => expect(statuses).toEqual([400]));
    expect(transcript.entries.slice(logLinesBefore).filter((line) => line.includes('[clink-checkout]'))).toEqual([]);
    expect(harness.sandbox.listOrders()).toHaveLength(0);
  });

  it('refuses a body express.json() already parsed, and still serves reads', async () => {
    const logs: string[] = [];
    const harness = harnessWith();
    const app = express();
    app.use(express.json());
    app.use(MOUNT, toNodeHandler(harness.handler, { logger: (line) => logs.push(line) }));
    const { base } = await serve(app);

    const post = await fetch(`${base}${MOUNT}/payments`, createInit());
    const get = await fetch(`${base}${MOUNT}/payments/ord_1`);

    expect(post.status).toBe(500);
    expect((await post.json()).error.message).toMatch(/Mount the checkout handler before any body parser/);
    expect(logs.join('\n')).toMatch(/express\.json\(\)/);
    expect(get.status).toBe(401); // reaches the handler: no order token
    expect(harness.sandbox.listOrders()).toHaveLength(0);
  });

  it('aborts the hooks’ request.signal when the client goes away, when asked to', async () => {
    let aborted!: () => void;
    const abortedPromise = new Promise<void>((resolve) => (aborted = resolve));
    let resolving!: () => void;
    const resolvingPromise = new Promise<void>((resolve) => (resolving = resolve));
    const harness = harnessWith({
      handler: {
        resolvePayment: async (_input, request) => {
          request.signal.addEventListener('abort', () => aborted());
          resolving();
          await abortedPromise;
          throw new Error('the customer left');
        },
        logger: () => {},
      },
    });
    const { base } = await serve(toNodeHandler(harness.handler, { abortSignalOnDisconnect: true }));
    const controller = new AbortController();

    const pending = fetch(`${base}${MOUNT}/payments`, { ...createInit(), signal: controller.signal }).catch((error: unknown) => error);
    await resolvingPromise;
    controller.abort();

    await expect(abortedPromise).resolves.toBeUndefined();
    expect(await pending).toBeInstanceOf(Error);
  });
});
