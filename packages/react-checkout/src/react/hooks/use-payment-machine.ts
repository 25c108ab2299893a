'use client';
import { useCallback, useEffect, useReducer, useRef, useState, type Dispatch } from 'react';
import {
  classifyAction,
  documentVisibility,
  paymentReducer,
  type ActionPlan,
  type CheckoutApi,
  type DeviceInfo,
  type PaymentEvent,
  type PaymentState,
} from '../../core/index.js';
import type { ResolvedCheckoutConfig } from '../config.js';
import { useLatest } from '../use-latest.js';
import { usePaymentStatus } from './use-payment-status.js';

/** Callbacks of a payment's life; each fires once per change of `state.status`. */
export interface PaymentCallbacks {
  onStatusChange?: (state: PaymentState) => void;
  onSuccess?: (state: Extract<PaymentState, { status: 'succeeded' }>) => void;
  onFailure?: (state: Extract<PaymentState, { status: 'failed' }>) => void;
  onExpire?: () => void;
  onError?: (error: Error) => void;
}

export interface PaymentMachine {
  state: PaymentState;
  dispatch: Dispatch<PaymentEvent>;
  /** Asks for a fresh QR code (Cash App Pay); failures end in the `error` state. */
  refresh: () => Promise<void>;
  refreshing: boolean;
}

/** Plans whose outcome arrives while the customer stays on the page, so their status is checked. */
const waitsOnPage = (plan: ActionPlan) => plan.kind === 'qr' || plan.kind === 'app_link' || plan.kind === 'none';

/**
 * The state machine of one payment after creation: status checks while its action runs, expiry at the
 * deadline, QR refresh, and callbacks. Shared by `useClinkPayment` and `<PaymentActionRenderer>`.
 */
export function usePaymentMachine(
  initial: PaymentState,
  api: CheckoutApi | null,
  device: DeviceInfo,
  config: ResolvedCheckoutConfig,
  follow: boolean,
  callbacks: PaymentCallbacks,
): PaymentMachine {
  const [state, dispatch] = useReducer(paymentReducer, initial);
  const [refreshing, setRefreshing] = useState(false);
  const latest = useLatest({ callbacks, state, api, device, schemes: config.allowedDeepLinkSchemes });

  const live = state.status === 'action' || state.status === 'polling';
  const plan = live ? state.plan : undefined;
  const deadline = plan && (plan.kind === 'qr' || plan.kind === 'app_link') && plan.expiry ? plan.expiry.deadline : null;
  const payment = live ? state.payment : undefined;

  useEffect(() => {
    if (state.status === 'action' && waitsOnPage(state.plan)) dispatch({ type: 'action_started' });
  }, [state]);

  usePaymentStatus(payment?.orderId, payment?.orderToken, {
    enabled: follow && !!plan && waitsOnPage(plan),
    deadline,
    onStatus: (result) => dispatch({ type: 'poll_result', result }),
    endpoint: config.endpoint,
    fetch: config.fetch,
  });

  useEffect(() => {
    if (!follow || deadline === null) return;
    if (deadline <= Date.now()) return dispatch({ type: 'expired' });
    const timer = setTimeout(() => dispatch({ type: 'expired' }), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(timer);
  }, [follow, deadline]);

  // One last look when the code expires: a customer who paid in the final seconds must see "paid", not an
  // offer to pay again. (The reducer lets a success replace `expired`.)
  const expiredPayment = state.status === 'expired' ? state.payment : undefined;
  useEffect(() => {
    if (!follow || !api || !expiredPayment) return;
    const controller = new AbortController();
    // Like every status check, it waits while the page is hidden.
    const visibility = documentVisibility();
    let unsubscribe: (() => void) | undefined;
    const check = () => {
      unsubscribe?.();
      unsubscribe = undefined;
      api
        .getStatus(expiredPayment.orderId, expiredPayment.orderToken, { signal: controller.signal })
        .then((result) => dispatch({ type: 'poll_result', result }))
        .catch(() => {}); // The expired view stays; nothing to retry.
    };
    if (!visibility.isHidden()) check();
    else unsubscribe = visibility.subscribe(() => visibility.isHidden() || check());
    return () => {
      unsubscribe?.();
      controller.abort();
    };
  }, [follow, api, expiredPayment]);

  const refresh = useCallback(async () => {
    const { state: current, api: client, device: dev, schemes } = latest.current;
    if (!client || (current.status !== 'expired' && current.status !== 'action' && current.status !== 'polling')) return;
    const { orderId, orderToken, paymentMethodType } = current.payment;
    setRefreshing(true);
    try {
      const refreshed = await client.refresh(orderId, orderToken);
      const next = classifyAction({ ...refreshed, paymentMethodType }, dev, {
        receivedAt: refreshed.receivedAt,
        allowedDeepLinkSchemes: schemes,
      });
      dispatch({ type: 'refreshed', refresh: refreshed, plan: next });
    } catch (error) {
      dispatch({ type: 'error', error: error as Error });
    } finally {
      setRefreshing(false);
    }
  }, [latest]);

  // Callbacks fire once per transition; the first state is not one unless it is already an outcome.
  // (StrictMode re-runs effects: the ref makes the second run see no change.)
  const previous = useRef<PaymentState | null>(initial.status === 'succeeded' || initial.status === 'failed' ? null : initial);
  useEffect(() => {
    if (previous.current?.status === state.status) {
      previous.current = state;
      return;
    }
    previous.current = state;
    const on = latest.current.callbacks;
    on.onStatusChange?.(state);
    if (state.status === 'succeeded') on.onSuccess?.(state);
    else if (state.status === 'failed') on.onFailure?.(state);
    else if (state.status === 'expired') on.onExpire?.();
    else if (state.status === 'error') on.onError?.(state.error);
  }, [state, latest]);

  return { state, dispatch, refresh, refreshing };
}
