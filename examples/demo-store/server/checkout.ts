/**
 * The checkout endpoint (`@clink-checkout/server`'s `createCheckoutHandler`) as this shop configures
 * it: the server prices the cart, the order is saved before the browser hears of it, and Clink's
 * webhooks keep it up to date.
 */
import {
  CheckoutRejection,
  createCheckoutHandler,
  type CheckoutHandler,
  type ClinkWebhookEvent,
  type PaymentCreated,
} from '@clink-checkout/server';
import type { ClinkBackend } from './backend.js';
import { newOrderReference, type OrderStore } from './orders.js';
import type { CardInstruments } from './cardInstruments.js';
import { priceCart } from './pricing.js';
import { sessionIdOf } from './session.js';
import { readWebhookOrder } from './webhookOrder.js';

/** Where the checkout handler is mounted; the page's `<ClinkPayButton>` talks to it. */
export const CHECKOUT_PATH = '/api/checkout';

export interface StoreCheckoutOptions {
  backend: ClinkBackend;
  orders: OrderStore;
  /** The card a card payment is made with (wallet instruments are the checkout handler's business). */
  cards: CardInstruments;
  /** Who pays (a real shop takes this from the signed-in customer). */
  customerEmail: string;
  /** Where Clink sends the customer back, e.g. `https://shop.example/return`. */
  returnUrl: string;
  /** Signs order tokens: 32+ random characters kept on the server. */
  tokenSecret: string;
  log: (line: string) => void;
}

export function createStoreCheckout(options: StoreCheckoutOptions): CheckoutHandler {
  const { backend, orders, log } = options;

  function saveCreatedOrder({ params, payment, orderToken }: PaymentCreated, request: Request): void {
    orders.recordCreated({
      orderId: payment.orderId,
      reference: params.merchantReferenceId ?? '',
      productId: params.metadata?.productId,
      productName: params.priceDataList?.[0]?.name,
      quantity: Number(params.metadata?.quantity),
      // Clink's answer may leave the amount out; the shop knows what it asked for.
      amount: payment.amount ?? params.amount,
      currency: payment.currency ?? params.currency,
      paymentMethodType: params.paymentMethodType,
      clinkStatus: payment.status,
      orderToken,
      sessionId: sessionIdOf(request),
    });
  }

  /** The card to pay with (on the local sandbox, the one for the card flow the customer chose). */
  function cardInstrument(payload: unknown): string {
    const { cards } = options;
    if (!cards.available) throw new CheckoutRejection(cards.reason, { status: 422, fields: { paymentMethodType: cards.reason } });
    return cards.instrumentFor((payload as { cardFlow?: unknown } | undefined)?.cardFlow);
  }

  function applyWebhook(event: ClinkWebhookEvent): void {
    const order = readWebhookOrder(event);
    const firstDelivery = orders.recordWebhookEvent(event, order);
    // Answering 2xx stops Clink's re-deliveries; the id is remembered, so this line is written once.
    if (firstDelivery && order.kind === 'unusable') {
      log(`[demo-store] webhook ${event.id} (${event.type}) acknowledged but not applied: ${order.problems.join('; ')}`);
    }
  }

  return createCheckoutHandler({
    client: backend.client,
    basePath: CHECKOUT_PATH,
    tokenSecret: options.tokenSecret,
    // In the database, not in memory: a retry after a restart finds the first answer. (Webhook
    // repeats are recognised across restarts by the orders' own event table; the handler's in-memory
    // event store only has to hold concurrent deliveries of one event together.)
    idempotencyStore: orders.checkoutKeys,
    instrumentStore: orders.walletInstruments,
    logger: log,
    resolvePayment(input) {
      const priced = priceCart(input.payload);
      if (!priced.ok) throw new CheckoutRejection(priced.message, { status: 422, fields: priced.fields });
      const { product, quantity, amount, currency } = priced.cart;
      return {
        // Wallets: none, so the checkout handler finds or creates the customer's wallet instrument.
        ...(input.paymentMethodType === 'CARD' ? { paymentInstrumentId: cardInstrument(input.payload) } : {}),
        customerEmail: options.customerEmail,
        amount,
        currency,
        priceDataList: [{ name: product.name, unitAmount: product.unitAmount, quantity, currency }],
        returnUrl: options.returnUrl,
        merchantReferenceId: newOrderReference(),
        metadata: { productId: product.id, quantity: String(quantity) },
      };
    },
    onPaymentCreated: saveCreatedOrder,
    ...(backend.webhookSecret === undefined ? {} : { webhookSecret: backend.webhookSecret, onWebhook: applyWebhook }),
  });
}
