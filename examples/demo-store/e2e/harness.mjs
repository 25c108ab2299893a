// @ts-check
/**
 * What every browser test needs: the store on a free port (with an in-process local sandbox),
 * system Chromium, screenshots per step, QR decoding and phone emulation.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { startDemoStore } from '../server/app.js';

export const PACKAGE_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ARTIFACTS_DIR = path.join(PACKAGE_DIR, '.e2e-artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * @param {{ backForwardCache?: boolean }} [options] `backForwardCache`: keep Chromium's back/forward
 *   cache on (Playwright turns it off by default), as in customers' browsers.
 * @returns {Promise<import('playwright-core').Browser>}
 */
export function launchBrowser({ backForwardCache = false } = {}) {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    ...(backForwardCache ? { ignoreDefaultArgs: ['--disable-back-forward-cache'] } : {}),
  });
}

/**
 * @typedef {object} TestStore
 * @property {string} url
 * @property {import('../server/orders.js').OrderStore} orders
 * @property {import('@clink-checkout/sandbox').Sandbox} sandbox
 * @property {string} sandboxUrl
 * @property {string[]} logLines What the server logged (failures), for assertions and debugging.
 */

/**
 * Starts the store and its local sandbox on free ports, with an empty order database; stopped (and
 * the database removed) when the test ends.
 * @param {import('node:test').TestContext} t
 * @param {{ qrExpiresInSeconds?: number }} [options]
 * @returns {Promise<TestStore>}
 */
export async function startTestStore(t, options = {}) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-e2e-'));
  /** @type {string[]} */
  const logLines = [];
  const store = await startDemoStore({
    port: 0,
    sandboxPort: 0,
    dataDir,
    // An empty environment: a CLINK_API_KEY of the developer's shell must not send tests to Clink.
    env: {},
    log: (/** @type {string} */ line) => logLines.push(line),
    ...(options.qrExpiresInSeconds === undefined ? {} : { qrExpiresInSeconds: options.qrExpiresInSeconds }),
  });
  t.after(async () => {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
  });
  const { sandbox, sandboxUrl } = store.backend;
  if (sandbox === undefined || sandboxUrl === undefined) throw new Error('the test store must run on the local sandbox');
  return { url: store.url, orders: store.orders, sandbox, sandboxUrl, logLines };
}

/** Device profiles: what Chromium pretends to be. */
export const DEVICES = {
  desktop: { viewport: { width: 1280, height: 900 } },
  android: {
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
    viewport: { width: 412, height: 915 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
  },
  iphone: {
    userAgent:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 3,
    isMobile: true,
    hasTouch: true,
  },
};

/**
 * A fresh browser context (closed with the test) and one page in it.
 * @param {import('node:test').TestContext} t
 * @param {import('playwright-core').Browser} browser
 * @param {keyof typeof DEVICES} [device]
 */
export async function openPage(t, browser, device = 'desktop') {
  const context = await browser.newContext({ ...DEVICES[device], locale: 'en-US' });
  context.setDefaultTimeout(10_000);
  t.after(() => context.close());
  const page = await context.newPage();
  /** @type {string[]} */
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  // A script error or a blocked resource on the shop's pages fails the test, even if the flow went on.
  t.after(() => {
    const problems = consoleErrors.filter((line) => /^uncaught:|Content Security Policy/.test(line));
    if (problems.length > 0) throw new Error(`The page reported errors:\n${problems.join('\n')}`);
  });
  return { context, page, consoleErrors };
}

/**
 * Saves one screenshot per step into `.e2e-artifacts/<test>/NN-<step>.png`.
 * @param {import('node:test').TestContext} t
 */
export async function screenshots(t) {
  const dir = path.join(ARTIFACTS_DIR, slug(t.name));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  let step = 0;
  /**
   * @param {import('playwright-core').Page} page
   * @param {string} name
   * @returns {Promise<Buffer>} the PNG
   */
  return async (page, name) => {
    step += 1;
    return page.screenshot({ path: path.join(dir, `${String(step).padStart(2, '0')}-${slug(name)}.png`), fullPage: true });
  };
}

/** @param {string} text */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
}

/**
 * Decodes the QR code in a PNG screenshot.
 * @param {Buffer} png
 * @returns {string | undefined}
 */
export function decodeQr(png) {
  const image = PNG.sync.read(png);
  const code = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return code?.data;
}

/**
 * Waits until `read()` returns a value that `accept` likes (polls every 100 ms).
 * @template T
 * @param {() => T | Promise<T>} read
 * @param {(value: T) => boolean} accept
 * @param {{ timeoutMs?: number, message?: string }} [options]
 * @returns {Promise<T>}
 */
