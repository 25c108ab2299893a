import type { IncomingMessage, ServerResponse } from 'node:http';
import { checkoutCoreOf } from '../handler/core-of.js';
import { exchangeFromNode, rawBodyFromParser, urlOf, writeAnswer } from './node-exchange.js';
import { headersOf } from './node-request-view.js';

/** A `Request -> Response` handler, such as the one `createCheckoutHandler` returns. */
export type FetchHandler = (request: Request) => Promise<Response>;

/** The parts of an Express request the adapter looks at, on top of node's `IncomingMessage`. */
export interface NodeRequestLike extends IncomingMessage {
  /** Express: the URL before the mount path was stripped from `url`. */
  originalUrl?: string;
  /** Set by body parsers such as `express.json()`. */
  body?: unknown;
}

/** `(req, res, next?)`: a node:http request listener and an Express 5 middleware at once. */
export type NodeHandler = (req: NodeRequestLike, res: ServerResponse, next?: (error?: unknown) => void) => Promise<void>;

export interface ToNodeHandlerOptions {
  /** Receives a line when the adapter itself fails (e.g. a body parser ran first). @default console.error */
  logger?: (line: string) => void;
  /**
   * Abort `request.signal` when the client disconnects before the answer is sent. Off by default: a
   * payment should finish (and be remembered for its idempotency key) even when the browser left, and
   * on Node every `Request` that follows a signal costs tens of microseconds of CPU.
   * @default false
   */
  abortSignalOnDisconnect?: boolean;
}

/** Bodies that announce at most this many bytes are read into memory before the handler runs. */
const IN_MEMORY_BODY_BYTES = 64 * 1024;

const BODYLESS_METHODS = new Set(['GET', 'HEAD']);

const BODY_ALREADY_READ =
  'The request body was already read by another middleware (for example express.json()), so the raw ' +
  'body that webhook verification needs is gone. Mount the checkout handler before any body parser: ' +
  "app.use('/api/checkout', toNodeHandler(handler)) above app.use(express.json()).";

function bodyAlreadyRead(req: NodeRequestLike): boolean {
  return req.body !== undefined || (req as { _body?: unknown })._body === true || req.readableEnded;
}

/**
 * Streams the node request into a web stream with back-pressure. When the handler stops reading
 * (body too large), the rest is not buffered: `abandoned` becomes true and the connection is closed
 * after the response.
 */
function toBodyStream(req: IncomingMessage, state: { abandoned: boolean }): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      req.on('data', (chunk: Buffer | string) => {
        if (state.abandoned) return;
        controller.enqueue(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : new Uint8Array(chunk));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => {
        if (!state.abandoned) controller.close();
      });
      req.once('error', (error) => {
        if (!state.abandoned) controller.error(error);
      });
    },
    pull() {
      req.resume();
    },
    cancel() {
      state.abandoned = true;
      req.pause();
    },
  });
}

/**
 * Reads a body of announced, bounded length without a Web stream. Resolves `undefined` when the client
 * hung up first: the handler then gets a body stream that fails, and answers it as the client's fault.
 */
function readSmallBody(req: IncomingMessage, length: number): Promise<Uint8Array | undefined> {
  return new Promise((resolve) => {
    const body = new Uint8Array(length);
    let received = 0;
    let overflow = false;
    req.on('data', (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      if (received + bytes.byteLength > length) overflow = true;
      else body.set(bytes, received);
      received += bytes.byteLength;
    });
    req.once('end', () => resolve(overflow || received !== length ? undefined : body));
    req.once('error', () => resolve(undefined));
    req.once('close', () => resolve(req.complete && !overflow && received === length ? body : undefined));
  });
}

function brokenBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.error(new Error('The client closed the connection before the body ended.'));
    },
  });
}

/** `Content-Length` when it is a small, plain number; otherwise the body is streamed. */
function smallContentLength(req: IncomingMessage): number | undefined {
  const header = req.headers['content-length'];
  if (header === undefined || req.headers['transfer-encoding'] !== undefined || !/^\d{1,6}$/.test(header)) return undefined;
  const length = Number(header);
  return length <= IN_MEMORY_BODY_BYTES ? length : undefined;
}

