import type { IncomingMessage, ServerResponse } from 'node:http';
import { endedEarly, tooLarge } from '../handler/body.js';
import type { CheckoutAnswer, CheckoutExchange } from '../handler/exchange.js';
import { nodeRequestView } from './node-request-view.js';
import type { NodeRequestLike } from './to-node-handler.js';

/** What the adapter learns while serving one request. */
export interface NodeExchangeState {
  /** The handler stopped receiving the body: the connection is closed after the answer. */
  abandoned: boolean;
}

/** `express.raw()` leaves the exact bytes in `req.body`: those can still be verified. */
export function rawBodyFromParser(req: NodeRequestLike): Uint8Array | undefined {
  return req.body instanceof Uint8Array ? req.body : undefined;
}

/** The request target as the client sent it (under Express, with the mount path `req.url` lost). */
function targetOf(req: NodeRequestLike): string {
  return req.originalUrl ?? req.url ?? '/';
}

/** The absolute URL of a node request. */
export function urlOf(req: NodeRequestLike): URL {
  const path = targetOf(req);
  const encrypted = (req.socket as { encrypted?: boolean } | undefined)?.encrypted === true;
  const base = `${encrypted ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`;
  try {
    return new URL(path, base);
  } catch {
    return new URL(path, 'http://localhost');
  }
}

// A path of only these characters, not starting with `//` (which a URL parser reads as a host), is its
// own normalised form: no dot segments, escapes or backslashes for `new URL` to rewrite.
const PLAIN_PATH = /^\/(?![/])[A-Za-z0-9_~/-]*$/;

/**
 * The target's path as `new URL(target, base).pathname` gives it. A plain path (every route the
 * handler serves, in practice) is read without parsing a URL per request.
 */
export function pathnameOf(req: NodeRequestLike): string {
  const target = targetOf(req);
  const end = target.search(/[?#]/);
  const path = end === -1 ? target : target.slice(0, end);
  return PLAIN_PATH.test(path) ? path : urlOf(req).pathname;
}

/**
 * Receives the body, counting as it arrives: past `maxBytes` it stops (the rest is never received,
 * the connection closes after the 413), and a client that hangs up mid-body gets a 400.
 */
function receiveBody(req: IncomingMessage, maxBytes: number, state: NodeExchangeState): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const settle = (done: () => void): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onBroken);
      req.off('close', onClose);
      done();
    };
    const onData = (chunk: Buffer | string): void => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      received += bytes.byteLength;
      if (received > maxBytes) {
        state.abandoned = true;
        req.pause();
        settle(() => reject(tooLarge(maxBytes)));
        return;
      }
      chunks.push(bytes);
    };
    const onEnd = (): void => settle(() => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, received)));
    const onBroken = (): void => settle(() => reject(endedEarly()));
    const onClose = (): void => {
      if (!req.complete) onBroken();
    };
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('error', onBroken);
    req.once('close', onClose);
  });
}

/**
 * The exchange of a node request: the handler's core reads headers and the body straight from
 * node:http; the hooks get a `Request` view of it (see `nodeRequestView`). One object per request with
 * its methods on the prototype: a busy server keeps hundreds of these alive while Clink answers.
 */
class NodeExchange implements CheckoutExchange, NodeExchangeState {
  readonly method: string;
  readonly pathname: string;
  readonly headers: NodeRequestLike['headers'];
  abandoned = false;
  readonly #req: NodeRequestLike;
  readonly #res: ServerResponse;
  readonly #abortSignalOnDisconnect: boolean;
  // The absolute URL is only needed by an origin check or a hook's `Request`: made when first asked.
  #href: string | undefined;
  #request: Request | undefined;

  constructor(req: NodeRequestLike, res: ServerResponse, abortSignalOnDisconnect: boolean) {
    this.method = (req.method ?? 'GET').toUpperCase();
    this.pathname = pathnameOf(req);
    this.headers = req.headers;
    this.#req = req;
    this.#res = res;
    this.#abortSignalOnDisconnect = abortSignalOnDisconnect;
  }

  get url(): string {
    return (this.#href ??= urlOf(this.#req).href);
  }

  header(name: string): string | null {
    const value = this.#req.headers[name];
    if (value === undefined) return null;
    return Array.isArray(value) ? value.join(', ') : value;
  }

  readBody(maxBytes: number): Promise<Uint8Array> {
    const raw = rawBodyFromParser(this.#req);
    if (raw !== undefined) return raw.byteLength > maxBytes ? Promise.reject(tooLarge(maxBytes)) : Promise.resolve(raw);
    return receiveBody(this.#req, maxBytes, this);
  }

  async discardBody(): Promise<void> {
    if (rawBodyFromParser(this.#req) !== undefined || this.#req.complete) return;
    this.abandoned = true;
    this.#req.pause();
  }

  request(): Request {
    this.#request ??= nodeRequestView(
      this.method,
      () => this.url,
      this.#req.headers,
      () => (this.#abortSignalOnDisconnect ? this.#followDisconnect() : new AbortController().signal),
    );
    return this.#request;
  }

  #followDisconnect(): AbortSignal {
    const res = this.#res;
    const controller = new AbortController();
    if (res.closed && !res.writableFinished) controller.abort();
    else res.once('close', () => res.writableFinished || controller.abort());
    return controller.signal;
  }
}

/** The exchange of a node request; its `abandoned` says whether the connection must close after the answer. */
export function exchangeFromNode(
  req: NodeRequestLike,
  res: ServerResponse,
  options: { abortSignalOnDisconnect: boolean },
): CheckoutExchange & NodeExchangeState {
  return new NodeExchange(req, res, options.abortSignalOnDisconnect);
}

/** The answer in one write, with its length (no chunked encoding, no streams). */
export function writeAnswer(res: ServerResponse, answer: CheckoutAnswer, closeConnection: boolean): void {
  // The answer's own headers object is not kept by anyone else: add to it rather than copy it.
  const headers: Record<string, string | number> = answer.headers;
  if (closeConnection) headers.Connection = 'close';
  if (answer.body === null) {
    res.writeHead(answer.status, headers).end();
    return;
  }
  headers['Content-Length'] = Buffer.byteLength(answer.body);
  res.writeHead(answer.status, headers).end(answer.body);
}
