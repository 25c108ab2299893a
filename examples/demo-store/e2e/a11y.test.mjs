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
