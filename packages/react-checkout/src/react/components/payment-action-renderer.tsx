'use client';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ReactNode } from 'react';
import {
  CheckoutActionError,
  classifyAction,
  formatAmount,
  paymentReducer,
  walletName,
  type ActionPlan,
  type CheckoutPaymentResponse,
  type DeviceInfo,
  type PaymentState,
  type ReceivedPayment,
} from '../../core/index.js';
import { missingEndpointError, useCheckoutApi, useCheckoutConfig, type CheckoutConfigProps, type ResolvedCheckoutConfig } from '../config.js';
import { cx } from '../dom.js';
import { useDevice } from '../hooks/use-device.js';
import { usePaymentStatus } from '../hooks/use-payment-status.js';
import { useLatest } from '../use-latest.js';
import { AppLinkAction } from './app-link-action.js';
import { FormPostAction } from './form-post-action.js';
import { QrAction } from './qr-action.js';
import { RedirectAction } from './redirect-action.js';
import { CheckoutErrorView, PaymentStatusView } from './status-view.js';

/** What `onComplete` receives once the payment has an outcome. */
export interface PaymentOutcome {
  status: 'succeeded' | 'failed';
  orderId: string;
}

export interface PaymentActionRendererProps extends CheckoutConfigProps {
  /** The create response from your checkout handler (as returned by `createCheckoutApi().createPayment`). */
  payment: CheckoutPaymentResponse & { receivedAt?: number };
  /**
   * Follow the payment's status through the handler while the action is shown.
   * @default true
   */
  pollStatus?: boolean;
  /** Called once when the payment succeeds or fails. */
  onComplete?: (outcome: PaymentOutcome) => void;
  /** Called once when the QR code / app link expires. */
  onExpire?: () => void;
  /** Called when the action cannot be shown (unsafe data) or a refresh fails. */
  onError?: (error: Error) => void;
  /** Called on every change of the payment's state. */
  onStatusChange?: (state: PaymentState) => void;
  /**
   * Creates a new payment ("Start again", "Try again"). Without it those buttons do not show.
   */
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
  useEffect(() => {
    if (classified.error) onError.current?.(classified.error);
  }, [classified, onError]);

  if (classified.error) {
    return (
      <CheckoutErrorView
        className={cx('clink-renderer', props.className)}
        error={classified.error}
        messages={config.messages}
        onRestart={props.onRestart}
      />
    );
  }
  // A new device (detected after hydration) or a new payment starts a fresh session.
  const key = `${received.orderId}:${device.platformType}:${device.deviceType ?? ''}:${device.inAppBrowser ?? ''}`;
  return <ActionSession key={key} {...props} config={config} device={device} payment={received} plan={classified.plan} />;
}

interface ActionSessionProps extends PaymentActionRendererProps {
  config: ResolvedCheckoutConfig;
  device: DeviceInfo;
  payment: ReceivedPayment;
  plan: ActionPlan;
}

const initialState = ({ payment, plan }: { payment: ReceivedPayment; plan: ActionPlan }): PaymentState =>
  plan.kind === 'none'
    ? plan.status === 'pending'
      ? { status: 'polling', payment, plan }
      : { status: plan.status, payment }
    : { status: 'action', payment, plan };

