import {
  IDEMPOTENCY_KEY_HEADER,
  ORDER_TOKEN_HEADER,
  isPaymentMethodType,
  isWalletMethod,
  type CheckoutPaymentResponse,
  type CheckoutRefreshResponse,
  type CheckoutStatusResponse,
  type CreateCheckoutPaymentRequest,
} from '@clink-checkout/protocol';
import { outcomeUnknown } from '../client/transport.js';
import { ClinkApiError, ClinkConfigurationError, ClinkValidationError } from '../errors.js';
import type { CreatePaymentParams, Payment } from '../types.js';
import { validateOrderId } from '../validation/orderId.js';
import { verifyClinkWebhook, type VerifiedClinkWebhook } from '../webhooks/index.js';
import { DEFAULT_MAX_BODY_BYTES, readBodyText, readJsonBody } from './body.js';
import { checkoutHandlerFrom } from './core-of.js';
import type { CheckoutAnswer, CheckoutCore, CheckoutExchange } from './exchange.js';
import { canonicalJson, validateCheckoutPaymentRequest } from './checkout-request.js';
import { detectCryptoBackend } from '../crypto.js';
import { toHttpFailure, type HttpFailure } from './errors-to-http.js';
import { CheckoutHttpError, errorBody, jsonAnswer, textJsonAnswer } from './http.js';
import { runIdempotently, type IdempotencyTimings, type IdempotentWork } from './idempotency.js';
import { createMemoryIdempotencyStore, type StoredResponse } from './idempotency-store.js';
import { MAX_PAYLOAD_DEPTH, nestsDeeperThan } from './json-depth.js';
import { createLazyCore, type CheckoutHandlerOptionsFactory } from './lazy-setup.js';
import { createMemoryInstrumentStore } from './instrument-store.js';
import { createRedactor, describeThrown } from './log.js';
import { assertValidOptions, type CheckoutHandler, type CheckoutHandlerOptions, type ResolvedPayment } from './options.js';
import { orderStatusToPaymentStatus } from './order-status.js';
import { isSameOrigin, normaliseOrigin } from './origin.js';
import { createOrderTokenSigner } from './order-token.js';
import { CheckoutRejection } from './rejection.js';
import { ROUTE_METHODS, createRouteMatcher, type CheckoutRoute } from './routes.js';
import { createWalletInstruments, type WalletInstrument } from './wallet-instruments.js';

export type { CheckoutHandler, CheckoutHandlerOptions, PaymentCreated, ResolvedPayment } from './options.js';
export type { CheckoutHandlerOptionsFactory } from './lazy-setup.js';

/** What one create request brings to the steps after Clink's answer. */
interface CreateContext {
  input: CreateCheckoutPaymentRequest;
  exchange: CheckoutExchange;
  binding: string;
}

const CORS_ALLOW_HEADERS = ['Content-Type', IDEMPOTENCY_KEY_HEADER, ORDER_TOKEN_HEADER].join(', ');
/** No extra headers: shared by every answer that adds none, never written to. */
const NO_HEADERS: Readonly<Record<string, string>> = Object.freeze({});
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;
const IDEMPOTENCY_KEY_LOWER = IDEMPOTENCY_KEY_HEADER.toLowerCase();
const ORDER_TOKEN_LOWER = ORDER_TOKEN_HEADER.toLowerCase();

/** For the merchant's log: why a CARD payment without an instrument cannot be made. */
const CARD_NEEDS_INSTRUMENT =
  "is required for CARD: Clink's API cannot create card instruments. Return from resolvePayment the id of a card " +
  "this customer saved through Clink's hosted pages, or offer CARD only to customers who have one";

/** Clink refused the instrument itself (deleted, another customer's), and so certainly created no order. */
function refusedInstrument(error: unknown): boolean {
  return error instanceof ClinkApiError && error.field === 'paymentInstrumentId' && !outcomeUnknown(error);
}

