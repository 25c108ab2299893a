// @ts-check
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chooseMethod, launchBrowser, openPage, payButton, screenshots, startTestStore } from './harness.mjs';

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** @param {Awaited<ReturnType<AxeBuilder['analyze']>>['violations']} violations */
function describe(violations) {
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`).join('\n');
}

test('axe finds no violations on the store page, with the card options and with a QR code', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);

  await page.goto(store.url);
  await payButton(page).waitFor();
  await page.getByText('Test mode: local Clink sandbox').waitFor();
  await shot(page, 'store page');
  const initial = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(initial.violations, [], describe(initial.violations));

  await chooseMethod(page, 'WeChat Pay');
  await payButton(page).click();
  await page.locator('.clink-qr__code').waitFor();
  await shot(page, 'store page with a QR code');
  const withQr = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(withQr.violations, [], describe(withQr.violations));
});

test('axe finds no violations on the return page, paid or unknown', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);

  // A card order created and approved without the page: only the return page is under test. The
  // create goes through the page's context, so the order belongs to the browser's session.
  const response = await page.request.post(`${store.url}/api/checkout/payments`, {
    headers: { 'Content-Type': 'application/json' },
    data: JSON.stringify({ paymentMethodType: 'CARD', payload: { productId: 'house-blend-250g', quantity: 1 } }),
  });
  const { orderId } = await response.json();
  store.sandbox.succeed(orderId);

  await page.goto(`${store.url}/return?orderId=${orderId}`);
  await page.getByRole('heading', { name: 'Paid' }).waitFor();
  await shot(page, 'paid');
  const paid = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(paid.violations, [], describe(paid.violations));

  await page.goto(`${store.url}/return?orderId=ord_not_from_this_shop`);
  await page.getByRole('heading', { name: 'We cannot find this order' }).waitFor();
  await shot(page, 'unknown order');
  const unknown = await new AxeBuilder({ page }).analyze();
  assert.deepEqual(unknown.violations, [], describe(unknown.violations));
});

test('every page has the shop\'s icon, and nothing a page loads is missing', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);
  /** @type {string[]} */
  const missing = [];
  page.on('response', (response) => {
    if (response.status() >= 400) missing.push(`${response.status()} ${response.url()}`);
  });

  for (const path of ['/', '/return?orderId=ord_not_from_this_shop']) {
    await page.goto(`${store.url}${path}`);
    await page.locator('h2').first().waitFor();
    const iconUrl = await page.locator('link[rel~="icon"]').getAttribute('href');
    if (!iconUrl?.startsWith('/')) assert.fail(`${path}: the page names an icon of the shop's own, not ${iconUrl}`);
    await shot(page, `page ${path}`);
    const icon = await page.request.get(new URL(iconUrl, store.url).href);
    assert.equal(icon.status(), 200, `${path}: ${iconUrl}`);
    assert.match(icon.headers()['content-type'] ?? '', /^image\//);
  }
  // A browser asks for /favicon.ico by itself where a document names no icon (a JSON answer in a tab).
  const fallback = await page.request.get(`${store.url}/favicon.ico`);
  assert.equal(fallback.status(), 200, '/favicon.ico');
  assert.match(fallback.headers()['content-type'] ?? '', /^image\//);
  // The unknown order's 404 is the shop's answer about the order, not a missing file.
  assert.deepEqual(missing.filter((line) => !line.includes('/api/orders/ord_not_from_this_shop')), []);
});
