import type { ClinkClient } from '../client/types.js';
import { ClinkConfigurationError } from '../errors.js';
import type { CreatePaymentParams, Payment } from '../types.js';
import type { ClinkWebhookEvent } from '../webhooks/index.js';
import type { IdempotencyStore } from './idempotency-store.js';
import type { InstrumentStore } from './instrument-store.js';
import type { CreateCheckoutPaymentRequest } from '@clink-checkout/protocol';

/** Fields the browser chooses; `resolvePayment` may still override them. */
type BrowserChosenField = 'paymentMethodType' | 'platformType' | 'deviceType';

/**
 * What `resolvePayment` returns: everything of Clink's `POST /payment` body (customer, price or
 * amount, return URL, metadata, …) except what the browser chose, which it may override.
 *
 * `paymentInstrumentId` is optional: for a wallet method the handler finds or creates the customer's
 * instrument (see `instrumentStore`). A `CARD` payment needs it: the id of a card the customer saved
 * through Clink's hosted pages (the API cannot create card instruments).
 */
export type ResolvedPayment = Omit<CreatePaymentParams, BrowserChosenField | 'paymentInstrumentId'> &
  Partial<Pick<CreatePaymentParams, BrowserChosenField | 'paymentInstrumentId'>>;

/** What `onPaymentCreated` receives: the payment Clink just created and what it was created from. */
export interface PaymentCreated {
  /** What the browser sent (validated); `payload` is yours to read. */
  input: CreateCheckoutPaymentRequest;
  /** The body sent to Clink's `POST /payment`: what `resolvePayment` decided plus the browser's choices. */
  params: CreatePaymentParams;
  /** Clink's answer, normalised: `orderId`, `status`, `amount`, `currency`, `action`. */
  payment: Payment;
  /**
   * The order token the browser is about to receive. Keep a hash of it (never the token) if your own
   * routes should open the order for the same holder, as the status and refresh routes do.
   */
  orderToken: string;
}

export interface CheckoutHandlerOptions {
  /** A Clink client from `createClinkClient`. */
  client: ClinkClient;
  /**
   * Turns the browser's request into the payment to create. This is where the merchant decides the
   * customer and the price (e.g. by looking up `input.payload.cartId`), so the browser never chooses
   * an amount unless this code lets it. Throw `CheckoutRejection` to refuse with a message, or
   * `ClinkValidationError` to refuse with field errors (both answer 400 by default).
   */
  resolvePayment: (input: CreateCheckoutPaymentRequest, request: Request) => ResolvedPayment | Promise<ResolvedPayment>;
  /**
   * Signs order tokens (HMAC-SHA256). At least 32 characters of random data, kept on the server,
   * different from the Clink keys. Changing it invalidates the tokens of orders in progress.
   */
  tokenSecret: string;
  /**
   * Called once per created payment, after Clink created it and before the browser hears of it: the
   * place to save the order. If it throws, the browser gets an error instead of the payment (so it is
   * never paid unsaved), the error is logged, and the `Idempotency-Key` keeps that answer, because the
   * order exists at Clink and a retry must not create a second one. Not called when the create fails.
   * @default none
   */
  onPaymentCreated?: (created: PaymentCreated, request: Request) => void | Promise<void>;
  /**
   * Called once per verified webhook event (duplicates are skipped); narrow it on `event.category`
   * (`order`, `refund`, `other`). Clink gets its 2xx only after the returned promise resolves; if it
   * rejects, Clink gets a 500 and delivers the event again. A correctly signed body that is no usable
   * event is acknowledged and logged without calling it. Without it, `POST /webhooks` answers 404.
   */
  onWebhook?: (event: ClinkWebhookEvent, request: Request) => void | Promise<void>;
  /** The webhook endpoint's signing secret (`whsec_…`). Required with `onWebhook`. */
  webhookSecret?: string;
  /** Accepted age of a webhook's timestamp. @default 300 */
  webhookToleranceSeconds?: number;
  /**
   * Origins (e.g. `https://shop.example`) allowed to call the browser routes cross-origin. When set,
   * a request with any other `Origin` is refused with 403 and CORS preflights are answered for the
   * listed ones. When unset, no CORS headers are sent (same-origin use).
   */
  allowedOrigins?: readonly string[];
  /**
   * Remembers `Idempotency-Key`s of creates; its atomic `claim` also makes concurrent first payments
   * of one customer create one wallet instrument. @default an in-memory store of 10,000 keys
   */
  idempotencyStore?: IdempotencyStore;
  /**
   * Remembers the wallet instrument created for each customer and method, so it is created once, not
   * for every payment. Share it between servers (e.g. Redis) so they all reuse it.
   * @default an in-memory store of 10,000 instruments
   */
  instrumentStore?: InstrumentStore;
  /** How long a create's response is replayed for the same key. @default 86400 (24 h) */
  idempotencyTtlSeconds?: number;
  /** Remembers webhook event ids for de-duplication. @default an in-memory store of 10,000 ids */
  webhookEventStore?: IdempotencyStore;
  /** How long a handled webhook event id is remembered. @default 259200 (72 h) */
  webhookDedupTtlSeconds?: number;
  /**
   * Path the handler is mounted at, e.g. `/api/checkout`. When unset, routes are matched by their
   * ending (`…/payments`, `…/payments/{id}`, `…/webhooks`), which works at any mount point.
   */
  basePath?: string;
  /**
   * Ties order tokens (and idempotency keys) to something only the customer's browser has, such as
   * the merchant's session id. The value is hashed into the token; a token used with another value is
   * refused. @default none: the token alone is the credential
   */
  bindOrderToken?: (request: Request) => string | Promise<string>;
  /** Lifetime of an order token. @default 86400 (24 h) */
  orderTokenTtlSeconds?: number;
  /**
   * Largest request body accepted, counted while streaming.
   * @default 16384 (16 KiB)
   */
  maxBodyBytes?: number;
  /** Clock (ms since epoch) for `serverTime`, token expiry and idempotency. @default Date.now */
  now?: () => number;
  /**
   * Receives one line per failure worth a look (5xx answers, failing webhooks). Lines never contain
   * the secret key, `tokenSecret` or `webhookSecret`. @default console.error
   */
  logger?: (line: string) => void;
}

/** A runtime-neutral request handler: `(request: Request) => Promise<Response>`. */
export type CheckoutHandler = (request: Request) => Promise<Response>;

const MIN_TOKEN_SECRET_LENGTH = 32;

/** Fails at start-up, not at the first payment, when the handler is set up wrongly. */
export function assertValidOptions(options: CheckoutHandlerOptions): void {
  if (typeof options.tokenSecret !== 'string' || options.tokenSecret.length < MIN_TOKEN_SECRET_LENGTH) {
    throw new ClinkConfigurationError(
      `createCheckoutHandler: tokenSecret must be at least ${MIN_TOKEN_SECRET_LENGTH} characters of random data (e.g. 32 random bytes as hex).`,
    );
  }
  if (typeof options.resolvePayment !== 'function') {
    throw new ClinkConfigurationError('createCheckoutHandler: resolvePayment must be a function that decides the payment.');
  }
  if (options.onWebhook !== undefined && !options.webhookSecret) {
    throw new ClinkConfigurationError('createCheckoutHandler: onWebhook needs webhookSecret (the endpoint signing secret, whsec_…).');
  }
  if (options.basePath !== undefined && !options.basePath.startsWith('/')) {
    throw new ClinkConfigurationError('createCheckoutHandler: basePath must start with "/", e.g. "/api/checkout".');
  }
}
