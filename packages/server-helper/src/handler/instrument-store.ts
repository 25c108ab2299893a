import { dropOldestBeyond } from './bounded-map.js';

/**
 * Where the checkout handler remembers the wallet instruments it created, so a customer's next payment
 * with the same method reuses the instrument instead of creating one per payment. The default lives in
 * memory, which is right for one server process; with several, back the interface with a shared store
 * (Redis, SQL) so every process finds the instrument any of them created.
 *
 * Keys are opaque strings of at most 100 characters, already scoped to the Clink environment, the payment
 * method and the customer (hashed: no e-mail address or customer id appears in them).
 *
 * Example with Redis (node-redis v4):
 * ```ts
 * const instrumentStore: InstrumentStore = {
 *   async get(key) { return (await redis.get(`clink:${key}`)) ?? undefined; },
 *   async set(key, instrumentId) { await redis.set(`clink:${key}`, instrumentId); },
 *   // Compare-and-delete, so an instrument another server just stored survives.
 *   async delete(key, instrumentId) {
 *     await redis.eval("if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0",
 *       { keys: [`clink:${key}`], arguments: [instrumentId] });
 *   },
 * };
 * ```
 */
export interface InstrumentStore {
  /** The instrument id remembered for `key`, or `undefined`. */
  get(key: string): Promise<string | undefined>;
  /** Remembers `instrumentId` for `key`, replacing any earlier one. */
  set(key: string, instrumentId: string): Promise<void>;
  /**
   * Forgets `key` while it still holds `instrumentId` (Clink refused that instrument, e.g. it was deleted).
   * A store that cannot compare may delete unconditionally: at worst one more instrument is created.
   */
  delete(key: string, instrumentId: string): Promise<void>;
}

export interface MemoryInstrumentStoreOptions {
  /**
   * Instruments remembered at most; the least recently used is forgotten first (and simply created
   * again when its customer pays next).
   * @default 10000
   */
  maxEntries?: number;
}

/** An in-memory `InstrumentStore` of bounded size, for a single server process. */
export function createMemoryInstrumentStore(options: MemoryInstrumentStoreOptions = {}): InstrumentStore {
  const maxEntries = options.maxEntries ?? 10_000;
  // A Map iterates in insertion order; re-inserting on use keeps the least recently used first.
  const instruments = new Map<string, string>();
  return {
    async get(key) {
      const instrumentId = instruments.get(key);
      if (instrumentId !== undefined) {
        instruments.delete(key);
        instruments.set(key, instrumentId);
      }
      return instrumentId;
    },
    async set(key, instrumentId) {
      instruments.delete(key);
      instruments.set(key, instrumentId);
      dropOldestBeyond(instruments, maxEntries);
    },
    async delete(key, instrumentId) {
      if (instruments.get(key) === instrumentId) instruments.delete(key);
    },
  };
}
