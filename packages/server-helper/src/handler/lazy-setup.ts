import { errorBody, jsonResponse } from './http.js';
import { createRedactor, describeThrown } from './log.js';
import type { CheckoutHandler, CheckoutHandlerOptions } from './options.js';

/**
 * Options made when the first request arrives, not when the module loads: an app build (`next build`
 * imports route modules to read their config) then needs no secrets, and a server that lacks one
 * fails at its first request with a log line that says which.
 */
export type CheckoutHandlerOptionsFactory = () => CheckoutHandlerOptions | Promise<CheckoutHandlerOptions>;

const redact = createRedactor([]);

/**
 * Builds the handler on first use. A factory that throws (a missing environment variable) answers 500
 * and is tried again on the next request, so fixing the configuration needs no restart of the module.
 */
export function createLazyHandler(
  factory: CheckoutHandlerOptionsFactory,
  build: (options: CheckoutHandlerOptions) => CheckoutHandler,
): CheckoutHandler {
  let handler: Promise<CheckoutHandler> | undefined;
  return async function handleCheckoutRequest(request) {
    handler ??= Promise.resolve()
      .then(factory)
      .then(build);
    let ready: CheckoutHandler;
    try {
      ready = await handler;
    } catch (error) {
      handler = undefined;
      console.error(redact(`[clink-checkout] the checkout handler could not be set up: ${describeThrown(error)}`));
      return jsonResponse(500, errorBody('internal_error', 'The checkout is not available right now.'));
    }
    return ready(request);
  };
}
