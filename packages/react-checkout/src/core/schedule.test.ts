import { describe, expect, it } from 'vitest';
import { statusCheckDelay } from './schedule.js';

describe('statusCheckDelay', () => {
  it('checks every 2 s during the first minute, then every 10 s', () => {
    expect(statusCheckDelay({ elapsedMs: 0, consecutiveErrors: 0 })).toBe(2_000);
    expect(statusCheckDelay({ elapsedMs: 59_999, consecutiveErrors: 0 })).toBe(2_000);
    expect(statusCheckDelay({ elapsedMs: 60_000, consecutiveErrors: 0 })).toBe(10_000);
  });

  it('doubles the wait for every failed check in a row, up to a minute', () => {
    expect([1, 2, 3, 4, 5, 6].map((consecutiveErrors) => statusCheckDelay({ elapsedMs: 0, consecutiveErrors }))).toEqual([
      4_000, 8_000, 16_000, 32_000, 60_000, 60_000,
    ]);
    // Never shorter than the normal schedule.
    expect(statusCheckDelay({ elapsedMs: 120_000, consecutiveErrors: 1 })).toBe(10_000);
  });
});
