// Node-only: loaded by `listen()` through a dynamic import, never by the package entry point.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export { createNodeWebhookTransport } from './node-webhooks.js';

export interface NodeServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

type FetchHandler = (request: Request) => Promise<Response>;

/** Clink's bodies are small JSON documents; anything near this size is a mistake or abuse. */
const MAX_BODY_BYTES = 1024 * 1024;

class BodyTooLargeError extends Error {}

/** Bridges node:http to a fetch-style handler. */
export async function startNodeServer(handler: FetchHandler, options: { port: number; host: string }): Promise<NodeServer> {
  const inFlight = new Set<AbortController>();
  const server = createServer((req, res) => {
    const controller = new AbortController();
    inFlight.add(controller);
    // 'close' on the response fires when the answer is sent or the client went away; only the latter aborts.
    res.on('close', () => {
      inFlight.delete(controller);
      if (!res.writableFinished) controller.abort(new DOMException('The client closed the connection', 'AbortError'));
    });
    void serve(handler, req, res, controller.signal);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${displayHost(options.host)}:${address.port}`;

  return {
    url,
    port: address.port,
    close() {
      for (const controller of inFlight) controller.abort(new DOMException('The sandbox is closing', 'AbortError'));
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

async function serve(handler: FetchHandler, req: IncomingMessage, res: ServerResponse, signal: AbortSignal): Promise<void> {
  try {
    const request = await toRequest(req, signal);
    const response = await handler(request);
    res.statusCode = response.status;
    response.headers.forEach((value, name) => res.setHeader(name, value));
    res.end(Buffer.from(await response.arrayBuffer()));
  } catch (error) {
    if (signal.aborted) {
      res.destroy();
      return;
    }
    if (error instanceof BodyTooLargeError) {
      res.writeHead(413, { 'Content-Type': 'application/json; charset=utf-8', Connection: 'close' });
      res.end(JSON.stringify({ code: 413, msg: `request body is larger than ${MAX_BODY_BYTES} bytes` }));
      return;
    }
    if (!res.headersSent) {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    }
    res.end(`Internal Server Error: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function toRequest(req: IncomingMessage, signal: AbortSignal): Promise<Request> {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else if (value !== undefined) headers.set(name, value);
  }
  const host = req.headers.host ?? 'localhost';
  const url = new URL(req.url ?? '/', `http://${host}`);
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
  const chunks: Buffer[] = [];
  let size = 0;
  if (hasBody) {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
      chunks.push(chunk as Buffer);
    }
  }
  return new Request(url, {
    method: req.method ?? 'GET',
    headers,
    signal,
    ...(hasBody ? { body: Buffer.concat(chunks) } : {}),
  });
}

/** A wildcard host cannot be browsed to; show the loopback address instead. */
function displayHost(host: string): string {
  if (host === '0.0.0.0' || host === '::' || host === '') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
