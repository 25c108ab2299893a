'use client';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useContext, useRef } from 'react';

/**
 * The QueryClient to use: the one passed in, else the app's own (from its `<QueryClientProvider>`), else one
 * created on first use and kept for the component's lifetime. `owned` tells whether it still has to be provided.
 */
export function useResolvedQueryClient(explicit?: QueryClient): { client: QueryClient; provided: boolean } {
  const ambient = useContext(QueryClientContext);
  const ownRef = useRef<QueryClient | null>(null);
  if (explicit) return { client: explicit, provided: explicit === ambient };
  if (ambient) return { client: ambient, provided: true };
  // Lazy init in render is the documented way to create a ref value once.
  if (ownRef.current === null) ownRef.current = new QueryClient();
  return { client: ownRef.current, provided: false };
}
