'use client';
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  CheckoutActionError,
  classifyAction,
  stateForPlan,
  type ActionPlan,
  type CheckoutPaymentResponse,
  type DeviceInfo,
  type ReceivedPayment,
} from '../../core/index.js';
import {
  missingEndpointError,
  useCheckoutApi,
  useCheckoutConfig,
  type CheckoutConfigProps,
  type ResolvedCheckoutConfig,
} from '../config.js';
import { cx } from '../dom.js';
import { useDevice } from '../hooks/use-device.js';
import { usePaymentMachine, type PaymentCallbacks } from '../hooks/use-payment-machine.js';
import { useResolvedQueryClient } from '../query-client.js';
import { useLatest } from '../use-latest.js';
import { PaymentActionView } from './action-view.js';
import { CheckoutErrorView } from './status-view.js';

export interface PaymentActionRendererProps extends CheckoutConfigProps, Omit<PaymentCallbacks, 'onCancel'> {
  /** The create response from your checkout handler (as `createCheckoutApi().createPayment` returns it). */
  payment: CheckoutPaymentResponse & { receivedAt?: number };
  /** Follow the payment's status (and expiry) through the handler while the action is shown. @default true */
  followStatus?: boolean;
  /** Creates a new payment ("Start again", "Try again"). Without it those buttons do not show. */
  onRestart?: () => void;
  /** How to leave the page for redirects and app launches. @default the top window's `location.assign` */
  navigate?: (url: string) => void;
  /** How to submit a form post. @default `form.submit()` */
  submitForm?: (form: HTMLFormElement) => void;
  className?: string;
}

type Classified = { plan: ActionPlan; error?: undefined } | { plan?: undefined; error: CheckoutActionError };

/**
 * Performs whatever a payment needs next: a redirect, a form post, a QR code with its countdown, a wallet app
 * launch, or the outcome. Unsafe data from the network is refused with a visible error and nothing is opened.
 */
export function PaymentActionRenderer(props: PaymentActionRendererProps): ReactNode {
  const config = useCheckoutConfig(props);
  const device = useDevice(config.device);
  const { payment } = props;
  const [arrival] = useState(() => payment.receivedAt ?? Date.now());
  const received = useMemo<ReceivedPayment>(() => ({ ...payment, receivedAt: payment.receivedAt ?? arrival }), [payment, arrival]);
  const classified = useMemo<Classified>(() => {
    try {
      return {
        plan: classifyAction(received, device, {
          receivedAt: received.receivedAt,
          allowedDeepLinkSchemes: config.allowedDeepLinkSchemes,
        }),
      };
    } catch (error) {
      if (error instanceof CheckoutActionError) return { error };
      throw error;
    }
  }, [received, device, config.allowedDeepLinkSchemes]);

  const onError = useLatest(props.onError);
  const reported = useRef('');
  const errorKey = classified.error ? `${received.orderId}:${classified.error.code}:${classified.error.field}` : '';
  useEffect(() => {
    // Once per payment and error, also under StrictMode's second effect run or a re-created `payment` object.
    if (!classified.error || reported.current === errorKey) return;
    reported.current = errorKey;
    onError.current?.(classified.error);
  }, [classified, errorKey, onError]);

  if (classified.error) {
    return (
      <div className={cx('clink-renderer', props.className)} data-state="error">
        <CheckoutErrorView error={classified.error} messages={config.messages} onRestart={props.onRestart} />
      </div>
    );
  }
  // A new payment, or another kind of action once the real device is known after hydration (a QR code becomes an
  // app link), starts a fresh session. The same kind keeps its session, so a redirect never runs twice.
  const key = `${received.orderId}:${classified.plan.kind}`;
  return <RendererSession key={key} {...props} config={config} device={device} payment={received} plan={classified.plan} />;
}

interface SessionProps extends PaymentActionRendererProps {
  config: ResolvedCheckoutConfig;
  device: DeviceInfo;
  payment: ReceivedPayment;
  plan: ActionPlan;
}

function RendererSession(props: SessionProps): ReactNode {
  const { config, device, payment, plan, followStatus = true } = props;
  const api = useCheckoutApi(config);
  if (followStatus && !api) throw missingEndpointError('<PaymentActionRenderer>');
  const { client } = useResolvedQueryClient();
  const [initial] = useState(() => stateForPlan(payment, plan));
  const { state, refresh, refreshing } = usePaymentMachine({
    initial,
    api,
    device,
    allowedDeepLinkSchemes: config.allowedDeepLinkSchemes,
    follow: followStatus,
    callbacks: props,
    client,
  });
  return (
    <PaymentActionView
      state={state}
      messages={config.messages}
      locale={config.locale}
      device={device}
      onRestart={props.onRestart}
      onRefresh={api ? () => void refresh() : undefined}
      refreshing={refreshing}
      navigate={props.navigate}
      submitForm={props.submitForm}
      className={props.className}
    />
  );
}
