import type { CheckoutCore } from './exchange.js';
import type { CheckoutHandler } from './options.js';
import { answerToResponse, exchangeFromRequest } from './web-exchange.js';

// Each handler's core, so an adapter that can serve it without Web `Request`/`Response` objects (the
// Node one) finds it behind the `Request -> Response` function it was given.
const cores = new WeakMap<CheckoutHandler, CheckoutCore>();

/** The documented `Request -> Response` entry around a core. */
export function checkoutHandlerFrom(core: CheckoutCore): CheckoutHandler {
  const handler: CheckoutHandler = async function handleCheckoutRequest(request) {
    return answerToResponse(await core(exchangeFromRequest(request)));
  };
  cores.set(handler, core);
  return handler;
}

/** The core behind a handler from `createCheckoutHandler`; `undefined` for any other function. */
export function checkoutCoreOf(handler: (request: Request) => Promise<Response>): CheckoutCore | undefined {
  return cores.get(handler);
}
