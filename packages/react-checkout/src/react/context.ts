'use client';
import { createContext, useContext } from 'react';
import type { DeviceInfo } from '../core/index.js';
import type { CheckoutMessages } from './i18n/messages.js';

/** What `<ClinkCheckoutProvider>` shares with the components below it. */
export interface CheckoutContextValue {
  endpoint: string;
  locale?: string;
  messages: CheckoutMessages;
  fetch?: typeof fetch;
  allowedDeepLinkSchemes?: readonly string[];
  device?: Partial<DeviceInfo>;
}

export const CheckoutContext = /* @__PURE__ */ createContext<CheckoutContextValue | null>(null);

/** The provider's settings, or `null` when a component is used without `<ClinkCheckoutProvider>`. */
export function useCheckoutContext(): CheckoutContextValue | null {
  return useContext(CheckoutContext);
}
