'use client';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import {
  CheckoutRequestError,
  classifyAction,
  newIdempotencyKey,
  type CreateAttempt,
  type CreateCheckoutPaymentRequest,
  type DeviceInfo,
  type DeviceType,
  type PaymentEvent,
  type PaymentMethodType,
  type PaymentState,
  type PlatformType,
  type ReceivedPayment,
} from '../../core/index.js';
import { missingEndpointError, useCheckoutApi, useCheckoutConfig, type CheckoutConfigProps } from '../config.js';
import { isWalletMethod } from '@clink-checkout/protocol';
import { useResolvedQueryClient } from '../query-client.js';
import { preloadQrEncoder } from '../qr-encoder.js';
import { useLatest } from '../use-latest.js';
import { useDevice } from './use-device.js';
import { usePaymentMachine, type PaymentCallbacks } from './use-payment-machine.js';

export interface UseClinkPaymentOptions extends CheckoutConfigProps, PaymentCallbacks {
  /** The wallet or card to pay with. */
  paymentMethodType: PaymentMethodType;
  /** Sent to your server's `resolvePayment` (cart id, product id, …); the server decides the price. */
  payload?: unknown;
  /** @default `WAP` on phones and tablets, `WEB` elsewhere (detected) */
  platformType?: PlatformType;
  /** @default detected on phones and tablets */
  deviceType?: DeviceType;
  /** Check the payment's status and track its expiry while its action runs. @default true */
  followStatus?: boolean;
}

export interface ClinkPayment {
  /** `idle`, `creating`, `action`, `polling`, `succeeded`, `failed`, `expired`, `cancelled` or `error`, with its data. */
  state: PaymentState;
  /**
   * Creates the payment. Does nothing while one is being created or running, so double clicks are harmless.
   * When the last create got no answer it retries that attempt (same idempotency key); otherwise a new one.
   */
  pay: () => void;
  /** Drops the current payment and creates a new one (a new idempotency key), e.g. after the QR code expired. */
  restart: () => void;
  /** Asks for a fresh QR code (Cash App Pay only; other methods need `restart`). */
  refresh: () => Promise<void>;
  /** `true` while `refresh` runs. */
  refreshing: boolean;
  /** Stops following the payment and aborts a create in flight. */
  cancel: () => void;
  /** Feeds an event from your own UI into the state machine. */
  dispatch: (event: PaymentEvent) => void;
}

interface CreateVariables {
  body: CreateCheckoutPaymentRequest;
  attempt: CreateAttempt;
  signal: AbortSignal;
}

const IDLE: PaymentState = { status: 'idle' };
const BUSY = ['creating', 'action', 'polling', 'succeeded'];

/**
 * No answer arrived: the create may have happened, so only the same idempotency key is safe. Any answer (even a
 * 5xx) is remembered by the handler under its key, so a new attempt needs a new key.
 */
const noAnswer = (error: unknown) => error instanceof CheckoutRequestError && error.type === 'network_error';

/** Creates a payment through your checkout handler and follows it through its action to an outcome. */
export function useClinkPayment(options: UseClinkPaymentOptions): ClinkPayment {
  const config = useCheckoutConfig(options);
  const api = useCheckoutApi(config);
  if (!api) throw missingEndpointError('useClinkPayment()');
  const device = useDevice(config.device);
  const { client } = useResolvedQueryClient();
  const machine = usePaymentMachine(IDLE, api, device, config, options.followStatus !== false, options);
  const { state, dispatch } = machine;
  const latest = useLatest({ options, config, device, state });
  const busy = useRef(false);
  const abort = useRef<AbortController | null>(null);

  const { mutateAsync } = useMutation<ReceivedPayment, Error, CreateVariables>(
    {
      mutationFn: ({ body, attempt, signal }) => api.createPayment(body, { idempotencyKey: attempt.idempotencyKey, signal }),
      // One automatic retry when no answer arrived; safe because it carries the same idempotency key.
      retry: (failures, error) => failures < 1 && noAnswer(error),
      retryDelay: 1000,
    },
    client,
  );

  const start = useCallback(
    (attempt: CreateAttempt) => {
      const { options: opts, config: cfg, device: detected } = latest.current;
      const controller = new AbortController();
      abort.current?.abort();
      abort.current = controller;
      busy.current = true;
      const platformType = opts.platformType ?? detected.platformType;
      const deviceType = opts.deviceType ?? (platformType === 'WAP' ? detected.deviceType : undefined);
      // The action is planned for the device the payment was created for (props may name another one).
      const dev: DeviceInfo = { ...detected, platformType, deviceType };
      // Undefined fields are left out of the JSON body.
      const body: CreateCheckoutPaymentRequest = {
        paymentMethodType: attempt.paymentMethodType,
        platformType,
        deviceType,
        payload: opts.payload,
      };
      dispatch({ type: 'create', attempt });
      // A wallet may answer with a QR code to draw: fetch the encoder while the payment is being created.
      if (isWalletMethod(attempt.paymentMethodType)) void preloadQrEncoder();
      mutateAsync({ body, attempt, signal: controller.signal })
        .then((payment) => {
          const plan = classifyAction(payment, dev, {
            receivedAt: payment.receivedAt,
            allowedDeepLinkSchemes: cfg.allowedDeepLinkSchemes,
          });
          if (!controller.signal.aborted) dispatch({ type: 'created', payment, plan });
        })
        .catch((error: Error) => {
          if (!controller.signal.aborted) dispatch({ type: 'create_failed', error });
        })
        .finally(() => {
          if (abort.current === controller) {
            busy.current = false;
            abort.current = null;
          }
        });
    },
    [latest, mutateAsync, dispatch],
  );

  const pay = useCallback(() => {
    const { state: current, options: opts } = latest.current;
    if (busy.current || BUSY.includes(current.status)) return;
    const method = opts.paymentMethodType;
    const retry = current.status === 'error' && current.attempt?.paymentMethodType === method && noAnswer(current.error);
    start(retry && current.attempt ? current.attempt : { paymentMethodType: method, idempotencyKey: newIdempotencyKey() });
  }, [latest, start]);

  const restart = useCallback(() => {
    dispatch({ type: 'restart' });
    start({ paymentMethodType: latest.current.options.paymentMethodType, idempotencyKey: newIdempotencyKey() });
  }, [latest, start, dispatch]);

  const cancel = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    busy.current = false;
    dispatch({ type: 'cancel' });
  }, [dispatch]);

  // A page left for a 3-D Secure or payment page can come back from the back/forward cache frozen
  // mid-redirect, its button locked: give the customer a usable button again.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      const current = latest.current.state;
      if (!event.persisted || (current.status !== 'action' && current.status !== 'polling')) return;
      if (current.plan.kind === 'redirect' || current.plan.kind === 'form_post') cancel();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [latest, cancel]);

  return { state, pay, restart, refresh: machine.refresh, refreshing: machine.refreshing, cancel, dispatch };
}