/** The `POST /payment` body: the browser's choices, overridden by whatever `resolvePayment` decided. */
function paramsFrom(input: CreateCheckoutPaymentRequest, resolved: ResolvedPayment): CreatePaymentParams {
  const params: Record<string, unknown> = { paymentMethodType: input.paymentMethodType };
  if (input.platformType !== undefined) params.platformType = input.platformType;
  if (input.deviceType !== undefined) params.deviceType = input.deviceType;
  for (const key of Object.keys(resolved)) {
    const value = (resolved as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) params[key] = value;
  }
  return params as unknown as CreatePaymentParams;
}

/** Until Clink is asked to create the payment, a failure releases the key: the customer can retry with it. */
function releasing(response: StoredResponse): IdempotentWork {
  return { response, remember: false };
}

/**
 * Creates the checkout endpoint the browser (`@clink-checkout/react`) talks to, as a
 * `(request: Request) => Promise<Response>` function that runs on Node, edge runtimes and in the
 * browser. Routes, relative to where it is mounted:
 *
 * - `POST /payments` — create a payment (`Idempotency-Key` supported) -> 201 `CheckoutPaymentResponse`
 * - `GET /payments/{orderId}` — status, needs `X-Order-Token` -> `CheckoutStatusResponse`
 * - `POST /payments/{orderId}/refresh` — fresh CASHAPP QR code, needs `X-Order-Token`
 * - `POST /webhooks` — Clink's signed webhooks, when `onWebhook` is set
 *
 * Every failure is a JSON `CheckoutErrorBody`.
 *
 * Pass the options themselves to check them now (a misconfigured server fails at boot), or a function
 * that returns them to make them at the first request (an app build then needs no secrets; a missing
 * one answers 500 and is logged).
 */
export function createCheckoutHandler(setup: CheckoutHandlerOptions | CheckoutHandlerOptionsFactory): CheckoutHandler {
  return checkoutHandlerFrom(typeof setup === 'function' ? createLazyCore(setup, createCheckoutCore) : createCheckoutCore(setup));
}

