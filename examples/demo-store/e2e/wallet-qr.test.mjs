// @ts-check
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  chooseMethod,
  decodeQr,
  escapeRegExp,
  launchBrowser,
  openPage,
  ordersOnDisk,
  parseCountdown,
  payButton,
  screenshots,
  startQrPayment,
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

test('desktop WeChat Pay: a QR code with a countdown, paid from the phone page', async (t) => {
  const store = await startTestStore(t);
  const { context, page } = await openPage(t, browser);
  const shot = await screenshots(t);

  await page.goto(store.url);
  await page.getByRole('button', { name: 'One bag more' }).click();
  await page.getByTestId('cart-total').filter({ hasText: '$25.00' }).waitFor();
  await chooseMethod(page, 'WeChat Pay');
  await shot(page, 'two bags, WeChat Pay chosen');

  const created = await watchNextPayment(page);
  await payButton(page).click();
  const payment = await created.payment;
  assert.equal(payment.amount, 25, 'the server priced two bags');
  const qr = page.locator('.clink-qr__code');
  await qr.waitFor();

  const timer = page.getByRole('timer');
  const firstReading = parseCountdown(await timer.textContent());
  assert.ok(firstReading > 800 && firstReading <= 900, `a fresh sandbox QR lives 15 minutes, got ${firstReading} s`);
  const laterReading = await waitUntil(async () => parseCountdown(await timer.textContent()), (left) => left < firstReading, {
    timeoutMs: 3000,
    message: 'the countdown to go down',
  });
  assert.ok(laterReading < firstReading);
  await shot(page, 'QR code with countdown');

  const decoded = decodeQr(await qr.screenshot());
  assert.equal(decoded, payment.action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl);
  assert.match(decoded ?? '', new RegExp(`^${escapeRegExp(store.sandboxUrl)}/_sandbox/pay/${payment.orderId}\\?qr=`));

  const phone = await context.newPage();
  await phone.goto(/** @type {string} */ (decoded));
  await shot(phone, 'sandbox phone page');
  await phone.getByRole('button', { name: 'Approve' }).click();
  await shot(phone, 'approved on the phone');

  await page.getByRole('heading', { name: 'Paid' }).waitFor({ timeout: 15_000 });
  assert.equal(new URL(page.url()).pathname, '/return');
  await shot(page, 'store shows Paid');

  const onDisk = await ordersOnDisk(store);
  assert.deepEqual(Object.keys(onDisk), [payment.orderId]);
  assert.equal(onDisk[payment.orderId]?.outcome, 'paid');
  assert.equal(onDisk[payment.orderId]?.amount, 25);
  assert.equal(onDisk[payment.orderId]?.quantity, 2);
  assert.equal(store.sandbox.getOrder(payment.orderId)?.status, 'success');
});

test('a wallet payment declined on the phone stays on the store page, with the failure and "Try again"', async (t) => {
  const store = await startTestStore(t);
  const { context, page } = await openPage(t, browser);
  const shot = await screenshots(t);

  await page.goto(store.url);
  await page.getByRole('button', { name: 'One bag more' }).click();
  const { payment, qr, payload: decoded } = await startQrPayment(page, 'GCash');
  assert.ok(decoded, 'the QR code decodes');

  const phone = await context.newPage();
  await phone.goto(decoded);
  await phone.getByRole('button', { name: 'Decline' }).click();
  await phone.getByRole('status').filter({ hasText: 'Payment not completed' }).waitFor();
  await shot(phone, 'declined on the phone');

  // No return page for a wallet: the button's own panel says what happened, where the customer is.
  await page.getByText('Payment failed').waitFor({ timeout: 15_000 });
  assert.equal(new URL(page.url()).pathname, '/', 'the customer is still on the store page');
  assert.equal(await qr.count(), 0, 'the declined QR code is gone');
  await page.getByTestId('cart-total').filter({ hasText: '$25.00' }).waitFor();
  await shot(page, 'store page says the payment failed');
  await waitUntil(async () => (await ordersOnDisk(store))[payment.orderId]?.outcome, (outcome) => outcome === 'failed', {
    message: 'the store to record the failure',
  });

  const retried = await watchNextPayment(page);
  await page.getByRole('button', { name: 'Try again' }).click();
  const second = await retried.payment;
  assert.notEqual(second.orderId, payment.orderId, 'a retry is a new order');
  assert.equal(second.amount, 25, 'for the same two bags');
  await qr.waitFor();
  await shot(page, 'a new QR code after Try again');
});

