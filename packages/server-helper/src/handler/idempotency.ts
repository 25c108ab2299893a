import type { IdempotencyStore, StoredResponse } from './idempotency-store.js';

/** What the owner of a key produced, and whether duplicates should get it too. */
export interface IdempotentWork {
  response: StoredResponse;
  /** `false` releases the key so the next request with it runs again (nothing irreversible happened). */
  remember: boolean;
}

export type IdempotentOutcome =
  | { kind: 'fresh'; response: StoredResponse }
  | { kind: 'replayed'; response: StoredResponse }
  | { kind: 'fingerprint_mismatch' }
  | { kind: 'still_in_flight' };

export interface IdempotencyTimings {
  /** How long a completed response is replayed. */
  ttlMs: number;
  /** How long an unfinished claim blocks the key, in case its process dies mid-way. */
  inFlightTtlMs: number;
  /** How long a duplicate waits for the first request before giving up. */
  waitTimeoutMs: number;
  now: () => number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// Claim owners: a random prefix per process and a counter, unique across processes sharing a store
// without drawing random bytes per request.
const ownerPrefix = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(9)), (byte) => byte.toString(16).padStart(2, '0')).join('');
let ownerCount = 0;

function newOwner(): string {
  ownerCount += 1;
  return `${ownerPrefix}.${ownerCount.toString(36)}`;
}

/**
 * Runs `work` at most once per key at a time: the first request claims the key, concurrent duplicates
 * poll the store until the first one completes (then replay its response) or releases the key (then
 * one of them claims it and runs).
 */
export async function runIdempotently(
  store: IdempotencyStore,
  key: string,
  fingerprint: string,
  timings: IdempotencyTimings,
  work: () => Promise<IdempotentWork>,
): Promise<IdempotentOutcome> {
  const giveUpAt = timings.now() + timings.waitTimeoutMs;
  let pollMs = 5;
  for (;;) {
    const owner = newOwner();
    const existing = await store.claim(key, {
      state: 'in_flight',
      fingerprint,
      expiresAt: timings.now() + timings.inFlightTtlMs,
      owner,
    });

    if (existing === undefined) {
      let result: IdempotentWork;
      try {
        result = await work();
      } catch (error) {
        await store.delete(key, { owner });
        throw error;
      }
      if (result.remember) {
        const record = { state: 'completed' as const, fingerprint, expiresAt: timings.now() + timings.ttlMs, response: result.response };
        await store.set(key, record, { owner });
      } else {
        await store.delete(key, { owner });
      }
      return { kind: 'fresh', response: result.response };
    }

    if (existing.fingerprint !== fingerprint) return { kind: 'fingerprint_mismatch' };
    if (existing.state === 'completed') return { kind: 'replayed', response: existing.response };

    // In flight elsewhere: wait for it to settle.
    for (;;) {
      if (timings.now() >= giveUpAt) return { kind: 'still_in_flight' };
      await sleep(pollMs);
      pollMs = Math.min(pollMs * 2, 250);
      const current = await store.get(key);
      if (current === undefined) break; // released: try to claim it ourselves
      if (current.fingerprint !== fingerprint) return { kind: 'fingerprint_mismatch' };
      if (current.state === 'completed') return { kind: 'replayed', response: current.response };
    }
  }
}
