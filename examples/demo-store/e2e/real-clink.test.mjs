// @ts-check
/**
 * The store as a merchant runs it with a real key: `CLINK_API_KEY` and `CLINK_BASE_URL` point it at a
 * Clink it does not start itself. Here that Clink is a separately started `clink-sandbox --variants`,
 * which answers in every shape Clink's contract allows (images as URLs, data URLs or bare Base64, fields
 * left out, errors inside HTTP 200, undocumented order statuses, …) and, like Clink, refuses a payment
 * without an existing instrument of its method that belongs to the customer. Every wallet is paid in
 * Chromium as a customer would, with instruments the checkout handler creates through the API.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import {
  chooseMethod,
  decodeQr,
  freePort,
  launchBrowser,
  openPage,
  PACKAGE_DIR,
  payButton,
  screenshots,
  startProcess,
  watchNextPayment,
} from './harness.mjs';

const SANDBOX_BIN = path.resolve(PACKAGE_DIR, '../../packages/sandbox/dist/bin.js');
const API_KEY = 'sk_test_demo_store_real_key';
const WEBHOOK_SECRET = 'whsec_demo_store_real_key';
const SEED = 'demo-store-real-key';
const WALLETS = ['Alipay', 'WeChat Pay', 'Cash App Pay', 'GCash', 'KakaoPay', "Touch 'n Go eWallet", 'PromptPay', 'QRIS'];

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

test('with CLINK_API_KEY and CLINK_BASE_URL, the store pays every wallet on a Clink that varies its answers', async (t) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-real-key-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  const storePort = await freePort();
  const [, clinkUrl] = await startProcess(
    t,
    [SANDBOX_BIN, '--port', '0', '--variants', '--seed', SEED, '--api-key', API_KEY, '--webhook-secret', WEBHOOK_SECRET,
      '--webhook-url', `http://127.0.0.1:${storePort}/api/checkout/webhooks`, '--quiet'],
    {},
    /listening on (http:\/\/\S+) /,
  );
  const [, storeUrl] = await startProcess(
    t,
    ['--import', 'tsx', 'server/main.ts'],
    { PORT: String(storePort), DATA_DIR: dataDir, CLINK_API_KEY: API_KEY, CLINK_BASE_URL: `${clinkUrl}/api`, CLINK_WEBHOOK_SECRET: WEBHOOK_SECRET },
    /Demo store: (http:\/\/\S+)/,
  );

  const { context, page, consoleErrors } = await openPage(t, browser);
  const shot = await screenshots(t);
  await page.goto(storeUrl);
  await page.getByText(/^Unavailable: set CLINK_CARD_INSTRUMENT_ID/).waitFor();
  assert.equal(await page.getByRole('radio', { name: /^Card/ }).isDisabled(), true, 'cards need a saved card the store was not given');
  await shot(page, 'store on a Clink with a real key, cards unavailable');

  for (const wallet of WALLETS) {
    await page.goto(storeUrl);
    await chooseMethod(page, wallet);
    const created = await watchNextPayment(page);
    await payButton(page).click();
    const payment = await created.payment;

    // Whatever shape Clink chose, the customer ends on the sandbox's phone page for this order and approves.
    const qr = page.locator('.clink-qr__code');
    const phonePage = `${clinkUrl}/_sandbox/pay/${payment.orderId}`;
    await Promise.race([qr.waitFor(), page.waitForURL((url) => url.href.startsWith(`${clinkUrl}/_sandbox/`))]);
    if (page.url().startsWith(clinkUrl)) {
      await shot(page, `${wallet}: Clink's page`);
      await page.goto(phonePage);
    } else {
      await shot(page, `${wallet}: QR code`);
      const decoded = decodeQr(await qr.screenshot());
      assert.ok(decoded?.startsWith(phonePage), `${wallet}: the QR code leads to the phone page of order ${payment.orderId}, got ${decoded}`);
      const phone = await context.newPage();
      await phone.goto(/** @type {string} */ (decoded));
      await phone.getByRole('button', { name: 'Approve' }).click();
      await shot(phone, `${wallet}: approved on the phone page`);
      await phone.close();
    }
    if (page.url().startsWith(clinkUrl)) {
      await page.getByRole('button', { name: 'Approve' }).click();
      await page.goto(`${storeUrl}/return?orderId=${encodeURIComponent(payment.orderId)}`);
    }
    await page.getByRole('heading', { name: 'Paid' }).waitFor({ timeout: 20_000 }).catch(async (error) => {
      await shot(page, `${wallet}: not paid`);
      throw new Error(`${error.message}\nat ${page.url()}\n${consoleErrors.join('\n')}`);
    });
    await shot(page, `${wallet}: paid`);
  }

  // Every payment was made with a wallet instrument the handler created through Clink's API, one per method.
  const instruments = await (await fetch(`${clinkUrl}/_sandbox/instruments`)).json();
  const wallets = instruments.data.filter((/** @type {{ type: string }} */ instrument) => instrument.type !== 'CARD');
  assert.deepEqual(
    wallets.map((/** @type {{ type: string }} */ instrument) => instrument.type).sort(),
    ['ALIPAY', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT'],
  );
});
