// Browser check of the sandbox's pages: real Chromium, real clicks, axe, and a QR decoded from a screenshot.
// Run after `pnpm run build`: `pnpm run test:browser`.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { chromium } from 'playwright-core';
import { createSandbox, SANDBOX_API_KEY, SANDBOX_CARD_CUSTOMER, SANDBOX_CARD_INSTRUMENTS } from '../dist/index.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOP = 'https://shop.example';

const sandbox = createSandbox({ seed: 'e2e' });
const { url } = await sandbox.listen({ port: 0 });

/** Pays with a wallet saved for the e2e customer, or with one of the seeded cards (`card: flow`). */
async function createPayment({ card, ...fields }) {
  const payer = card
    ? { customerId: SANDBOX_CARD_CUSTOMER.customerId, paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS[card] }
    : { customerId: 'cus_e2e', paymentInstrumentId: sandbox.createInstrument({ type: fields.paymentMethodType, customerId: 'cus_e2e' }).id };
  const response = await fetch(`${url}/api/payment`, {
    method: 'POST',
    headers: { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': String(Date.now()), 'Content-Type': 'application/json' },
    body: JSON.stringify({ returnUrl: `${SHOP}/return`, amount: 12.5, currency: 'USD', ...payer, ...fields }),
  });
  assert.equal(response.status, 200);
  return (await response.json()).data;
}

/** The text of the wallet's PNG QR (a URL, a data: URL or bare Base64), as a second phone's camera reads it. */
async function scanPng(wallet) {
  const value = wallet.imageUrlPng ?? wallet.imageDataUrl;
  if (!value) return undefined;
  const bytes = /^https?:/.test(value)
    ? Buffer.from(await (await fetch(value)).arrayBuffer())
    : Buffer.from(value.startsWith('data:') ? value.slice(value.indexOf(',') + 1) : value, 'base64');
  const png = PNG.sync.read(bytes);
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});
let failures = 0;
async function check(name, run) {
  try {
    await run();
    console.log(`✓ ${name}`);
  } catch (error) {
    failures += 1;
    console.error(`✗ ${name}\n  ${error instanceof Error ? error.message : error}`);
  }
}

