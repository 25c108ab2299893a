'use client';
import { useEffect, useState } from 'react';
import {
  createStatusPoller,
  documentVisibility,
  type ReceivedStatus,
  type StatusPollerOptions,
} from '../../core/index.js';
import { missingEndpointError, useCheckoutApi, useCheckoutConfig } from '../config.js';
import { useLatest } from '../use-latest.js';

export interface PaymentStatusOptions {
  /** Check only while `true`. @default true */
  enabled?: boolean;
  /** Stop checking at this time (ms on the browser clock), e.g. the QR code's expiry. @default no deadline */
  deadline?: number | null;
  /** Called with every status the server returns. */
  onStatus?: (status: ReceivedStatus) => void;
  /** @default the provider's endpoint */
  endpoint?: string;
  /** @default the provider's fetch */
  fetch?: typeof fetch;
  /** Timers for the schedule (tests). @default the global timers */
  timers?: StatusPollerOptions['timers'];
  /** Page visibility; no checks run while hidden. @default `document.visibilityState` */
  visibility?: StatusPollerOptions['visibility'];
}

export interface PaymentStatusResult {
  /** The latest status the server returned. */
  status: ReceivedStatus | undefined;
  /** The latest failed check; checking goes on with a back-off. */
  error: unknown;
  /** `true` while checks are scheduled. */
  polling: boolean;
}

const isFinalStatus = (status: ReceivedStatus['status']) => status === 'succeeded' || status === 'failed';

/**
 * Follows a payment's status through the checkout handler until it succeeds or fails, the deadline passes or the
 * component unmounts. Checks never overlap, back off over time, and pause while the page is hidden.
 */
export function usePaymentStatus(
  orderId: string | undefined,
  orderToken: string | undefined,
  options: PaymentStatusOptions = {},
): PaymentStatusResult {
  const { enabled = true, deadline = null } = options;
  const config = useCheckoutConfig(options);
  const api = useCheckoutApi(config);
  const active = enabled && !!orderId && !!orderToken;
  if (active && !api) throw missingEndpointError('usePaymentStatus()');

  const [result, setResult] = useState<{ key: string; status?: ReceivedStatus; error?: unknown; done: boolean }>({
    key: '',
    done: false,
  });
  const key = `${orderId ?? ''}\u0000${orderToken ?? ''}`;
  const latest = useLatest({ onStatus: options.onStatus, timers: options.timers, visibility: options.visibility });

  useEffect(() => {
    if (!active || !api || !orderId || !orderToken) return;
    const { timers, visibility } = latest.current;
    const clock = timers ?? { now: Date.now };
    let live = true;
    setResult((previous) => (previous.key === key ? { ...previous, done: false } : { key, done: false }));
    const poller = createStatusPoller({
      check: async (signal) => {
        if (deadline !== null && clock.now() >= deadline) {
          if (live) setResult((previous) => ({ ...previous, done: true }));
          return 'stop';
        }
        const status = await api.getStatus(orderId, orderToken, { signal });
        if (!live) return 'stop';
        const final = isFinalStatus(status.status);
        setResult({ key, status, done: final });
        latest.current.onStatus?.(status);
        return final ? 'stop' : 'continue';
      },
      visibility: visibility ?? documentVisibility(),
      onError: (error) => {
        if (live) setResult((previous) => ({ ...previous, error }));
      },
      ...(timers ? { timers } : {}),
    });
    poller.start();
    return () => {
      live = false;
      poller.stop();
    };
  }, [active, api, orderId, orderToken, deadline, key, latest]);

  const current = result.key === key ? result : { status: undefined, error: undefined, done: false };
  return { status: current.status, error: current.error, polling: active && !current.done };
}