test('Cash App Pay: the QR code expires, "Refresh QR code" brings a new one, which pays', async (t) => {
  const store = await startTestStore(t, { qrExpiresInSeconds: 3 });
  const { context, page } = await openPage(t, browser);
  const shot = await screenshots(t);

  await page.goto(store.url);
  const { payment, qr, payload: firstPayload } = await startQrPayment(page, 'Cash App Pay');
  assert.ok(firstPayload, 'the first QR code decodes');
  await shot(page, 'first QR code');

  await page.getByText('This QR code has expired.').waitFor({ timeout: 8000 });
  await shot(page, 'QR code expired');

  const refreshed = page.waitForResponse((r) => r.url().endsWith(`/api/checkout/payments/${payment.orderId}/refresh`));
  await page.getByRole('button', { name: 'Refresh QR code' }).click();
  assert.equal((await refreshed).status(), 200);
  await qr.waitFor();
  const secondPayload = await waitUntil(
    async () => decodeQr(await qr.screenshot()),
    (value) => value !== undefined && value !== firstPayload,
    { message: 'a different QR code after the refresh' },
  );
  assert.match(secondPayload ?? '', new RegExp(`/_sandbox/pay/${payment.orderId}\\?qr=`));
  await shot(page, 'new QR code');

  const phone = await context.newPage();
  await phone.goto(/** @type {string} */ (secondPayload));
  await phone.getByRole('button', { name: 'Approve' }).click();
  await shot(phone, 'approved on the phone');

  await page.getByRole('heading', { name: 'Paid' }).waitFor({ timeout: 15_000 });
  await shot(page, 'store shows Paid');
  assert.equal((await ordersOnDisk(store))[payment.orderId]?.outcome, 'paid');
});

test('Cash App Pay: the sandbox ends the order early, and the store page takes its code away at once', async (t) => {
  const store = await startTestStore(t);
  const { context, page } = await openPage(t, browser);
  const shot = await screenshots(t);

  await page.goto(store.url);
  const { payment, qr, payload } = await startQrPayment(page, 'Cash App Pay');
  assert.ok(payload, 'the QR code decodes');
  assert.ok(parseCountdown(await page.getByRole('timer').textContent()) > 800, 'the code has minutes to go');

  const control = await fetch(`${store.sandboxUrl}/_sandbox/orders/${payment.orderId}/expire`, { method: 'POST' });
  assert.equal(control.status, 200);

  await page.getByText('Payment failed').waitFor({ timeout: 15_000 });
  assert.equal(await qr.count(), 0, 'the code the order can no longer take is gone');
  assert.equal(await page.getByRole('timer').count(), 0, 'no countdown left running');
  await page.getByRole('button', { name: 'Try again' }).waitFor();
  await shot(page, 'store page after the order expired');
  await page.setViewportSize({ width: 393, height: 852 });
  await shot(page, 'store page after the order expired, narrow');

  const phone = await context.newPage();
  await phone.goto(payload);
  assert.equal(await phone.getByRole('button', { name: 'Approve' }).count(), 0, 'the phone page no longer offers to pay');
  await shot(phone, 'phone page of the expired order');
});

test('a double click on pay creates one order', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);

  await page.goto(store.url);
  await chooseMethod(page, 'WeChat Pay');
  let creates = 0;
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/checkout/payments' && request.method() === 'POST') creates += 1;
  });
  await payButton(page).dblclick();
  await page.locator('.clink-qr__code').waitFor();
  // Give a second create (if any) the time to arrive.
  await page.waitForTimeout(750);
  await shot(page, 'one QR code after a double click');

  assert.equal(store.sandbox.listOrders().length, 1, `orders in the sandbox (${creates} create requests)`);
  assert.equal(store.orders.list().length, 1, 'orders in the store');
});

test('on a computer, every other wallet starts with a scannable QR code, and Alipay with its own page', async (t) => {
  const store = await startTestStore(t);
  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);
  await page.goto(store.url);

  for (const label of ['GCash', 'KakaoPay', "Touch 'n Go eWallet", 'PromptPay', 'QRIS']) {
    const { payment, payload: decoded } = await startQrPayment(page, label);
    await page.getByRole('timer').waitFor();
    assert.match(
      decoded ?? '',
      new RegExp(`^${escapeRegExp(store.sandboxUrl)}/_sandbox/pay/${payment.orderId}\\?qr=`),
      `${label}: the QR code leads to the sandbox phone page of its order`,
    );
    await shot(page, `${label} QR code`);
  }

  await chooseMethod(page, 'Alipay');
  const created = await watchNextPayment(page);
  await payButton(page).click();
  const payment = await created.payment;
  await page.waitForURL(`${store.sandboxUrl}/_sandbox/instructions/${payment.orderId}`);
  await page.getByRole('heading', { name: 'How to pay with ALIPAY' }).waitFor();
  await shot(page, 'Alipay instructions page');
  assert.equal(store.sandbox.listOrders().length, 6);
  assert.equal(store.orders.list().length, 6);
});