/** The handler's routes on the runtime-neutral exchange; see `createCheckoutHandler`. */
function createCheckoutCore(options: CheckoutHandlerOptions): CheckoutCore {
  assertValidOptions(options);
  const now = options.now ?? Date.now;
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const matchRoute = createRouteMatcher(options.basePath);
  const redact = createRedactor([options.tokenSecret, options.webhookSecret]);
  const writeLog = options.logger ?? ((line: string) => console.error(line));
  const log = (line: string) => writeLog(redact(`[clink-checkout] ${line}`));
  const allowedOrigins =
    options.allowedOrigins === undefined ? undefined : new Set(options.allowedOrigins.map(normaliseOrigin));
  const signer = createOrderTokenSigner({
    secret: options.tokenSecret,
    ttlSeconds: options.orderTokenTtlSeconds ?? 86_400,
    now,
  });
  const idempotencyStore = options.idempotencyStore ?? createMemoryIdempotencyStore({ now });
  const cryptoBackend = detectCryptoBackend();
  const walletInstruments = createWalletInstruments({
    client: options.client,
    store: options.instrumentStore ?? createMemoryInstrumentStore(),
    claims: idempotencyStore,
    crypto: cryptoBackend,
    now,
  });
  const webhookEventStore = options.webhookEventStore ?? createMemoryIdempotencyStore({ now });
  const createTimings: IdempotencyTimings = {
    ttlMs: (options.idempotencyTtlSeconds ?? 86_400) * 1000,
    inFlightTtlMs: 120_000,
    waitTimeoutMs: 30_000,
    now,
  };
  const webhookTimings: IdempotencyTimings = {
    ttlMs: (options.webhookDedupTtlSeconds ?? 259_200) * 1000,
    inFlightTtlMs: 120_000,
    waitTimeoutMs: 30_000,
    now,
  };

  function failureAnswer(failure: HttpFailure, headers: Record<string, string>): CheckoutAnswer {
    return jsonAnswer(failure.status, errorBody(failure.type, failure.message, failure.fields), {
      ...headers,
      ...failure.headers,
    });
  }

  function storedFailure(error: unknown, where: string): StoredResponse {
    const failure = toHttpFailure(error, { lookup: false });
    if (failure.log) log(`${where} failed (${failure.status}): ${describeThrown(error)}`);
    return { status: failure.status, body: JSON.stringify(errorBody(failure.type, failure.message, failure.fields)) };
  }

  async function bindingOf(exchange: CheckoutExchange): Promise<string> {
    if (options.bindOrderToken === undefined) return '';
    const binding = await options.bindOrderToken(exchange.request());
    if (typeof binding !== 'string') {
      throw new ClinkConfigurationError('createCheckoutHandler: bindOrderToken must return a string.');
    }
    return binding;
  }

  /** Runs one create; reports whether its answer must be remembered for the idempotency key. */
  async function attemptCreate(created: CreateContext): Promise<IdempotentWork> {
    const { input, exchange } = created;
    let params: CreatePaymentParams;
    try {
      params = paramsFrom(input, await options.resolvePayment(input, exchange.request()));
    } catch (error) {
      return releasing(storedFailure(error, 'resolvePayment'));
    }

    let instrument: WalletInstrument | undefined;
    const method = params.paymentMethodType;
    // An unknown method (overridden by resolvePayment) is left to createPayment's validation to report.
    if (params.paymentInstrumentId === undefined && isPaymentMethodType(method)) {
      if (!isWalletMethod(method)) {
        log(`refused a CARD payment: paymentInstrumentId ${CARD_NEEDS_INSTRUMENT}`);
        const rejection = new CheckoutRejection('Card payment is not available for this purchase. Please choose another payment method.', {
          status: 422,
          fields: { paymentInstrumentId: CARD_NEEDS_INSTRUMENT },
        });
        return releasing(storedFailure(rejection, 'CARD payment'));
      }
      try {
        instrument = walletInstruments.recent(params, method) ?? (await walletInstruments.find(params, method));
      } catch (error) {
        return releasing(storedFailure(error, `creating the customer's ${method} instrument`));
      }
      params = { ...params, paymentInstrumentId: instrument.instrumentId };
    }

    try {
      return await answerCreated(created, params, await options.client.createPayment(params));
    } catch (error) {
      if (instrument?.remembered === true && refusedInstrument(error)) {
        // Deleted at Clink since we stored it: forget it and pay once more with a new one.
        log(`Clink refused the remembered ${params.paymentMethodType} instrument (${describeThrown(error)}); creating a new one`);
        return retryWithNewInstrument(created, params, instrument);
      }
      return createFailed(error);
    }
  }

  async function retryWithNewInstrument(created: CreateContext, params: CreatePaymentParams, stale: WalletInstrument): Promise<IdempotentWork> {
    let fresh: WalletInstrument;
    try {
      await walletInstruments.forget(stale);
      fresh = await walletInstruments.find(params, stale.method);
    } catch (error) {
      // Clink refused the first attempt outright, so no order exists: the key can be used again.
      return { response: storedFailure(error, `creating the customer's ${stale.method} instrument`), remember: false };
    }
    const retried = { ...params, paymentInstrumentId: fresh.instrumentId };
    try {
      return await answerCreated(created, retried, await options.client.createPayment(retried));
    } catch (error) {
      return createFailed(error);
    }
  }

  /** A failed `createPayment`: remembered for the key unless it certainly never reached Clink. */
  function createFailed(error: unknown): IdempotentWork {
    // A local validation failure never left this process; anything else may have created an order
    // at Clink, so the key keeps answering with this error instead of trying a second create.
    const nothingSent = error instanceof ClinkValidationError || error instanceof ClinkConfigurationError;
    if (nothingSent) log(`createPayment refused the parameters from resolvePayment: ${describeThrown(error)}`);
    return { response: storedFailure(error, 'createPayment'), remember: !nothingSent };
  }

  /** Signs the order token, lets the merchant save the order, then answers the browser. */
  async function answerCreated({ input, exchange, binding }: CreateContext, params: CreatePaymentParams, payment: Payment): Promise<IdempotentWork> {
    const orderToken = await signer.issue({ orderId: payment.orderId, paymentMethodType: params.paymentMethodType, binding });
    if (options.onPaymentCreated !== undefined) {
      try {
        await options.onPaymentCreated({ input, params, payment, orderToken }, exchange.request());
      } catch (error) {
        // The order exists at Clink but the merchant could not save it: the browser does not get it to
        // pay, and the key keeps this answer so a retry cannot create a second order.
        return { response: storedFailure(error, `onPaymentCreated(${payment.orderId})`), remember: true };
      }
    }
    // Fields left undefined are left out by JSON.stringify, as absent ones.
    const body: CheckoutPaymentResponse = {
      orderId: payment.orderId,
      orderToken,
      status: payment.status,
      paymentMethodType: params.paymentMethodType,
      action: payment.action,
      amount: payment.amount,
      currency: payment.currency,
      serverTime: now(),
    };
    return { response: { status: 201, body: JSON.stringify(body) }, remember: true };
  }

  /**
   * The hash of the request's canonical JSON, at once on Node. Its own function, so the canonical text
   * is not held by `createPayment` while the create waits for Clink.
   */
  function fingerprintOf(input: CreateCheckoutPaymentRequest): string | Promise<string> {
    const canonical = canonicalJson(input);
    return cryptoBackend.sha256HexSync?.(canonical) ?? cryptoBackend.sha256Hex(canonical);
  }

  async function createPayment(exchange: CheckoutExchange, headers: Record<string, string>): Promise<CheckoutAnswer> {
    const input = validateCheckoutPaymentRequest(await readJsonBody(exchange, maxBodyBytes));
    // Fingerprinting and the merchant's resolvePayment walk the payload; a hostile depth must stop here.
    if (nestsDeeperThan(input.payload, MAX_PAYLOAD_DEPTH)) {
      throw new ClinkValidationError([{ path: 'payload', message: `must not nest more than ${MAX_PAYLOAD_DEPTH} levels deep` }]);
    }
    const binding = options.bindOrderToken === undefined ? '' : await bindingOf(exchange);
    const idempotencyKey = exchange.header(IDEMPOTENCY_KEY_LOWER);
    const created: CreateContext = { input, exchange, binding };

    if (idempotencyKey === null) {
      const { response } = await attemptCreate(created);
      return textJsonAnswer(response.status, response.body, headers);
    }
    if (!IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)) {
      throw new CheckoutHttpError(400, 'validation_error', 'The Idempotency-Key header is invalid.', {
        [IDEMPOTENCY_KEY_HEADER]: 'must be 1-255 visible ASCII characters, e.g. a UUID',
      });
    }

    const scope = binding === '' ? '' : `${await cryptoBackend.sha256Hex(binding)}:`;
    const hashed = fingerprintOf(input);
    const fingerprint = typeof hashed === 'string' ? hashed : await hashed;
    const outcome = await runIdempotently(
      idempotencyStore,
      `create:${scope}${idempotencyKey}`,
      fingerprint,
      createTimings,
      () => attemptCreate(created),
    );
    switch (outcome.kind) {
      case 'fresh':
        return textJsonAnswer(outcome.response.status, outcome.response.body, headers);
      case 'replayed':
        return textJsonAnswer(outcome.response.status, outcome.response.body, {
          ...headers,
          'Idempotent-Replayed': 'true',
        });
      case 'fingerprint_mismatch':
        throw new CheckoutHttpError(
          409,
          'conflict',
          'This Idempotency-Key was already used with a different request. Use a new key for a new payment.',
        );
      case 'still_in_flight':
        throw new CheckoutHttpError(
          409,
          'conflict',
          'A request with this Idempotency-Key is still being processed. Retry in a moment.',
        );
      default:
        return outcome satisfies never;
    }
  }

  /** Checks the order id and the `X-Order-Token`; resolves the payment method the token was issued for. */
  async function authoriseOrder(exchange: CheckoutExchange, rawOrderId: string) {
    let orderId: string;
    try {
      orderId = validateOrderId(rawOrderId);
    } catch {
      throw new CheckoutHttpError(404, 'not_found', 'No such payment.');
    }
    const token = exchange.header(ORDER_TOKEN_LOWER);
    if (token === null || token === '') {
      throw new CheckoutHttpError(401, 'authentication_error', `The ${ORDER_TOKEN_HEADER} header is missing.`);
    }
    const binding = options.bindOrderToken === undefined ? '' : await bindingOf(exchange);
    const check = await signer.verify({ orderId, token, binding });
    if (!check.valid) {
      const message =
        check.reason === 'expired'
          ? 'The order token has expired. Start a new payment.'
          : 'The order token does not match this payment.';
      throw new CheckoutHttpError(403, 'forbidden', message);
    }
    return { orderId, paymentMethodType: check.paymentMethodType };
  }

  async function paymentStatus(exchange: CheckoutExchange, rawOrderId: string, headers: Record<string, string>) {
    const { orderId } = await authoriseOrder(exchange, rawOrderId);
    const order = await options.client.getOrder(orderId);
    const body: CheckoutStatusResponse = {
      orderId,
      // A status Clink added after this package (or none) is "not final": the browser keeps following.
      status: orderStatusToPaymentStatus(order.status),
      orderStatus: typeof order.status === 'string' ? order.status : '',
      ...(order.amountTotal === undefined ? {} : { amount: order.amountTotal }),
      ...(order.paymentCurrency === undefined ? {} : { currency: order.paymentCurrency }),
      serverTime: now(),
    };
    return jsonAnswer(200, body, headers);
  }

  async function refreshPayment(exchange: CheckoutExchange, rawOrderId: string, headers: Record<string, string>) {
    const { orderId, paymentMethodType } = await authoriseOrder(exchange, rawOrderId);
    if (paymentMethodType !== 'CASHAPP') {
      throw new CheckoutHttpError(
        409,
        'conflict',
        `QR codes can only be refreshed for CASHAPP payments; this one is ${paymentMethodType}. Start a new payment instead.`,
      );
    }
    const refreshed = await options.client.refreshQrCode(orderId);
    const body: CheckoutRefreshResponse = {
      orderId,
      status: 'requires_action',
      action: refreshed.action,
      serverTime: now(),
    };
    return jsonAnswer(200, body, headers);
  }

  async function webhook(exchange: CheckoutExchange, onWebhook: NonNullable<CheckoutHandlerOptions['onWebhook']>) {
    const rawBody = await readBodyText(exchange, maxBodyBytes);
    let event: VerifiedClinkWebhook;
    try {
      event = await verifyClinkWebhook({
        rawBody,
        headers: exchange.headers,
        secret: options.webhookSecret!,
        ...(options.webhookToleranceSeconds === undefined ? {} : { toleranceSeconds: options.webhookToleranceSeconds }),
        now,
      });
    } catch (error) {
      log(`webhook refused: ${describeThrown(error)}`);
      throw error;
    }
    if (event.category === 'unusable') {
      // Correctly signed, so from Clink: refusing it would only make Clink deliver it again and again.
      log(`webhook ${event.type ?? ''} ${event.id ?? ''} acknowledged but not handled: ${event.problem}`.replace(/ +/g, ' '));
      return jsonAnswer(200, { received: true, ignored: true });
    }
    const usable = event;

    const outcome = await runIdempotently(webhookEventStore, `event:${event.id}`, '', webhookTimings, async () => {
      try {
        await onWebhook(usable, exchange.request());
        return { response: { status: 200, body: JSON.stringify({ received: true }) }, remember: true };
      } catch (error) {
        // Not remembered: Clink's next delivery of this event runs onWebhook again.
        return { response: storedFailure(error, `onWebhook(${usable.type} ${usable.id})`), remember: false };
      }
    });
    switch (outcome.kind) {
      case 'fresh':
        return textJsonAnswer(outcome.response.status, outcome.response.body);
      case 'replayed':
        return jsonAnswer(200, { received: true, duplicate: true });
      case 'still_in_flight':
      case 'fingerprint_mismatch':
        throw new CheckoutHttpError(409, 'conflict', 'This event is still being handled. Deliver it again later.');
      default:
        return outcome satisfies never;
    }
  }

  /** CORS headers for a listed origin; 403 for any other foreign one. The site's own origin always passes. */
  function checkOrigin(exchange: CheckoutExchange): Record<string, string> {
    const origin = exchange.header('origin');
    if (allowedOrigins === undefined || origin === null || isSameOrigin(exchange, origin)) return NO_HEADERS;
    if (!allowedOrigins.has(normaliseOrigin(origin))) {
      throw new CheckoutHttpError(403, 'forbidden', 'This origin may not use the checkout endpoint.');
    }
    return { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' };
  }

  // Not async: it hands on its route's promise instead of wrapping it in one more (its throws reach the
  // caller's try all the same).
  function route(exchange: CheckoutExchange, route: CheckoutRoute, headers: Record<string, string>): CheckoutAnswer | Promise<CheckoutAnswer> {
    const allow = ROUTE_METHODS[route.kind];
    if (exchange.method === 'OPTIONS') {
      return {
        status: 204,
        body: null,
        headers: {
          ...headers,
          'Cache-Control': 'no-store',
          Allow: `${allow}, OPTIONS`,
          ...(headers['Access-Control-Allow-Origin'] === undefined
            ? {}
            : {
                'Access-Control-Allow-Methods': `${allow}, OPTIONS`,
                'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS,
                'Access-Control-Max-Age': '600',
              }),
        },
      };
    }
    if (exchange.method !== allow) {
      throw new CheckoutHttpError(405, 'method_not_allowed', `Use ${allow} for this route.`, undefined, {
        Allow: `${allow}, OPTIONS`,
      });
    }
    switch (route.kind) {
      case 'create_payment':
        return createPayment(exchange, headers);
      case 'payment_status':
        return paymentStatus(exchange, route.orderId, headers);
      case 'refresh_payment':
        return refreshPayment(exchange, route.orderId, headers);
      case 'webhook':
        if (options.onWebhook === undefined) {
          throw new CheckoutHttpError(404, 'not_found', 'Webhooks are not enabled on this endpoint.');
        }
        return webhook(exchange, options.onWebhook);
      default:
        return route satisfies never;
    }
  }

  function failed(exchange: CheckoutExchange, error: unknown, lookup: boolean, headers: Record<string, string>): CheckoutAnswer {
    const failure = toHttpFailure(error, { lookup });
    if (failure.log) log(`${exchange.method} ${exchange.pathname} failed (${failure.status}): ${describeThrown(error)}`);
    return failureAnswer(failure, headers);
  }

  // Not async: a create waits for Clink inside it, and a suspended async function per request waiting
  // is memory a busy server carries through every garbage collection.
  return function serveCheckoutExchange(exchange) {
    let headers: Record<string, string> = NO_HEADERS;
    let lookup = false;
    try {
      const matched = matchRoute(exchange.pathname);
      if (matched === undefined) throw new CheckoutHttpError(404, 'not_found', 'No such checkout route.');
      lookup = matched.kind === 'payment_status' || matched.kind === 'refresh_payment';
      // Clink's webhook deliveries come from a server and carry no Origin worth checking.
      if (matched.kind !== 'webhook') headers = checkOrigin(exchange);
      const routeHeaders = headers;
      return Promise.resolve(route(exchange, matched, headers)).catch((error: unknown) => failed(exchange, error, lookup, routeHeaders));
    } catch (error) {
      return Promise.resolve(failed(exchange, error, lookup, headers));
    }
  };
}
