import '@testing-library/jest-dom/vitest';
import { vi } from 'vitest';

// Testing Library only advances fake timers inside its async helpers when a global `jest` exists.
(globalThis as unknown as { jest: unknown }).jest = {
  advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms),
};

// The QR encoder is loaded lazily by the components. Under fake timers, waitFor's budget runs out after
// a few real milliseconds, so load the module once up front instead of racing a slow import on a busy machine.
await import('qrcode.react');