async function writeResponse(response: Response, res: ServerResponse, closeConnection: boolean): Promise<void> {
  res.statusCode = response.status;
  const setCookies = response.headers.getSetCookie();
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') res.setHeader(name, value);
  });
  if (setCookies.length > 0) res.setHeader('set-cookie', setCookies);
  if (closeConnection) res.setHeader('Connection', 'close');

  if (response.body === null) {
    res.end();
    return;
  }
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    if (!res.write(chunk)) await new Promise<void>((resolve) => res.once('drain', resolve));
  }
  res.end();
}

function writeAdapterError(res: ServerResponse, message: string): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.statusCode = 500;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.end(JSON.stringify({ error: { type: 'internal_error', message } }));
}

/** The handler's own `Request -> Response` path, for any fetch handler. */
async function serveThroughFetch(
  handler: FetchHandler,
  req: NodeRequestLike,
  res: ServerResponse,
  method: string,
  options: ToNodeHandlerOptions,
): Promise<void> {
  let signal: AbortSignal | undefined;
  if (options.abortSignalOnDisconnect) {
    const aborted = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    signal = aborted.signal;
  }
  const bodyState = { abandoned: false };
  const hasBody = !BODYLESS_METHODS.has(method);
  let body: Uint8Array | ReadableStream<Uint8Array> | undefined = hasBody ? rawBodyFromParser(req) : undefined;
  const smallLength = hasBody && body === undefined ? smallContentLength(req) : undefined;
  if (smallLength !== undefined) body = (await readSmallBody(req, smallLength)) ?? brokenBody();
  else if (hasBody && body === undefined) body = toBodyStream(req, bodyState);
  const request = new Request(urlOf(req).href, {
    method,
    headers: headersOf(req.headers),
    ...(signal === undefined ? {} : { signal }),
    ...(body === undefined ? {} : { body, duplex: 'half' }),
  } as RequestInit);
  const response = await handler(request);
  await writeResponse(response, res, bodyState.abandoned);
}


/**
 * Adapts a `Request -> Response` handler to node:http and Express 5:
 *
 * ```ts
 * http.createServer(toNodeHandler(handler));
 * app.use('/api/checkout', toNodeHandler(handler)); // before app.use(express.json())
 * ```
 *
 * The body reaches the handler untouched (webhook signatures cover the exact bytes), so the handler
 * must run before any body parser; a body that another middleware already parsed is answered with a
 * 500 that says so. (Bytes left by `express.raw()` are exact and are used as they are.) Under Express
 * the URL is taken from `req.originalUrl`, so routes match whatever the mount path.
 *
 * Given the handler `createCheckoutHandler` returned (itself, not a function around it), it serves the
 * handler's routes straight from `req` and `res`, without a Web `Request` or `Response` per request:
 * the same answers for a fraction of the CPU. Any other handler goes through `Request` and `Response`.
 */
export function toNodeHandler(handler: FetchHandler, options: ToNodeHandlerOptions = {}): NodeHandler {
  const log = options.logger ?? ((line: string) => console.error(line));
  const core = checkoutCoreOf(handler);
  const exchangeOptions = { abortSignalOnDisconnect: options.abortSignalOnDisconnect === true };

  return async function nodeCheckoutHandler(req, res, next) {
    const method = (req.method ?? 'GET').toUpperCase();
    if (!BODYLESS_METHODS.has(method) && rawBodyFromParser(req) === undefined && bodyAlreadyRead(req)) {
      log(`[clink-checkout] ${BODY_ALREADY_READ}`);
      writeAdapterError(res, BODY_ALREADY_READ);
      return;
    }
    try {
      if (core !== undefined) {
        // The handler's core straight from `req` and `res`, with no Web objects in between.
        const exchange = exchangeFromNode(req, res, exchangeOptions);
        writeAnswer(res, await core(exchange), exchange.abandoned);
      } else {
        await serveThroughFetch(handler, req, res, method, options);
      }
    } catch (error) {
      if (next !== undefined) {
        next(error);
        return;
      }
      log(`[clink-checkout] node adapter failed: ${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`);
      writeAdapterError(res, 'Something went wrong on the server.');
    }
  };
}
