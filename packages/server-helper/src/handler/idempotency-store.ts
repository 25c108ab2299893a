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
 */
export type IdempotencyRecord =
  | { state: 'in_flight'; fingerprint: string; expiresAt: number }
  | { state: 'completed'; fingerprint: string; expiresAt: number; response: StoredResponse };

/**
 * What the checkout handler needs from a store. Records carry `expiresAt` (ms since epoch); a store
 * must treat an expired record as absent (with Redis: `PX expiresAt - now`).
 *
 * Example with Redis (node-redis v4):
 * ```ts
 * const redisStore: IdempotencyStore = {
 *   async claim(key, record) {
 *     const ok = await redis.set(key, JSON.stringify(record), { NX: true, PXAT: record.expiresAt });
 *     if (ok === 'OK') return undefined;
 *     const existing = await redis.get(key);
 *     return existing === null ? this.claim(key, record) : JSON.parse(existing);
 *   },
 *   async get(key) { const v = await redis.get(key); return v === null ? undefined : JSON.parse(v); },
 *   async set(key, record) { await redis.set(key, JSON.stringify(record), { PXAT: record.expiresAt }); },
 *   async delete(key) { await redis.del(key); },
 * };
 * ```
 */
export interface IdempotencyStore {
  /**
   * Atomically: when `key` has no live record, store `record` and resolve `undefined` (the caller now
   * owns the key); otherwise leave the store unchanged and resolve the live record.
   */
  claim(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined>;
  /** The live record for `key`, or `undefined`. */
  get(key: string): Promise<IdempotencyRecord | undefined>;
  /** Replace the record for `key` (used to turn `in_flight` into `completed`). */
  set(key: string, record: IdempotencyRecord): Promise<void>;
  /** Forget `key`, so the next request with it starts afresh. */
  delete(key: string): Promise<void>;
}

export interface MemoryIdempotencyStoreOptions {
  /**
   * Records kept at most; the oldest is dropped first when full, bounding memory.
   * @default 10000
   */
  maxEntries?: number;
  /** Clock for expiry. @default Date.now */
  now?: () => number;
}

/** An in-memory `IdempotencyStore` with expiry and a bounded size, for a single server process. */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  // A Map iterates in insertion order; `set` re-inserts, so the first entry is the least recently written.
  const records = new Map<string, IdempotencyRecord>();

  function live(key: string): IdempotencyRecord | undefined {
    const record = records.get(key);
    if (record === undefined) return undefined;
    if (record.expiresAt <= now()) {
      records.delete(key);
      return undefined;
    }
    return record;
  }

  function write(key: string, record: IdempotencyRecord): void {
    records.delete(key);
    records.set(key, record);
    // Expired records go when they are next read or when they are the oldest; scanning for them here
    // would make every write slower as the map fills.
    if (records.size > maxEntries) records.delete(records.keys().next().value as string);
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
    async set(key, record) {
      write(key, record);
    },
    async delete(key) {
      records.delete(key);
    },
  };
}
