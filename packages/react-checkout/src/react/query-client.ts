'use client';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useEffect, useRef } from 'react';

/**
 * Keys of everything this package keeps in React Query, under one root, so an app can filter them
 * (`queryClient.isMutating({ mutationKey: clinkQueryKeys.all })`) or recognise them in its global
 * `MutationCache` / `QueryCache` handlers (each also carries `meta.clinkCheckout`).
 */
export const clinkQueryKeys = {
  all: ['clink-checkout'] as const,
  /** The create mutation of `<ClinkPayButton>` / `useClinkPayment`. */
  createPayment: ['clink-checkout', 'create-payment'] as const,
  /** The QR refresh mutation (Cash App Pay). */
  refreshQr: ['clink-checkout', 'refresh-qr'] as const,
  /** The status query of one order, shared by every component that follows it. */
  status: (orderId: string) => ['clink-checkout', 'payment-status', orderId] as const,
};

/** `meta` of this package's queries and mutations: `{ clinkCheckout: 'create-payment' | 'refresh-qr' | 'payment-status' }`. */
export interface ClinkQueryMeta extends Record<string, unknown> {
  clinkCheckout: 'create-payment' | 'refresh-qr' | 'payment-status';
}

/**
 * The QueryClient to use: the one passed in, else the app's own (from its `<QueryClientProvider>`), else one
 * created on first use and kept (and mounted, so it follows focus and connectivity) for the component's lifetime.
 * `provided` tells whether a `<QueryClientProvider>` already provides it.
 */
export function useResolvedQueryClient(explicit?: QueryClient): { client: QueryClient; provided: boolean } {
  const ambient = useContext(QueryClientContext);
  const ownRef = useRef<QueryClient | null>(null);
  // Lazy init in render is the documented way to create a ref value once.
  let client = explicit ?? ambient;
  client ??= ownRef.current ??= new QueryClient();
  const provided = client === ambient;
  useEffect(() => {
    if (provided) return;
    client.mount();
    return () => client.unmount();
  }, [client, provided]);
  return { client, provided };
}
