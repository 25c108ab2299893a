// @ts-check
/**
 * Prices a checkout on the server from the browser's `payload` ({ productId, quantity }).
 * The browser never sends an amount; whatever it sends besides is ignored.
 */
import { findProduct, lineTotal } from '../shared/catalog.mjs';

/**
 * @typedef {object} PricedCart
 * @property {import('../shared/catalog.mjs').Product} product
 * @property {number} quantity
 * @property {number} amount Major units.
 * @property {string} currency
 */

/**
 * @typedef {{ ok: true, cart: PricedCart } | { ok: false, message: string, fields: Record<string, string> }} PricingResult
 */

/**
 * @param {unknown} payload
 * @returns {PricingResult}
 */
export function priceCart(payload) {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, message: 'The cart is missing.', fields: { payload: 'must be an object' } };
  }
  const { productId, quantity } = /** @type {Record<string, unknown>} */ (payload);
  if (typeof productId !== 'string') {
    return { ok: false, message: 'Choose a product.', fields: { 'payload.productId': 'must be a string' } };
  }
  const product = findProduct(productId);
  if (product === undefined) {
    return { ok: false, message: 'This product is not sold here.', fields: { 'payload.productId': 'is unknown' } };
  }
  if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > product.maxQuantity) {
    return {
      ok: false,
      message: `Choose between 1 and ${product.maxQuantity} bags.`,
      fields: { 'payload.quantity': `must be a whole number from 1 to ${product.maxQuantity}` },
    };
  }
  return {
    ok: true,
    cart: { product, quantity, amount: lineTotal(product.unitAmount, quantity), currency: product.currency },
  };
}
