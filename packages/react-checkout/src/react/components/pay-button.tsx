'use client';
import { forwardRef, type ButtonHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { canPay, walletName, type DeviceType, type PaymentMethodType, type PaymentState, type PlatformType, type ReceivedPayment } from '../../core/index.js';
import { missingEndpointError, useCheckoutConfig, type CheckoutConfigProps } from '../config.js';
import { payButtonDataState } from '../data-state.js';
import { cx } from '../dom.js';
import { useClinkPayment } from '../hooks/use-clink-payment.js';
import type { PaymentCallbacks } from '../hooks/use-payment-machine.js';
import { formatMessage } from '../i18n/messages.js';
import { PaymentActionView } from './action-view.js';
import { Slot } from './slot.js';

/** What `renderAction` receives to place the action yourself (e.g. in a modal). */
export interface RenderActionArgs {
  /** The created payment. */
  payment: ReceivedPayment;
  /** The payment's current state. */
  state: PaymentState;
  /** The ready view of the action (QR code, app link, redirect, outcome) for this payment. */
  view: ReactNode;
  /** Stops following the payment (e.g. when the customer closes the modal). */
  cancel: () => void;
}

export interface ClinkPayButtonProps
  extends CheckoutConfigProps,
    PaymentCallbacks,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onError' | 'children' | 'type'> {
  paymentMethodType: PaymentMethodType;
  /** Sent to your server's `resolvePayment` (cart id, product id, …); the server decides the price. */
  payload?: unknown;
  /** @default detected (`WAP` on phones and tablets) */
  platformType?: PlatformType;
  /** @default detected on phones and tablets */
  deviceType?: DeviceType;
  /** Follow the payment's status and its expiry while its action runs. @default true */
  followStatus?: boolean;
  /** Render your own element (the single child) as the button, with our props and handlers merged in. @default false */
  asChild?: boolean;
  /**
   * Place the action yourself (e.g. in a modal): `({ payment, state, view, cancel })`. By default it renders right
   * after the button, scrolled into sight and focused; a view you place is not focused: your container (a dialog)
   * manages focus.
   */
  renderAction?: (args: RenderActionArgs) => ReactNode;
  /** How to leave the page for redirects and app launches. @default the top window's `location.assign` */
  navigate?: (url: string) => void;
  /** How to submit a form post. @default `form.submit()` */
  submitForm?: (form: HTMLFormElement) => void;
  /** @default "Pay with {wallet}", "Processing…" while the payment is created */
  children?: ReactNode;
}

/**
 * Creates the payment through your checkout handler on click, then shows or performs its action.
 * The ref reaches the button (or your element with `asChild`).
 */
export const ClinkPayButton = /* @__PURE__ */ forwardRef<HTMLButtonElement, ClinkPayButtonProps>(function ClinkPayButton({
  paymentMethodType,
  payload,
  platformType,
  deviceType,
  onSuccess,
  onFailure,
  onExpire,
  onCancel,
  onError,
  onStatusChange,
  followStatus,
  asChild = false,
  renderAction,
  navigate,
  submitForm,
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
}, ref): ReactNode {
  const configProps = { endpoint, locale, messages, fetch, allowedDeepLinkSchemes, device };
  const config = useCheckoutConfig(configProps);
  if (!config.endpoint) throw missingEndpointError('<ClinkPayButton>');
  const { state, pay, restart, refresh, refreshing, cancel } = useClinkPayment({
    ...configProps,
    paymentMethodType,
    payload,
    platformType,
    deviceType,
    followStatus,
    onSuccess,
    onFailure,
    onExpire,
    onCancel,
    onError,
    onStatusChange,
  });

  const busy = state.status === 'creating';
  const locked = !canPay(state.status);
  // The view's own next step (Open, Refresh QR code, Try again) is the one primary action while it shows.
  const outranked = /^(action|failed|expired|error)$/.test(state.status);
  const Component = asChild ? Slot : 'button';
  const button = (
    <Component
      {...rest}
      ref={ref}
      {...(asChild ? {} : { type: 'button', disabled: locked })}
      className={cx('clink-pay-button', className)}
      data-state={payButtonDataState(state.status)}
      data-method={paymentMethodType}
      data-emphasis={outranked ? 'secondary' : undefined}
      aria-busy={busy}
      aria-disabled={locked || undefined}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        onClick?.(event);
        if (!event.defaultPrevented) pay();
      }}
    >
      {children ?? (busy ? config.messages.processing : formatMessage(config.messages.payWith, { wallet: walletName(paymentMethodType) }))}
    </Component>
  );

  const view = (
    <PaymentActionView
      state={state}
      // The view resolves the same settings over the provider's as the button did.
      locale={locale}
      messages={messages}
      device={device}
      // After an error "Try again" is `pay()`, which reuses the idempotency key when the create may have happened.
      onRestart={state.status === 'error' ? pay : restart}
      onRefresh={refresh}
      refreshing={refreshing}
      navigate={navigate}
      submitForm={submitForm}
      // A view placed by `renderAction` (a dialog) leaves focus to the merchant's container.
      autoFocus={!renderAction}
    />
  );
  const payment = 'payment' in state ? state.payment : undefined;
  return (
    <>
      {button}
      {payment && renderAction ? renderAction({ payment, state, view, cancel }) : view}
    </>
  );
});
