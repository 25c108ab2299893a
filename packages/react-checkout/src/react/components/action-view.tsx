'use client';
import { memo, useRef, type ReactNode } from 'react';
import { formatAmount, walletName, type PaymentState } from '../../core/index.js';
import { useCheckoutConfig, type CheckoutConfigProps } from '../config.js';
import { cx } from '../dom.js';
import { useDevice } from '../hooks/use-device.js';
import { useReveal } from '../hooks/use-reveal.js';
import { ActionWarmup } from './action-warmup.js';
import { AppLinkAction } from './app-link-action.js';
import { FormPostAction } from './form-post-action.js';
import { QrAction } from './qr-action.js';
import { RedirectAction } from './redirect-action.js';
import { CheckoutErrorView, PaymentStatusView } from './status-view.js';

export interface PaymentActionViewProps extends Pick<CheckoutConfigProps, 'locale' | 'messages' | 'device'> {
  /** The payment's state, from `useClinkPayment` (or your own use of the core's `paymentReducer`). */
  state: PaymentState;
  /** "Start again" / "Try again"; without it those buttons do not show. */
  onRestart?: (() => void) | undefined;
  /** "Refresh QR code" for refreshable (Cash App Pay) codes. */
  onRefresh?: (() => void) | undefined;
  /** @default false */
  refreshing?: boolean;
  /** How to leave the page for redirects and app launches. @default the top window's `location.assign` */
  navigate?: ((url: string) => void) | undefined;
  /** How to submit a form post. @default `form.submit()` */
  submitForm?: ((form: HTMLFormElement) => void) | undefined;
  /**
   * Scroll the view into sight and move focus to it when it first shows (and again when it changes while focus was
   * in it). Turn it off when you place the view yourself, e.g. in a dialog that manages its own focus.
   * @default true
   */
  autoFocus?: boolean | undefined;
  className?: string | undefined;
}

/**
 * Shows a payment's state: its action (redirect, form, QR code, app link), a wait, an outcome or an error. Memoised:
 * the hooks that drive it re-render their component on every status check, and the view only when what it shows
 * changed (at 4× CPU slowdown, re-rendering a QR view took 6–9 ms each time, right after it first showed).
 */
export const PaymentActionView = /* @__PURE__ */ memo(function PaymentActionView(props: PaymentActionViewProps): ReactNode {
  const { state, onRestart } = props;
  const { messages, locale, device: overrides } = useCheckoutConfig(props);
  const device = useDevice(overrides);
  const frame = useRef<HTMLDivElement>(null);
  const payment = 'payment' in state ? state.payment : undefined;
  const view = state.status === 'idle' || state.status === 'creating' ? null : `${payment?.orderId ?? ''}:${state.status}:${'plan' in state ? state.plan.kind : ''}`;
  useReveal(frame, view, props.autoFocus ?? true);
  let content: ReactNode;
  switch (state.status) {
    case 'action': {
      const { plan, payment } = state;
      const wallet = walletName(plan.kind === 'none' ? payment.paymentMethodType : plan.paymentMethodType);
      // Clink may leave the amount out; the texts then read without it.
      const amount =
        typeof payment.amount === 'number' && payment.currency ? formatAmount(payment.amount, payment.currency, locale) : undefined;
      switch (plan.kind) {
        case 'redirect':
          content = <RedirectAction url={plan.url} messages={messages} navigate={props.navigate} />;
          break;
        case 'form_post':
          content = <FormPostAction url={plan.url} fields={plan.fields} messages={messages} submit={props.submitForm} />;
          break;
        case 'qr':
          content = <QrAction plan={plan} wallet={wallet} amount={amount} locale={locale} messages={messages} />;
          break;
        case 'app_link':
          content = (
            <AppLinkAction
              plan={plan}
              wallet={wallet}
              amount={amount}
              locale={locale}
              messages={messages}
              inAppBrowser={device.inAppBrowser}
              navigate={props.navigate}
            />
          );
          break;
        case 'none':
          content = <PaymentStatusView status={plan.status} messages={messages} onRestart={onRestart} />;
          break;
        default:
          content = plan satisfies never;
      }
      break;
    }
    case 'succeeded':
    case 'failed':
    case 'cancelled':
      content = <PaymentStatusView status={state.status} messages={messages} onRestart={onRestart} />;
      break;
    case 'expired': {
      const { plan } = state;
      const refreshable = (plan.kind === 'qr' || plan.kind === 'app_link') && plan.refreshable;
      content = (
        <PaymentStatusView
          status="expired"
          messages={messages}
          text={plan.kind === 'qr' ? messages.qrExpired : undefined}
          onRestart={onRestart}
          onRefresh={refreshable ? props.onRefresh : undefined}
          refreshing={props.refreshing}
        />
      );
      break;
    }
    case 'error':
      content = <CheckoutErrorView error={state.error} messages={messages} onRestart={onRestart} />;
      break;
    case 'creating':
      return <ActionWarmup paymentMethodType={state.attempt.paymentMethodType} device={device} locale={locale} messages={messages} />;
    case 'idle':
      return null;
    default:
      content = state satisfies never;
  }
  return (
    // Focus target only (tabIndex -1): it never joins the tab order.
    <div ref={frame} tabIndex={-1} className={cx('clink-renderer', props.className)} data-state={state.status} data-method={payment?.paymentMethodType}>
      {content}
    </div>
  );
});
