// @ts-check
/**
 * What the shop sells. The browser imports this only to display names and prices; the server
 * prices every payment from it again and never takes an amount from the browser.
 */

/**
 * @typedef {object} Product
 * @property {string} id
 * @property {string} name
 * @property {string} description
 * @property {number} unitAmount Price of one item in major units (e.g. 12.5).
 * @property {string} currency ISO-4217 code.
 * @property {number} maxQuantity
 */

/** @type {readonly Product[]} */
export const PRODUCTS = Object.freeze([
  Object.freeze({
    id: 'house-blend-250g',
    name: 'House Blend coffee beans, 250 g',
    description: 'Chocolate, hazelnut and a little citrus. Roasted this week.',
    unitAmount: 12.5,
    currency: 'USD',
    maxQuantity: 10,
  }),
]);

/** @param {string} id @returns {Product | undefined} */
export function findProduct(id) {
  return PRODUCTS.find((product) => product.id === id);
}

/**
 * Total in major units, rounded to cents (12.5 × 3 = 37.5; never 37.50000001).
 * @param {number} unitAmount @param {number} quantity
 */
export function lineTotal(unitAmount, quantity) {
  return Math.round(unitAmount * 100 * quantity) / 100;
}

/** @param {number} amount @param {string} currency */
export function formatMoney(amount, currency) {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency }).format(amount);
}
