// @ts-check
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { chooseMethod, launchBrowser, payButton, screenshots, startTestStore } from './harness.mjs';

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** The narrowest phones in use, a common phone, and a laptop. */
const WIDTHS = [
  { width: 320, height: 640 },
  { width: 393, height: 852 },
  { width: 1366, height: 768 },
];

/**
 * Parts of the page that stick out of the box they belong to, and how far, in CSS pixels.
 * @param {import('playwright-core').Page} page
 */
function overflowingParts(page) {
  return page.evaluate(() => {
    /** @param {string} selector */
    const box = (selector) => {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector} on the page`);
      return element.getBoundingClientRect();
    };
    /** @type {string[]} */
    const problems = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways by ${root.scrollWidth - root.clientWidth} px`);
    const card = box('.product');
    const inside = {
      '#product-name': 'the product name',
      '.product .muted': 'the description',
      '.quantity input': 'the quantity field',
      'button[aria-label="One bag more"]': 'the "+" button',
    };
    for (const [selector, name] of Object.entries(inside)) {
      const part = box(selector);
      if (part.right > card.right + 0.5) problems.push(`${name} sticks out of its card by ${Math.round(part.right - card.right)} px`);
      if (part.left < card.left - 0.5) problems.push(`${name} starts ${Math.round(card.left - part.left)} px left of its card`);
    }
    const header = box('.site-header');
    if (header.width < root.scrollWidth) problems.push('the header is narrower than the page');
    return problems;
  });
}

for (const viewport of WIDTHS) {
  test(`at ${viewport.width} px wide the store fits: nothing clipped, no sideways scroll, axe clean`, async (t) => {
    const store = await startTestStore(t);
    const context = await browser.newContext({ viewport, locale: 'en-US' });
    t.after(() => context.close());
    const page = await context.newPage();
    const shot = await screenshots(t);

    await page.goto(store.url);
    await payButton(page).waitFor();
    await page.getByText('Test mode: local Clink sandbox').waitFor();
    await shot(page, 'store page');
    assert.deepEqual(await overflowingParts(page), []);
    const initial = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(initial.violations.map((v) => v.id), []);

    // The QR panel is the widest thing a wallet payment adds.
    await chooseMethod(page, 'WeChat Pay');
    await payButton(page).click();
    await page.locator('.clink-qr__code').waitFor();
    await shot(page, 'WeChat Pay QR code');
    assert.deepEqual(await overflowingParts(page), []);
    const withQr = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(withQr.violations.map((v) => v.id), []);
  });
}
