// Smoke test of the static Storybook (`storybook build` output): serve it, open a story's iframe in
// Chromium, and check that the story rendered and its play function finished without an error.
// Usage: node stories/smoke-static.mjs [storybook-static] [story-id] [expected text]
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { preview } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.resolve(root, process.argv[2] ?? 'storybook-static');
const storyId = process.argv[3] ?? 'payment-methods-qris--desktop-paid';
const expectedText = process.argv[4] ?? 'Payment successful';
const REQUIRED_DOCS = [
  'components-clinkpaybutton--docs',
  'components-paymentactionrenderer--docs',
  'components-clinkcheckoutprovider--docs',
];

function fail(message) {
  console.error(`✗ storybook static smoke test: ${message}`);
  process.exitCode = 1;
}

if (!existsSync(path.join(outDir, 'index.json'))) {
  fail(`${outDir}/index.json is missing; run \`storybook build\` first`);
  process.exit();
}

const index = JSON.parse(readFileSync(path.join(outDir, 'index.json'), 'utf8'));
const entries = Object.values(index.entries);
const storyCount = entries.filter((entry) => entry.type === 'story').length;
const missingDocs = REQUIRED_DOCS.filter((id) => !(id in index.entries));
if (missingDocs.length > 0) fail(`docs pages missing from index.json: ${missingDocs.join(', ')}`);
if (!(storyId in index.entries)) fail(`story ${storyId} is missing from index.json`);

const server = await preview({
  root,
  configFile: false,
  logLevel: 'warn',
  build: { outDir },
  preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
});

try {
  const context = await browser.newContext({ viewport: { width: 1024, height: 800 } });
  const page = await context.newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  // Subscribe to Storybook's channel the moment the preview creates it, before the story can finish.
  await page.addInitScript(() => {
    window.__smoke = { finished: null, errors: [] };
    let channel;
    Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set(value) {
        channel = value;
        channel.on('storyFinished', (result) => (window.__smoke.finished = result));
        for (const event of ['storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing']) {
          channel.on(event, (detail) => window.__smoke.errors.push(`${event}: ${detail?.message ?? detail?.title ?? ''}`));
        }
      },
    });
  });
  const base = server.resolvedUrls.local[0];
  await page.goto(`${base}iframe.html?id=${encodeURIComponent(storyId)}&viewMode=story`);
  // `storyFinished` comes after the play function and the axe check (reported as `reporters`).
  await page.waitForFunction(() => window.__smoke.finished !== null, undefined, { timeout: 30_000 });
  const { finished, errors } = await page.evaluate(() => window.__smoke);
  const outcome =
    finished.status === 'success' && errors.length === 0
      ? { ok: true }
      : {
          ok: false,
          event: errors.join('; ') || 'storyFinished with status error',
          detail: finished.reporters
            .filter((report) => report.status !== 'passed')
            .map((report) =>
              report.type === 'a11y'
                ? `axe: ${(report.result?.violations ?? []).map((violation) => violation.id).join(', ')}`
                : `${report.type}: ${report.status}`,
            )
            .join('; '),
        };
  if (!outcome.ok) fail(`story ${storyId} did not render: ${outcome.event} ${outcome.detail ?? ''}`);
  const text = await page.locator('#storybook-root').innerText();
  if (!text.includes(expectedText)) fail(`story ${storyId} does not show "${expectedText}"; it shows: ${text.slice(0, 300)}`);

  // A docs page: the props table comes from the component's TypeScript types and JSDoc.
  const docs = await context.newPage();
  docs.on('pageerror', (error) => pageErrors.push(error.message));
  await docs.goto(`${base}iframe.html?id=components-clinkpaybutton--docs&viewMode=docs`);
  const table = docs.locator('#storybook-docs table.docblock-argstable');
  await table.waitFor({ timeout: 20_000 });
  const props = await table.innerText();
  for (const expected of ['paymentMethodType', 'renderAction', 'navigate', 'asChild', 'Place the action yourself']) {
    if (!props.includes(expected)) fail(`the ClinkPayButton docs page lacks "${expected}" in its props table`);
  }

  if (pageErrors.length > 0) fail(`page errors: ${pageErrors.join('; ')}`);
  if (!process.exitCode) console.log(`✓ storybook static: ${storyCount} stories indexed; ${storyId} rendered and its play function passed; the docs page lists the props`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
