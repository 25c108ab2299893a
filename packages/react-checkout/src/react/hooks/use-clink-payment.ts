'use client';
import { isWalletMethod } from '@clink-checkout/protocol';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import {
  canPay,
  CheckoutRequestError,
  classifyAction,
  initialPaymentState,
  newIdempotencyKey,
  type CreateAttempt,
  type CreateCheckoutPaymentRequest,
  type DeviceInfo,
  type DeviceType,
  type PaymentMethodType,
  type PaymentState,
  type PlatformType,
  type ReceivedPayment,
} from '../../core/index.js';
import { missingEndpointError, useCheckoutApi, useCheckoutConfig, type CheckoutConfigProps } from '../config.js';
import { prepareFormatters } from '../i18n/duration.js';
import { preloadQrEncoder, preloadQrImage } from '../qr-encoder.js';
import { clinkQueryKeys, useResolvedQueryClient, type ClinkQueryMeta } from '../query-client.js';
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
  /** Follow the payment's status and its expiry while its action runs. @default true */
  followStatus?: boolean;
}

export interface ClinkPayment {
  /** `idle`, `creating`, `action`, `succeeded`, `failed`, `expired`, `cancelled` or `error`, with its data. */
  state: PaymentState;
  /**
   * Creates the payment. Does nothing while one is being created or running, or after a success, so double
   * clicks are harmless. When the last create got no answer it retries that attempt (same idempotency key);
   * otherwise a new one.
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
}

interface CreateVariables {
  body: CreateCheckoutPaymentRequest;
  attempt: CreateAttempt;
  signal: AbortSignal;
}

const CREATE_META: ClinkQueryMeta = { clinkCheckout: 'create-payment' };

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
  const machine = usePaymentMachine({
    initial: initialPaymentState,
    api,
    device,
    allowedDeepLinkSchemes: config.allowedDeepLinkSchemes,
    follow: options.followStatus !== false,
    callbacks: options,
    client,
  });
  const { state, current, send } = machine;
  const latest = useLatest({ options, config, device, api });
  const abort = useRef<AbortController | null>(null);

  const create = useMutation<ReceivedPayment, Error, CreateVariables>(
    {
      mutationKey: clinkQueryKeys.createPayment,
      meta: CREATE_META,
      mutationFn: ({ body, attempt, signal }) => latest.current.api.createPayment(body, { idempotencyKey: attempt.idempotencyKey, signal }),
      // One automatic retry when no answer arrived; safe because it carries the same idempotency key.
      retry: (failures, error) => failures < 1 && noAnswer(error),
      retryDelay: 1000,
    },
    client,
  );
  const { mutate, reset } = create;

  const start = useCallback(
    (attempt: CreateAttempt) => {
      // The state machine's rule: nothing busy, no success yet.
      if (!canPay(current().status)) return;
      const { options: opts, config: cfg, device: detected } = latest.current;
      const platformType = opts.platformType ?? detected.platformType;
      const deviceType = opts.deviceType ?? (platformType === 'WAP' ? detected.deviceType : undefined);
      // The action is planned for the device the payment was created for (props may name another one).
      const planned: DeviceInfo = { ...detected, platformType, deviceType };
      // Undefined fields are left out of the JSON body.
      const body: CreateCheckoutPaymentRequest = { paymentMethodType: attempt.paymentMethodType, platformType, deviceType, payload: opts.payload };
      const controller = new AbortController();
      abort.current?.abort();
      abort.current = controller;
      send({ type: 'create', attempt });
      // While the payment is being created: fetch the QR encoder a wallet may need, and build the view's formatters
      // (slow the first time on a low-end phone) after this render.
      if (isWalletMethod(attempt.paymentMethodType)) void preloadQrEncoder();
      setTimeout(() => prepareFormatters(cfg.locale), 0);
      mutate(
        { body, attempt, signal: controller.signal },
        {
          onSuccess: (payment) => {
            if (controller.signal.aborted) return;
            try {
              const plan = classifyAction(payment, planned, { receivedAt: payment.receivedAt, allowedDeepLinkSchemes: cfg.allowedDeepLinkSchemes });
              // An app link's QR code waits for its section to open: only a QR view shows its image at once.
              if (plan.kind === 'qr' && plan.qr.kind === 'image') preloadQrImage(plan.qr.src);
              send({ type: 'created', payment, plan });
            } catch (error) {
              send({ type: 'create_failed', error: error as Error });
            }
          },
          onError: (error) => {
            if (!controller.signal.aborted) send({ type: 'create_failed', error });
          },
        },
      );
    },
    [current, latest, mutate, send],
  );

  const pay = useCallback(() => {
    const before = current();
    const method = latest.current.options.paymentMethodType;
    const retry = before.status === 'error' && before.attempt?.paymentMethodType === method && noAnswer(before.error);
    start(retry && before.attempt ? before.attempt : { paymentMethodType: method, idempotencyKey: newIdempotencyKey() });
  }, [current, latest, start]);

  const restart = useCallback(() => {
    send({ type: 'restart' });
    start({ paymentMethodType: latest.current.options.paymentMethodType, idempotencyKey: newIdempotencyKey() });
  }, [latest, start, send]);

  const cancel = useCallback(() => {
    abort.current?.abort();
    abort.current = null;
    // Forget the create in flight, so its answer reaches nobody.
    reset();
    send({ type: 'cancel' });
  }, [reset, send]);

  // A page left for a 3-D Secure or payment page can come back from the back/forward cache frozen
  // mid-redirect, its button locked: give the customer a usable button again.
  useEffect(() => {
    const onPageShow = (event: PageTransitionEvent) => {
      const now = current();
      if (event.persisted && now.status === 'action' && (now.plan.kind === 'redirect' || now.plan.kind === 'form_post')) cancel();
    };
    window.addEventListener('pageshow', onPageShow);
    return () => window.removeEventListener('pageshow', onPageShow);
  }, [current, cancel]);

  return { state, pay, restart, refresh: machine.refresh, refreshing: machine.refreshing, cancel };
}
