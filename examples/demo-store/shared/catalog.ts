/**
 * What the shop sells. The browser imports this only to display names and prices; the server
 * prices every payment from it again and never takes an amount from the browser.
 */

export interface Product {
  id: string;
  name: string;
  description: string;
  /** Price of one item in major units (e.g. 12.5). */
  unitAmount: number;
  /** ISO-4217 code. */
  currency: string;
  maxQuantity: number;
}

export const PRODUCTS: readonly Product[] = Object.freeze([
  Object.freeze({
    id: 'house-blend-250g',
    name: 'House Blend coffee beans, 250 g',
    description: 'Chocolate, hazelnut and a little citrus. Roasted this week.',
    unitAmount: 12.5,
    currency: 'USD',
    maxQuantity: 10,
  }),
]);

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((product) => product.id === id);
}

/** Total in major units, rounded to cents (12.5 × 3 = 37.5; never 37.50000001). */
export function lineTotal(unitAmount: number, quantity: number): number {
  return Math.round(unitAmount * 100 * quantity) / 100;
}

export function formatMoney(amount: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}
