import type {
  CheckoutPaymentResponse,
  CheckoutRefreshResponse,
  CheckoutStatusResponse,
  ClinkAction,
  CreateCheckoutPaymentRequest,
  PaymentMethodType,
  PaymentStatus,
} from '@clink-checkout/protocol';

// ---------------------------------------------------------------------------------------------
// Device
// ---------------------------------------------------------------------------------------------

/** In-app browsers that often block custom-scheme launches or need their own instructions. */
export type InAppBrowser = 'wechat' | 'facebook' | 'instagram' | 'line';

/** What the checkout needs to know about the customer's browser. */
export interface DeviceInfo {
  /** `WEB` for a desktop browser, `WAP` for a phone or tablet browser (Clink's terms). */
  platformType: 'WEB' | 'WAP';
  /** Set on phones and tablets only. */
  deviceType?: 'Android' | 'iOS';
  /** Set when the page runs inside a known app's embedded browser. */
  inAppBrowser?: InAppBrowser;
  /** `true` when the primary pointer is a finger (touch screen). */
  coarsePointer: boolean;
}

/** Inputs of `detectDevice`; when omitted, values are read from `navigator` / `matchMedia` if they exist. */
export interface DeviceEnv {
  userAgent?: string;
  userAgentData?: { mobile?: boolean; platform?: string };
  coarsePointer?: boolean;
  /** `navigator.maxTouchPoints`; tells an iPad with a desktop user agent apart from a Mac. */
  maxTouchPoints?: number;
}

// ---------------------------------------------------------------------------------------------
// Action plans
// ---------------------------------------------------------------------------------------------

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

/** Anything `classifyAction` can read: a create response, a refresh response (plus the method), or the like. */
export interface ClassifiableResponse {
  status?: PaymentStatus;
  action?: ClinkAction;
  /**
   * The method the browser created the payment with; used when `action.type` is not one of Clink's methods
   * (a refresh response carries none).
   */
  paymentMethodType?: PaymentMethodType;
  /** Server clock (ms) when the response was produced. */
  serverTime?: number;
  /** Browser clock (ms) when the response arrived (set by `createCheckoutApi`). */
  receivedAt?: number;
}

export interface ClassifyOptions {
  /**
   * Browser clock (ms) when the response arrived; expiry countdowns start from here.
   * @default payment.receivedAt, else Date.now()
   */
  receivedAt?: number;
  /**
   * A stricter policy for app links: when not empty, only these custom schemes open (e.g. `['weixin', 'gcash:']`);
   * `http(s)` links are always allowed, denied schemes (`javascript:`, `intent:`…) never are. A link outside the
   * list is set aside like any unusable link (fallback page, hosted instructions or QR code instead).
   * @default [] (no allow list: every well-formed scheme that is not denied)
   */
  allowedDeepLinkSchemes?: readonly string[];
  /** @default 100 */
  maxPostDataFields?: number;
  /** Sum of UTF-8 bytes of all names and values. @default 65536 */
  maxPostDataBytes?: number;
}

/** Why an action from the network was refused. */
export type CheckoutActionErrorCode =
  | 'unsafe_url'
  | 'unsafe_image'
  | 'unsafe_deep_link'
  | 'missing_field'
  | 'unknown_action'
  | 'unsupported_payment_method'
  | 'post_data_too_large';

// ---------------------------------------------------------------------------------------------
// API client
// ---------------------------------------------------------------------------------------------

/** A protocol response stamped with the browser clock when it arrived. */
export type Received<T> = T & {
  /** Browser clock (ms) when the response arrived. */
  receivedAt: number;
};
export type ReceivedPayment = Received<CheckoutPaymentResponse>;
export type ReceivedStatus = Received<CheckoutStatusResponse>;
export type ReceivedRefresh = Received<CheckoutRefreshResponse>;

/**
 * `type` of a `CheckoutRequestError`: the handler's error type (`validation_error`, `not_found`, …), or one
 * of the browser-side types below.
 */
export type CheckoutRequestErrorType =
  | 'network_error'
  | 'invalid_response'
  | 'aborted'
  | (string & Record<never, never>);

