import { createClinkClient, type ClinkClient } from '@clink-checkout/server';

let client: ClinkClient | undefined;

/**
 * The Clink client, made at first use: `next build` loads this module without any secret set, and a
 * missing key then fails the first request that needs Clink, saying which variable is empty.
 */
export function clinkClient(): ClinkClient {
  client ??= createClinkClient({
    apiKey: process.env.CLINK_API_KEY!, // sk_test_… or sk_prod_…: server only
    environment: process.env.CLINK_ENV === 'production' ? 'production' : 'sandbox',
    // Only for the local sandbox (tests, development); unset means Clink's own API.
    ...(process.env.CLINK_BASE_URL ? { baseUrl: process.env.CLINK_BASE_URL } : {}),
  });
  return client;
}
