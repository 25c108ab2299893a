/**
 * The shop's HTTP routes, on Hono:
 *
 *   /api/checkout/*        the checkout handler (create, status, QR refresh, Clink's webhooks)
 *   GET /api/orders/{id}   the verified outcome of an order, for the browser that created it
 *   GET /api/config        which Clink the shop talks to (shown on the page)
 *   GET /, /return         the page (dist/client/index.html); /assets/* its scripts and styles
 */
import {
  ORDER_TOKEN_HEADER,
  type CheckoutErrorBody,
  type CheckoutErrorType,
  type CheckoutHandler,
  type ClinkClient,
  type PaymentMethodType,
} from '@clink-checkout/server';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { CHECKOUT_PATH } from './checkout.js';
import type { OrderStore, StoredOrder } from './orders.js';
import { customerSession, sessionIdOf } from './session.js';
import { clientRoutes } from './static.js';

/**
 * Cash App QR codes can be refreshed (Clink allows it for CASHAPP only). Each refresh is a call to
 * Clink and a webhook back, so one order gets a few, then the customer starts a new payment.
 */
export const MAX_QR_REFRESHES_PER_ORDER = 5;

/** `GET /api/config`: what the page needs to know about the backend. */
export interface StoreConfig {
  backend: 'local-sandbox' | 'clink';
  environment: 'sandbox' | 'production';
  /** The local sandbox lets the shop choose how a card payment continues. */
  cardFlows: boolean;
  /** Methods the shop cannot take right now, with the reason shown next to them. */
  unavailableMethods: Partial<Record<PaymentMethodType, string>>;
}

export interface StoreAppOptions {
  checkout: CheckoutHandler;
  orders: OrderStore;
  /** For `GET /order` while an order's outcome is open. */
  client: ClinkClient;
  config: StoreConfig;
  /** The built front end. */
  clientDir: string;
  /** Content-Security-Policy and friends, for the HTML pages. */
  pageHeaders: Record<string, string>;
  /** Session cookie with `Secure` (the shop is served over https). */
  secureCookies: boolean;
  log: (line: string) => void;
}

export function createStoreApp(options: StoreAppOptions): Hono {
  const { orders, log } = options;
  // Not strict: `/refresh/` is the same route as `/refresh` for the checkout handler, so it must be here too.
  const app = new Hono({ strict: false });
  const session = customerSession({ secure: options.secureCookies });

  // Everything the customer's browser calls gets a session; Clink's webhooks do not need one.
  app.use(`${CHECKOUT_PATH}/payments/*`, session); // also matches /payments itself
  app.use('/api/orders/*', session);
  app.post(`${CHECKOUT_PATH}/payments/:orderId/refresh`, limitQrRefreshes(orders, MAX_QR_REFRESHES_PER_ORDER));
  app.all(`${CHECKOUT_PATH}/*`, (c) => options.checkout(c.req.raw));

  app.get('/api/orders/:orderId', (c) => orderOutcome(c, options));
  app.get('/api/config', (c) => json(c, 200, options.config));
  app.all('/api/*', (c) => json(c, 404, errorBody('not_found', 'No such API route.')));

  app.route('/', clientRoutes({ clientDir: options.clientDir, pageHeaders: options.pageHeaders, beforePage: session }));

  app.notFound((c) => c.text('Not found', 404));
  app.onError((error, c) => {
    log(`[demo-store] ${c.req.method} ${c.req.path} failed: ${error instanceof Error ? error.message : error}`);
    return json(c, 500, errorBody('internal_error', 'Something went wrong.'));
  });
  return app;
}

/**
 * Counts refreshes per order before the checkout handler refreshes; a refresh the handler refuses
 * (wrong token, not CASHAPP) or that fails at Clink is given back.
 */
function limitQrRefreshes(orders: OrderStore, limit: number): MiddlewareHandler {
  return async (c, next) => {
    const orderId = c.req.param('orderId') ?? '';
    const reservation = orders.reserveQrRefresh(orderId, limit);
    switch (reservation) {
      case 'limit_reached':
        return json(
          c,
          409,
          errorBody('conflict', `This QR code has been refreshed ${limit} times, the most one payment allows. Start a new payment.`),
        );
      case 'unknown_order':
        // Not saved here, so not created by this checkout: the handler refuses its token.
        await next();
        return;
      case 'reserved':
        await next();
        if (c.res.status !== 200) orders.releaseQrRefresh(orderId);
        return;
      default:
        return reservation satisfies never;
    }
  };
}

/**
 * `GET /api/orders/{orderId}`: only for the holder of the order token (`X-Order-Token`) or the
 * session that created the order; anyone else gets the 404 of an unknown order. While the outcome
 * is open, Clink is asked again: a customer arriving at the return URL proves nothing by itself.
 */
async function orderOutcome(c: Context, { orders, client, log }: StoreAppOptions): Promise<Response> {
  const orderId = c.req.param('orderId') ?? '';
  let order = orders.findForCustomer(orderId, {
    orderToken: c.req.header(ORDER_TOKEN_HEADER),
    sessionId: sessionIdOf(c.req.raw),
  });
  if (order === undefined) return json(c, 404, errorBody('not_found', 'No such order in this shop.'));
  if (order.outcome === 'pending') {
    try {
      const atClink = await client.getOrder(orderId);
      // Clink's order fields are all optional: an order without a status tells us nothing new.
      if (atClink.status !== undefined) order = orders.applyOrderLookup(orderId, atClink.status) ?? order;
    } catch (error) {
      // Answer with what is known (still pending); the page asks again shortly.
      log(`[demo-store] looking up order ${orderId} at Clink failed: ${error instanceof Error ? error.message : error}`);
    }
  }
  return json(c, 200, outcomeBody(order));
}

/** What the return page shows (src/api.ts `OrderOutcomeResponse`). */
function outcomeBody(order: StoredOrder) {
  return {
    orderId: order.orderId,
    outcome: order.outcome,
    productName: order.productName,
    quantity: order.quantity,
    amount: order.amount,
    currency: order.currency,
    paymentMethodType: order.paymentMethodType,
  };
}

function errorBody(type: CheckoutErrorType, message: string): CheckoutErrorBody {
  return { error: { type, message } };
}

/** JSON the way the checkout handler answers: never cached, never sniffed. */
function json(c: Context, status: 200 | 404 | 409 | 500, body: unknown): Response {
  return c.json(body, status, { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
}
