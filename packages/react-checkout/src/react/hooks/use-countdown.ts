'use client';
import { useEffect, useState } from 'react';
import { secondsRemaining } from '../../core/index.js';

export interface UseCountdownOptions {
  /** Browser clock. @default Date.now */
  now?: () => number;
}

export interface UseCountdownResult {
  /** Whole seconds left, rounded up; `null` when there is no deadline. */
  secondsLeft: number | null;
  expired: boolean;
}

/**
 * Seconds left until `deadline` (ms on the browser clock, e.g. a plan's `expiry.deadline`), ticking every second.
 * The value is always recomputed from the clock, so a throttled background tab catches up on its next tick.
 */
export function useCountdown(deadline: number | null | undefined, options: UseCountdownOptions = {}): UseCountdownResult {
  const now = options.now ?? Date.now;
  const read = () => (deadline == null ? null : secondsRemaining(deadline, now()));
  const [state, setState] = useState(() => ({ deadline, secondsLeft: read() }));
  // A new deadline (a refreshed QR code) resets the count during render instead of one tick later.
  let secondsLeft = state.secondsLeft;
  if (state.deadline !== deadline) {
    secondsLeft = read();
    setState({ deadline, secondsLeft });
  }
  const running = secondsLeft !== null && secondsLeft > 0;

  useEffect(() => {
    if (!running || deadline == null) return;
    const tick = () => setState((previous) => {
      const next = secondsRemaining(deadline, now());
      return previous.secondsLeft === next && previous.deadline === deadline ? previous : { deadline, secondsLeft: next };
    });
    tick();
    const handle = setInterval(tick, 1000);
    return () => clearInterval(handle);
    // `now` is read through the closure on each tick; a new function identity must not restart the interval.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [running, deadline]);

  return { secondsLeft, expired: secondsLeft === 0 };
}
