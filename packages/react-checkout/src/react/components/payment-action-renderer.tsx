'use client';
import { useMemo, useState, type ReactNode } from 'react';
import {
  CheckoutActionError,
  classifyAction,
  stateForPlan,
  type CheckoutPaymentResponse,
  type DeviceInfo,
  type PaymentState,
  type ReceivedPayment,
} from '../../core/index.js';
import {
  missingEndpointError,
  useCheckoutApi,
  useCheckoutConfig,
  type CheckoutConfigProps,
  type ResolvedCheckoutConfig,
} from '../config.js';
import { useDevice } from '../hooks/use-device.js';
import { usePaymentMachine, type PaymentCallbacks } from '../hooks/use-payment-machine.js';
import { useResolvedQueryClient } from '../query-client.js';
import { PaymentActionView } from './action-view.js';

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
  /** Scroll the view into sight and move focus to it when it shows; `false` when your container manages focus. @default true */
  autoFocus?: boolean;
  className?: string;
}

/**
 * Performs whatever a payment needs next: a redirect, a form post, a QR code with its countdown, a wallet app
 * launch, or the outcome. Unsafe data from the network is refused with a visible error and nothing is opened.
 */
export function PaymentActionRenderer(props: PaymentActionRendererProps): ReactNode {
  const config = useCheckoutConfig(props);
  const device = useDevice(config.device);
  const { payment } = props;
  const [arrival] = useState(() => payment.receivedAt ?? Date.now());
  const initial = useMemo<PaymentState>(() => {
    const received: ReceivedPayment = { ...payment, receivedAt: payment.receivedAt ?? arrival };
    try {
      return stateForPlan(received, classifyAction(received, device, { receivedAt: arrival, allowedDeepLinkSchemes: config.allowedDeepLinkSchemes }));
    } catch (error) {
      if (error instanceof CheckoutActionError) return { status: 'error', error, payment: received };
      throw error;
    }
  }, [payment, arrival, device, config.allowedDeepLinkSchemes]);
  // A new payment, or another kind of action once the real device is known after hydration (a QR code becomes an
  // app link), starts a fresh session. The same kind keeps its session, so a redirect never runs twice and a
  // refusal is reported once.
  const what =
    initial.status === 'action' ? initial.plan.kind : initial.status === 'error' ? (initial.error as CheckoutActionError).message : initial.status;
  return <RendererSession key={`${payment.orderId}:${what}`} {...props} config={config} device={device} initial={initial} />;
}

interface SessionProps extends PaymentActionRendererProps {
  config: ResolvedCheckoutConfig;
  device: DeviceInfo;
  initial: PaymentState;
}

function RendererSession(props: SessionProps): ReactNode {
  const { config, device, followStatus = true } = props;
  const api = useCheckoutApi(config);
  if (followStatus && !api) throw missingEndpointError('<PaymentActionRenderer>');
  const { client } = useResolvedQueryClient();
  const [initial] = useState(props.initial);
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
      onRefresh={api ? refresh : undefined}
      refreshing={refreshing}
      navigate={props.navigate}
      submitForm={props.submitForm}
      autoFocus={props.autoFocus}
      className={props.className}
    />
  );
}
