import type { InstrumentStore } from '../handler/instrument-store.js';
import { luaScript, redisCommand, type RedisClientLike } from './commands.js';

// Compare-and-delete: an instrument another process stored in the meantime survives.
const DELETE_IF_SAME = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0`;

export interface RedisInstrumentStoreOptions {
  /** A connected node-redis (v5+) or ioredis client. */
  redis: RedisClientLike;
  /** Put before every key. @default 'clink-checkout:' */
  prefix?: string;
  /**
   * How long a remembered instrument is kept after it was last stored; a customer who comes back later
   * gets a new instrument, as with a forgotten one.
   * @default 7776000 (90 days)
   */
  instrumentTtlSeconds?: number;
}

/**
 * An `InstrumentStore` on Redis: every process that uses the same Redis and prefix finds the wallet
 * instrument any of them created for a customer. Each key has a Redis TTL.
 */
export function createRedisInstrumentStore(options: RedisInstrumentStoreOptions): InstrumentStore {
  const command = redisCommand(options.redis);
  const prefix = options.prefix ?? 'clink-checkout:';
  const ttlMs = String(Math.round((options.instrumentTtlSeconds ?? 7_776_000) * 1000));
  const deleteIfSame = luaScript(command, DELETE_IF_SAME);
  return {
    async get(key) {
      const value = await command(['GET', prefix + key]);
      return typeof value === 'string' ? value : undefined;
    },
    async set(key, instrumentId) {
      await command(['SET', prefix + key, instrumentId, 'PX', ttlMs]);
    },
    async delete(key, instrumentId) {
      await deleteIfSame([prefix + key], [instrumentId]);
    },
  };
}
