import { ClinkValidationError } from '../errors.js';
import { validateCreatePaymentInstrumentParams } from '../validation/createPaymentInstrumentParams.js';
import { validateCreatePaymentParams } from '../validation/createPaymentParams.js';
import { validateOrderId } from '../validation/orderId.js';
import { resolveConfig, type ClientConfig } from './config.js';
import { redactSecret } from './redact.js';
import { parseOrder, parsePayment, parsePaymentInstrument, parseQrRefresh, parseResponse } from './responses.js';
import { withRetries } from './retry.js';
import { sendOnce, type ClinkRequest, type CreatedThing } from './transport.js';
import type { ClinkClient, ClinkClientOptions, RequestOptions } from './types.js';

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

  /**
   * One attempt, never retried: Clink has no idempotency key (and `merchantReferenceId` does not
   * de-duplicate), so a repeat after a lost answer could charge the customer twice or store a second
   * instrument.
   */
  const createOnce = async <T>(
    path: string,
    creates: CreatedThing,
    body: unknown,
    parse: (data: unknown) => T,
    options?: RequestOptions,
  ): Promise<T> => {
    const request: ClinkRequest = { method: 'POST', path, body, creates };
    const data = await sendOnce(config, request, options?.signal);
    return parseResponse(`POST ${path}`, path, () => parse(data), { creates });
  };

  return {
    environment: config.environment,

    async createPayment(params, requestOptions) {
      const body = withoutKey(config, () => validateCreatePaymentParams(params));
      return createOnce('/payment', 'payment', body, parsePayment, requestOptions);
    },

    async createPaymentInstrument(params, requestOptions) {
      const body = withoutKey(config, () => validateCreatePaymentInstrumentParams(params));
      return createOnce('/payment-instrument', 'payment instrument', body, parsePaymentInstrument, requestOptions);
    },

    async refreshQrCode(orderId, requestOptions) {
      const id = validateOrderId(orderId);
      const request: ClinkRequest = { method: 'POST', path: `/payment/${encodeURIComponent(id)}/qrcode/refresh` };
      const data = await read(request, requestOptions?.signal);
      return parseResponse(`POST ${request.path}`, request.path, () => parseQrRefresh(data, id));
    },

    async getOrder(orderId, requestOptions) {
      const id = validateOrderId(orderId);
      const request: ClinkRequest = { method: 'GET', path: `/order/${encodeURIComponent(id)}` };
      const data = await read(request, requestOptions?.signal);
      return parseResponse(`GET ${request.path}`, request.path, () => parseOrder(data, id));
    },
  };
}

/** Validation messages quote short values; a key passed in a field by mistake must not travel with them. */
function withoutKey<T>(config: ClientConfig, validate: () => T): T {
  try {
    return validate();
  } catch (error) {
    if (!(error instanceof ClinkValidationError)) throw error;
    throw new ClinkValidationError(error.fields.map((field) => ({ ...field, message: redactSecret(field.message, config.apiKey) })));
  }
}
