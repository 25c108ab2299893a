/**
 * Every text the checkout shows or announces. `{wallet}`, `{amount}`, `{time}` and `{app}` are replaced
 * when the text is used. Override single keys through the `messages` prop of `<ClinkCheckoutProvider>`.
 */
export interface CheckoutMessages {
  /** Default label of `<ClinkPayButton>`. */
  payWith: string;
  /** Button label while the payment is being created. */
  processing: string;
  redirecting: string;
  continueToPayment: string;
  /** Fallback submit button of a form post. */
  continue: string;
  formPostHint: string;
  scanQr: string;
  /** `scanQr` when the answer carries no amount (Clink's amount is optional). */
  scanQrNoAmount: string;
  /** Alternative text of the QR image. */
  qrAlt: string;
  /** `qrAlt` when the answer carries no amount. */
  qrAltNoAmount: string;
  /** First step of paying from another phone, under the QR code. */
  qrStepOpen: string;
  /** Second step of paying from another phone. */
  qrStepConfirm: string;
  /** Visible countdown. */
  expiresIn: string;
  /** Countdown announced to screen readers. */
  timeLeft: string;
  qrExpired: string;
  refreshQr: string;
  refreshing: string;
  startAgain: string;
  openApp: string;
  appDidNotOpen: string;
  continueInBrowser: string;
  viewInstructions: string;
  payWithAnotherDevice: string;
  copyLink: string;
  linkCopied: string;
  /** Label of the read-only field shown when the clipboard is not available. */
  copyManually: string;
  saveQr: string;
  inAppBrowser: string;
  inAppBrowserSteps: string;
  pending: string;
  succeeded: string;
  failed: string;
  tryAgain: string;
  expired: string;
  cancelled: string;
  actionError: string;
  requestError: string;
}

/** Values that may appear in a message. */
export type MessageValues = Partial<Record<'wallet' | 'amount' | 'time' | 'app', string>>;

/** Replaces `{name}` placeholders; unknown placeholders are left as they are so a typo stays visible. */
export function formatMessage(template: string, values: MessageValues = {}): string {
  return template.replace(/\{(\w+)\}/g, (match, name: string) => values[name as keyof MessageValues] ?? match);
}
