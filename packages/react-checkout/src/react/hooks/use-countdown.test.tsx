import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useCountdown } from './use-countdown.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

describe('useCountdown', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ticks every second and expires at the deadline', () => {
    const { result } = renderHook(() => useCountdown(NOW + 3000));
    expect(result.current).toEqual({ secondsLeft: 3, expired: false });
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current.secondsLeft).toBe(2);
    act(() => vi.advanceTimersByTime(2000));
    expect(result.current).toEqual({ secondsLeft: 0, expired: true });
    expect(vi.getTimerCount()).toBe(0);
  });

  it('catches up after a long pause instead of counting ticks', () => {
    const { result } = renderHook(() => useCountdown(NOW + 100_000));
    act(() => {
      vi.setSystemTime(NOW + 40_000); // a throttled background tab
      vi.advanceTimersByTime(1000);
    });
    expect(result.current.secondsLeft).toBe(59);
  });

  it('restarts from a new deadline and has no count without one', () => {
    const { result, rerender } = renderHook(({ deadline }: { deadline: number | null }) => useCountdown(deadline), {
      initialProps: { deadline: NOW + 1000 as number | null },
    });
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current.expired).toBe(true);
    rerender({ deadline: NOW + 61_000 });
    expect(result.current).toEqual({ secondsLeft: 60, expired: false });
    act(() => vi.advanceTimersByTime(1000));
    expect(result.current.secondsLeft).toBe(59);
    rerender({ deadline: null });
    expect(result.current).toEqual({ secondsLeft: null, expired: false });
  });
});
