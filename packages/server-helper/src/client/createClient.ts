import { validateCreatePaymentParams } from '../validation/createPaymentParams.js';
import { validateOrderId } from '../validation/orderId.js';
import { resolveConfig } from './config.js';
import { parseOrder, parsePayment, parseQrRefresh, parseResponse } from './responses.js';
import { withRetries } from './retry.js';
import { sendOnce, type ClinkRequest } from './transport.js';
import type { ClinkClient, ClinkClientOptions } from './types.js';

/**
 * Creates a client for Clink's merchant API. Runs wherever `fetch` exists (Node 18+, edge
 * workers, browsers for local demos); the secret key stays inside the closure and never
 * appears in errors or log lines.
 *
 * @throws ClinkConfigurationError for an empty key, a key of the other environment
 *   (`sk_test_…` with `production`, `sk_prod_…` with `sandbox`) or invalid options.
 */
export function createClinkClient(options: ClinkClientOptions): ClinkClient {
  const config = resolveConfig(options);

  const read = async (request: ClinkRequest, signal?: AbortSignal): Promise<unknown> =>
    withRetries(config, `${request.method} ${request.path}`, signal, () => sendOnce(config, request, signal));

  return {
    environment: config.environment,

    async createPayment(params, requestOptions) {
      const body = validateCreatePaymentParams(params);
      const request: ClinkRequest = { method: 'POST', path: '/payment', body, outcomeUnknownOnFailure: true };
      // Never retried: Clink has no idempotency key and merchantReferenceId does not de-duplicate,
      // so a repeat after a lost answer could charge the customer twice.
      const data = await sendOnce(config, request, requestOptions?.signal);
      return parseResponse('POST /payment', request.path, () => parsePayment(data));
    },

    async refreshQrCode(orderId, requestOptions) {
      const id = validateOrderId(orderId);
      const request: ClinkRequest = { method: 'POST', path: `/payment/${encodeURIComponent(id)}/qrcode/refresh` };
      const data = await read(request, requestOptions?.signal);
      return parseResponse(`POST ${request.path}`, request.path, () => parseQrRefresh(data));
    },

    async getOrder(orderId, requestOptions) {
      const id = validateOrderId(orderId);
      const request: ClinkRequest = { method: 'GET', path: `/order/${encodeURIComponent(id)}` };
      const data = await read(request, requestOptions?.signal);
      return parseResponse(`GET ${request.path}`, request.path, () => parseOrder(data));
    },
  };
}
