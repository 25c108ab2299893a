import type { CheckoutExchange } from './exchange.js';

/** `https://Shop.example/` -> `https://shop.example`, to compare origins as browsers write them. */
export function normaliseOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}

function firstValue(header: string | null): string | undefined {
  const value = header?.split(',', 1)[0]?.trim();
  return value === '' ? undefined : value;
}

/**
 * Whether a request comes from the page's own site. A browser says so itself (`Sec-Fetch-Site`, which
 * page scripts cannot set); otherwise the `Origin` is compared with the request's own URL and, behind a
 * proxy that terminates TLS or rewrites the host, with `X-Forwarded-Proto`/`X-Forwarded-Host`. A page
 * on another site cannot add those headers without a preflight, and the preflight is refused.
 */
export function isSameOrigin(exchange: Pick<CheckoutExchange, 'url' | 'header'>, origin: string): boolean {
  if (exchange.header('sec-fetch-site') === 'same-origin') return true;
  const wanted = normaliseOrigin(origin);
  const url = new URL(exchange.url);
  if (wanted === url.origin) return true;
  const proto = firstValue(exchange.header('x-forwarded-proto')) ?? url.protocol.replace(/:$/, '');
  const host = firstValue(exchange.header('x-forwarded-host')) ?? firstValue(exchange.header('host')) ?? url.host;
  return wanted === `${proto}://${host}`.toLowerCase();
}
