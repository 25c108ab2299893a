import '@testing-library/jest-dom/vitest';
import { afterEach, beforeEach, vi } from 'vitest';
import { recordConsoleError, takeUnexpectedConsoleErrors } from './src/react/test-support/console.js';

// Testing Library only advances fake timers inside its async helpers when a global `jest` exists.
(globalThis as unknown as { jest: unknown }).jest = {
  advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms),
};

// The QR encoder is loaded lazily by the components. Under fake timers, waitFor's budget runs out after
// a few real milliseconds, so load the module once up front instead of racing a slow import on a busy machine.
await import('qrcode.react');

// React Query hands its updates to React on a zero-delay timer. Fake timers started inside a tick postpone a
// zero-delay timer by 1 ms, so an update would wait for the clock to move; a microtask keeps `settle()` (which
// never moves the clock) able to deliver it. Only the delivery changes; what React Query decides does not.
const { notifyManager } = await import('@tanstack/react-query');
notifyManager.setScheduler(queueMicrotask);

// An error React (or our code) logs is a failure unless the test announced it (`expectConsoleError`): act
// warnings, key warnings, hydration mismatches and errors thrown in effects all end up here.
const logError = console.error.bind(console);
beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (!recordConsoleError(args)) logError(...args);
  });
});
afterEach(() => {
  const unexpected = takeUnexpectedConsoleErrors();
  if (unexpected.length > 0) {
    throw new Error(`Unexpected console.error (${unexpected.length}):\n${unexpected.map((text) => text.slice(0, 600)).join('\n---\n')}`);
  }
});
