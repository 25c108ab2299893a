/** The routes of the checkout handler, matched on the path below its mount point. */
export type CheckoutRoute =
  | { kind: 'create_payment' }
  | { kind: 'payment_status'; orderId: string }
  | { kind: 'refresh_payment'; orderId: string }
  | { kind: 'webhook' };

export const ROUTE_METHODS: Record<CheckoutRoute['kind'], string> = {
  create_payment: 'POST',
  payment_status: 'GET',
  refresh_payment: 'POST',
  webhook: 'POST',
};

/**
 * Builds the route matcher. With `basePath`, a path must start with it; without, routes are matched by
 * suffix, so the handler works wherever it is mounted (an Express sub-path, a Next.js catch-all route)
 * without being told where.
 */
export function createRouteMatcher(basePath: string | undefined): (pathname: string) => CheckoutRoute | undefined {
  const base = basePath === undefined ? undefined : basePath.replace(/\/+$/, '');
  const anchor = base === undefined ? '(?:^|/)' : '^/';
  const webhook = new RegExp(`${anchor}webhooks$`);
  const create = new RegExp(`${anchor}payments$`);
  const refresh = new RegExp(`${anchor}payments/([^/]+)/refresh$`);
  const status = new RegExp(`${anchor}payments/([^/]+)$`);

  return (pathname) => {
    let path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    if (base !== undefined) {
      if (!path.startsWith(`${base}/`)) return undefined;
      path = path.slice(base.length);
    }
    if (webhook.test(path)) return { kind: 'webhook' };
    if (create.test(path)) return { kind: 'create_payment' };
    const refreshMatch = refresh.exec(path);
    if (refreshMatch) return { kind: 'refresh_payment', orderId: decodeSegment(refreshMatch[1]!) };
    const statusMatch = status.exec(path);
    if (statusMatch) return { kind: 'payment_status', orderId: decodeSegment(statusMatch[1]!) };
    return undefined;
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // left encoded: order id validation refuses the '%'
  }
}
