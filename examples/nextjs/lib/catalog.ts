/** What the shop sells. Prices live on the server: the browser only says which product. */
export const PRODUCTS = {
  'house-blend': { name: 'House blend coffee, 250 g', amount: 12.5, currency: 'USD' },
} as const;

export type ProductId = keyof typeof PRODUCTS;

export function findProduct(productId: unknown) {
  return typeof productId === 'string' && Object.hasOwn(PRODUCTS, productId) ? PRODUCTS[productId as ProductId] : undefined;
}
