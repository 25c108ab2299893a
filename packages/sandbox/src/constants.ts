/** The secret key the sandbox accepts by default (`X-API-KEY`). Not a real Clink key. */
export const SANDBOX_API_KEY = 'sk_test_clink_sandbox';

/** The secret the sandbox signs webhooks with by default. */
export const SANDBOX_WEBHOOK_SECRET = 'whsec_clink_sandbox';

/** How far `X-Timestamp` may be from the sandbox clock before a request is refused. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

/** @default 900 seconds, as the sandbox's QR codes live by default. */
export const DEFAULT_QR_EXPIRES_IN_SECONDS = 900;

/** Default port of `listen()` and the CLI. */
export const DEFAULT_PORT = 4010;

/** Default host of `listen()` and the CLI. */
export const DEFAULT_HOST = '127.0.0.1';
