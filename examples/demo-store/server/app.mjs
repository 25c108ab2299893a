// @ts-check
/**
 * The demo store's server: one port for the built front end and the API.
 *
 *   /api/checkout/*        createCheckoutHandler (create, status, QR refresh, Clink's webhooks)
 *   GET /api/orders/{id}   the verified outcome of one of the store's orders, for the return page
 *   GET /api/config        which Clink the store talks to (shown on the page)
 *   everything else        the built front end (dist/client)
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckoutRejection, createCheckoutHandler } from '@clink-checkout/server';
import { toNodeHandler } from '@clink-checkout/server/node';
import { startClinkBackend } from './backend.mjs';
import { parsePort, reachableHost } from './net.mjs';
import { JsonOrderStore } from './orderStore.mjs';
import { priceCart } from './pricing.mjs';
import { createStaticHandler } from './static.mjs';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHECKOUT_PATH = '/api/checkout';
const ORDER_PATH = /^\/api\/orders\/([^/]+)$/;
/** Prefix of our `merchantReferenceId`s; tells the store's orders apart from others on the account. */
const REFERENCE_PREFIX = 'demo_';
/** Metadata key the local sandbox reads to choose how a card payment continues. */
const SANDBOX_CARD_FLOW_KEY = 'sandboxCardFlow';
const CARD_FLOWS = new Set(['redirect', 'post_form']);

/**
 * @typedef {object} DemoStoreOptions
 * @property {number} [port] Default: env.PORT, else 5173 (0 = any free port).
 * @property {string} [host] Default: '127.0.0.1'.
 * @property {number} [sandboxPort] Default: env.SANDBOX_PORT, else 4010.
 * @property {string} [dataDir] Where `orders.json` lives. Default: examples/demo-store/data.
 * @property {string} [clientDir] The built front end. Default: examples/demo-store/dist/client.
 * @property {Record<string, string | undefined>} [env] Default: process.env.
 * @property {number} [qrExpiresInSeconds] Local sandbox only (tests use a few seconds).
 * @property {(line: string) => void} [log] Default: console.error.
 */

/**
 * @typedef {object} DemoStore
 * @property {string} url e.g. `http://127.0.0.1:5173`
 * @property {JsonOrderStore} orders
 * @property {import('./backend.mjs').ClinkBackend} backend
 * @property {() => Promise<void>} close Stops the server and the local sandbox.
 */

/**
 * Starts the store (and, without `CLINK_API_KEY`, the local sandbox).
 * @param {DemoStoreOptions} [options]
 * @returns {Promise<DemoStore>}
 */
