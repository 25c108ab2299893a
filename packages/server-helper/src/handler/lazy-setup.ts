import type { CheckoutCore } from './exchange.js';
import { errorBody, jsonAnswer } from './http.js';
import { createRedactor, describeThrown } from './log.js';
import type { CheckoutHandlerOptions } from './options.js';

/**
 * Options made when the first request arrives, not when the module loads: an app build (`next build`
 * imports route modules to read their config) then needs no secrets, and a server that lacks one
 * fails at its first request with a log line that says which.
 */
export type CheckoutHandlerOptionsFactory = () => CheckoutHandlerOptions | Promise<CheckoutHandlerOptions>;

const redact = createRedactor([]);

/**
 * Builds the core on first use. A factory that throws (a missing environment variable) answers 500
 * and is tried again on the next request, so fixing the configuration needs no restart of the module.
 */
export function createLazyCore(
  factory: CheckoutHandlerOptionsFactory,
  build: (options: CheckoutHandlerOptions) => CheckoutCore,
): CheckoutCore {
  let core: Promise<CheckoutCore> | undefined;
  return async function serveCheckoutExchange(exchange) {
    core ??= Promise.resolve()
      .then(factory)
      .then(build);
    let ready: CheckoutCore;
    try {
      ready = await core;
    } catch (error) {
      core = undefined;
      console.error(redact(`[clink-checkout] the checkout handler could not be set up: ${describeThrown(error)}`));
      return jsonAnswer(500, errorBody('internal_error', 'The checkout is not available right now.'));
    }
    return ready(exchange);
  };
}
