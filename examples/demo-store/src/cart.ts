import { useCallback, useEffect, useState } from 'react';
import type { PaymentMethodType } from '@clink-checkout/react';
import { CARD_FLOWS, PAYMENT_METHODS, type CardFlow } from './paymentMethods.js';

/** What the customer chose on the store page. */
export interface Cart {
  quantity: number;
  method: PaymentMethodType;
  cardFlow: CardFlow;
}

export const NEW_CART: Readonly<Cart> = Object.freeze({ quantity: 1, method: 'CARD', cardFlow: 'redirect' });

/**
 * Kept for the tab's life (sessionStorage), so a customer who comes back from a declined 3-D Secure
 * check ("Try again") finds the cart as they left it, not a fresh one.
 */
const STORAGE_KEY = 'bean-there:cart';

/** The saved cart, or a new one when nothing (or nothing usable) was saved. */
export function readSavedCart(maxQuantity: number): Cart {
  let text: string | null;
  try {
    text = window.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return { ...NEW_CART }; // storage turned off
  }
  return parseCart(text, maxQuantity);
}

/**
 * A cart from what was saved. Storage is outside the page's control (another version of the shop, a
 * browser extension): each field that is not one the page offers falls back to the new cart's.
 */
export function parseCart(text: string | null, maxQuantity: number): Cart {
  let saved: unknown;
  try {
    saved = JSON.parse(text ?? 'null');
  } catch {
    return { ...NEW_CART };
  }
  if (typeof saved !== 'object' || saved === null) return { ...NEW_CART };
  const { quantity, method, cardFlow } = saved as Record<string, unknown>;
  return {
    quantity: typeof quantity === 'number' && Number.isInteger(quantity) && quantity >= 1 && quantity <= maxQuantity ? quantity : NEW_CART.quantity,
    method: PAYMENT_METHODS.find((option) => option.type === method)?.type ?? NEW_CART.method,
    cardFlow: CARD_FLOWS.find((option) => option.value === cardFlow)?.value ?? NEW_CART.cardFlow,
  };
}

function save(cart: Cart | undefined): void {
  try {
    if (cart === undefined) window.sessionStorage.removeItem(STORAGE_KEY);
    else window.sessionStorage.setItem(STORAGE_KEY, JSON.stringify(cart));
  } catch {
    // Without storage the cart lives as long as the page: the shop still works.
  }
}

/** Empties the saved cart: after a payment, the next visit starts afresh. */
export function forgetSavedCart(): void {
  save(undefined);
}

/** The cart as React state, saved whenever it changes. */
export function useSavedCart(maxQuantity: number): [Cart, (change: Partial<Cart>) => void] {
  const [cart, setCart] = useState(() => readSavedCart(maxQuantity));
  useEffect(() => save(cart), [cart]);
  const update = useCallback((change: Partial<Cart>) => setCart((current) => ({ ...current, ...change })), []);
  return [cart, update];
}
