'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import { announcementInterval, formatCountdown } from '../../core/index.js';
import { countdownDataState } from '../data-state.js';
import { useCountdown } from '../hooks/use-countdown.js';
import { formatSpokenDuration } from '../i18n/duration.js';
import { formatMessage, type CheckoutMessages } from '../i18n/messages.js';
import { useLatest } from '../use-latest.js';
import { cx } from '../dom.js';

export interface CountdownProps {
  /** ms on the browser clock (`plan.expiry.deadline`). */
  deadline: number;
  locale: string;
  messages: Pick<CheckoutMessages, 'expiresIn' | 'timeLeft'>;
  /** Called once when the time is up. */
  onExpire?: () => void;
  /** Seconds left from which `data-state` is `expiring`. @default 60 */
  expiringBelow?: number;
  className?: string;
}

/**
 * The time to announce: the remaining time rounded down to the last announcement point (every minute, then more
 * often near expiry), so the live region changes only at those points and never promises more time than is
 * left ("14 minutes" at 14:58, not "15 minutes"). `0` below the first point: nothing is said.
 */
export const announcedSeconds = (secondsLeft: number): number => {
  const interval = announcementInterval(secondsLeft);
  return Math.floor(secondsLeft / interval) * interval;
};

/**
 * The ticking part of a QR view: a visible `role="timer"` (not live, it changes every second) and a
 * separate polite live region for screen readers. It is a leaf, so its ticks re-render nothing else.
 */
export function Countdown({ deadline, locale, messages, onExpire, expiringBelow, className }: CountdownProps): ReactNode {
  const { secondsLeft, expired } = useCountdown(deadline);
  const left = secondsLeft ?? 0;
  const expire = useLatest(onExpire);
  const fired = useRef(false);
  useEffect(() => {
    if (!expired || fired.current) return;
    fired.current = true;
    expire.current?.();
  }, [expired, expire]);
  const announced = announcedSeconds(left);
  const spoken = announced > 0 ? formatMessage(messages.timeLeft, { time: formatSpokenDuration(announced, locale) }) : '';
  return (
    <div className={cx('clink-countdown', className)} data-state={countdownDataState(left, expiringBelow)}>
      <div className="clink-countdown__timer" role="timer" aria-live="off" aria-atomic="true">
        {formatMessage(messages.expiresIn, { time: formatCountdown(left) })}
      </div>
      <div className="clink-visually-hidden" aria-live="polite" aria-atomic="true">
        {spoken}
      </div>
    </div>
  );
}
