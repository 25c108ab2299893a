// @ts-check
/**
 * What `npm start` gives a newcomer: `server/main.ts` started as `npm start` starts it, with
 * `QR_EXPIRES_IN` for a QR code that expires while they watch, and the sandbox's orders page.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { decodeQr, launchBrowser, openPage, parseCountdown, screenshots, startProcess, startQrPayment } from './harness.mjs';

/** @type {import('playwright-core').Browser} */
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(() => browser?.close());

/** @param {import('node:test').TestContext} t */
async function emptyDataDir(t) {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-start-'));
  t.after(() => rm(dataDir, { recursive: true, force: true }));
  return dataDir;
}

test('QR_EXPIRES_IN=4: the Cash App Pay QR code expires within seconds and can be refreshed; the sandbox lists the order', { timeout: 60_000 }, async (t) => {
  const env = { PORT: '0', SANDBOX_PORT: '0', DATA_DIR: await emptyDataDir(t), QR_EXPIRES_IN: '4' };
  const [output, storeUrl, sandboxUrl] = await startProcess(
    t,
    ['--import', 'tsx', 'server/main.ts'],
    env,
    /Demo store: (http:\/\/\S+)[\s\S]*Sandbox orders and test controls: (http:\/\/\S+)\/\n[\s\S]*Ctrl-C stops/,
  );
  assert.match(output, /QR codes expire after 4 s \(QR_EXPIRES_IN\)\./);

  const { page } = await openPage(t, browser);
  const shot = await screenshots(t);
  await page.goto(storeUrl);
  const { payment, qr, payload: firstPayload } = await startQrPayment(page, 'Cash App Pay');
  const secondsLeft = parseCountdown(await page.getByRole('timer').textContent());
  assert.ok(secondsLeft <= 4, `the countdown starts from QR_EXPIRES_IN, not 15 minutes: ${secondsLeft} s`);
  await shot(page, 'a QR code that lives 4 seconds');

  await page.getByText('This QR code has expired.').waitFor({ timeout: 10_000 });
  await shot(page, 'expired');
  await page.getByRole('button', { name: 'Refresh QR code' }).click();
  await qr.waitFor();
  assert.notEqual(decodeQr(await qr.screenshot()), firstPayload, 'a new QR code');
  await shot(page, 'refreshed');

  await page.goto(`${sandboxUrl}/`);
  await page.getByRole('link', { name: payment.orderId }).waitFor();
  await shot(page, 'the sandbox orders page');
});

test('a QR_EXPIRES_IN that is not a number of seconds stops the start with a message saying what was wrong', { timeout: 60_000 }, async (t) => {
  const env = { PORT: '0', SANDBOX_PORT: '0', DATA_DIR: await emptyDataDir(t), QR_EXPIRES_IN: '30s' };
  await assert.rejects(
    startProcess(t, ['--import', 'tsx', 'server/main.ts'], env, /Demo store: /),
    (error) => {
      assert.match(String(error), /exited with 1 before it was ready/);
      assert.match(
        String(error),
        /The demo store could not start: QR_EXPIRES_IN must be a whole number of seconds from 1 to 86400 \(e\.g\. QR_EXPIRES_IN=30\), got "30s"\./,
      );
      return true;
    },
  );
});
