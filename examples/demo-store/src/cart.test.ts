import { describe, expect, it } from 'vitest';
import { NEW_CART, parseCart } from './cart.js';

describe('parseCart', () => {
  it('gives back the cart the customer left', () => {
    expect(parseCart(JSON.stringify({ quantity: 3, method: 'CARD', cardFlow: 'post_form' }), 10)).toEqual({
      quantity: 3,
      method: 'CARD',
      cardFlow: 'post_form',
    });
    expect(parseCart(JSON.stringify({ quantity: 10, method: 'WECHAT', cardFlow: 'redirect' }), 10)).toEqual({
      quantity: 10,
      method: 'WECHAT',
      cardFlow: 'redirect',
    });
  });

  it('starts a new cart when nothing usable was saved', () => {
    for (const text of [null, '', 'not json', 'null', '42', '"cart"', '[]']) {
      expect(parseCart(text, 10), String(text)).toEqual(NEW_CART);
    }
  });

  it('replaces only the fields the page does not offer', () => {
    expect(parseCart(JSON.stringify({ quantity: 11, method: 'GCASH', cardFlow: 'redirect' }), 10)).toEqual({ ...NEW_CART, method: 'GCASH' });
    expect(parseCart(JSON.stringify({ quantity: 2.5, method: 'PAYPAL', cardFlow: 'frictionless' }), 10)).toEqual(NEW_CART);
    expect(parseCart(JSON.stringify({ quantity: '3', method: 'card', cardFlow: 'post_form' }), 10)).toEqual({ ...NEW_CART, cardFlow: 'post_form' });
    expect(parseCart(JSON.stringify({ quantity: 0 }), 10)).toEqual(NEW_CART);
  });
});
