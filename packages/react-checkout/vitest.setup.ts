import '@testing-library/jest-dom/vitest';
import { vi } from 'vitest';

// Testing Library only advances fake timers inside its async helpers when a global `jest` exists.
(globalThis as unknown as { jest: unknown }).jest = {
  advanceTimersByTime: (ms: number) => vi.advanceTimersByTime(ms),
};