export async function waitUntil(read, accept, { timeoutMs = 10_000, message = 'condition' } = {}) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read();
    if (accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${message}; last value: ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The pay button of the store page (`<ClinkPayButton>`; its label is "Pay with …").
 * @param {import('playwright-core').Page} page
 */
export function payButton(page) {
  return page.getByRole('button', { name: /^Pay with/ });
}

/**
 * Chooses a payment method on the store page by its visible label.
 * @param {import('playwright-core').Page} page
 * @param {string} label e.g. "WeChat Pay"
 */
export async function chooseMethod(page, label) {
  await page.getByRole('radio', { name: new RegExp(`^${escapeRegExp(label)}`) }).check();
}

/**
 * Pays with a QR wallet on the store page as a customer on a computer does: chooses the method, presses
 * pay and waits for the QR code. Returns the created payment, the code's locator and what it decodes to.
 * @param {import('playwright-core').Page} page
 * @param {string} label e.g. "Cash App Pay"
 */
export async function startQrPayment(page, label) {
  await chooseMethod(page, label);
  const created = await watchNextPayment(page);
  await payButton(page).click();
  const payment = await created.payment;
  const qr = page.locator('.clink-qr__code');
  await qr.waitFor();
  return { payment, qr, payload: decodeQr(await qr.screenshot()) };
}

/** @param {string} text */
export function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Starts watching for the next `POST /api/checkout/payments`; `payment` resolves with its JSON
 * answer (the created payment). The answer passes through the test unchanged; it is read here
 * because the page may leave (a 3-D Secure redirect) before the browser could hand out its body.
 * @param {import('playwright-core').Page} page
 * @returns {Promise<{ payment: Promise<any> }>}
 */
export async function watchNextPayment(page) {
  /** @type {(value: any) => void} */
  let resolve = () => {};
  /** @type {(error: unknown) => void} */
  let reject = () => {};
  const payment = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  /** @param {import('playwright-core').Route} route */
  const handler = async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    try {
      const response = await route.fetch();
      const body = await response.json();
      await route.fulfill({ response, json: body });
      resolve(body);
    } catch (error) {
      reject(error);
    }
  };
  await page.route('**/api/checkout/payments', handler, { times: 1 });
  return { payment };
}

/**
 * Seconds left in a visible countdown ("Expires in 14:59", "Expires in 1:02:03").
 * @param {string | null} text
 */
export function parseCountdown(text) {
  const match = /(?:(\d+):)?(\d+):(\d{2})/.exec(text ?? '');
  if (!match) throw new Error(`No countdown in ${JSON.stringify(text)}`);
  return Number(match[1] ?? 0) * 3600 + Number(match[2]) * 60 + Number(match[3]);
}

/**
 * Records every navigation the page's scripts or links ask for, including app links
 * (`intent://…`, `gcash://…`) that never become HTTP requests. Chromium on Linux has no app to
 * hand them to, so the page stays where it is, as on a phone without the app.
 * @param {import('playwright-core').Page} page
 */
export async function recordNavigations(page) {
  const session = await page.context().newCDPSession(page);
  await session.send('Page.enable');
  /** @type {{ url: string, at: number }[]} */
  const requested = [];
  session.on('Page.frameRequestedNavigation', (event) => requested.push({ url: event.url, at: Date.now() }));
  return requested;
}

/**
 * The orders as they are in the database file, read through a connection of the test's own (not
 * the store's), by order id.
 * @param {TestStore} store
 * @returns {Promise<Record<string, import('../server/orders.js').StoredOrder>>}
 */
export async function ordersOnDisk(store) {
  const [{ default: Database }, { OrderStore }] = await Promise.all([import('better-sqlite3'), import('../server/orders.js')]);
  const onDisk = new OrderStore(new Database(store.orders.file, { readonly: true }));
  try {
    return Object.fromEntries(onDisk.list().map((order) => [order.orderId, order]));
  } finally {
    onDisk.close();
  }
}

/** A port nobody listens on right now, for a process that must know another's address before it starts. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts node with `args` (in the store's folder, with only `env` and PATH) and resolves with the first
 * match of `pattern` in its output; stopped when the test ends.
 * @param {import('node:test').TestContext} t
 * @param {string[]} args
 * @param {Record<string, string>} env
 * @param {RegExp} pattern
 */
export function startProcess(t, args, env, pattern) {
  const child = spawn(process.execPath, args, { cwd: PACKAGE_DIR, env: { PATH: process.env.PATH ?? '', ...env } });
  t.after(() => {
    if (child.exitCode === null) child.kill('SIGTERM');
  });
  let output = '';
  return new Promise((resolve, reject) => {
    /** @param {Buffer} chunk */
    const read = (chunk) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    // 'close', not 'exit': the last lines it wrote (a start-up error) are read by then.
    child.once('close', (code) => reject(new Error(`${args.join(' ')} exited with ${code} before it was ready:\n${output}`)));
  });
}
