import { CheckoutRejection, createCheckoutHandler } from '@clink-checkout/server';
import { findProduct } from './catalog';
import { clinkClient } from './clink';

/**
 * The checkout endpoint the pay buttons talk to, and Clink's webhooks. Its options are made at the
 * first request (a function, not an object), so building the app needs no secrets.
 *
 * Store: the default in-memory one, right for a single `next start` process. With several instances
 * or serverless functions, add `...createRedisStores({ redis })` from `@clink-checkout/server/redis`.
 */
export const checkoutHandler = createCheckoutHandler(() => ({
  client: clinkClient(),
  tokenSecret: process.env.CHECKOUT_TOKEN_SECRET!, // 32+ random characters, e.g. `openssl rand -hex 32`
  webhookSecret: process.env.CLINK_WEBHOOK_SECRET!, // whsec_…
  // Other sites of yours that call this endpoint; the shop's own origin is always allowed.
  allowedOrigins: ['https://shop.example'],
  // The server decides what is paid; the browser only names the product.
  resolvePayment(input, request) {
    const product = findProduct((input.payload as { productId?: unknown } | undefined)?.productId);
    if (!product) throw new CheckoutRejection('This product is not for sale any more. Please reload the page.', { status: 404 });
    return {
      customerEmail: process.env.CLINK_CUSTOMER_EMAIL ?? 'customer@example.com',
      // Wallets need no instrument: the handler creates the customer's and remembers it. A card must be one
      // the customer saved through Clink's hosted pages (the local sandbox seeds some for this customer).
      ...(input.paymentMethodType === 'CARD'
        ? { paymentInstrumentId: process.env.CLINK_CARD_INSTRUMENT_ID ?? 'pi_sandbox_card_3ds_redirect' }
        : {}),
      amount: product.amount,
      currency: product.currency,
      returnUrl: new URL('/return', request.url).href,
    };
  },
  async onWebhook(event) {
    // Fulfil the order here (idempotently: a repeated event is skipped, but events can arrive late).
    if (event.category === 'order' && event.type === 'order.succeeded') {
      console.log(`[shop] paid: ${event.data.orderId} (webhook ${event.id})`);
    }
  },
}));
