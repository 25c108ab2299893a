import { describe, expect, it } from 'vitest';
import { createRouteMatcher } from './routes.js';

describe('route matching', () => {
  const anywhere = createRouteMatcher(undefined);
  const mounted = createRouteMatcher('/api/checkout');

  it.each([
    ['/api/checkout/payments', { kind: 'create_payment' }],
    ['/payments/', { kind: 'create_payment' }],
    ['/shop/x/payments/ord_1', { kind: 'payment_status', orderId: 'ord_1' }],
    ['/api/checkout/payments/ord%5F1/refresh', { kind: 'refresh_payment', orderId: 'ord_1' }],
    ['/api/checkout/webhooks', { kind: 'webhook' }],
  ])('matches %s by its ending when no basePath is given', (path, route) => {
    expect(anywhere(path)).toEqual(route);
  });

  it.each(['/', '/api/checkout', '/api/checkout/paymentsx', '/api/checkout/payments/a/b', '/mywebhooks'])(
    'finds no route for %s',
    (path) => {
      expect(anywhere(path)).toBeUndefined();
    },
  );

  it('requires the basePath when one is given', () => {
    expect(mounted('/api/checkout/payments')).toEqual({ kind: 'create_payment' });
    expect(mounted('/other/payments')).toBeUndefined();
    expect(mounted('/api/checkout/x/payments')).toBeUndefined();
    expect(mounted('/api/checkoutpayments')).toBeUndefined();
  });
});
