'use client';
import { focusManager, useQuery, type QueryClient } from '@tanstack/react-query';
import { useState, useSyncExternalStore } from 'react';
import { isFinished, statusCheckDelay, type CheckoutApi, type ReceivedStatus } from '../../core/index.js';
import { missingEndpointError, useCheckoutApi, useCheckoutConfig, type CheckoutConfigProps } from '../config.js';
import { clinkQueryKeys, useResolvedQueryClient, type ClinkQueryMeta } from '../query-client.js';

export interface PaymentStatusOptions extends Pick<CheckoutConfigProps, 'endpoint' | 'fetch'> {
  /** Check only while `true`. @default true */
  enabled?: boolean;
  /**
   * When the payment's action started (browser ms): checks run every 2 s for a minute from then, every 10 s after.
   * @default when the hook first renders
   */
  since?: number;
}

export interface PaymentStatusResult {
  /** The latest status the server returned. */
  status: ReceivedStatus | undefined;
  /** The latest failed check; checking goes on with a back-off. */
  error: Error | null;
  /** `true` while the status is followed: enabled and not yet `succeeded` or `failed`. */
  following: boolean;
}

/** Options of the status query for one order; also used by the payment's own state machine. */
export interface StatusQueryInput {
  api: CheckoutApi | null;
  orderId: string | undefined;
  orderToken: string | undefined;
  enabled: boolean;
  since: number;
  /** The payment ran out of time: no more scheduled checks, only the one the machine asks for. */
  expired?: boolean;
  client: QueryClient;
}

const META: ClinkQueryMeta = { clinkCheckout: 'payment-status' };
const subscribeFocus = (listener: () => void) => focusManager.subscribe(listener);
const isFocused = () => focusManager.isFocused();
const focusedOnServer = () => true;

/**
 * The status query of one order, shared (by its key) by every component following it, so they send one
 * request. React Query does the following: checks never overlap (a check in flight is reused), the interval
 * backs off (`statusCheckDelay`), nothing is sent while the page is hidden (`refetchIntervalInBackground: false`,
 * and no first check until it is visible) and one check runs as soon as it is visible again. A failed check is
 * retried with the back-off and never ends the following.
 */
export function useStatusQuery({ api, orderId, orderToken, enabled, since, expired = false, client }: StatusQueryInput) {
  const focused = useSyncExternalStore(subscribeFocus, isFocused, focusedOnServer);
  const active = enabled && !!api && !!orderId && !!orderToken;
  const delay = (consecutiveErrors: number) => statusCheckDelay({ elapsedMs: Date.now() - since, consecutiveErrors });
  return useQuery(
    {
      queryKey: clinkQueryKeys.status(orderId ?? ''),
      queryFn: ({ signal }) => api!.getStatus(orderId!, orderToken!, { signal }),
      enabled: active && focused,
      meta: META,
      // Every answer is old at once (whatever the app's defaults); after expiry only the last check the machine
      // asks for (an invalidation). Becoming visible again re-enables the query, which checks at once.
      staleTime: expired ? Infinity : 0,
      refetchInterval: (query) => (expired || isFinished(query.state.data?.status ?? 'pending') ? false : delay(0)),
      refetchIntervalInBackground: false,
      retry: true,
      retryDelay: (failures) => delay(failures + 1),
    },
    client,
  );
}

/**
 * Follows a payment's status through the checkout handler until it succeeds or fails, or the component unmounts
 * (for example on your `returnUrl` page, with the order token you kept). Components following the same order
 * share one request.
 */
export function usePaymentStatus(
  orderId: string | undefined,
  orderToken: string | undefined,
  options: PaymentStatusOptions = {},
): PaymentStatusResult {
  const { enabled = true } = options;
  const config = useCheckoutConfig(options);
  const api = useCheckoutApi(config);
  if (enabled && orderId && orderToken && !api) throw missingEndpointError('usePaymentStatus()');
  const { client } = useResolvedQueryClient();
  const [firstRender] = useState(() => Date.now());
  const query = useStatusQuery({ api, orderId, orderToken, enabled, since: options.since ?? firstRender, client });
  const status = query.data;
  return {
    status,
    error: query.failureReason ?? query.error,
    following: enabled && !!orderId && !!orderToken && !isFinished(status?.status ?? 'pending'),
  };
}
