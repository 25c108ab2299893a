import type { IncomingHttpHeaders } from 'node:http';

const BODY_READ =
  'The checkout handler reads the request body itself; its hooks get it parsed (`input` in resolvePayment, ' +
  'the event in onWebhook), not through request.';

function bodyRead(): Promise<never> {
  return Promise.reject(new TypeError(`Body is unusable: ${BODY_READ}`));
}

/** Every header as `Headers`, without HTTP/2 pseudo-headers. */
export function headersOf(nodeHeaders: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const name in nodeHeaders) {
    const value = nodeHeaders[name];
    if (value === undefined || name.startsWith(':')) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, value);
  }
  return headers;
}

/**
 * The `Request` the checkout handler's hooks receive under `toNodeHandler`: method, URL and headers of
 * node's request, each made when first read. On Node a real `Request` costs an `AbortSignal`, a
 * `Headers` copy and a URL parse per request (tens of microseconds in a busy server) that most hooks
 * never look at. It is a `Request` (`instanceof`) that behaves like one whose body the handler has
 * read: `bodyUsed` is true, the body readers and `clone()` fail with a `TypeError`, and like any
 * such `Request` it cannot be passed to `fetch()` or `new Request()`.
 */
class NodeRequestView {
  readonly #method: string;
  #url: string | (() => string);
  readonly #nodeHeaders: IncomingHttpHeaders;
  readonly #makeSignal: () => AbortSignal;
  #headers: Headers | undefined;
  #signal: AbortSignal | undefined;

  constructor(method: string, url: string | (() => string), nodeHeaders: IncomingHttpHeaders, makeSignal: () => AbortSignal) {
    this.#method = method;
    this.#url = url;
    this.#nodeHeaders = nodeHeaders;
    this.#makeSignal = makeSignal;
  }

  get method(): string {
    return this.#method;
  }

  get url(): string {
    if (typeof this.#url === 'function') this.#url = this.#url();
    return this.#url;
  }

  get headers(): Headers {
    return (this.#headers ??= headersOf(this.#nodeHeaders));
  }

  get signal(): AbortSignal {
    return (this.#signal ??= this.#makeSignal());
  }

  get body(): null {
    return null;
  }

  get bodyUsed(): boolean {
    return true;
  }

  // What `new Request(url, { method, headers })` holds on a server.
  get cache(): RequestCache {
    return 'default';
  }

  get credentials(): RequestCredentials {
    return 'same-origin';
  }

  get destination(): RequestDestination {
    return '';
  }

  get duplex(): 'half' {
    return 'half';
  }

  get integrity(): string {
    return '';
  }

  get isHistoryNavigation(): boolean {
    return false;
  }

  get isReloadNavigation(): boolean {
    return false;
  }

  get keepalive(): boolean {
    return false;
  }

  get mode(): RequestMode {
    return 'cors';
  }

  get redirect(): RequestRedirect {
    return 'follow';
  }

  get referrer(): string {
    return 'about:client';
  }

  get referrerPolicy(): ReferrerPolicy {
    return '';
  }

  arrayBuffer(): Promise<never> {
    return bodyRead();
  }

  blob(): Promise<never> {
    return bodyRead();
  }

  bytes(): Promise<never> {
    return bodyRead();
  }

  formData(): Promise<never> {
    return bodyRead();
  }

  json(): Promise<never> {
    return bodyRead();
  }

  text(): Promise<never> {
    return bodyRead();
  }

  clone(): never {
    throw new TypeError(`Request.clone: the body is already used. ${BODY_READ}`);
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `Request (from node:http) ${JSON.stringify({ method: this.#method, url: this.url })}`;
  }
}

// Every Request getter and method is defined above, so none of Request.prototype's runs on a view.
Object.setPrototypeOf(NodeRequestView.prototype, Request.prototype);

/**
 * The hooks' `Request` for one node request; `makeSignal` gives its `signal` when first read, and `url`
 * may be a function that makes the URL when first read.
 */
export function nodeRequestView(method: string, url: string | (() => string), headers: IncomingHttpHeaders, makeSignal: () => AbortSignal): Request {
  return new NodeRequestView(method, url, headers, makeSignal) as unknown as Request;
}
