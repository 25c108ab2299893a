/**
 * The built front end (`vite build` into dist/client), served by @hono/node-server's static
 * middleware. The build writes a Brotli (.br) and a gzip (.gz) copy of every text file next to it;
 * `precompressed` picks the one the browser accepts, so nothing is compressed per request.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';

/** File names under /assets/ carry a content hash, so a browser may keep them forever. */
const ASSET_HEADERS = {
  'Cache-Control': 'public, max-age=31536000, immutable',
  Vary: 'Accept-Encoding',
  'X-Content-Type-Options': 'nosniff',
};
/** The icon's name carries no hash: kept a day, not a year. */
const ICON_HEADERS = { 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' };
/** Pages are revalidated on every visit, so a new build reaches customers at once. */
const PAGE_HEADERS = { 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding', 'X-Content-Type-Options': 'nosniff' };

export interface ClientRoutesOptions {
  /** The build output: `index.html` and `assets/`. */
  clientDir: string;
  /** Content-Security-Policy and friends (`pageSecurityHeaders`). */
  pageHeaders: Record<string, string>;
  /** Runs before a page is served (the customer's session). */
  beforePage: MiddlewareHandler;
}

/**
 * `/assets/*` (compressed when the browser accepts it, cached for a year), the single-page
 * app's pages `/` and `/return` (`index.html`, with the headers that protect it) and the icon.
 */
export function clientRoutes({ clientDir, pageHeaders, beforePage }: ClientRoutesOptions): Hono {
  const routes = new Hono();
  routes.get('/assets/*', withHeaders(ASSET_HEADERS), serveStatic({ root: clientDir, precompressed: true }));
  const page = serveStatic({ root: clientDir, path: 'index.html', precompressed: true });
  const headers = withHeaders({ ...pageHeaders, ...PAGE_HEADERS });
  routes.get('/', beforePage, headers, page);
  routes.get('/return', beforePage, headers, page);
  // Browsers also ask for /favicon.ico by themselves (for a JSON answer opened in a tab, say): the same icon.
  const icon = serveStatic({ root: clientDir, path: 'favicon.svg' });
  routes.get('/favicon.svg', withHeaders(ICON_HEADERS), icon);
  routes.get('/favicon.ico', withHeaders(ICON_HEADERS), icon);
  return routes;
}

/**
 * Headers of the shop's HTML pages. The page runs only its own script and talks only to its own
 * server; images (QR codes) and form posts (3-D Secure) may go to Clink's hosts, or to a Clink set
 * explicitly (the local sandbox, or `CLINK_BASE_URL`), which may be plain http on another port.
 */
export function pageSecurityHeaders(clinkOrigin: string | undefined): Record<string, string> {
  const sandbox = clinkOrigin === undefined ? '' : ` ${new URL(clinkOrigin).origin}`;
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      `img-src 'self' data: blob: https:${sandbox}`,
      "connect-src 'self'",
      `form-action 'self' https:${sandbox}`,
      "frame-ancestors 'none'",
      "base-uri 'none'",
      "object-src 'none'",
    ].join('; '),
    'X-Frame-Options': 'DENY',
    'Referrer-Policy': 'same-origin',
  };
}

/** Adds `headers` to a successful response of the middleware after it. */
function withHeaders(headers: Record<string, string>): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.ok) return;
    for (const [name, value] of Object.entries(headers)) {
      if (name === 'Vary' && c.res.headers.get('Vary')?.includes(value)) continue;
      c.header(name, value);
    }
  };
}
