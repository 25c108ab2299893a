import type { PaymentMethodType } from '@clink-checkout/protocol';

/** A QR code to show: a ready image, or a value the browser draws itself (e.g. with qrcode.react). */
export type QrSource = { kind: 'image'; src: string } | { kind: 'value'; value: string };

/** When a QR code / app link stops working. */
export interface Expiry {
  /** Absolute deadline in ms on the browser's clock (`Date.now()` scale), skew-corrected. */
  deadline: number;
  /**
   * The same moment on the server's clock (the scale of `serverTime`), to tell whether a status the server
   * produced came after it.
   */
  serverDeadline: number;
}

/** Send the whole page to `url` (3-D Secure page, hosted instructions, a wallet's web page). */
export interface RedirectPlan {
  kind: 'redirect';
  url: string;
  paymentMethodType: PaymentMethodType;
}

/** One hidden field of an auto-submitted form. */
export interface FormField {
  name: string;
  value: string;
}

/** Submit an HTML form (method POST) to `url` with `fields`. */
export interface FormPostPlan {
  kind: 'form_post';
  url: string;
  fields: ReadonlyArray<FormField>;
  paymentMethodType: PaymentMethodType;
}

/** Show a QR code for the customer to scan with their phone (desktop). */
export interface QrPlan {
  kind: 'qr';
  paymentMethodType: PaymentMethodType;
  qr: QrSource;
  /** Text the customer may copy instead of scanning (the QR payload when it is a plain value). */
  copyText?: string;
  expiry: Expiry | null;
  /** A fresh QR code can be requested (`refresh`); only Cash App Pay supports it. */
  refreshable: boolean;
  /** Offer "save the QR image" (PromptPay, QRIS, GCash: customers often pay from their gallery). */
  savable: boolean;
  hostedInstructionsUrl?: string;
}

/** Open the wallet app on this phone, with a QR code for paying with another device. */
export interface AppLinkPlan {
  kind: 'app_link';
  paymentMethodType: PaymentMethodType;
  /** What to navigate to: an `intent://` URL on Android, the deep link / universal link elsewhere. */
  launchUrl: string;
  /** Where to go when the app does not open (https only). */
  fallbackUrl?: string;
  hostedInstructionsUrl?: string;
  /** "Pay with another device". */
  qr?: QrSource;
  copyText?: string;
  expiry: Expiry | null;
  refreshable: boolean;
  savable: boolean;
}

/** Nothing to do in the browser: the payment already has an outcome, or is being processed. */
export interface NonePlan {
  kind: 'none';
  status: 'succeeded' | 'failed' | 'pending';
}

/** What the browser must do next for a payment, decided once by `classifyAction`. */
export type ActionPlan = RedirectPlan | FormPostPlan | QrPlan | AppLinkPlan | NonePlan;
export type ActionPlanKind = ActionPlan['kind'];
