import type { PaymentStateStatus } from '../core/index.js';

/** `data-state` of a countdown: `expiring` in its last `expiringBelow` seconds. */
export type CountdownDataState = 'counting' | 'expiring' | 'expired';

/** @param expiringBelow seconds left from which the countdown counts as expiring (default 60) */
export function countdownDataState(secondsLeft: number, expiringBelow = 60): CountdownDataState {
  if (secondsLeft <= 0) return 'expired';
  return secondsLeft <= expiringBelow ? 'expiring' : 'counting';
}

/** `data-state` of `<ClinkPayButton>`: `loading` while the payment is created, `active` while its action runs. */
export type PayButtonDataState = 'idle' | 'loading' | 'active' | 'succeeded';

export function payButtonDataState(status: PaymentStateStatus): PayButtonDataState {
  switch (status) {
    case 'creating':
      return 'loading';
    case 'action':
      return 'active';
    case 'succeeded':
      return 'succeeded';
    case 'idle':
    case 'failed':
    case 'expired':
    case 'cancelled':
    case 'error':
      return 'idle';
    default:
      return status satisfies never;
  }
}

/** `data-state` of the copy-link control. */
export type CopyDataState = 'idle' | 'copied' | 'manual';

/** `data-state` of the app-link view: `fallback` once the app evidently did not open. */
export type AppLinkDataState = 'ready' | 'opening' | 'fallback';
