'use client';
import { useMutation, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import {
  classifyAction,
  followsOnPage,
  paymentReducer,
  planExpiry,
  type CheckoutApi,
  type DeviceInfo,
  type PaymentEvent,
  type PaymentMethodType,
  type PaymentState,
  type ReceivedRefresh,
} from '../../core/index.js';
import { clinkQueryKeys, type ClinkQueryMeta } from '../query-client.js';
import { useLatest } from '../use-latest.js';
import { useStatusQuery } from './use-payment-status.js';

/** What `onSuccess` and `onFailure` receive, the same on `<ClinkPayButton>`, `<PaymentActionRenderer>` and `useClinkPayment`. */
export interface PaymentOutcome {
  status: 'succeeded' | 'failed';
  orderId: string;
  paymentMethodType: PaymentMethodType;
  /** The amount charged, in major units, when the server's answer carried one. */
  amount?: number;
  currency?: string;
}

/** Callbacks of a payment's life; each fires once per change of `state.status`. */
export interface PaymentCallbacks {
  /** The payment succeeded. Confirm it on your server (webhook or order status) before shipping. */
  onSuccess?: (outcome: PaymentOutcome) => void;
  /** The payment failed. */
  onFailure?: (outcome: PaymentOutcome) => void;
  /** The QR code / app link ran out of time. */
  onExpire?: () => void;
  /** The payment was cancelled (`cancel()`, or a page restored from the back/forward cache mid-redirect). */
  onCancel?: () => void;
  /** Creating, refreshing or showing the payment went wrong. */
  onError?: (error: Error) => void;
  /** Every change of the payment's state. */
  onStatusChange?: (state: PaymentState) => void;
}

export interface PaymentMachineInput {
  initial: PaymentState;
  api: CheckoutApi | null;
  device: DeviceInfo;
  allowedDeepLinkSchemes: readonly string[];
  /** Follow the status and the expiry while the action runs. */
  follow: boolean;
  callbacks: PaymentCallbacks;
  client: QueryClient;
}

export interface PaymentMachine {
  state: PaymentState;
  /** The state after the last event, before React has rendered it (so two clicks in one tick see the first). */
  current: () => PaymentState;
  send: (event: PaymentEvent) => void;
  /** Asks for a fresh QR code (Cash App Pay); a failure ends in the `error` state. */
  refresh: () => Promise<void>;
  refreshing: boolean;
}

const REFRESH_META: ClinkQueryMeta = { clinkCheckout: 'refresh-qr' };

function outcomeOf(state: Extract<PaymentState, { status: 'succeeded' | 'failed' }>): PaymentOutcome {
  const { orderId, paymentMethodType } = state.payment;
  const amount = state.result?.amount ?? state.payment.amount;
  const currency = state.result?.currency ?? state.payment.currency;
  return {
    status: state.status,
    orderId,
    paymentMethodType,
    ...(amount === undefined ? {} : { amount }),
    ...(currency === undefined ? {} : { currency }),
  };
}

/**
 * `true` from the task after `key` first rendered (`false` without one), so what it gates never runs in the task
 * that renders, before the browser could paint.
 */
function useNextTask(key: string | undefined): boolean {
  const [ready, setReady] = useState<string>();
  useEffect(() => {
    if (key === undefined || ready === key) return;
    const timer = setTimeout(() => setReady(key));
    return () => clearTimeout(timer);
  }, [key, ready]);
  return key !== undefined && ready === key;
}

/**
 * One payment after creation: the core's reducer fed by the status query, the expiry at the deadline (with one
 * last status check, so a payment made in the final seconds shows as paid), the QR refresh mutation and the
 * callbacks. Shared by `useClinkPayment` and `<PaymentActionRenderer>`.
 */
export function usePaymentMachine(input: PaymentMachineInput): PaymentMachine {
  const { follow, client } = input;
  const [state, setState] = useState(input.initial);
  const stateRef = useRef(state);
  const latest = useLatest(input);
  const send = useCallback((event: PaymentEvent) => {
    const next = paymentReducer(stateRef.current, event);
    if (next === stateRef.current) return;
    stateRef.current = next;
    setState(next);
  }, []);
  const current = useCallback(() => stateRef.current, []);

  const watched = state.status === 'action' || state.status === 'expired' ? state : undefined;
  const payment = watched?.payment;
  // The first check starts in the task after the action rendered, and the order's query is only looked up then:
  // React Query renders the create's answer synchronously, so starting the check in that render's effects (13–21 ms
  // at 4× CPU) delayed the first paint, and so did building the new order's query in that render.
  const shown = useNextTask(follow ? payment?.orderId : undefined);
  const status = useStatusQuery({
    api: input.api,
    orderId: shown ? payment?.orderId : undefined,
    orderToken: payment?.orderToken,
    enabled: shown && !!watched && followsOnPage(watched.plan),
    since: payment?.receivedAt ?? 0,
    expired: state.status === 'expired',
    client,
  });
  useEffect(() => {
    if (status.data) send({ type: 'status', result: status.data });
  }, [status.data, send]);

  const deadline = state.status === 'action' && follow ? (planExpiry(state.plan)?.deadline ?? null) : null;
  useEffect(() => {
    if (deadline === null) return;
    const left = deadline - Date.now();
    if (left <= 0) return send({ type: 'expired' });
    const timer = setTimeout(() => send({ type: 'expired' }), left);
    return () => clearTimeout(timer);
  }, [deadline, send]);

  // One last look when the code expires: a customer who paid in the final seconds must see "paid", not an offer to
  // pay again. The invalidation refetches once, at once or when the page is visible again.
  const expiredOrder = state.status === 'expired' && follow ? state.payment.orderId : undefined;
  useEffect(() => {
    if (expiredOrder) void client.invalidateQueries({ queryKey: clinkQueryKeys.status(expiredOrder), exact: true }, { cancelRefetch: false });
  }, [expiredOrder, client]);

  const refreshMutation = useMutation<ReceivedRefresh, Error, { orderId: string; orderToken: string }>(
    {
      mutationKey: clinkQueryKeys.refreshQr,
      meta: REFRESH_META,
      mutationFn: ({ orderId, orderToken }) => latest.current.api!.refresh(orderId, orderToken),
      retry: false,
    },
    client,
  );
  const { mutateAsync } = refreshMutation;
  const refresh = useCallback(async () => {
    const before = stateRef.current;
    const { api, device, allowedDeepLinkSchemes } = latest.current;
    if (!api || (before.status !== 'expired' && before.status !== 'action')) return;
    const { orderId, orderToken, paymentMethodType } = before.payment;
    try {
      const refreshed = await mutateAsync({ orderId, orderToken });
      const plan = classifyAction({ ...refreshed, paymentMethodType }, device, { receivedAt: refreshed.receivedAt, allowedDeepLinkSchemes });
      send({ type: 'refreshed', refresh: refreshed, plan });
    } catch (error) {
      send({ type: 'error', error: error as Error });
    }
  }, [latest, mutateAsync, send]);

  // Callbacks fire once per transition; the first state is not one unless it is already an outcome or an error.
  // (StrictMode re-runs effects: the ref makes the second run see no change.)
  const previous = useRef<PaymentState | null>(/^(succeeded|failed|error)$/.test(input.initial.status) ? null : input.initial);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (before?.status === state.status) return;
    const on = latest.current.callbacks;
    on.onStatusChange?.(state);
    switch (state.status) {
      case 'succeeded':
        return on.onSuccess?.(outcomeOf(state));
      case 'failed':
        return on.onFailure?.(outcomeOf(state));
      case 'expired':
        return on.onExpire?.();
      case 'cancelled':
        return on.onCancel?.();
      case 'error':
        return on.onError?.(state.error);
      case 'idle':
      case 'creating':
      case 'action':
        return;
      default:
        return state satisfies never;
    }
  }, [state, latest]);

  return { state, current, send, refresh, refreshing: refreshMutation.isPending };
}
