// Browser check of the sandbox's pages: real Chromium, real clicks, axe, and a QR decoded from a screenshot.
// Run after `pnpm run build`: `pnpm run test:browser`.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { chromium } from 'playwright-core';
import { createSandbox, PAYMENT_METHOD_TYPES, SANDBOX_API_KEY, SANDBOX_CARD_CUSTOMER, SANDBOX_CARD_INSTRUMENTS } from '../dist/index.js';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOP = 'https://shop.example';
// Screenshots of every page at every size, light and dark, to look at: packages/sandbox/.e2e-artifacts/.
const ARTIFACTS = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '.e2e-artifacts');
rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS, { recursive: true });
/** The narrowest phones in use, a common phone, and a laptop. */
const VIEWPORTS = [
  { width: 320, height: 640 },
  { width: 393, height: 852 },
  { width: 1366, height: 768 },
];

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

  // One order of every method, as a tester would find them after trying each.
  const everyMethod = {};
  for (const type of PAYMENT_METHOD_TYPES) {
    everyMethod[type] = await createPayment(type === 'CARD' ? { paymentMethodType: 'CARD', card: 'redirect' } : { paymentMethodType: type });
  }
  sandbox.succeed(everyMethod.GCASH.orderId);
  sandbox.fail(everyMethod.KAKAO.orderId);
  const wallet = (type) => everyMethod[type].action.walletHandleRedirectOrDisplayQrCode;
  const pages = {
    'orders': `${url}/`,
    'phone page': wallet('WECHAT').mobileAuthUrl,
    'instructions page': wallet('CASHAPP').hostedInstructionsUrl,
    '3-D Secure page': everyMethod.CARD.action.redirectUrl,
    'approved order': wallet('GCASH').mobileAuthUrl,
    'not found': `${url}/_sandbox/pay/ord_missing`,
  };

  await check('every page names methods and statuses in words ("WeChat Pay", "Waiting for the customer"), never by their API values', async () => {
    // QRIS is its own name; every other method's API value differs from its name.
    const apiValues = new RegExp(`\\b(${PAYMENT_METHOD_TYPES.filter((type) => type !== 'QRIS').join('|')})\\b|requires_action|partial_refunded|\\bsuccess\\b`);
    for (const [name, target] of Object.entries(pages)) {
      await page.goto(target);
      const text = await page.locator('body').innerText();
      assert.doesNotMatch(text, apiValues, `${name}: ${text}`);
    }
    await page.goto(`${url}/`);
    const row = (type) => page.getByRole('row').filter({ has: page.getByRole('link', { name: everyMethod[type].orderId }) });
    // A cell's value, without the heading a phone shows next to it.
    const cell = (type, column) => row(type).getByRole('cell').nth(column).locator(':scope > span:last-child').innerText();
    for (const [type, name] of [['WECHAT', 'WeChat Pay'], ['CASHAPP', 'Cash App Pay'], ['TNG', "Touch 'n Go eWallet"], ['KAKAO', 'KakaoPay'], ['CARD', 'Card']]) {
      assert.equal(await cell(type, 1), name, type);
    }
    assert.equal(await cell('WECHAT', 3), 'Waiting for the customer');
    assert.equal(await cell('GCASH', 3), 'Paid');
    assert.match(await cell('KAKAO', 3), /^Failed/);
  });

  await check('the orders and instruments tables fit their card at 320, 393 and 1366 px, light and dark, with axe clean', async () => {
    for (const viewport of VIEWPORTS) {
      for (const colorScheme of ['light', 'dark']) {
        const sized = await browser.newContext({ bypassCSP: true, viewport, colorScheme });
        try {
          const sizedPage = await sized.newPage();
          await sizedPage.goto(`${url}/`);
          await sizedPage.screenshot({ path: path.join(ARTIFACTS, `orders-${viewport.width}-${colorScheme}.png`), fullPage: true });
          const overflow = await sizedPage.evaluate(() => {
            const problems = [];
            const root = document.documentElement;
            if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth} px`);
            const card = document.querySelector('main').getBoundingClientRect();
            for (const table of document.querySelectorAll('table')) {
              const box = table.getBoundingClientRect();
              const name = table.querySelector('caption')?.textContent;
              if (box.right > card.right + 0.5 || box.left < card.left - 0.5) problems.push(`${name} sticks out of its card`);
              for (const cell of table.querySelectorAll('td')) {
                if (cell.scrollWidth > cell.clientWidth + 1) problems.push(`${name}: "${cell.innerText}" is cut off`);
              }
            }
            return problems;
          });
          assert.deepEqual(overflow, [], `${viewport.width} px ${colorScheme}`);
          await sizedPage.addScriptTag({ content: axeSource });
          const violations = await sizedPage.evaluate(async () => (await window.axe.run()).violations.map((v) => `${v.id} (${v.nodes.length})`));
          assert.deepEqual(violations, [], `axe at ${viewport.width} px ${colorScheme}`);
          // The other pages, for the record (their layout is one narrow card at every size).
          for (const [name, target] of Object.entries(pages)) {
            if (name === 'orders') continue;
            await sizedPage.goto(target);
            await sizedPage.screenshot({ path: path.join(ARTIFACTS, `${name.replace(/\W+/g, '-')}-${viewport.width}-${colorScheme}.png`), fullPage: true });
          }
        } finally {
          await sized.close();
        }
      }
    }
  });

  await check('every page has an icon that loads, and /favicon.ico answers too (no 404 in a browser tab)', async () => {
    for (const [name, target] of Object.entries(pages)) {
      await page.goto(target);
      const href = await page.locator('link[rel~="icon"]').getAttribute('href');
      assert.ok(href, `${name}: no <link rel="icon">`);
      const icon = await page.request.get(new URL(href, page.url()).href);
      assert.equal(icon.status(), 200, `${name}: ${href}`);
      assert.equal(icon.headers()['content-type'], 'image/svg+xml');
    }
    for (const target of [`${url}/favicon.ico`, `${url}/_sandbox/orders`]) {
      // A JSON answer opened in a tab names no icon: the browser asks for /favicon.ico.
      const response = await page.request.get(new URL('/favicon.ico', target).href);
      assert.equal(response.status(), 200, target);
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
