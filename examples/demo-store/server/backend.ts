/**
 * Which Clink the store talks to. Without `CLINK_API_KEY` it starts the local sandbox (offline);
 * with it, Clink's own API (`CLINK_ENV`: `sandbox`, the default, or `production`). No code change
 * either way.
 */
import { createClinkClient, type ClinkClient, type ClinkEnvironment } from '@clink-checkout/server';
import type { Sandbox } from '@clink-checkout/sandbox';
import { parsePort, reachableHost } from './net.js';

export interface ClinkBackend {
  kind: 'local-sandbox' | 'clink';
  environment: ClinkEnvironment;
  client: ClinkClient;
  /** Webhooks are accepted only when this is set. */
  webhookSecret: string | undefined;
  /** The in-process sandbox, if any. */
  sandbox: Sandbox | undefined;
  /** Origin of the local sandbox (its API is at `/api`). */
  sandboxUrl: string | undefined;
  /**
   * Origin of the Clink in use when it is set explicitly (the local sandbox, or `CLINK_BASE_URL`): its
   * images and pages are allowed by the store's Content-Security-Policy even over plain http.
   */
  clinkOrigin: string | undefined;
  close: () => Promise<void>;
}

export interface BackendOptions {
  env: Record<string, string | undefined>;
  host: string;
  /** Where the local sandbox delivers its signed webhooks. */
  webhookUrl: string;
  /** Default: env.SANDBOX_PORT, else 4010 (0 = any free port). */
  sandboxPort?: number;
  /** Local sandbox only: seconds its QR codes live (default 900). */
  qrExpiresInSeconds?: number;
}

/** Longest `QR_EXPIRES_IN`: a day, after which the store deletes unpaid orders anyway. */
export const MAX_QR_EXPIRES_IN_SECONDS = 86_400;

/**
 * `QR_EXPIRES_IN`: how many seconds the local sandbox's QR codes live (default 900), so that
 * expiry and refresh can be seen without waiting a quarter of an hour (`QR_EXPIRES_IN=30 npm start`).
 * `undefined` when unset. Throws, naming the variable and the value, when it is not a whole number of
 * seconds from 1 to a day, or when the store talks to Clink, which decides the lifetime itself.
 */
export function parseQrExpiresIn(env: Record<string, string | undefined>): number | undefined {
  const text = env.QR_EXPIRES_IN?.trim();
  if (text === undefined || text === '') return undefined;
  if (env.CLINK_API_KEY) {
    throw new Error(
      'QR_EXPIRES_IN sets the lifetime of the local sandbox\'s QR codes; with CLINK_API_KEY the store talks to Clink, ' +
        'which decides how long its QR codes live. Unset QR_EXPIRES_IN.',
    );
  }
  const seconds = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(seconds) || seconds < 1 || seconds > MAX_QR_EXPIRES_IN_SECONDS) {
    throw new Error(
      `QR_EXPIRES_IN must be a whole number of seconds from 1 to ${MAX_QR_EXPIRES_IN_SECONDS} (e.g. QR_EXPIRES_IN=30), got "${env.QR_EXPIRES_IN}".`,
    );
  }
  return seconds;
}

export async function startClinkBackend(options: BackendOptions): Promise<ClinkBackend> {
  const { env } = options;
  const apiKey = env.CLINK_API_KEY;

  if (apiKey) {
    if (env.CLINK_ENV && env.CLINK_ENV !== 'sandbox' && env.CLINK_ENV !== 'production') {
      throw new Error(`CLINK_ENV must be "sandbox" or "production", got "${env.CLINK_ENV}".`);
    }
    const environment = env.CLINK_ENV === 'production' ? 'production' : 'sandbox';
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
      sandbox: undefined,
      sandboxUrl: undefined,
      clinkOrigin: env.CLINK_BASE_URL ? new URL(env.CLINK_BASE_URL).origin : undefined,
      close: async () => {},
    };
  }

  // Loaded only when needed: a store pointed at Clink does not start (or even import) the sandbox.
  const { createSandbox, SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET } = await import('@clink-checkout/sandbox');
  const port = options.sandboxPort ?? parsePort(env.SANDBOX_PORT, 'SANDBOX_PORT') ?? 4010;
  // Links in QR codes and redirects must be openable: from this machine by default, or from a
  // phone on the network when SANDBOX_PUBLIC_URL says how (e.g. http://192.168.1.20:4010).
  const publicUrl = env.SANDBOX_PUBLIC_URL || (port !== 0 ? `http://${reachableHost(options.host)}:${port}` : undefined);
  const sandbox = createSandbox({
    webhookUrl: options.webhookUrl,
    webhookSecret: SANDBOX_WEBHOOK_SECRET,
    ...(options.qrExpiresInSeconds === undefined ? {} : { qrExpiresInSeconds: options.qrExpiresInSeconds }),
    ...(publicUrl === undefined ? {} : { publicUrl }),
  });
  const { url } = await sandbox.listen({ port, host: options.host });
  const client = createClinkClient({ apiKey: SANDBOX_API_KEY, environment: 'sandbox', baseUrl: `${url}/api` });
  return {
    kind: 'local-sandbox',
    environment: 'sandbox',
    client,
    webhookSecret: SANDBOX_WEBHOOK_SECRET,
    sandbox,
    sandboxUrl: url,
    clinkOrigin: url,
    close: () => sandbox.close(),
  };
}
