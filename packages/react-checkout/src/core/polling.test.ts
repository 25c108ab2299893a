import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStatusPoller, defaultPollSchedule, documentVisibility, pollDelay } from './polling.js';
import type { PollOutcome, VisibilitySource } from './types.js';

function fakeVisibility(hidden = false) {
  const listeners = new Set<() => void>();
  const source: VisibilitySource & { set(hidden: boolean): void; listeners: Set<() => void> } = {
    listeners,
    isHidden: () => hidden,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set(value) {
      hidden = value;
      for (const listener of listeners) listener();
    },
  };
  return source;
}

/** A check whose answers the test hands out one by one. */
function controlledCheck() {
  const calls: { signal: AbortSignal; resolve(outcome: PollOutcome): void; reject(error: unknown): void }[] = [];
  const check = vi.fn(
    (signal: AbortSignal) =>
      new Promise<PollOutcome>((resolve, reject) => {
        calls.push({ signal, resolve, reject });
      }),
  );
  return { check, calls };
}

const advance = (ms: number) => vi.advanceTimersByTimeAsync(ms);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('pollDelay / defaultPollSchedule', () => {
  it('polls every 2 s for a minute, then every 10 s', () => {
    expect(pollDelay(0)).toBe(2_000);
    expect(pollDelay(59_999)).toBe(2_000);
    expect(pollDelay(60_000)).toBe(10_000);
    expect(pollDelay(600_000)).toBe(10_000);
  });

  it('backs off after errors, up to a minute', () => {
    expect(defaultPollSchedule({ elapsedMs: 0, consecutiveErrors: 0 })).toBe(2_000);
    expect(defaultPollSchedule({ elapsedMs: 0, consecutiveErrors: 1 })).toBe(4_000);
    expect(defaultPollSchedule({ elapsedMs: 0, consecutiveErrors: 3 })).toBe(16_000);
    expect(defaultPollSchedule({ elapsedMs: 90_000, consecutiveErrors: 1 })).toBe(10_000);
    expect(defaultPollSchedule({ elapsedMs: 0, consecutiveErrors: 10 })).toBe(60_000);
  });
});

