import { describe, expect, it } from 'vitest';
import { priceCart } from './pricing.js';

describe('priceCart', () => {
  it('prices the product from the catalogue, times the quantity, in cents-exact major units', () => {
    const result = priceCart({ productId: 'house-blend-250g', quantity: 3 });
    expect(result).toMatchObject({ ok: true, cart: { quantity: 3, amount: 37.5, currency: 'USD' } });
  });

  it('ignores an amount sent by the browser', () => {
    const result = priceCart({ productId: 'house-blend-250g', quantity: 1, amount: 0.01, unitAmount: 0.01 });
    expect(result).toMatchObject({ ok: true, cart: { amount: 12.5 } });
  });

  it.each([
    [undefined, 'payload'],
    [[], 'payload'],
    [{ quantity: 1 }, 'payload.productId'],
    [{ productId: 'espresso-machine', quantity: 1 }, 'payload.productId'],
    [{ productId: 'house-blend-250g', quantity: 0 }, 'payload.quantity'],
    [{ productId: 'house-blend-250g', quantity: 1.5 }, 'payload.quantity'],
    [{ productId: 'house-blend-250g', quantity: '2' }, 'payload.quantity'],
    [{ productId: 'house-blend-250g', quantity: 11 }, 'payload.quantity'],
  ])('refuses %j with an error on %s', (payload, field) => {
    const result = priceCart(payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fields)).toEqual([field]);
  });
});