export async function startDemoStore(options = {}) {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line) => console.error(line));
  const port = options.port ?? parsePort(env.PORT, 'PORT') ?? 5173;

  /** @type {import('node:http').RequestListener} */
  let listener = (_req, res) => {
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8', 'Retry-After': '1' }).end('Starting');
  };
  const server = createServer((req, res) => listener(req, res));
  // The sandbox needs the store's URL for webhooks, so the store's port is opened first.
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const url = `http://${reachableHost(host)}:${address.port}`;

  /** @type {import('./backend.mjs').ClinkBackend | undefined} */
  let backend;
  try {
    backend = await startClinkBackend({
      env,
      host,
      webhookUrl: `${url}${CHECKOUT_PATH}/webhooks`,
      ...(options.sandboxPort === undefined ? {} : { sandboxPort: options.sandboxPort }),
      ...(options.qrExpiresInSeconds === undefined ? {} : { qrExpiresInSeconds: options.qrExpiresInSeconds }),
    });
    const orders = await JsonOrderStore.open(path.join(options.dataDir ?? path.join(PACKAGE_DIR, 'data'), 'orders.json'));
    // Where Clink sends the customer back; behind a proxy, PUBLIC_URL is the address customers use.
    const returnUrl = new URL('/return', env.PUBLIC_URL || url).toString();
    const checkout = toNodeHandler(createStoreCheckoutHandler({ backend, orders, log, env, returnUrl }));
    const serveStatic = createStaticHandler(options.clientDir ?? path.join(PACKAGE_DIR, 'dist', 'client'), {
      pageHeaders: pageSecurityHeaders(backend.sandboxUrl),
    });
    const config = { backend: backend.kind, environment: backend.environment, cardFlows: backend.kind === 'local-sandbox' };
    const activeBackend = backend;

    listener = (req, res) => {
      let pathname;
      try {
        pathname = new URL(req.url ?? '/', url).pathname;
      } catch {
        sendJson(res, 400, { error: { type: 'validation_error', message: 'Malformed request URL.' } });
        return;
      }
      /** @type {Promise<void> | void} */
      let handled;
      if (pathname === CHECKOUT_PATH || pathname.startsWith(`${CHECKOUT_PATH}/`)) {
        handled = checkout(req, res);
      } else if (pathname === '/api/config') {
        handled = sendJson(res, 200, config);
      } else if (ORDER_PATH.test(pathname)) {
        const rawId = /** @type {RegExpExecArray} */ (ORDER_PATH.exec(pathname))[1] ?? '';
        handled = orderOutcome(req, res, safeDecode(rawId), { orders, client: activeBackend.client, log });
      } else if (pathname.startsWith('/api/')) {
        handled = sendJson(res, 404, { error: { type: 'not_found', message: 'No such API route.' } });
      } else {
        handled = serveStatic(req, res, pathname);
      }
      Promise.resolve(handled).catch((error) => {
        log(`[demo-store] ${req.method} ${pathname} failed: ${error instanceof Error ? error.message : error}`);
        if (!res.headersSent) sendJson(res, 500, { error: { type: 'internal_error', message: 'Something went wrong.' } });
        else res.destroy();
      });
    };

    return {
      url,
      orders,
      backend,
      close: async () => {
        await closeServer(server);
        await activeBackend.close();
        await orders.flush();
      },
    };
  } catch (error) {
    await closeServer(server);
    await backend?.close();
    throw error;
  }
}

/**
 * The checkout endpoint: prices the cart on the server, records every created order, and keeps
 * the records up to date from Clink's webhooks.
 * @param {{ backend: import('./backend.mjs').ClinkBackend, orders: JsonOrderStore, log: (line: string) => void, env: Record<string, string | undefined>, returnUrl: string }} deps
 */
function createStoreCheckoutHandler({ backend, orders, log, env, returnUrl }) {
  const { client } = backend;
  /** @type {import('@clink-checkout/server').ClinkClient} */
  const recordingClient = {
    environment: client.environment,
    refreshQrCode: (orderId, requestOptions) => client.refreshQrCode(orderId, requestOptions),
    getOrder: (orderId, requestOptions) => client.getOrder(orderId, requestOptions),
    // Record the order the moment Clink has created it, before the browser hears of it.
    async createPayment(params, requestOptions) {
      const payment = await client.createPayment(params, requestOptions);
      await orders.record(
        {
          orderId: payment.orderId,
          reference: params.merchantReferenceId ?? '',
          productId: params.metadata?.productId ?? '',
          productName: params.priceDataList?.[0]?.name ?? '',
          quantity: Number(params.metadata?.quantity ?? 0),
          amount: payment.amount,
          currency: payment.currency,
          paymentMethodType: params.paymentMethodType,
        },
        { clinkStatus: payment.status, updatedBy: 'create' },
      );
      return payment;
    },
  };

  return createCheckoutHandler({
    client: recordingClient,
    basePath: CHECKOUT_PATH,
    tokenSecret: env.CHECKOUT_TOKEN_SECRET || randomBytes(32).toString('hex'),
    logger: log,
    resolvePayment(input) {
      const priced = priceCart(input.payload);
      if (!priced.ok) throw new CheckoutRejection(priced.message, { status: 422, fields: priced.fields });
      const { product, quantity, amount, currency } = priced.cart;
      const cardFlow = /** @type {{ cardFlow?: unknown }} */ (input.payload).cardFlow;
      const useCardFlow =
        backend.kind === 'local-sandbox' && input.paymentMethodType === 'CARD' && typeof cardFlow === 'string' && CARD_FLOWS.has(cardFlow);
      return {
        paymentInstrumentId: backend.paymentInstrumentId,
        customerEmail: backend.customerEmail,
        amount,
        currency,
        priceDataList: [{ name: product.name, unitAmount: product.unitAmount, quantity, currency }],
        returnUrl,
        merchantReferenceId: `${REFERENCE_PREFIX}${randomBytes(8).toString('hex')}`,
        metadata: {
          productId: product.id,
          quantity: String(quantity),
          ...(useCardFlow ? { [SANDBOX_CARD_FLOW_KEY]: /** @type {string} */ (cardFlow) } : {}),
        },
      };
    },
    ...(backend.webhookSecret === undefined
      ? {}
      : {
          webhookSecret: backend.webhookSecret,
          /** @param {import('@clink-checkout/server').ClinkWebhookEvent} event */
          async onWebhook(event) {
            const details = detailsFromClinkOrder(event.data);
            // Orders of other shops on the same Clink account are none of our business.
            if (details === undefined) return;
            await orders.record(details, { clinkStatus: event.data.status, updatedBy: 'webhook', eventId: event.id });
          },
        }),
  });
}