try {
  // bypassCSP only so axe can be injected; the pages themselves carry a strict CSP.
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 390, height: 844 } });
  await context.route(`${SHOP}/**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Shop</title><h1>Back at the shop</h1>' }));
  const page = await context.newPage();

  async function expectNoAxeViolations() {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => (await window.axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`));
    assert.deepEqual(violations, [], `axe violations on ${page.url()}`);
  }

  await check('a QR on the instructions page decodes to the phone page, where Approve pays the order', async () => {
    const payment = await createPayment({ paymentMethodType: 'GCASH' });
    await page.goto(payment.action.walletHandleRedirectOrDisplayQrCode.hostedInstructionsUrl);
    await expectNoAxeViolations();
    const image = page.getByRole('img', { name: `QR code for order ${payment.orderId}` });
    const png = PNG.sync.read(await image.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
    assert.match(decoded ?? '', new RegExp(`^${url}/_sandbox/pay/${payment.orderId}\\?qr=qr_`));
    await page.goto(decoded);
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Approve' }).click();
    assert.match(await page.getByRole('status').textContent(), /Payment approved/);
    assert.equal(sandbox.getOrder(payment.orderId).status, 'success');
    await expectNoAxeViolations();
  });

  await check('Decline on the phone page fails the order and says so', async () => {
    const payment = await createPayment({ paymentMethodType: 'TNG', platformType: 'WAP', deviceType: 'iOS' });
    await page.goto(payment.action.walletHandleRedirectOrDisplayQrCode.fallbackUrl);
    await page.getByRole('button', { name: 'Decline' }).click();
    assert.match(await page.getByRole('status').textContent(), /declined/);
    assert.equal(sandbox.getOrder(payment.orderId).status, 'failed');
  });

  await check('3-D Secure Approve returns to returnUrl with the orderId', async () => {
    const payment = await createPayment({ paymentMethodType: 'CARD', card: 'redirect' });
    await page.goto(payment.action.redirectUrl);
    await expectNoAxeViolations();
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(`${SHOP}/return?orderId=${payment.orderId}`);
    assert.equal(sandbox.getOrder(payment.orderId).status, 'success');
  });

  await check('the 3-D Secure POST form variant works from a real form submission', async () => {
    const payment = await createPayment({ paymentMethodType: 'CARD', card: 'post_form' });
    const { redirectUrl, postData } = payment.action;
    const inputs = Object.entries(postData).map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`).join('');
    await page.goto(`${SHOP}/checkout`);
    await page.setContent(`<form method="post" action="${redirectUrl}">${inputs}<button>Continue</button></form>`);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Decline' }).click();
    await page.waitForURL(`${SHOP}/return?orderId=${payment.orderId}`);
    assert.equal(sandbox.getOrder(payment.orderId).status, 'failed');
  });

  await check('a varied sandbox: on a phone, every method\'s answer leads to a page where Approve pays', async () => {
    const varied = createSandbox({ seed: 'e2e-varied', variants: true });
    const { url: variedUrl } = await varied.listen({ port: 0 });
    try {
      for (const method of ['ALIPAY', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT']) {
        const instrument = varied.createInstrument({ type: method, customerId: 'cus_e2e' });
        const response = await fetch(`${variedUrl}/api/payment`, {
          method: 'POST',
          headers: { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': String(Date.now()), 'Content-Type': 'application/json' },
          body: JSON.stringify({
            paymentMethodType: method, paymentInstrumentId: instrument.id, customerId: 'cus_e2e', returnUrl: `${SHOP}/return`,
            amount: 3, currency: 'USD', platformType: 'WAP', deviceType: 'Android',
          }),
        });
        const { data } = await response.json();
        const wallet = data.action.walletHandleRedirectOrDisplayQrCode ?? {};
        const web = (value) => typeof value === 'string' && /^https?:/.test(value);
        // As the shared reference's phone rules: an http(s) redirect, else mobileAuthUrl, whose app link falls back.
        // PROMPTPAY and QRIS may offer only their QR: the customer scans it with another phone.
        const target = [data.action.redirectUrl, wallet.mobileAuthUrl, wallet.fallbackUrl, wallet.hostedInstructionsUrl].find(web) ?? (await scanPng(wallet));
        assert.ok(target, `${method}: no web page to continue on`);
        await page.goto(target);
        const payHere = page.getByRole('link', { name: 'Pay on this device instead' });
        if (await payHere.count()) await payHere.click();
        await page.getByRole('button', { name: 'Approve' }).click();
        assert.match(await page.getByRole('status').textContent(), /Payment approved/, method);
        assert.equal(varied.getOrder(data.orderId).status, 'success', method);
      }
      await expectNoAxeViolations();
    } finally {
      await varied.close();
    }
  });

  await check('the index page lists orders accessibly', async () => {
    await page.goto(`${url}/`);
    await expectNoAxeViolations();
    assert.ok((await page.getByRole('row').count()) > 1);
  });
  await check('the pages keep their contrast in dark mode', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    try {
      const wallet = await createPayment({ paymentMethodType: 'ALIPAY' });
      const card = await createPayment({ paymentMethodType: 'CARD', card: 'redirect' });
      for (const target of [`${url}/`, wallet.action.redirectUrl, wallet.action.walletHandleRedirectOrDisplayQrCode.hostedInstructionsUrl, card.action.redirectUrl]) {
        await page.goto(target);
        assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor), 'rgb(17, 18, 20)');
        await expectNoAxeViolations();
      }
    } finally {
      await page.emulateMedia({ colorScheme: 'light' });
    }
  });
} finally {
  await browser.close();
  await sandbox.close();
}

if (failures > 0) {
  console.error(`${failures} browser check(s) failed`);
  process.exit(1);
}
