// @ts-check
/** Serves the built front end (`vite build` output); unknown page paths get `index.html`. */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

/** @type {Record<string, string>} */
const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

/** Paths the single-page app renders itself. */
const PAGES = new Set(['/', '/return']);

/**
 * @param {string} root Directory with `index.html` and `assets/`.
 * @param {{ pageHeaders?: Record<string, string> }} [options] `pageHeaders`: extra headers for the
 *   HTML pages (e.g. a Content-Security-Policy).
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, pathname: string) => Promise<void>}
 */
export function createStaticHandler(root, options = {}) {
  const base = path.resolve(root);
  const pageHeaders = options.pageHeaders ?? {};
  return async (req, res, pathname) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('Method not allowed');
      return;
    }
    const file = PAGES.has(pathname) ? path.join(base, 'index.html') : safeJoin(base, pathname);
    const info = file === undefined ? undefined : await stat(file).catch(() => undefined);
    if (file === undefined || info === undefined || !info.isFile()) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    const immutable = pathname.startsWith('/assets/');
    res.writeHead(200, {
      ...(path.extname(file) === '.html' ? pageHeaders : {}),
      'Content-Type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  };
}

/** @param {string} base @param {string} pathname */
function safeJoin(base, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const file = path.resolve(base, `.${decoded}`);
  return file.startsWith(base + path.sep) ? file : undefined;
}
