import { describe, expect, it } from 'vitest';
import { nodeRequestView } from './node-request-view.js';

const URL_TEXT = 'http://shop.example/api/checkout/payments?from=cart';
const NODE_HEADERS = {
  host: 'shop.example',
  cookie: 'session=abc',
  'x-forwarded-for': ['10.0.0.1', '10.0.0.2'],
  ':authority': 'shop.example', // HTTP/2 pseudo-header
};
const view = (makeSignal = () => new AbortController().signal) => nodeRequestView('POST', URL_TEXT, NODE_HEADERS, makeSignal);

describe('the Request view the hooks get under toNodeHandler', () => {
  it("is a Request with node's method, URL and headers", () => {
    const request = view();

    expect(request).toBeInstanceOf(Request);
    expect(Object.prototype.toString.call(request)).toBe('[object Request]');
    expect(request.method).toBe('POST');
    expect(request.url).toBe(URL_TEXT);
    expect(request.headers).toBeInstanceOf(Headers);
    expect(request.headers.get('cookie')).toBe('session=abc');
    expect(request.headers.get('x-forwarded-for')).toBe('10.0.0.1, 10.0.0.2');
    expect([...request.headers.keys()]).not.toContain(':authority');
    expect(request.headers).toBe(request.headers);
  });

  it('makes its URL when it is first read, once, when given a function', () => {
    let made = 0;
    const request = nodeRequestView('POST', () => (made += 1, URL_TEXT), NODE_HEADERS, () => new AbortController().signal);

    expect(made).toBe(0);
    expect([request.url, request.url]).toEqual([URL_TEXT, URL_TEXT]);
    expect(made).toBe(1);
  });

  it('holds what a Request made on the server holds, for every property but the body', () => {
    // Node's Request also has properties the DOM types leave out (duplex, isHistoryNavigation, …).
    const real = new Request(URL_TEXT, { method: 'POST' }) as unknown as Record<string, unknown>;
    const request = view() as unknown as Record<string, unknown>;
    const properties = [
      'cache', 'credentials', 'destination', 'duplex', 'integrity', 'isHistoryNavigation',
      'isReloadNavigation', 'keepalive', 'mode', 'redirect', 'referrer', 'referrerPolicy',
    ] as const;

    for (const property of properties) expect([property, request[property]]).toEqual([property, real[property]]);
  });

  it("defines every getter and method of Request itself, so none of Request's own runs on it", () => {
    const ownKeys = new Set(Reflect.ownKeys(Object.getPrototypeOf(view())));
    const requestKeys = Reflect.ownKeys(Request.prototype).filter((key) => {
      const descriptor = Object.getOwnPropertyDescriptor(Request.prototype, key)!;
      return key !== 'constructor' && key !== Symbol.toStringTag && (descriptor.get !== undefined || typeof descriptor.value === 'function');
    });

    expect(requestKeys.filter((key) => !ownKeys.has(key))).toEqual([]);
  });

  it('makes its signal when first read, once', () => {
    let made = 0;
    const controller = new AbortController();
    const request = view(() => {
      made += 1;
      return controller.signal;
    });

    expect(made).toBe(0);
    expect(request.signal).toBe(controller.signal);
    expect(request.signal).toBe(controller.signal);
    expect(made).toBe(1);
  });

  it('behaves as a Request whose body the handler has read', async () => {
    const request = view();

    expect(request.bodyUsed).toBe(true);
    expect(request.body).toBeNull();
    await expect(request.text()).rejects.toThrow(/Body is unusable: The checkout handler reads the request body itself/);
    await expect(request.json()).rejects.toBeInstanceOf(TypeError);
    expect(() => request.clone()).toThrow(TypeError);
  });
});
