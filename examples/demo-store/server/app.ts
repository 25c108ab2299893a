/**
 * `startDemoStore()`: puts the shop together in one place (the order database, Clink or the local
 * sandbox, the checkout handler, the routes) and serves it on one port.
 */
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { Hono } from 'hono';
import { parseQrExpiresIn, startClinkBackend, type ClinkBackend } from './backend.js';
import { CHECKOUT_PATH, createStoreCheckout } from './checkout.js';
import { parsePort, reachableHost } from './net.js';
import { OrderStore } from './orders.js';
import { cardInstrumentsFor } from './cardInstruments.js';
import { createStoreApp } from './routes.js';
import { pageSecurityHeaders } from './static.js';

const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** How often unpaid orders older than a day are deleted (also once at start). */
const CLEANUP_INTERVAL_MS = 60 * 60 * 1000;

export interface DemoStoreOptions {
  /** Default: env.PORT, else 5173 (0 = any free port). */
  port?: number;
  /** Default: '127.0.0.1'. */
  host?: string;
  /** Default: env.SANDBOX_PORT, else 4010 (0 = any free port). */
  sandboxPort?: number;
  /** Where `store.db` lives. Default: env.DATA_DIR, else examples/demo-store/data. */
  dataDir?: string;
  /** The built front end. Default: examples/demo-store/dist/client. */
  clientDir?: string;
  /** Default: process.env. */
  env?: Record<string, string | undefined>;
  /** Local sandbox only: seconds its QR codes live. Default: env.QR_EXPIRES_IN, else the sandbox's 900. */
  qrExpiresInSeconds?: number;
  /** Default: console.error. */
  log?: (line: string) => void;
}

export interface DemoStore {
  /** e.g. `http://127.0.0.1:5173` */
  url: string;
  orders: OrderStore;
  backend: ClinkBackend;
  /** The local sandbox's QR lifetime in seconds, when it was set (`QR_EXPIRES_IN`); else its default. */
  qrExpiresInSeconds: number | undefined;
  /** Stops the server, the local sandbox and the clean-up, and closes the database. */
  close: () => Promise<void>;
}

/** Starts the shop (and, without `CLINK_API_KEY`, the local sandbox). */
export async function startDemoStore(options: DemoStoreOptions = {}): Promise<DemoStore> {
  const env = options.env ?? process.env;
  const host = options.host ?? '127.0.0.1';
  const log = options.log ?? ((line: string) => console.error(line));
  const port = options.port ?? parsePort(env.PORT, 'PORT') ?? 5173;
  const qrExpiresInSeconds = options.qrExpiresInSeconds ?? parseQrExpiresIn(env);

  // The sandbox needs the shop's URL for its webhooks, so the port is opened first and answers
  // "starting" until the app is ready.
  let app: Hono | undefined;
  const server = await listen(port, host, (request) =>
    app === undefined ? new Response('Starting', { status: 503, headers: { 'Retry-After': '1' } }) : app.fetch(request),
  );
  // A failed accept (e.g. out of file handles) must not take the shop down; the next one may work.
  server.on('error', (error) => log(`[demo-store] server error: ${error.message}`));
  const url = `http://${reachableHost(host)}:${(server.address() as AddressInfo).port}`;

  let backend: ClinkBackend | undefined;
  let orders: OrderStore | undefined;
  try {
    backend = await startClinkBackend({
      env,
      host,
      webhookUrl: `${url}${CHECKOUT_PATH}/webhooks`,
      ...(options.sandboxPort === undefined ? {} : { sandboxPort: options.sandboxPort }),
      ...(qrExpiresInSeconds === undefined ? {} : { qrExpiresInSeconds }),
    });
    const dataDir = options.dataDir ?? (env.DATA_DIR || path.join(PACKAGE_DIR, 'data'));
    orders = OrderStore.open(path.join(dataDir, 'store.db'));
    // Behind a proxy, PUBLIC_URL is the address customers use.
    const publicUrl = env.PUBLIC_URL || url;
    const customerEmail = env.CLINK_CUSTOMER_EMAIL || 'customer@example.com';
    const cards = cardInstrumentsFor(env, backend, customerEmail);
    if (!cards.available) log(`[demo-store] card payments are unavailable: ${cards.reason}`);
    const checkout = createStoreCheckout({
      backend,
      orders,
      cards,
      customerEmail,
      returnUrl: new URL('/return', publicUrl).toString(),
      // Random per start when unset: tokens of payments in progress then stop working at a restart.
      tokenSecret: env.CHECKOUT_TOKEN_SECRET || randomBytes(32).toString('hex'),
      log,
    });
    app = createStoreApp({
      checkout,
      orders,
      client: backend.client,
      config: {
        backend: backend.kind,
        environment: backend.environment,
        cardFlows: cards.available && cards.flows.length > 0,
        unavailableMethods: cards.available ? {} : { CARD: cards.reason },
      },
      clientDir: options.clientDir ?? path.join(PACKAGE_DIR, 'dist', 'client'),
      pageHeaders: pageSecurityHeaders(backend.clinkOrigin),
      secureCookies: new URL(publicUrl).protocol === 'https:',
      log,
    });
    const stopCleanup = scheduleCleanup(orders, log);
    const [activeBackend, activeOrders] = [backend, orders];
    return {
      url,
      orders,
      backend,
      qrExpiresInSeconds,
      close: async () => {
        await closeServer(server);
        await stopCleanup();
        await activeBackend.close();
        activeOrders.close();
      },
    };
  } catch (error) {
    await closeServer(server);
    await backend?.close();
    orders?.close();
    throw error;
  }
}

function listen(port: number, host: string, fetch: (request: Request) => Response | Promise<Response>): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }) as Server;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      resolve(server);
    });
  });
}

/** Deletes unpaid orders older than a day, now and every hour, without keeping the process alive. */
function scheduleCleanup(orders: OrderStore, log: (line: string) => void): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const cleanUp = () => {
    running = orders.cleanUp().then(
      () => {},
      (error: unknown) => log(`[demo-store] order clean-up failed: ${error instanceof Error ? error.message : error}`),
    );
  };
  cleanUp();
  const timer = setInterval(cleanUp, CLEANUP_INTERVAL_MS);
  timer.unref();
  // Resolves once a clean-up in progress has finished, so the database can be closed.
  return () => {
    clearInterval(timer);
    return running;
  };
}

/** Stops accepting connections and ends idle keep-alive ones, so `close` does not hang. */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), 1000).unref();
  });
}
