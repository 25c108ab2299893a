import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { pathnameOf } from './node-exchange.js';

const requestTo = (url: string, originalUrl?: string) =>
  ({ url, originalUrl, headers: { host: 'shop.example' }, socket: {} }) as unknown as IncomingMessage & { originalUrl?: string };

describe('pathnameOf', () => {
  it.each([
    '/api/checkout/payments',
    '/api/checkout/payments?x=1#y',
    '/api/checkout/payments/ord_1/refresh',
    '/api/checkout/./payments',
    '/api/checkout/x/../payments',
    '/api/checkout/%70ayments',
    '/api/checkout/pay%2Fments',
    '//evil.example/payments',
    '/api\\checkout\\payments',
    '/api/checkout/päyments',
    'http://shop.example/api/checkout/payments',
    '/',
  ])('reads %s as new URL() does', (target) => {
    expect(pathnameOf(requestTo(target))).toBe(new URL(target, 'http://shop.example').pathname);
  });

  it('takes the path under an Express mount point from originalUrl', () => {
    expect(pathnameOf(requestTo('/payments', '/api/checkout/payments'))).toBe('/api/checkout/payments');
  });
});
