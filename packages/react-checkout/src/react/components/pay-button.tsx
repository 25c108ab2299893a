'use client';
import { type ButtonHTMLAttributes, type ReactNode, type Ref } from 'react';
import { walletName, type DeviceType, type PaymentMethodType, type PaymentState, type PlatformType, type ReceivedPayment } from '../../core/index.js';
import { missingEndpointError, useCheckoutConfig, type CheckoutConfigProps } from '../config.js';
import { payButtonDataState } from '../data-state.js';
import { cx } from '../dom.js';
import { useClinkPayment } from '../hooks/use-clink-payment.js';
import { formatMessage } from '../i18n/messages.js';
import { PaymentActionRenderer, type PaymentOutcome } from './payment-action-renderer.js';
import { Slot } from './slot.js';
import { CheckoutErrorView } from './status-view.js';

/** What `renderAction` receives to place the action yourself (e.g. in a modal). */
export interface RenderActionArgs {
  payment: ReceivedPayment;
  /** The ready `<PaymentActionRenderer>` for this payment. */
  renderer: ReactNode;
  /** Stops following the payment (e.g. when the customer closes the modal). */
  cancel: () => void;
}

export interface ClinkPayButtonProps
  extends CheckoutConfigProps,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onError' | 'children' | 'type'> {
  paymentMethodType: PaymentMethodType;
  /** Sent to your server's `resolvePayment` (cart id, product id, …); the server decides the price. */
  payload?: unknown;
  /** @default detected (`WAP` on phones and tablets) */
  platformType?: PlatformType;
  /** @default detected on phones and tablets */
  deviceType?: DeviceType;
  /** Called once when the payment succeeds. Confirm it on your server (webhook or order status) before shipping. */
  onSuccess?: (outcome: PaymentOutcome) => void;
  /** Called once when the payment fails. */
  onFailure?: (outcome: PaymentOutcome) => void;
  /** Called when creating or showing the payment goes wrong. */
  onError?: (error: Error) => void;
  /** Called on every change of the payment's state. */
  onStatusChange?: (state: PaymentState) => void;
  /** Render your own element (its single child) as the button, with our props and handlers merged in. @default false */
  asChild?: boolean;
  /** Place the action yourself; by default it renders inline after the button. */
  renderAction?: (args: RenderActionArgs) => ReactNode;
  /** How to leave the page for redirects and app launches. @default the top window's `location.assign` */
  navigate?: (url: string) => void;
  /** @default "Pay with {wallet}" */
  children?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

/** Creates the payment through your checkout handler on click, then shows or performs its action. */
export function ClinkPayButton({
  paymentMethodType,
  payload,
  platformType,
  deviceType,
  onSuccess,
  onFailure,
  onError,
  onStatusChange,
  asChild = false,
  renderAction,
  navigate,
  className,
  children,
  onClick,
  endpoint,
  locale,
  messages,
  fetch,
  allowedDeepLinkSchemes,
  device,
  ...rest
}: ClinkPayButtonProps): ReactNode {
  const configProps = { endpoint, locale, messages, fetch, allowedDeepLinkSchemes, device };
  const config = useCheckoutConfig(configProps);
  if (!config.endpoint) throw missingEndpointError('<ClinkPayButton>');
  const { state, pay, restart, cancel, dispatch } = useClinkPayment({
    ...configProps,
    paymentMethodType,
    payload,
    platformType,
    deviceType,
    followStatus: false,
    onSuccess: (s) => onSuccess?.({ status: 'succeeded', orderId: s.payment.orderId }),
    onFailure: (s) => onFailure?.({ status: 'failed', orderId: s.payment.orderId }),
    onError,
    onStatusChange,
  });

  const busy = state.status === 'creating';
  const running = state.status === 'action' || state.status === 'polling' || state.status === 'succeeded';
  const Component = asChild ? Slot : 'button';
  const button = (
    <Component
      {...rest}
      {...(asChild ? {} : { type: 'button', disabled: busy || running })}
      className={cx('clink-pay-button', className)}
      data-state={payButtonDataState(state.status)}
      data-method={paymentMethodType}
      aria-busy={busy}
      aria-disabled={busy || running || undefined}
      onClick={(event: Parameters<NonNullable<typeof onClick>>[0]) => {
        onClick?.(event);
        if (!event.defaultPrevented) pay();
      }}
    >
      {children ?? (busy ? config.messages.processing : formatMessage(config.messages.payWith, { wallet: walletName(paymentMethodType) }))}
    </Component>
  );

  const payment = 'payment' in state && state.status !== 'cancelled' && state.status !== 'error' ? state.payment : undefined;
  const renderer = payment && (
    <PaymentActionRenderer
      key={payment.orderId}
      {...configProps}
      payment={payment}
      navigate={navigate}
      onRestart={restart}
      onStatusChange={(next) => {
        // The renderer follows the payment; its outcome becomes the button's.
        if ((next.status === 'succeeded' || next.status === 'failed') && next.result) {
          dispatch({ type: 'poll_result', result: next.result });
        }
      }}
      onError={onError}
    />
  );
  return (
    <>
      {button}
      {state.status === 'error' && <CheckoutErrorView error={state.error} messages={config.messages} />}
      {payment && (renderAction ? renderAction({ payment, renderer, cancel }) : renderer)}
    </>
  );
}