export interface CheckoutApiOptions {
  /** Where the merchant mounted `createCheckoutHandler`, e.g. `/api/checkout`. */
  endpoint: string;
  /** @default globalThis.fetch */
  fetch?: typeof fetch;
  /** Browser clock for `receivedAt`. @default Date.now */
  now?: () => number;
  /** Extra headers on every request (e.g. a CSRF token). @default {} */
  headers?: Record<string, string>;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface CreatePaymentOptions extends RequestOptions {
  /** Lets the server de-duplicate a create sent twice; reuse it when retrying the same payment. */
  idempotencyKey: string;
}

export interface CheckoutApi {
  createPayment(body: CreateCheckoutPaymentRequest, options: CreatePaymentOptions): Promise<ReceivedPayment>;
  getStatus(orderId: string, orderToken: string, options?: RequestOptions): Promise<ReceivedStatus>;
  refresh(orderId: string, orderToken: string, options?: RequestOptions): Promise<ReceivedRefresh>;
}

// ---------------------------------------------------------------------------------------------
// Payment state machine
// ---------------------------------------------------------------------------------------------

/** The create call that is (or was) in flight; kept so a retry can reuse the idempotency key. */
export interface CreateAttempt {
  paymentMethodType: PaymentMethodType;
  idempotencyKey: string;
}

export type PaymentState =
  | { status: 'idle' }
  | { status: 'creating'; attempt: CreateAttempt }
  /** The plan is ready: show the QR / app button, or perform the redirect / form post. */
  | { status: 'action'; payment: ReceivedPayment; plan: ActionPlan }
  /** The action was started (QR shown, app opened); status checks run until an outcome. */
  | { status: 'polling'; payment: ReceivedPayment; plan: ActionPlan }
  | { status: 'succeeded'; payment: ReceivedPayment; result?: ReceivedStatus }
  | { status: 'failed'; payment: ReceivedPayment; result?: ReceivedStatus }
  /** The QR code / app link ran out of time; refresh (Cash App Pay) or create a new payment. */
  | { status: 'expired'; payment: ReceivedPayment; plan: ActionPlan }
  | { status: 'cancelled'; payment?: ReceivedPayment }
  /** Something went wrong that the customer can retry (`attempt` reuses the idempotency key). */
  | { status: 'error'; error: Error; attempt?: CreateAttempt; payment?: ReceivedPayment };

export type PaymentStateStatus = PaymentState['status'];

export type PaymentEvent =
  | { type: 'create'; attempt: CreateAttempt }
  | { type: 'created'; payment: ReceivedPayment; plan: ActionPlan }
  | { type: 'create_failed'; error: Error }
  | { type: 'action_started' }
  | { type: 'poll_result'; result: ReceivedStatus }
  | { type: 'expired' }
  | { type: 'refreshed'; refresh: ReceivedRefresh; plan: ActionPlan }
  | { type: 'restart' }
  | { type: 'cancel' }
  | { type: 'error'; error: Error };

export type PaymentEventType = PaymentEvent['type'];

// ---------------------------------------------------------------------------------------------
// Polling
// ---------------------------------------------------------------------------------------------

/** Timer functions; inject fakes in tests. Method syntax keeps the platform functions assignable. */
export interface TimerApi {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  now(): number;
}

/** Page visibility, abstracted so polling can be tested (and used) without a DOM. */
export interface VisibilitySource {
  isHidden(): boolean;
  /** Calls `listener` whenever visibility changes; returns an unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

export type PollOutcome = 'continue' | 'stop';

/** Input of a poll schedule. */
export interface PollScheduleInput {
  /** ms since `start()`. */
  elapsedMs: number;
  /** Checks in a row that threw / rejected (0 after a successful check). */
  consecutiveErrors: number;
}

export interface StatusPollerOptions {
  /** One status check. Resolve `'stop'` when the payment reached an outcome. The signal aborts on `stop()`. */
  check: (signal: AbortSignal) => Promise<PollOutcome>;
  /** @default the global setTimeout / clearTimeout / Date.now */
  timers?: TimerApi;
  /** @default no visibility tracking (always visible) */
  visibility?: VisibilitySource;
  /** Delay before the next check. @default defaultPollSchedule (2 s, 10 s after 60 s, longer after errors) */
  schedule?: (input: PollScheduleInput) => number;
  /** Called with every error a check throws; polling continues with a back-off. */
  onError?: (error: unknown) => void;
}

export interface StatusPoller {
  /** Checks immediately (or when the page becomes visible) and keeps checking. Calling it again does nothing. */
  start(): void;
  /** Stops for good and aborts an in-flight check. */
  stop(): void;
}
