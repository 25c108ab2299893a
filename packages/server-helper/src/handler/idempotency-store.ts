import { dropOldestBeyond } from './bounded-map.js';

/**
 * Storage for idempotency keys and webhook event ids. The default lives in memory, which is right for
 * one server process; with several processes, back the interface with a shared store (Redis, SQL) so
 * a retry that lands on another process still finds the first attempt.
 */

/** A response remembered for replay: the HTTP status and the exact JSON text. */
export interface StoredResponse {
  status: number;
  body: string;
}

/**
 * One key's state. `in_flight` is written before the work starts so a concurrent duplicate waits
 * instead of doing the work twice; `completed` holds the response every later duplicate receives.
 * `owner` names the request that claimed the key, so only it may complete or release its claim.
 */
export type IdempotencyRecord =
  | { state: 'in_flight'; fingerprint: string; expiresAt: number; owner?: string }
  | { state: 'completed'; fingerprint: string; expiresAt: number; response: StoredResponse };

/** Who is writing: the `owner` of the `in_flight` record the caller claimed. */
export interface IdempotencyWriteOptions {
  owner?: string;
}

/**
 * What the checkout handler needs from a store. Records carry `expiresAt` (ms since epoch); a store
 * must treat an expired record as absent (with Redis: `PX expiresAt - now`). An `in_flight` record
 * must never be dropped before it expires (no eviction to make room), or a retry of a create that is
 * still running would create a second order.
 *
 * `@clink-checkout/server/redis` implements it on Redis; `createMemoryIdempotencyStore` in memory.
 */
export interface IdempotencyStore {
  /**
   * Atomically: when `key` has no live record, store `record` and resolve `undefined` (the caller now
   * owns the key); otherwise leave the store unchanged and resolve the live record.
   */
  claim(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined>;
  /** The live record for `key`, or `undefined`. */
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Replace the record for `key` (used to turn `in_flight` into `completed`). With `owner`, only when
   * the key holds that owner's claim or nothing: another request's claim is never overwritten.
   */
  set(key: string, record: IdempotencyRecord, options?: IdempotencyWriteOptions): Promise<void>;
  /**
   * Forget `key`, so the next request with it starts afresh. With `owner`, only when the key holds
   * that owner's claim: a late release never removes a claim another request made since.
   */
  delete(key: string, options?: IdempotencyWriteOptions): Promise<void>;
}

/** Whether a write by `owner` may replace `current` (see `IdempotencyStore.set` and `delete`). */
export function ownsClaim(current: IdempotencyRecord | undefined, owner: string | undefined, { absentOk }: { absentOk: boolean }): boolean {
  if (owner === undefined) return true;
  if (current === undefined) return absentOk;
  return current.state === 'in_flight' && current.owner === owner;
}

export interface MemoryIdempotencyStoreOptions {
  /**
   * Completed records kept at most; the oldest is dropped first when full, bounding memory. Records
   * still in flight are never dropped (there are as many as requests running at once).
   * @default 10000
   */
  maxEntries?: number;
  /** Clock for expiry. @default Date.now */
  now?: () => number;
}

/**
 * An in-memory `IdempotencyStore` with expiry and a bounded size, for **one server process**: a retry
 * or a duplicate webhook that reaches another process (another instance behind a load balancer, a new
 * serverless invocation, another edge isolate) does not see what this one remembers. Use
 * `@clink-checkout/server/redis` when there is more than one.
 */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // Claims of running requests live apart from answers: only answers are dropped to bound memory, so
  // a burst of other creates can never push out the claim of one that is still running.
  const inFlight = new Map<string, IdempotencyRecord>();
  // A Map iterates in insertion order; writes re-insert, so the first entry is the least recently written.
  const completed = new Map<string, IdempotencyRecord>();

  function live(key: string): IdempotencyRecord | undefined {
    const record = inFlight.get(key) ?? completed.get(key);
    if (record === undefined) return undefined;
    if (record.expiresAt <= now()) {
      inFlight.delete(key);
      completed.delete(key);
      return undefined;
    }
    return record;
  }

  function write(key: string, record: IdempotencyRecord): void {
    inFlight.delete(key);
    completed.delete(key);
    if (record.state === 'in_flight') {
      inFlight.set(key, record);
      return;
    }
    completed.set(key, record);
    // Expired answers go when they are next read or when they are the oldest; scanning for them here
    // would make every write slower as the map fills.
    dropOldestBeyond(completed, maxEntries);
  }

  return {
    async claim(key, record) {
      const existing = live(key);
      if (existing !== undefined) return existing;
      write(key, record);
      return undefined;
    },
    async get(key) {
      return live(key);
    },
    async set(key, record, writeOptions) {
      if (ownsClaim(live(key), writeOptions?.owner, { absentOk: true })) write(key, record);
    },
    async delete(key, writeOptions) {
      if (!ownsClaim(live(key), writeOptions?.owner, { absentOk: false })) return;
      inFlight.delete(key);
      completed.delete(key);
    },
  };
}
