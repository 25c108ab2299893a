'use client';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef } from 'react';
import {
  CheckoutRequestError,
  classifyAction,
  newIdempotencyKey,
  paymentReducer,
  type CreateAttempt,
  type CreateCheckoutPaymentRequest,
  type DeviceType,
  type PaymentEvent,
  type PaymentMethodType,
  type PaymentState,
  type PlatformType,
  type ReceivedPayment,
} from '../../core/index.js';
import { missingEndpointError, useCheckoutApi, useCheckoutConfig, type CheckoutConfigProps } from '../config.js';
import { useResolvedQueryClient } from '../query-client.js';
import { useLatest } from '../use-latest.js';
import { useDevice } from './use-device.js';
import { usePaymentStatus } from './use-payment-status.js';

export interface UseClinkPaymentOptions extends CheckoutConfigProps {
  /** The wallet or card to pay with. */
  paymentMethodType: PaymentMethodType;
  /** Sent to your server's `resolvePayment` (cart id, product id, …); the server decides the price. */
  payload?: unknown;
  /** @default `WAP` on phones and tablets, `WEB` elsewhere (detected) */
  platformType?: PlatformType;
  /** @default detected on phones and tablets */
  deviceType?: DeviceType;
  /**
   * Check the payment's status (and track its expiry) while its action runs. Turn off when a
   * `<PaymentActionRenderer>` shows the action, since it follows the payment itself.
   * @default true
   */
  followStatus?: boolean;
  /** Called once when the payment succeeds. */
  onSuccess?: (state: Extract<PaymentState, { status: 'succeeded' }>) => void;
  /** Called once when the payment fails. */
  onFailure?: (state: Extract<PaymentState, { status: 'failed' }>) => void;
  /** Called when creating, refreshing or showing the payment goes wrong. */
  onError?: (error: Error) => void;
  /** Called on every change of `state.status`. */
  onStatusChange?: (state: PaymentState) => void;
}

export interface ClinkPayment {
  /** Where the payment is: `idle`, `creating`, `action`, `polling`, `succeeded`, `failed`, `expired`, `cancelled` or `error`. */
  state: PaymentState;
  /**
   * Creates the payment. Does nothing while one is being created or running, so double clicks are harmless.
   * After a network error it retries the same attempt (same idempotency key); otherwise it starts a new one.
   */
  pay: () => void;
  /** Drops the current payment and creates a new one (a new idempotency key), e.g. after the QR code expired. */
  restart: () => void;
  /** Asks for a fresh QR code (Cash App Pay only; other methods need `restart`). */
  refresh: () => Promise<void>;
  /** Stops following the payment and aborts a create in flight. */
  cancel: () => void;
  /** Feeds an event from your own UI (for example `{ type: 'expired' }`) into the state machine. */
  dispatch: (event: PaymentEvent) => void;
}

interface CreateVariables {
  body: CreateCheckoutPaymentRequest;
  attempt: CreateAttempt;
  signal: AbortSignal;
}

const INITIAL: PaymentState = { status: 'idle' };

/** Errors after which the request may or may not have reached the server: retry with the same key. */
function isUncertainOutcome(error: unknown): boolean {
  return error instanceof CheckoutRequestError && (error.status === 0 || error.status >= 500);
}

