// @ts-check
/**
 * The built Next.js shop (`next start`) on the local sandbox, in Chromium: a QR wallet paid from the
 * "customer's phone" page and a card through 3-D Secure, with Clink's webhooks reaching the same route.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createSandbox, SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET } from '@clink-checkout/sandbox';
import { chromium } from 'playwright-core';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const artifacts = path.join(appDir, '.e2e-artifacts');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = /** @type {net.AddressInfo} */ (server.address());
      server.close(() => resolve(address.port));
    });
  });
}

/** @type {ReturnType<typeof createSandbox>} */
let sandbox;
/** @type {import('node:child_process').ChildProcess} */
let next;
/** @type {import('playwright-core').Browser} */
let browser;
let shopUrl = '';
let sandboxUrl = '';
let serverOutput = '';

before(async () => {
  await rm(artifacts, { recursive: true, force: true });
  await mkdir(artifacts, { recursive: true });
  const port = await freePort();
  shopUrl = `http://127.0.0.1:${port}`;
  sandbox = createSandbox({ webhookUrl: `${shopUrl}/api/checkout/webhooks`, webhookRetry: { maxAttempts: 5, initialDelayMs: 200 } });
  sandboxUrl = (await sandbox.listen({ port: 0 })).url;

  next = spawn(path.join(appDir, 'node_modules/.bin/next'), ['start', '--port', String(port), '--hostname', '127.0.0.1'], {
    cwd: appDir,
    env: {
      ...process.env,
      NEXT_TELEMETRY_DISABLED: '1',
      CLINK_API_KEY: SANDBOX_API_KEY,
      CLINK_BASE_URL: `${sandboxUrl}/api`,
      CHECKOUT_TOKEN_SECRET: 'nextjs-example-token-secret-0123456789abcdef',
      CLINK_WEBHOOK_SECRET: SANDBOX_WEBHOOK_SECRET,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  next.stdout?.on('data', (chunk) => (serverOutput += chunk));
  next.stderr?.on('data', (chunk) => (serverOutput += chunk));
  await waitFor(async () => (await fetch(shopUrl).catch(() => undefined))?.ok === true, 'next start to answer', 60_000);

  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
  });
});

after(async () => {
  await browser?.close();
  if (next && next.exitCode === null) {
    const exited = new Promise((resolve) => next.once('exit', resolve));
    next.kill('SIGTERM');
    await exited;
  }
  await sandbox?.close();
});

/**
 * @param {() => boolean | Promise<boolean>} condition
 * @param {string} what
 */
async function waitFor(condition, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}. Server output:\n${serverOutput}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const VIEWPORTS = { desktop: { width: 1366, height: 768 }, phone: { width: 393, height: 852 } };

/** @param {{ viewport?: keyof typeof VIEWPORTS, colorScheme?: 'light' | 'dark' }} [options] */
async function openShop({ viewport = 'desktop', colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme, locale: 'en-US' });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  /** @type {string[]} */
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(shopUrl);
  return { context, page, problems };
}

/** @param {import('playwright-core').Page} page @param {string} name */
const shot = (page, name) => page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });

test('the shop page renders in light and dark, on a phone and a computer', async () => {
  for (const viewport of /** @type {const} */ (['desktop', 'phone'])) {
    for (const colorScheme of /** @type {const} */ (['light', 'dark'])) {
      const { context, page, problems } = await openShop({ viewport, colorScheme });
      await page.getByRole('heading', { name: 'House blend coffee, 250 g' }).waitFor();
      assert.equal(await page.getByText('$12.50').count(), 1);
      await page.getByRole('button', { name: 'Pay with WeChat Pay' }).waitFor();
      await shot(page, `shop-${viewport}-${colorScheme}`);
      assert.deepEqual(problems, []);
      await context.close();
    }
  }
});

test('WeChat Pay on a computer: a QR code, approved on the phone page, then paid and the webhook handled', async () => {
  const { context, page, problems } = await openShop();
  const created = page.waitForResponse((response) => response.url().endsWith('/api/checkout/payments') && response.request().method() === 'POST');
  await page.getByRole('button', { name: 'Pay with WeChat Pay' }).click();
  const response = await created;
  assert.equal(response.status(), 201, 'the route created the payment (the own origin is allowed)');
  const payment = await response.json();
  assert.equal(payment.amount, 12.5, 'the server priced the product');
  await page.locator('.clink-qr__code').waitFor();
  await shot(page, 'wechat-qr-desktop');

  const phone = await context.newPage();
  await phone.goto(payment.action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl);
  await phone.getByRole('button', { name: 'Approve' }).click();

  await page.getByText('Payment successful').waitFor();
  await shot(page, 'wechat-paid-desktop');
  assert.equal(sandbox.getOrder(payment.orderId)?.status, 'success');
  await waitFor(() => serverOutput.includes(`[shop] paid: ${payment.orderId}`), 'the order.succeeded webhook');
  assert.deepEqual(problems, []);
  await context.close();
});

test('Card: 3-D Secure approved, and the return page asks Clink and says Paid', async () => {
  const { context, page, problems } = await openShop({ viewport: 'phone' });
  await page.getByRole('button', { name: 'Pay with Card' }).click();
  await page.getByRole('heading', { name: '3-D Secure check' }).waitFor();
  assert.ok(page.url().startsWith(`${sandboxUrl}/_sandbox/3ds/`));
  await page.getByRole('button', { name: 'Approve' }).click();

  // Clink sends the customer to the returnUrl resolvePayment built from the request (Next.js names the host localhost).
  await page.waitForURL(/\/return\?orderId=ord_/);
  await page.getByRole('heading', { name: 'Paid' }).waitFor();
  await shot(page, 'card-return-paid-phone');
  const orderId = new URL(page.url()).searchParams.get('orderId') ?? '';
  assert.equal(sandbox.getOrder(orderId)?.status, 'success');
  await waitFor(() => serverOutput.includes(`[shop] paid: ${orderId}`), 'the order.succeeded webhook');
  assert.deepEqual(problems, []);
  assert.doesNotMatch(serverOutput, /\[clink-checkout\]/, 'the checkout logged no failure');
  await context.close();
});