/**
 * Headers of the shop's HTML pages. The page runs only its own script and talks only to its own
 * server; images (QR codes) and form posts (3-D Secure) may go to Clink's hosts, or to the local
 * sandbox, which is plain http on another port.
 * @param {string | undefined} sandboxUrl
 * @returns {Record<string, string>}
 */
function pageSecurityHeaders(sandboxUrl) {
  const sandbox = sandboxUrl === undefined ? '' : ` ${new URL(sandboxUrl).origin}`;
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob: https:${sandbox}`,
      "connect-src 'self'",
      `form-action 'self' https:${sandbox}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; '),
    'X-Frame-Options': 'DENY',
  };
}

/**
 * Rebuilds our record from Clink's order (for a webhook that arrives before the create answered).
 * @param {import('@clink-checkout/server').ClinkOrder} order
 * @returns {import('./orderStore.mjs').OrderDetails | undefined}
 */
function detailsFromClinkOrder(order) {
  if (!order.merchantReferenceId?.startsWith(REFERENCE_PREFIX)) return undefined;
  return {
    orderId: order.orderId,
    reference: order.merchantReferenceId,
    productId: order.metadata?.productId ?? '',
    productName: order.priceDataList?.[0]?.name ?? '',
    quantity: Number(order.metadata?.quantity ?? 0),
    amount: order.amountTotal,
    currency: order.paymentCurrency,
    paymentMethodType: order.paymentMethod?.paymentMethodType ?? '',
  };
}

/**
 * `GET /api/orders/{orderId}`: only the store's own orders; while the outcome is open, Clink is
 * asked again (a customer arriving at the return URL proves nothing by itself).
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} orderId
 * @param {{ orders: JsonOrderStore, client: import('@clink-checkout/server').ClinkClient, log: (line: string) => void }} deps
 */
async function orderOutcome(req, res, orderId, { orders, client, log }) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.setHeader('Allow', 'GET, HEAD');
    sendJson(res, 405, { error: { type: 'method_not_allowed', message: 'Use GET.' } });
    return;
  }
  let order = orders.get(orderId);
  if (order === undefined) {
    sendJson(res, 404, { error: { type: 'not_found', message: 'No such order in this shop.' } });
    return;
  }
  if (order.outcome === 'pending') {
    try {
      const clinkOrder = await client.getOrder(orderId);
      order = (await orders.applyStatus(orderId, { clinkStatus: clinkOrder.status, updatedBy: 'order_lookup' })) ?? order;
    } catch (error) {
      // Answer with what is known (still pending); the page asks again shortly.
      log(`[demo-store] looking up order ${orderId} at Clink failed: ${error instanceof Error ? error.message : error}`);
    }
  }
  sendJson(res, 200, {
    orderId: order.orderId,
    outcome: order.outcome,
    productName: order.productName,
    quantity: order.quantity,
    amount: order.amount,
    currency: order.currency,
    paymentMethodType: order.paymentMethodType,
  });
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
function sendJson(res, status, body) {
  const json = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(json),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(json);
}

/** @param {string} segment */
function safeDecode(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Stops accepting connections and ends idle keep-alive ones, so `close` does not hang. @param {import('node:http').Server} server */
function closeServer(server) {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve(undefined);
      return;
    }
    server.close(() => resolve(undefined));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  });
}