/** Creates a payment through your checkout handler and follows it through its action to an outcome. */
export function useClinkPayment(options: UseClinkPaymentOptions): ClinkPayment {
  const config = useCheckoutConfig(options);
  const api = useCheckoutApi(config);
  if (!api) throw missingEndpointError('useClinkPayment()');
  const device = useDevice(config.device);
  const { client } = useResolvedQueryClient();
  const [state, dispatch] = useReducer(paymentReducer, INITIAL);
  const latest = useLatest({ options, config, device, api, state });
  const busy = useRef(false);
  const abort = useRef<AbortController | null>(null);

  const mutation = useMutation<ReceivedPayment, Error, CreateVariables>(
    {
      mutationFn: ({ body, attempt, signal }) =>
        api.createPayment(body, { idempotencyKey: attempt.idempotencyKey, signal }),
      // Safe only because the retry carries the same idempotency key, so the server answers with the same payment.
      retry: (failures, error) => failures < 1 && error instanceof CheckoutRequestError && error.status === 0 && error.type !== 'aborted',
      retryDelay: 1000,
    },
    client,
  );
  const { mutateAsync } = mutation;

  const start = useCallback(
    (attempt: CreateAttempt) => {
      const { options: opts, config: cfg, device: dev } = latest.current;
      busy.current = true;
      const controller = new AbortController();
      abort.current?.abort();
      abort.current = controller;
      const platformType = opts.platformType ?? dev.platformType;
      const deviceType = opts.deviceType ?? (platformType === 'WAP' ? dev.deviceType : undefined);
      const body: CreateCheckoutPaymentRequest = {
        paymentMethodType: attempt.paymentMethodType,
        platformType,
        ...(deviceType ? { deviceType } : {}),
        ...(opts.payload === undefined ? {} : { payload: opts.payload }),
      };
      dispatch({ type: 'create', attempt });
      mutateAsync({ body, attempt, signal: controller.signal })
        .then(
          (payment) => {
            if (controller.signal.aborted) return;
            try {
              const plan = classifyAction(payment, dev, {
                receivedAt: payment.receivedAt,
                allowedDeepLinkSchemes: cfg.allowedDeepLinkSchemes,
              });
              dispatch({ type: 'created', payment, plan });
            } catch (error) {
              dispatch({ type: 'error', error: error as Error });
            }
          },
          (error: Error) => {
            if (!controller.signal.aborted) dispatch({ type: 'create_failed', error });
          },
        )
        .finally(() => {
          if (abort.current === controller) {
            busy.current = false;
            abort.current = null;
          }
        });
    },
    [latest, mutateAsync],
  );

  const pay = useCallback(() => {
    if (busy.current) return;
    const current = latest.current.state;
    const method = latest.current.options.paymentMethodType;
    if (['creating', 'action', 'polling', 'succeeded'].includes(current.status)) return;
    const retry =
      current.status === 'error' &&
      current.attempt?.paymentMethodType === method &&
      isUncertainOutcome(current.error);
    start(retry && current.attempt ? current.attempt : { paymentMethodType: method, idempotencyKey: newIdempotencyKey() });
  }, [latest, start]);

  const restart = useCallback(() => {
    abort.current?.abort();
    busy.current = false;
    dispatch({ type: 'restart' });
    start({ paymentMethodType: latest.current.options.paymentMethodType, idempotencyKey: newIdempotencyKey() });
  }, [latest, start]);

  const cancel = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    busy.current = false;
    dispatch({ type: 'cancel' });
  }, []);

  const refresh = useCallback(async () => {
    const { state: current, api: client, device: dev, config: cfg, options: opts } = latest.current;
    if (current.status !== 'action' && current.status !== 'polling' && current.status !== 'expired') return;
    const { payment } = current;
    try {
      const refreshed = await client.refresh(payment.orderId, payment.orderToken);
      const plan = classifyAction({ ...refreshed, paymentMethodType: payment.paymentMethodType }, dev, {
        receivedAt: refreshed.receivedAt,
        allowedDeepLinkSchemes: cfg.allowedDeepLinkSchemes,
      });
      dispatch({ type: 'refreshed', refresh: refreshed, plan });
    } catch (error) {
      opts.onError?.(error as Error);
    }
  }, [latest]);

  // Following the payment when no renderer does it.
  const followed = options.followStatus !== false && (state.status === 'action' || state.status === 'polling');
  const plan = followed ? state.plan : undefined;
  const deadline = plan && (plan.kind === 'qr' || plan.kind === 'app_link') ? (plan.expiry?.deadline ?? null) : null;
  const payment = followed ? state.payment : undefined;
  usePaymentStatus(payment?.orderId, payment?.orderToken, {
    enabled: followed && plan?.kind !== 'redirect' && plan?.kind !== 'form_post',
    deadline,
    onStatus: (result) => dispatch({ type: 'poll_result', result }),
    endpoint: config.endpoint,
    fetch: config.fetch,
  });
  useEffect(() => {
    if (deadline === null) return;
    const handle = setTimeout(() => dispatch({ type: 'expired' }), Math.max(0, deadline - Date.now()));
    return () => clearTimeout(handle);
  }, [deadline]);

  // Callbacks fire once per transition; the first render's state is not a transition.
  const previous = useRef<PaymentState>(state);
  useEffect(() => {
    if (previous.current === state) return;
    const changed = previous.current.status !== state.status;
    previous.current = state;
    if (!changed) return;
    const opts = latest.current.options;
    opts.onStatusChange?.(state);
    if (state.status === 'succeeded') opts.onSuccess?.(state);
    else if (state.status === 'failed') opts.onFailure?.(state);
    else if (state.status === 'error') opts.onError?.(state.error);
  }, [state, latest]);

  return { state, pay, restart, refresh, cancel, dispatch };
}
