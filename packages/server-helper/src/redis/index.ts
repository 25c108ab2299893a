/**
 * `@clink-checkout/server/redis`: the checkout handler's stores on Redis, for a checkout that runs in
 * more than one process (several instances behind a load balancer, serverless functions). Bring the
 * node-redis (v5+) or ioredis client you already have:
 *
 * ```ts
 * import { createClient } from 'redis';
 * import { createRedisStores } from '@clink-checkout/server/redis';
 *
 * const redis = await createClient({ url: process.env.REDIS_URL }).connect();
 * const handler = createCheckoutHandler({ ...options, ...createRedisStores({ redis }) });
 * ```
 */
import type { IdempotencyStore } from '../handler/idempotency-store.js';
import type { InstrumentStore } from '../handler/instrument-store.js';
import { createRedisIdempotencyStore, type RedisIdempotencyStoreOptions } from './idempotency-store.js';
import { createRedisInstrumentStore } from './instrument-store.js';

export { createRedisIdempotencyStore, type RedisIdempotencyStoreOptions } from './idempotency-store.js';
export { createRedisInstrumentStore, type RedisInstrumentStoreOptions } from './instrument-store.js';
export type { IoRedisClientLike, NodeRedisClientLike, RedisClientLike } from './commands.js';

export interface RedisStoresOptions extends RedisIdempotencyStoreOptions {
  /** How long a customer's wallet instrument is remembered. @default 7776000 (90 days) */
  instrumentTtlSeconds?: number;
}

/** The stores of `createCheckoutHandler`, on one Redis, each under its own part of `prefix`. */
export interface RedisCheckoutStores {
  idempotencyStore: IdempotencyStore;
  webhookEventStore: IdempotencyStore;
  instrumentStore: InstrumentStore;
}

/**
 * Every store the checkout handler keeps, on Redis: spread the result into `createCheckoutHandler`'s
 * options. Keys: `<prefix>idempotency:…`, `<prefix>webhook-events:…` and `<prefix>instruments:…`.
 */
export function createRedisStores(options: RedisStoresOptions): RedisCheckoutStores {
  const prefix = options.prefix ?? 'clink-checkout:';
  return {
    idempotencyStore: createRedisIdempotencyStore({ ...options, prefix: `${prefix}idempotency:` }),
    webhookEventStore: createRedisIdempotencyStore({ ...options, prefix: `${prefix}webhook-events:` }),
    instrumentStore: createRedisInstrumentStore({
      redis: options.redis,
      prefix: `${prefix}instruments:`,
      ...(options.instrumentTtlSeconds === undefined ? {} : { instrumentTtlSeconds: options.instrumentTtlSeconds }),
    }),
  };
}
