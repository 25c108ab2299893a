/** What the delay before the next status check depends on. */
export interface StatusCheckInput {
  /** ms since the payment's action started (its create or refresh answer arrived). */
  elapsedMs: number;
  /** Checks in a row that failed (0 after a successful check). */
  consecutiveErrors: number;
}

const FAST_PHASE_MS = 60_000;
const MAX_ERROR_DELAY_MS = 60_000;

/**
 * Delay before the next status check: every 2 s during the first minute, then every 10 s; doubled for every
 * failed check in a row (4 s, 8 s, 16 s, … at most 60 s), so a down server is not hammered while the page still
 * notices when it comes back.
 */
export function statusCheckDelay({ elapsedMs, consecutiveErrors }: StatusCheckInput): number {
  const delay = elapsedMs < FAST_PHASE_MS ? 2_000 : 10_000;
  if (consecutiveErrors === 0) return delay;
  return Math.max(delay, Math.min(MAX_ERROR_DELAY_MS, 2_000 * 2 ** consecutiveErrors));
}
