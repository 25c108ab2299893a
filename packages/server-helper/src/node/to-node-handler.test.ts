import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { toNodeHandler, type FetchHandler } from './to-node-handler.js';

const servers: Server[] = [];

async function serve(listener: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(listener);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

/** Echoes what the handler received, so tests can see the Request the adapter built. */
const echo: FetchHandler = async (request) =>
  Response.json({
    method: request.method,
    url: request.url,
    contentType: request.headers.get('content-type'),
    body: request.body === null ? null : await request.text(),
  });

describe('toNodeHandler', () => {
  it('builds a Request from node:http with method, URL, headers and the exact body bytes', async () => {
    const base = await serve(toNodeHandler(echo));
    const rawBody = '{ "b": 1,\n  "a": "ü" }';

    const response = await fetch(`${base}/api/checkout/webhooks?x=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: rawBody,
    });

    expect(await response.json()).toEqual({
      method: 'POST',
      url: `${base}/api/checkout/webhooks?x=1`,
      contentType: 'application/json',
      body: rawBody,
    });
  });

  it('sees the full path under an Express mount point (originalUrl), not the stripped one', async () => {
    const app = express();
    app.use('/api/checkout', toNodeHandler(echo));
    const base = await serve(app);

    const response = await fetch(`${base}/api/checkout/payments/ord_1`);

    expect((await response.json()).url).toBe(`${base}/api/checkout/payments/ord_1`);
  });

  it('refuses with a clear message when express.json() consumed the body first', async () => {
    const logs: string[] = [];
    const handler = vi.fn(echo);
    const app = express();
    app.use(express.json());
    app.use('/api/checkout', toNodeHandler(handler, { logger: (line) => logs.push(line) }));
    const base = await serve(app);

    const post = await fetch(`${base}/api/checkout/payments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"paymentMethodType":"ALIPAY"}',
    });
    const get = await fetch(`${base}/api/checkout/payments/ord_1`);

    expect(post.status).toBe(500);
    expect((await post.json()).error.message).toMatch(/Mount the checkout handler before any body parser/);
    expect(logs.join('\n')).toMatch(/express\.json\(\)/);
    expect(get.status).toBe(200); // reads carry no body, so they still work
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('uses the exact bytes express.raw() left in req.body', async () => {
    const app = express();
    app.use(express.raw({ type: '*/*' }));
    app.use('/api/checkout', toNodeHandler(echo));
    const base = await serve(app);
    const rawBody = '{ "id": "evt_1",\n "type": "order.succeeded" }';

    const response = await fetch(`${base}/api/checkout/webhooks`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: rawBody,
    });

    expect(response.status).toBe(200);
    expect((await response.json()).body).toBe(rawBody);
  });

  it('copies status and headers back, including several Set-Cookie values', async () => {
    const base = await serve(
      toNodeHandler(async () => {
        const headers = new Headers({ 'X-Test': 'yes', 'Content-Type': 'text/plain' });
        headers.append('Set-Cookie', 'a=1');
        headers.append('Set-Cookie', 'b=2');
        return new Response('created', { status: 201, headers });
      }),
    );

    const response = await fetch(base);

    expect(response.status).toBe(201);
    expect(response.headers.get('x-test')).toBe('yes');
    expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
    expect(await response.text()).toBe('created');
  });

  it('closes the connection after answering a body the handler stopped reading', async () => {
    const base = await serve(
      toNodeHandler(async (request) => {
        const reader = request.body!.getReader();
        await reader.read();
        await reader.cancel();
        return Response.json({ error: 'too large' }, { status: 413 });
      }),
    );

    const { status, connection } = await new Promise<{ status: number; connection: string | undefined }>(
      (resolve, reject) => {
        const req = httpRequest(`${base}/upload`, { method: 'POST', headers: { 'Content-Type': 'application/json' } }, (res) => {
          res.resume();
          resolve({ status: res.statusCode ?? 0, connection: res.headers.connection });
        });
        req.on('error', (error) => (error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error)));
        req.write('x'.repeat(64 * 1024));
      },
    );

    expect(status).toBe(413);
    expect(connection).toBe('close');
  });

  it('also closes the connection when the handler refuses a body without reading any of it', async () => {
    const base = await serve(
      toNodeHandler(async (request) => {
        await request.body!.cancel();
        return Response.json({ error: 'too large' }, { status: 413 });
      }),
    );

    // Over 64 KiB, so the body is streamed to the handler rather than read into memory first.
    const response = await fetch(`${base}/upload`, { method: 'POST', body: 'x'.repeat(70 * 1024) });

    expect(response.status).toBe(413);
    expect(response.headers.get('connection')).toBe('close');
  });

  it('reads a small body into memory first: the handler sees the exact bytes and the connection stays open', async () => {
    const base = await serve(toNodeHandler(echo));

    const response = await fetch(`${base}/upload`, { method: 'POST', body: 'ü'.repeat(1000) });

    expect((await response.json()).body).toBe('ü'.repeat(1000));
    expect(response.headers.get('connection')).toBe('keep-alive');
  });

  it('aborts request.signal when the client goes away, when asked to', async () => {
    let aborted!: () => void;
    const abortedPromise = new Promise<void>((resolve) => (aborted = resolve));
    const base = await serve(
      toNodeHandler(
        async (request) => {
          request.signal.addEventListener('abort', () => aborted());
          await abortedPromise;
          return new Response(null, { status: 204 });
        },
        { abortSignalOnDisconnect: true },
      ),
    );
    const controller = new AbortController();

    const pending = fetch(`${base}/slow`, { signal: controller.signal }).catch((error: unknown) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();

    await expect(abortedPromise).resolves.toBeUndefined();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('passes a handler crash to Express next(), or answers 500 JSON without Express', async () => {
    const crash: FetchHandler = async () => {
      throw new Error('boom');
    };
    const app = express();
    app.use('/x', toNodeHandler(crash));
    app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
      res.status(599).send(`express saw ${error.message}`);
    });
    const expressBase = await serve(app);
    const plainBase = await serve(toNodeHandler(crash, { logger: () => {} }));

    const viaExpress = await fetch(`${expressBase}/x`);
    const plain = await fetch(plainBase);

    expect(viaExpress.status).toBe(599);
    expect(await viaExpress.text()).toBe('express saw boom');
    expect(plain.status).toBe(500);
    expect(await plain.json()).toEqual({ error: { type: 'internal_error', message: 'Something went wrong on the server.' } });
  });
});
