import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';

process.env.STORYBOOK_DISABLE_TELEMETRY = '1';

// Each package owns its test setup; the root run collects them all.
export default defineConfig({
  test: {
    // toMatchScreenshot races each capture against a timer it never clears (the story's 15 s screenshot
    // timeout), so the last visual story keeps the process alive that long after the run: wait it out
    // instead of reporting "close timed out".
    teardownTimeout: 20_000,
    projects: [
      'packages/protocol',
      'packages/server-helper',
      'packages/sandbox',
      'packages/react-checkout/vitest.core.config.ts',
      'packages/react-checkout/vitest.dom.config.ts',
      // examples/nextjs is tested by its own browser run (next build, next start), not by vitest.
      'examples/demo-store',
      // The same DOM tests again on React 18.
      'tests/react-18',
      {
        // Every story in stories/ is a test: its play function runs in headless Chromium, followed by axe.
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: {
          name: 'storybook',
          testTimeout: 20_000,
          // The screenshot comparison runs in an afterEach hook (stories/support/visual-regression.ts).
          hookTimeout: 30_000,
          // Stories tagged `visual` are compared with their reference screenshots (stories/__screenshots__).
          setupFiles: ['./stories/support/visual-regression.ts'],
          // Stories mostly wait on timers and the in-frame sandbox, so several pages at once pay off even on 2 cores.
          maxWorkers: 3,
          // Projects with their own worker count must run as a separate group: the browser tests go last.
          sequence: { groupOrder: 1 },
          browser: {
            enabled: true,
            headless: true,
            instances: [{ browser: 'chromium' }],
            expect: {
              toMatchScreenshot: {
                comparatorName: 'pixelmatch',
                // Tolerant of font antialiasing on another machine (per-pixel colour threshold, a few stray pixels),
                // strict enough that a moved or resized block fails: see stories/README.md.
                comparatorOptions: { threshold: 0.2, allowedMismatchedPixelRatio: 0.002 },
                resolveScreenshotPath: ({ root, arg, browserName, ext }) => `${root}/stories/__screenshots__/${arg}-${browserName}${ext}`,
                resolveDiffPath: ({ root, arg, browserName, ext }) => `${root}/.vitest-screenshots/${arg}-${browserName}${ext}`,
              },
            },
            provider: playwright({
              launchOptions: {
                executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
                args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
              },
            }),
          },
        },
      },
    ],
  },
});
