'use client';
import { useMemo } from 'react';
import { useLatest } from './use-latest.js';
import { createCheckoutApi, type CheckoutApi, type DeviceInfo } from '../core/index.js';
import { useCheckoutContext } from './context.js';
import type { CheckoutMessages } from './i18n/messages.js';
import { en } from './i18n/locales/en.js';

/** Settings every component accepts directly; each one overrides `<ClinkCheckoutProvider>`'s. */
export interface CheckoutConfigProps {
  /** Where `createCheckoutHandler` is mounted, e.g. `/api/checkout`. @default the provider's `endpoint` */
  endpoint?: string;
  /** BCP 47 language tag for amounts and times. @default the provider's `locale`, else `'en'` */
  locale?: string;
  /** Texts to change, per key, over the provider's. @default the provider's `messages` */
  messages?: Partial<CheckoutMessages>;
  /** @default the provider's `fetch`, else `globalThis.fetch` */
  fetch?: typeof fetch;
  /**
   * A stricter app-link policy: when not empty, only these custom schemes open (`http(s)` links always may).
   * Without it every well-formed scheme that is not denied (`javascript:`, `intent:`…) may open.
   * @default the provider's, else `[]` (no allow list)
   */
  allowedDeepLinkSchemes?: readonly string[];
  /** Overrides of the detected device (e.g. from your server's user-agent parsing). @default detected */
  device?: Partial<DeviceInfo>;
}

export interface ResolvedCheckoutConfig {
  endpoint?: string;
  locale: string;
  messages: CheckoutMessages;
  fetch?: typeof fetch;
  allowedDeepLinkSchemes: readonly string[];
  device?: Partial<DeviceInfo>;
}

const NO_SCHEMES: readonly string[] = [];

/** Merges a component's props over the provider's settings. */
export function useCheckoutConfig(props: CheckoutConfigProps): ResolvedCheckoutConfig {
  const context = useCheckoutContext();
  const locale = props.locale ?? context?.locale ?? 'en';
  const base = context?.messages ?? en;
  const messages = useMemo(() => (props.messages ? { ...base, ...props.messages } : base), [base, props.messages]);
  return {
    locale,
    messages,
    allowedDeepLinkSchemes: props.allowedDeepLinkSchemes ?? context?.allowedDeepLinkSchemes ?? NO_SCHEMES,
    endpoint: props.endpoint ?? context?.endpoint,
    fetch: props.fetch ?? context?.fetch,
    device: props.device ?? context?.device,
  };
}

// Replaced by the app's bundler, as for React itself.
declare const process: { env: { NODE_ENV?: string } };

/** Thrown when a component has no endpoint to talk to; a production build keeps the short form of the message. */
export function missingEndpointError(component: string): Error {
  return new Error(
    process.env.NODE_ENV === 'production'
      ? `${component}: no checkout endpoint`
      : `${component} does not know where your checkout handler is: pass \`endpoint\` (for example "/api/checkout") ` +
          `or wrap the part of your app that renders ${component} in <ClinkCheckoutProvider endpoint="…">.`,
  );
}

/**
 * A memoised API client for the resolved endpoint, or `null` when there is none. It calls the latest `fetch`, so
 * an inline `fetch` prop (a new function on every render) never makes a new client, which would restart polling.
 */
export function useCheckoutApi(config: Pick<ResolvedCheckoutConfig, 'endpoint' | 'fetch'>): CheckoutApi | null {
  const { endpoint } = config;
  const latestFetch = useLatest(config.fetch);
  return useMemo(
    () => (endpoint ? createCheckoutApi({ endpoint, fetch: (input, init) => (latestFetch.current ?? globalThis.fetch)(input, init) }) : null),
    [endpoint, latestFetch],
  );
}
