// @ts-check
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  chooseMethod,
  launchBrowser,
  openPage,
  ordersOnDisk,
  payButton,
  screenshots,
  startTestStore,
  watchNextPayment,
} from './harness.mjs';

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  // With the back/forward cache, Back restores the store page exactly as it was left.
  browser = await launchBrowser({ backForwardCache: true });
});
after(() => browser?.close());

/**
 * @param {import('playwright-core').Page} page
 * @param {import('./harness.mjs').TestStore} store
 * @param {'3-D Secure redirect' | 'POST form'} variant
 * @param {() => Promise<unknown>} [beforePay] Runs on the store page just before the click.
 */
async function payByCard(page, store, variant, beforePay) {
  await page.goto(store.url);
  await chooseMethod(page, 'Card');
  await page.getByRole('radio', { name: variant }).check();
  await beforePay?.();
  const created = await watchNextPayment(page);
  const challenge = page.waitForRequest((r) => r.url().startsWith(`${store.sandboxUrl}/_sandbox/3ds/`));
  await payButton(page).click();
  const payment = await created.payment;
  const request = await challenge;
  await page.getByRole('heading', { name: '3-D Secure check' }).waitFor();
  return { payment, request };
}

test('card with a 3-D Secure redirect: approve, and the return page says Paid, also after a reload', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);

  const { payment, request } = await payByCard(page, store, '3-D Secure redirect');
  assert.equal(request.method(), 'GET');
  assert.equal(request.url(), `${store.sandboxUrl}/_sandbox/3ds/${payment.orderId}`);
  await shot(page, 'sandbox 3-D Secure page');

  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL(`${store.url}/return?orderId=${payment.orderId}`);
  await page.getByRole('heading', { name: 'Paid' }).waitFor();
  await shot(page, 'return page says Paid');
  assert.equal((await ordersOnDisk(store))[payment.orderId]?.outcome, 'paid');

  await page.reload();
  await page.getByRole('heading', { name: 'Paid' }).waitFor();
  await shot(page, 'still Paid after a reload');
});

test('card with a POST form: the 3-D Secure page is reached by a form POST, approve, Paid', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);

  const { payment, request } = await payByCard(page, store, 'POST form');
  assert.equal(request.method(), 'POST');
  const fields = new URLSearchParams(request.postData() ?? '');
  assert.equal(fields.get('MD'), payment.orderId);
  assert.deepEqual(Object.fromEntries(fields), payment.action.postData);
  await shot(page, 'sandbox 3-D Secure page after a POST');

  await page.getByRole('button', { name: 'Approve' }).click();
  await page.waitForURL(`${store.url}/return?orderId=${payment.orderId}`);
  await page.getByRole('heading', { name: 'Paid' }).waitFor();
  await shot(page, 'return page says Paid');
  assert.equal((await ordersOnDisk(store))[payment.orderId]?.outcome, 'paid');
});

test('a declined card shows the failure; "Try again" comes back to the same cart (quantity, card, card flow)', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);

  const threeBags = async () => {
    await page.getByRole('button', { name: 'One bag more' }).click();
    await page.getByRole('button', { name: 'One bag more' }).click();
    await page.getByTestId('cart-total').filter({ hasText: '$37.50' }).waitFor();
  };
  const { payment, request } = await payByCard(page, store, 'POST form', threeBags);
  assert.equal(request.method(), 'POST');
  assert.equal(payment.amount, 37.5);
  await page.getByRole('button', { name: 'Decline' }).click();
  await page.waitForURL(`${store.url}/return?orderId=${payment.orderId}`);
  await page.getByRole('heading', { name: 'Payment failed — try again' }).waitFor();
  await shot(page, 'return page says the payment failed');
  assert.equal((await ordersOnDisk(store))[payment.orderId]?.outcome, 'failed');

  await page.getByRole('link', { name: 'Try again' }).click();
  await page.waitForURL(`${store.url}/`);
  await payButton(page).waitFor();
  await shot(page, 'back on the store with the same cart');
  assert.equal(await page.getByRole('spinbutton', { name: 'Quantity' }).inputValue(), '3');
  await page.getByTestId('cart-total').filter({ hasText: '$37.50' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: /^Card/ }).isChecked(), true, 'Card is still chosen');
  assert.equal(await page.getByRole('radio', { name: 'POST form' }).isChecked(), true, 'the card flow is still POST form');

  const retried = await watchNextPayment(page);
  const challenge = page.waitForRequest((r) => r.url().startsWith(`${store.sandboxUrl}/_sandbox/3ds/`));
  await payButton(page).click();
  const second = await retried.payment;
  assert.notEqual(second.orderId, payment.orderId, 'a retry is a new order');
  assert.equal(second.amount, 37.5, 'the retry pays for three bags');
  assert.equal((await challenge).method(), 'POST', 'the retry goes through the POST form again');
  await page.getByRole('heading', { name: '3-D Secure check' }).waitFor();
  await shot(page, 'second attempt reaches the 3-D Secure page');

  // Paid: the cart is done with, and the next visit starts with a new one.
  await page.getByRole('button', { name: 'Approve' }).click();
  await page.getByRole('heading', { name: 'Paid' }).waitFor();
  await page.getByRole('link', { name: 'Back to the shop' }).click();
  await payButton(page).waitFor();
  assert.equal(await page.getByRole('spinbutton', { name: 'Quantity' }).inputValue(), '1');
  await shot(page, 'after paying, a new cart');
});

test('browser back from the 3-D Secure page leaves a usable pay button; the URL alone proves nothing', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);

  const { payment } = await payByCard(page, store, '3-D Secure redirect', () =>
    page.evaluate(() => Object.assign(window, { leftForThreeDs: true })),
  );
  await shot(page, 'sandbox 3-D Secure page');
  // A page restored from the back/forward cache fires no `load`; wait for the commit only.
  await page.goBack({ waitUntil: 'commit' });
  await page.waitForURL(`${store.url}/`, { waitUntil: 'commit' });
  assert.equal(
    await page.evaluate(() => 'leftForThreeDs' in window),
    true,
    'the store page came back from the back/forward cache, frozen as it was left',
  );
  await page.waitForFunction(() => {
    const buttons = [...document.querySelectorAll('button')].filter((b) => /^Pay with/.test(b.textContent ?? ''));
    return buttons.length === 1 && !buttons[0]?.disabled;
  });
  await shot(page, 'back on the store, the button works');

  const again = await watchNextPayment(page);
  await payButton(page).click();
  assert.notEqual((await again.payment).orderId, payment.orderId);
  await page.getByRole('heading', { name: '3-D Secure check' }).waitFor();
  await shot(page, 'pay again reaches the 3-D Secure page');

  // Visiting the return URL of the abandoned order (as a customer pressing back might) shows no success.
  await page.goto(`${store.url}/return?orderId=${payment.orderId}&status=success`);
  await page.getByRole('heading', { name: 'Waiting for payment…' }).waitFor();
  await shot(page, 'the abandoned order is still waiting');
});
