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
 * The last announced moment: the remaining time only changes the live region at the announcement points
 * (every minute, then more often near expiry), so screen readers are not flooded with every second.
 */
const announcedSeconds = (secondsLeft: number): number => {
  const interval = announcementInterval(secondsLeft);
  return Math.ceil(secondsLeft / interval) * interval;
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
  const spoken = left > 0 ? formatMessage(messages.timeLeft, { time: formatSpokenDuration(announcedSeconds(left), locale) }) : '';
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
