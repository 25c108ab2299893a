// @ts-check
/**
 * What every browser test needs: the store on a free port (with an in-process local sandbox),
 * system Chromium, screenshots per step, QR decoding and phone emulation.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';
import { startDemoStore } from '../server/app.mjs';

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

/** @returns {Promise<import('playwright-core').Browser>} */
export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * @typedef {object} TestStore
 * @property {string} url
 * @property {import('../server/orderStore.mjs').JsonOrderStore} orders
 * @property {import('@clink-checkout/sandbox').Sandbox} sandbox
 * @property {string} sandboxUrl
 * @property {string[]} logLines What the server logged (failures), for assertions and debugging.
 */

/**
 * Starts the store and its local sandbox on free ports, with an empty order file; stopped (and the
 * file removed) when the test ends.
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
    log: (line) => logLines.push(line),
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
  page.on('pageerror', (error) => consoleErrors.push(error.message));
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
