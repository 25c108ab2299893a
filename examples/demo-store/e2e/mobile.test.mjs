// @ts-check
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  chooseMethod,
  launchBrowser,
  openPage,
  payButton,
  recordNavigations,
  screenshots,
  startTestStore,
  waitUntil,
  watchNextPayment,
} from './harness.mjs';

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

const WALLETS = [
  { label: 'GCash', scheme: 'gcash', packageName: 'com.globe.gcash.android' },
  { label: 'KakaoPay', scheme: 'kakaotalk', packageName: 'com.kakao.talk' },
  { label: "Touch 'n Go eWallet", scheme: 'tngdwallet', packageName: 'my.com.tngdigital.ewallet' },
];

/**
 * The intent URL Chrome on Android needs, written out from its documented syntax.
 * @param {string} deepLink @param {string} packageName @param {string} fallbackUrl
 */
function expectedIntentUrl(deepLink, packageName, fallbackUrl) {
  const [, scheme, rest] = /** @type {RegExpExecArray} */ (/^([a-z]+):\/\/(.*)$/.exec(deepLink));
  return `intent://${rest}#Intent;scheme=${scheme};package=${packageName};S.browser_fallback_url=${encodeURIComponent(fallbackUrl)};end`;
}

for (const wallet of WALLETS) {
  test(`Android ${wallet.label}: "Open" launches the app by intent, then falls back to the browser`, async (t) => {
    const store = await startTestStore(t);
    const { page } = await openPage(t, browser, 'android');
    const shot = await screenshots(t);
    const navigations = await recordNavigations(page);

    await page.goto(store.url);
    await chooseMethod(page, wallet.label);
    const created = await watchNextPayment(page);
    await payButton(page).click();
    const payment = await created.payment;
    const details = payment.action.walletHandleRedirectOrDisplayQrCode;
    assert.equal(details.packageName, wallet.packageName, 'the store told the sandbox it is an Android phone');
    assert.ok(details.mobileAuthUrl.startsWith(`${wallet.scheme}://`));

    const open = page.getByRole('button', { name: `Open ${wallet.label}` });
    await open.waitFor();
    await shot(page, 'open app offered');

    const clickedAt = Date.now();
    await open.click({ noWaitAfter: true });
    const launched = await waitUntil(
      () => navigations.find((navigation) => navigation.url.startsWith('intent:')),
      (navigation) => navigation !== undefined,
      { timeoutMs: 3000, message: 'an intent:// navigation' },
    );
    assert.equal(launched?.url, expectedIntentUrl(details.mobileAuthUrl, wallet.packageName, details.fallbackUrl));
    await shot(page, 'app launch attempted');

    // No app took over and the page stayed visible, so after ~2.5 s the customer is offered the fallback.
    await page.getByText(`${wallet.label} did not open?`).waitFor({ timeout: 6000 });
    const waited = Date.now() - clickedAt;
    assert.ok(waited >= 2500, `the fallback waits ~2.5 s for the app, it came after ${waited} ms`);
    const link = page.getByRole('link', { name: 'Continue in the browser' });
    assert.equal(await link.getAttribute('href'), details.fallbackUrl);
    await shot(page, 'fallback offered');

    // After an intent:// launch it has no app for, headless Chromium stops delivering real pointer
    // input to the tab; a DOM click follows the link just as a tap would.
    await link.dispatchEvent('click');
    await page.waitForURL(details.fallbackUrl);
    await page.getByRole('button', { name: 'Approve' }).waitFor();
    await shot(page, 'fallback page in the browser');
  });
}

for (const wallet of WALLETS) {
  test(`iPhone ${wallet.label}: "Open" follows the app link itself, with no Android intent`, async (t) => {
    const store = await startTestStore(t);
    const { page } = await openPage(t, browser, 'iphone');
    const shot = await screenshots(t);
    const navigations = await recordNavigations(page);

    await page.goto(store.url);
    await chooseMethod(page, wallet.label);
    const created = await watchNextPayment(page);
    await payButton(page).click();
    const payment = await created.payment;
    const details = payment.action.walletHandleRedirectOrDisplayQrCode;
    assert.equal(details.packageName, undefined, 'no Android package for an iPhone');

    const open = page.getByRole('button', { name: `Open ${wallet.label}` });
    await open.waitFor();
    await shot(page, 'open app offered');
    await open.click({ noWaitAfter: true });
    const launched = await waitUntil(
      () => navigations.find((navigation) => navigation.url.startsWith(`${wallet.scheme}:`)),
      (navigation) => navigation !== undefined,
      { timeoutMs: 3000, message: `a ${wallet.scheme}:// navigation` },
    );
    assert.equal(launched?.url, details.mobileAuthUrl);
    assert.equal(navigations.filter((navigation) => navigation.url.startsWith('intent:')).length, 0);
    await shot(page, 'app launch attempted');
  });
}
