import type { ClinkWalletDetails } from '@clink-checkout/protocol';
import type { Expiry } from './plan.js';

export interface DeadlineClock {
  /** Browser clock (ms) when the response arrived. */
  receivedAt: number;
  /** Server clock (ms) when the response was produced; corrects `expiresAt` for clock skew. */
  serverTime?: number;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/**
 * The absolute deadline (ms on the browser's clock) of a QR code / app link, or `null` when the wallet
 * data has no expiry.
 *
 * - `expiresSecond` (preferred) counts from `receivedAt`; `0` (or less) means already expired.
 * - `expiresAt` is Unix seconds, or ms when ≥ 1e12, on the server's clock; it is shifted by the skew
 *   `receivedAt - serverTime` so a browser clock that runs fast or slow still counts down correctly.
 *
 * Because the result is absolute, re-rendering or remounting a countdown never restarts it.
 */
export function computeDeadline(wallet: ClinkWalletDetails | undefined, clock: DeadlineClock): number | null {
  return computeExpiry(wallet, clock)?.deadline ?? null;
}

/**
 * The expiry of a QR code / app link on both clocks, or `null` without one: `deadline` on the browser's clock
 * (see `computeDeadline`) and `serverDeadline` on the server's (`deadline` minus the skew and transit time
 * `receivedAt - serverTime`).
 */
export function computeExpiry(wallet: ClinkWalletDetails | undefined, clock: DeadlineClock): Expiry | null {
  const skew = isNumber(clock.serverTime) ? clock.receivedAt - clock.serverTime : 0;
  let deadline: number;
  if (isNumber(wallet?.expiresSecond)) deadline = clock.receivedAt + Math.max(0, wallet.expiresSecond) * 1000;
  else if (isNumber(wallet?.expiresAt) && wallet.expiresAt > 0) deadline = (wallet.expiresAt >= 1e12 ? wallet.expiresAt : wallet.expiresAt * 1000) + skew;
  else return null;
  return { deadline, serverDeadline: deadline - skew };
}

/**
 * Clink counts `expiresSecond` from its own answer, a moment before the checkout handler stamps `serverTime`;
 * a second covers that trip.
 */
const EXPIRY_MARGIN_MS = 1_000;

/**
 * `true` when a `failed` status produced at `serverTime` (server clock) is the QR code running out rather than a
 * refusal: the server reports an expired order as failed, and its answer may reach the page before the page's
 * own countdown ends (the create answer took a while to arrive). The customer must then read "expired" with a
 * way to start again, whichever arrives first.
 */
export function failedByExpiry(expiry: Expiry | null, serverTime: number): boolean {
  return expiry !== null && serverTime >= expiry.serverDeadline - EXPIRY_MARGIN_MS;
}

/** Whole seconds left until `deadline` (rounded up, so "0" appears only once expired); never negative. */
export function secondsRemaining(deadline: number, now: number): number {
  return Math.max(0, Math.ceil((deadline - now) / 1000));
}

/**
 * How often (in seconds) a screen reader should hear the remaining time: every 60 s above 2 minutes,
 * every 30 s above 1 minute, every 10 s above 20 seconds, every 5 s below.
 */
export function announcementInterval(secondsLeft: number): number {
  if (secondsLeft > 120) return 60;
  if (secondsLeft > 60) return 30;
  if (secondsLeft > 20) return 10;
  return 5;
}

/** `true` on the seconds a countdown should announce (multiples of `announcementInterval`, and expiry). */
export function shouldAnnounce(secondsLeft: number): boolean {
  return secondsLeft % announcementInterval(secondsLeft) === 0;
}

/** `125` → `"2:05"`. Minutes are not capped (`3600` → `"60:00"`); negative or invalid input shows `"0:00"`. */
export function formatCountdown(seconds: number): string {
  const total = Number.isFinite(seconds) ? Math.max(0, Math.ceil(seconds)) : 0;
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