function ActionSession(props: ActionSessionProps): ReactNode {
  const { config, device, payment, pollStatus = true, className } = props;
  const [state, dispatch] = useReducer(paymentReducer, props, initialState);
  const [refreshing, setRefreshing] = useState(false);
  const api = useCheckoutApi(config);
  const latest = useLatest(props);

  const plan = state.status === 'action' || state.status === 'polling' || state.status === 'expired' ? state.plan : props.plan;
  const waiting = plan.kind === 'qr' || plan.kind === 'app_link' || plan.kind === 'none';
  const live = state.status === 'action' || state.status === 'polling';
  const deadline = (plan.kind === 'qr' || plan.kind === 'app_link') && plan.expiry ? plan.expiry.deadline : null;
  if (pollStatus && !api) throw missingEndpointError('<PaymentActionRenderer>');

  useEffect(() => {
    if (state.status === 'action' && waiting) dispatch({ type: 'action_started' });
  }, [state.status, waiting]);

  usePaymentStatus(payment.orderId, payment.orderToken, {
    enabled: pollStatus && live && waiting,
    deadline,
    onStatus: (result) => dispatch({ type: 'poll_result', result }),
    endpoint: config.endpoint,
    fetch: config.fetch,
  });

  const previous = useRef<PaymentState | null>(null);
  useEffect(() => {
    const before = previous.current;
    previous.current = state;
    if (before?.status === state.status) return;
    const callbacks = latest.current;
    if (before) callbacks.onStatusChange?.(state);
    if (state.status === 'succeeded' || state.status === 'failed') {
      callbacks.onComplete?.({ status: state.status, orderId: state.payment.orderId });
    } else if (state.status === 'expired') callbacks.onExpire?.();
    else if (state.status === 'error') callbacks.onError?.(state.error);
  }, [state, latest]);

  const expire = useCallback(() => dispatch({ type: 'expired' }), []);
  const refresh = useCallback(async () => {
    if (!api) return;
    setRefreshing(true);
    try {
      const refreshed = await api.refresh(payment.orderId, payment.orderToken);
      const next = classifyAction({ ...refreshed, paymentMethodType: payment.paymentMethodType }, device, {
        receivedAt: refreshed.receivedAt,
        allowedDeepLinkSchemes: config.allowedDeepLinkSchemes,
      });
      dispatch({ type: 'refreshed', refresh: refreshed, plan: next });
    } catch (error) {
      dispatch({ type: 'error', error: error as Error });
      latest.current.onError?.(error as Error);
    } finally {
      setRefreshing(false);
    }
  }, [api, payment, device, config.allowedDeepLinkSchemes, latest]);

  const { messages, locale } = config;
  const restart = props.onRestart;
  let content: ReactNode;
  switch (state.status) {
    case 'action':
    case 'polling':
      content = <PlanView {...props} plan={state.plan} onExpire={expire} />;
      break;
    case 'succeeded':
    case 'failed':
    case 'cancelled':
      content = <PaymentStatusView status={state.status} messages={messages} onRestart={restart} />;
      break;
    case 'expired':
      content = (
        <PaymentStatusView
          status="expired"
          messages={messages}
          text={plan.kind === 'qr' ? messages.qrExpired : undefined}
          onRestart={restart}
          onRefresh={plan.kind !== 'none' && plan.kind !== 'redirect' && plan.kind !== 'form_post' && plan.refreshable && api ? refresh : undefined}
          refreshing={refreshing}
        />
      );
      break;
    case 'error':
      content = <CheckoutErrorView error={state.error} messages={messages} onRestart={restart} />;
      break;
    case 'idle':
    case 'creating':
      content = null;
      break;
    default:
      content = state satisfies never;
  }
  return (
    <div className={cx('clink-renderer', className)} data-state={state.status} data-method={payment.paymentMethodType}>
      {content}
    </div>
  );
}

function PlanView({ plan, payment, config, device, navigate, submitForm, onExpire }: ActionSessionProps & { onExpire: () => void }): ReactNode {
  const { messages, locale } = config;
  switch (plan.kind) {
    case 'redirect':
      return <RedirectAction url={plan.url} messages={messages} navigate={navigate} />;
    case 'form_post':
      return <FormPostAction url={plan.url} fields={plan.fields} messages={messages} submit={submitForm} />;
    case 'qr':
      return (
        <QrAction
          plan={plan}
          wallet={walletName(plan.paymentMethodType)}
          amount={formatAmount(payment.amount, payment.currency, locale)}
          locale={locale}
          messages={messages}
          onExpire={onExpire}
        />
      );
    case 'app_link':
      return (
        <AppLinkAction
          plan={plan}
          wallet={walletName(plan.paymentMethodType)}
          amount={formatAmount(payment.amount, payment.currency, locale)}
          locale={locale}
          messages={messages}
          inAppBrowser={device.inAppBrowser}
          navigate={navigate}
          onExpire={onExpire}
        />
      );
    case 'none':
      return <PaymentStatusView status={plan.status} messages={messages} />;
    default:
      return plan satisfies never;
  }
}