describe('createStatusPoller', () => {
  it('checks at once, then every 2 s, then every 10 s after the first minute', async () => {
    const check = vi.fn(async () => 'continue' as const);
    const poller = createStatusPoller({ check });
    poller.start();
    await advance(0);
    expect(check).toHaveBeenCalledTimes(1);
    await advance(2_000);
    expect(check).toHaveBeenCalledTimes(2);
    await advance(58_000); // t = 60 s: checks at 0, 2, …, 60
    expect(check).toHaveBeenCalledTimes(31);
    await advance(9_999);
    expect(check).toHaveBeenCalledTimes(31);
    await advance(1);
    expect(check).toHaveBeenCalledTimes(32);
    await advance(10_000);
    expect(check).toHaveBeenCalledTimes(33);
    poller.stop();
  });

  it('never has two checks in flight: the next waits until the slow one settles', async () => {
    const { check, calls } = controlledCheck();
    const poller = createStatusPoller({ check });
    poller.start();
    await advance(30_000);
    expect(check).toHaveBeenCalledTimes(1);
    calls[0]!.resolve('continue');
    await advance(1_999);
    expect(check).toHaveBeenCalledTimes(1);
    await advance(1);
    expect(check).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it("stops for good when a check answers 'stop' (the payment reached an outcome)", async () => {
    let answers = 0;
    const check = vi.fn(async () => (++answers === 3 ? 'stop' : 'continue') as PollOutcome);
    const visibility = fakeVisibility();
    createStatusPoller({ check, visibility }).start();
    await advance(60_000);
    expect(check).toHaveBeenCalledTimes(3);
    expect(visibility.listeners.size).toBe(0);
    visibility.set(false);
    await advance(60_000);
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('stop() aborts the check in flight and ignores its late answer', async () => {
    const { check, calls } = controlledCheck();
    const poller = createStatusPoller({ check });
    poller.start();
    await advance(0);
    poller.stop();
    expect(calls[0]!.signal.aborted).toBe(true);
    calls[0]!.resolve('continue');
    await advance(60_000);
    expect(check).toHaveBeenCalledTimes(1);
  });

  it('stop() between checks cancels the scheduled one', async () => {
    const check = vi.fn(async () => 'continue' as const);
    const poller = createStatusPoller({ check });
    poller.start();
    await advance(2_500);
    expect(check).toHaveBeenCalledTimes(2);
    poller.stop();
    await advance(60_000);
    expect(check).toHaveBeenCalledTimes(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends no request while the page is hidden and checks at once when it becomes visible', async () => {
    const check = vi.fn(async () => 'continue' as const);
    const visibility = fakeVisibility(true);
    const poller = createStatusPoller({ check, visibility });
    poller.start();
    await advance(120_000);
    expect(check).not.toHaveBeenCalled();
    visibility.set(false);
    await advance(0);
    expect(check).toHaveBeenCalledTimes(1);
    poller.stop();
  });

  it('pauses when the page is hidden mid-way', async () => {
    const check = vi.fn(async () => 'continue' as const);
    const visibility = fakeVisibility();
    const poller = createStatusPoller({ check, visibility });
    poller.start();
    await advance(2_000);
    expect(check).toHaveBeenCalledTimes(2);
    visibility.set(true);
    await advance(300_000);
    expect(check).toHaveBeenCalledTimes(2);
    visibility.set(false);
    await advance(0);
    expect(check).toHaveBeenCalledTimes(3);
    await advance(10_000); // more than a minute since start: the slow pace
    expect(check).toHaveBeenCalledTimes(4);
    poller.stop();
  });

  it('does not start a second check when the page becomes visible during a check', async () => {
    const { check, calls } = controlledCheck();
    const visibility = fakeVisibility();
    const poller = createStatusPoller({ check, visibility });
    poller.start();
    visibility.set(true);
    visibility.set(false);
    await advance(0);
    expect(check).toHaveBeenCalledTimes(1);
    calls[0]!.resolve('continue');
    poller.stop();
  });

  it('keeps polling after errors, backing off, and reports each error', async () => {
    const onError = vi.fn();
    const failure = new Error('502');
    let attempt = 0;
    const check = vi.fn(async () => {
      attempt += 1;
      if (attempt <= 3) throw failure;
      return 'continue' as const;
    });
    const poller = createStatusPoller({ check, onError });
    poller.start();
    await advance(0); // fails (1)
    await advance(4_000); // fails (2)
    await advance(8_000); // fails (3)
    expect(check).toHaveBeenCalledTimes(3);
    await advance(15_999);
    expect(check).toHaveBeenCalledTimes(3);
    await advance(1); // succeeds (4): back to the normal pace
    expect(check).toHaveBeenCalledTimes(4);
    await advance(2_000);
    expect(check).toHaveBeenCalledTimes(5);
    expect(onError).toHaveBeenCalledTimes(3);
    expect(onError).toHaveBeenCalledWith(failure);
    poller.stop();
  });

  it('survives a check that throws synchronously', async () => {
    const onError = vi.fn();
    const check = vi.fn((): Promise<PollOutcome> => {
      throw new Error('boom');
    });
    const poller = createStatusPoller({ check, onError });
    poller.start();
    await advance(4_000);
    expect(check).toHaveBeenCalledTimes(2);
    expect(onError).toHaveBeenCalledTimes(2);
    poller.stop();
  });

  it('uses injected timers and a custom schedule', async () => {
    let now = 0;
    const scheduled: { callback: () => void; ms: number }[] = [];
    const timers = {
      setTimeout: (callback: () => void, ms: number) => scheduled.push({ callback, ms }),
      clearTimeout: vi.fn(),
      now: () => now,
    };
    const schedule = vi.fn(() => 500);
    const check = vi.fn(async () => 'continue' as const);
    const poller = createStatusPoller({ check, timers, schedule });
    poller.start();
    await vi.advanceTimersByTimeAsync(0);
    expect(scheduled.map((entry) => entry.ms)).toEqual([500]);
    now = 500;
    scheduled[0]!.callback();
    await vi.advanceTimersByTimeAsync(0);
    expect(check).toHaveBeenCalledTimes(2);
    expect(schedule).toHaveBeenLastCalledWith({ elapsedMs: 500, consecutiveErrors: 0 });
    poller.stop();
  });

  it('ignores a second start()', async () => {
    const check = vi.fn(async () => 'continue' as const);
    const poller = createStatusPoller({ check });
    poller.start();
    poller.start();
    await advance(0);
    expect(check).toHaveBeenCalledTimes(1);
    poller.stop();
  });
});

describe('documentVisibility', () => {
  it('reads and follows a document', () => {
    const doc = Object.assign(new EventTarget(), { visibilityState: 'visible' }) as unknown as Document & {
      visibilityState: string;
    };
    const source = documentVisibility(doc);
    const listener = vi.fn();
    const unsubscribe = source.subscribe(listener);
    expect(source.isHidden()).toBe(false);
    (doc as { visibilityState: string }).visibilityState = 'hidden';
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(source.isHidden()).toBe(true);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('counts as visible without a document (server rendering)', () => {
    expect(typeof document).toBe('undefined');
    const source = documentVisibility();
    expect(source.isHidden()).toBe(false);
    expect(() => source.subscribe(() => {})()).not.toThrow();
  });
});
