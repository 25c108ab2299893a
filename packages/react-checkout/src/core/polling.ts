import type { PollOutcome, PollScheduleInput, StatusPoller, StatusPollerOptions, TimerApi, VisibilitySource } from './types.js';

const FAST_PHASE_MS = 60_000;
const MAX_ERROR_DELAY_MS = 60_000;

/** Delay before the next status check: every 2 s during the first minute, then every 10 s. */
export function pollDelay(elapsedMs: number): number {
  return elapsedMs < FAST_PHASE_MS ? 2_000 : 10_000;
}

/**
 * `pollDelay`, doubled for every failed check in a row (4 s, 8 s, 16 s, … at most 60 s), so a down
 * server is not hammered while the page still notices when it comes back.
 */
export function defaultPollSchedule({ elapsedMs, consecutiveErrors }: PollScheduleInput): number {
  const delay = pollDelay(elapsedMs);
  if (consecutiveErrors === 0) return delay;
  return Math.max(delay, Math.min(MAX_ERROR_DELAY_MS, 2_000 * 2 ** consecutiveErrors));
}

const globalTimers = (): TimerApi => ({
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
});

/**
 * Runs `check` until it resolves `'stop'` or `stop()` is called.
 *
 * - Never overlapping: the next check is scheduled only after the previous one settled.
 * - Paused while the page is hidden (no request goes out); one check runs at once when it becomes visible.
 * - A check that throws does not stop polling: `onError` hears about it and the next check waits longer
 *   (see `defaultPollSchedule`).
 * - `stop()` aborts the check in flight through its `AbortSignal`.
 */
export function createStatusPoller(options: StatusPollerOptions): StatusPoller {
  const timers = options.timers ?? globalTimers();
  const schedule = options.schedule ?? defaultPollSchedule;
  const visibility = options.visibility;
  let phase: 'new' | 'running' | 'stopped' = 'new';
  let startedAt = 0;
  let consecutiveErrors = 0;
  let timer: unknown;
  let inFlight: AbortController | undefined;
  let unsubscribe: (() => void) | undefined;

  const clearTimer = () => {
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = undefined;
  };

  const finish = () => {
    phase = 'stopped';
    clearTimer();
    unsubscribe?.();
    unsubscribe = undefined;
  };

  const settle = (controller: AbortController, outcome: PollOutcome | 'error') => {
    if (inFlight !== controller) return;
    inFlight = undefined;
    if (phase !== 'running') return;
    if (outcome === 'stop') return finish();
    consecutiveErrors = outcome === 'error' ? consecutiveErrors + 1 : 0;
    const delay = schedule({ elapsedMs: timers.now() - startedAt, consecutiveErrors });
    timer = timers.setTimeout(() => {
      timer = undefined;
      run();
    }, delay);
  };

  const run = () => {
    if (phase !== 'running' || inFlight || visibility?.isHidden()) return;
    clearTimer();
    const controller = new AbortController();
    inFlight = controller;
    let pending: Promise<PollOutcome>;
    try {
      pending = options.check(controller.signal);
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (outcome) => settle(controller, outcome === 'stop' ? 'stop' : 'continue'),
      (error: unknown) => {
        if (inFlight === controller && phase === 'running') options.onError?.(error);
        settle(controller, 'error');
      },
    );
  };

  return {
    start() {
      if (phase !== 'new') return;
      phase = 'running';
      startedAt = timers.now();
      unsubscribe = visibility?.subscribe(() => {
        // Hidden: drop the timer so nothing fires in the background. Visible again: check at once.
        if (visibility.isHidden()) clearTimer();
        else run();
      });
      run();
    },
    stop() {
      if (phase === 'stopped') return;
      finish();
      inFlight?.abort();
      inFlight = undefined;
    },
  };
}

/**
 * Visibility of the real `document` (`visibilitychange`). Without a document (server rendering, workers)
 * the page counts as always visible.
 */
export function documentVisibility(doc: Document | undefined = globalThis.document): VisibilitySource {
  return {
    isHidden: () => doc?.visibilityState === 'hidden',
    subscribe(listener) {
      doc?.addEventListener('visibilitychange', listener);
      return () => doc?.removeEventListener('visibilitychange', listener);
    },
  };
}
