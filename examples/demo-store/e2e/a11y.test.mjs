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
