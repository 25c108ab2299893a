'use client';
import type { ReactNode } from 'react';
import { CheckoutActionError, CheckoutRequestError } from '../../core/index.js';
import type { CheckoutMessages } from '../i18n/messages.js';
import { cx } from '../dom.js';

/** A payment outcome, or a wait, shown in place of the action. */
export type PaymentStatusViewStatus = 'pending' | 'succeeded' | 'failed' | 'expired' | 'cancelled';

export interface PaymentStatusViewProps {
  status: PaymentStatusViewStatus;
  messages: CheckoutMessages;
  /** Offers "Try again" / "Start again" (a new payment). Without it no such button shows. */
  onRestart?: () => void;
  /** Offers "Refresh QR code" when expired (Cash App Pay). */
  onRefresh?: () => void;
  /** Shows the refresh as running. @default false */
  refreshing?: boolean;
  /** Replaces the status text. @default the message for `status` */
  text?: string;
  className?: string;
}

/** The final (or waiting) view of a payment, with the way forward when there is one. */
export function PaymentStatusView({ status, messages, onRestart, onRefresh, refreshing = false, text, className }: PaymentStatusViewProps): ReactNode {
  return (
    <div className={cx('clink-status', className)} data-state={status}>
      <p className="clink-status__message" role="status">
        {text ?? messages[status]}
      </p>
      {status === 'expired' && onRefresh && (
        <button type="button" className="clink-button" onClick={onRefresh} disabled={refreshing} aria-busy={refreshing || undefined}>
          {refreshing ? messages.refreshing : messages.refreshQr}
        </button>
      )}
      {(status === 'failed' || (status === 'expired' && !onRefresh)) && onRestart && (
        <button type="button" className="clink-button" onClick={onRestart}>
          {status === 'failed' ? messages.tryAgain : messages.startAgain}
        </button>
      )}
    </div>
  );
}

export interface CheckoutErrorViewProps {
  error: Error;
  messages: CheckoutMessages;
  onRestart?: () => void;
  className?: string;
}

/**
 * A visible, typed error: `data-code` carries the `CheckoutActionError` code or the `CheckoutRequestError` type,
 * so a merchant can style or log it.
 */
export function CheckoutErrorView({ error, messages, onRestart, className }: CheckoutErrorViewProps): ReactNode {
  const code =
    error instanceof CheckoutActionError ? error.code : error instanceof CheckoutRequestError ? error.type : 'error';
  return (
    <div className={cx('clink-error', className)} role="alert" data-code={code}>
      <p className="clink-error__message">
        {error instanceof CheckoutActionError ? messages.actionError : messages.requestError}
      </p>
      {onRestart && (
        <button type="button" className="clink-button" onClick={onRestart}>
          {messages.tryAgain}
        </button>
      )}
    </div>
  );
}
