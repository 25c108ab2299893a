// In a real browser, on a paused clock: a QR code drawn in the browser appears as soon as the QR encoder's chunk
// has arrived, not after React's Suspense fallback throttle (300 ms, a timer). The page's clock stands still
// while the chunk arrives, so only work that needs no timer can draw the code: before the fix the placeholder
// stayed until the clock moved 300 ms; now the code is drawn without it. It waits for conditions, not for time.
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../node_modules/.drawn-qr-page', import.meta.url));
const ENCODER_CHUNK = /\/assets\/esm-[\w-]+\.js$/;

await build({ root: `${here}page`, configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } });
const server = await preview({ root: `${here}page`, configFile: false, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

/** Polls the page (in real time) until `predicate` holds or `attempts` run out. */
async function until(page, predicate, attempts = 300) {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await page.evaluate(predicate)) return true;
    await sleep(50);
  }
  return false;
}

let failed = false;
try {
  const page = await (await browser.newContext()).newPage();
  await page.clock.install();
  let deliver;
  const delivered = new Promise((resolve) => (deliver = resolve));
  await page.route(ENCODER_CHUNK, async (route) => {
    await delivered;
    await route.continue();
  });
  const chunk = page.waitForResponse(ENCODER_CHUNK, { timeout: 0 });
  await page.goto(server.resolvedUrls.local[0]);
  if (!(await until(page, () => document.querySelector('.clink-qr__placeholder') !== null))) throw new Error('no placeholder');
  // From here the page's timers stand still.
  await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1);
  deliver();
  await (await chunk).finished();
  const drawn = await until(page, () => document.querySelector('svg.clink-qr__svg') !== null && !document.querySelector('.clink-qr__placeholder'));
  if (!drawn) {
    failed = true;
    console.error('✗ the drawn QR code waited for a timer after its encoder arrived (Suspense hold-back)');
  } else console.log('✓ the drawn QR code appears as soon as its encoder arrives, with the page clock standing still');
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
process.exit(failed ? 1 : 0);
