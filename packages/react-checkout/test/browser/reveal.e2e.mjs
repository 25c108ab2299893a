// In a real browser at laptop sizes: pressing "Pay with WeChat Pay" near the bottom of the first screen brings the
// QR code into view and moves focus to it (it used to render below the fold with focus on <body>), with smooth
// scrolling and with reduced motion. Every wait is for a condition in the page, never for time.
import { mkdirSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';

const root = fileURLToPath(new URL('./reveal-page', import.meta.url));
const outDir = fileURLToPath(new URL('../../node_modules/.reveal-page', import.meta.url));
/** Set SCREENSHOTS=<dir> to keep a screenshot of each case. */
const screenshots = process.env.SCREENSHOTS;

await build({ root, configFile: false, logLevel: 'warn', plugins: [react()], build: { outDir, emptyOutDir: true } });
const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
});

async function until(page, predicate, attempts = 200) {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (await page.evaluate(predicate)) return true;
    await sleep(50);
  }
  return false;
}

/** The whole QR panel (it fits these screens) inside the viewport, and focus on it. */
const qrInViewAndFocused = () => {
  const code = document.querySelector('.clink-qr__code');
  const view = document.querySelector('.clink-renderer');
  if (!code || !view || document.activeElement !== view) return false;
  const box = view.getBoundingClientRect();
  return code.getBoundingClientRect().height > 0 && box.top >= 0 && box.bottom <= window.innerHeight + 1;
};

const cases = [
  { width: 1366, height: 768, reducedMotion: 'no-preference' },
  { width: 1280, height: 800, reducedMotion: 'no-preference' },
  { width: 1366, height: 768, reducedMotion: 'reduce' },
];
let failed = false;
try {
  for (const { width, height, reducedMotion } of cases) {
    const name = `${width}x${height}, reduced motion: ${reducedMotion}`;
    const page = await browser.newPage({ viewport: { width, height }, reducedMotion });
    await page.goto(server.resolvedUrls.local[0]);
    const button = page.getByRole('button', { name: 'Pay with WeChat Pay' });
    // The premise: the button is on the first screen and the space below it is too short for a QR code.
    const { y } = await button.boundingBox();
    if (y > height || height - y > 300) throw new Error(`the page does not put the button near the fold at ${name} (y=${y})`);
    await button.click();
    if (await until(page, qrInViewAndFocused)) console.log(`✓ ${name}: the QR code is in view and focused after "Pay with WeChat Pay"`);
    else {
      failed = true;
      const where = await page.evaluate(() => ({ focus: document.activeElement?.className || document.activeElement?.tagName, top: document.querySelector('.clink-qr__code')?.getBoundingClientRect().top }));
      console.error(`✗ ${name}: the QR code is out of view or unfocused (${JSON.stringify(where)})`);
    }
    if (screenshots) {
      mkdirSync(screenshots, { recursive: true });
      await page.screenshot({ path: `${screenshots}/reveal-${width}x${height}-${reducedMotion}.png` });
    }
    await page.close();
  }
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
process.exit(failed ? 1 : 0);
