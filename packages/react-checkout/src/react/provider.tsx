'use client';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useMemo, type ReactNode } from 'react';
import type { DeviceInfo } from '../core/index.js';
import { CheckoutContext, type CheckoutContextValue } from './context.js';
import type { CheckoutMessages } from './i18n/messages.js';
import { en } from './i18n/locales/en.js';
import { useResolvedQueryClient } from './query-client.js';

export interface ClinkCheckoutProviderProps {
  /** Where `createCheckoutHandler` is mounted, e.g. `/api/checkout`. */
  endpoint: string;
  /**
   * BCP 47 tag for amounts and times. Read it from your app rather than `navigator.language`, so the server
   * and the browser render the same.
   * @default 'en'
   */
  locale?: string;
  /**
   * Texts, per key, over the built-in English. For another language pass its built-in messages, e.g.
   * `messagesByLocale.th` from `@clink-checkout/react/locales` (kept out of the main bundle), or `{ ...th, payWith: '…' }`.
   * @default English
   */
  messages?: Partial<CheckoutMessages>;
  /**
   * The React Query client for payment creation.
   * @default the app's client from `<QueryClientProvider>` when there is one, else a client created on first render
   */
  queryClient?: QueryClient;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /**
   * A stricter app-link policy, e.g. `['weixin', 'alipays']`: when not empty, only these custom schemes open
   * (`http(s)` links always may); a link outside it falls back to the fallback page, hosted instructions or
   * QR code. Without it every well-formed scheme that is not denied (`javascript:`, `intent:`…) may open.
   * @default [] (no allow list)
   */
  allowedDeepLinkSchemes?: readonly string[];
  /** Overrides of the detected device (for example from your server's user-agent parsing). @default detected after mount */
  device?: Partial<DeviceInfo>;
  children?: ReactNode;
}

/** Shares the checkout endpoint, language and settings with every Clink component below it. */
export function ClinkCheckoutProvider({
  endpoint,
  locale,
  messages,
  queryClient,
  fetch,
  allowedDeepLinkSchemes,
  device,
  children,
}: ClinkCheckoutProviderProps): ReactNode {
  const { client, provided } = useResolvedQueryClient(queryClient);
  // Defaults (English, no allow list) are applied where the settings are read, in useCheckoutConfig.
  const value = useMemo<CheckoutContextValue>(
    () => ({
      endpoint,
      locale,
      messages: messages ? { ...en, ...messages } : en,
      allowedDeepLinkSchemes,
      fetch,
      device,
    }),
    [endpoint, locale, messages, fetch, allowedDeepLinkSchemes, device],
  );
  const content = <CheckoutContext.Provider value={value}>{children}</CheckoutContext.Provider>;
  return provided ? content : <QueryClientProvider client={client}>{content}</QueryClientProvider>;
}
