// @ts-check
/**
 * Which Clink the store talks to. Without `CLINK_API_KEY` it starts the local sandbox (offline);
 * with it, Clink's own API (`CLINK_ENV`: `sandbox`, the default, or `production`). No code change
 * either way.
 */
import { createClinkClient } from '@clink-checkout/server';
import { parsePort, reachableHost } from './net.mjs';

/**
 * @typedef {object} ClinkBackend
 * @property {'local-sandbox' | 'clink'} kind
 * @property {import('@clink-checkout/server').ClinkEnvironment} environment
 * @property {import('@clink-checkout/server').ClinkClient} client
 * @property {string | undefined} webhookSecret Webhooks are accepted only when this is set.
 * @property {string} paymentInstrumentId
 * @property {string} customerEmail
 * @property {import('@clink-checkout/sandbox').Sandbox | undefined} sandbox The in-process sandbox, if any.
 * @property {string | undefined} sandboxUrl Origin of the local sandbox (its API is at `/api`).
 * @property {() => Promise<void>} close
 */

/**
 * @typedef {object} BackendOptions
 * @property {Record<string, string | undefined>} env
 * @property {string} host
 * @property {string} webhookUrl Where the local sandbox delivers its signed webhooks.
 * @property {number} [sandboxPort] Default: env.SANDBOX_PORT, else 4010 (0 = any free port).
 * @property {number} [qrExpiresInSeconds] Local sandbox only.
 * @property {number | string} [seed] Local sandbox only: deterministic ids.
 */

/**
 * @param {BackendOptions} options
 * @returns {Promise<ClinkBackend>}
 */
export async function startClinkBackend(options) {
  const { env } = options;
  const customerEmail = env.CLINK_CUSTOMER_EMAIL || 'customer@example.com';
  const apiKey = env.CLINK_API_KEY;

  if (apiKey) {
    const environment = env.CLINK_ENV === 'production' ? 'production' : 'sandbox';
    if (env.CLINK_ENV && env.CLINK_ENV !== 'sandbox' && env.CLINK_ENV !== 'production') {
      throw new Error(`CLINK_ENV must be "sandbox" or "production", got "${env.CLINK_ENV}".`);
    }
    const paymentInstrumentId = env.CLINK_PAYMENT_INSTRUMENT_ID;
    if (!paymentInstrumentId) {
      throw new Error('CLINK_PAYMENT_INSTRUMENT_ID is required with CLINK_API_KEY (a payment instrument id, pi_…, from your Clink dashboard).');
    }
    const client = createClinkClient({
      apiKey,
      environment,
      ...(env.CLINK_BASE_URL ? { baseUrl: env.CLINK_BASE_URL } : {}),
    });
    return {
      kind: 'clink',
      environment,
      client,
      webhookSecret: env.CLINK_WEBHOOK_SECRET || undefined,
      paymentInstrumentId,
      customerEmail,
      sandbox: undefined,
      sandboxUrl: undefined,
      close: async () => {},
    };
  }

  // Loaded only when needed: a store pointed at Clink does not start (or even import) the sandbox.
  const { createSandbox, SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET } = await import('@clink-checkout/sandbox');
  const port = options.sandboxPort ?? parsePort(env.SANDBOX_PORT, 'SANDBOX_PORT') ?? 4010;
  // Links in QR codes and redirects must be openable: from this machine by default, or from a
  // phone on the network when SANDBOX_PUBLIC_URL says how (e.g. http://192.168.1.20:4010).
  const publicUrl =
    env.SANDBOX_PUBLIC_URL || (port !== 0 ? `http://${reachableHost(options.host)}:${port}` : undefined);
  const sandbox = createSandbox({
    webhookUrl: options.webhookUrl,
    webhookSecret: SANDBOX_WEBHOOK_SECRET,
    ...(options.qrExpiresInSeconds === undefined ? {} : { qrExpiresInSeconds: options.qrExpiresInSeconds }),
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(publicUrl === undefined ? {} : { publicUrl }),
  });
  const { url } = await sandbox.listen({ port, host: options.host });
  const client = createClinkClient({ apiKey: SANDBOX_API_KEY, environment: 'sandbox', baseUrl: `${url}/api` });
  return {
    kind: 'local-sandbox',
    environment: 'sandbox',
    client,
    webhookSecret: SANDBOX_WEBHOOK_SECRET,
    paymentInstrumentId: env.CLINK_PAYMENT_INSTRUMENT_ID || 'pi_demo_store',
    customerEmail,
    sandbox,
    sandboxUrl: url,
    close: () => sandbox.close(),
  };
}

