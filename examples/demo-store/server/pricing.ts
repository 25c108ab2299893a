/**
 * Prices a checkout on the server from the browser's `payload` ({ productId, quantity }).
 * The browser never sends an amount; whatever it sends besides is ignored.
 */
import { findProduct, lineTotal, type Product } from '../shared/catalog.js';

export interface PricedCart {
  product: Product;
  quantity: number;
  /** Major units. */
  amount: number;
  currency: string;
}

export type PricingResult =
  | { ok: true; cart: PricedCart }
  | { ok: false; message: string; fields: Record<string, string> };

export function priceCart(payload: unknown): PricingResult {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    return { ok: false, message: 'The cart is missing.', fields: { payload: 'must be an object' } };
  }
  const { productId, quantity } = payload as Record<string, unknown>;
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
