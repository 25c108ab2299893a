import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryIdempotencyStore } from '../handler/idempotency-store.js';
import { describeStoreContract } from '../handler/test-support/store-contract.js';
import { ClinkConfigurationError } from '../errors.js';
import { createRedisIdempotencyStore, createRedisStores } from './index.js';
import { startTestRedis, type TestRedis } from './test-support.js';

let redis: TestRedis;
let stores = 0;
// Each store gets a prefix of its own, so one server serves every test without flushing.
const freshPrefix = () => `test:${(stores += 1)}:`;

beforeAll(async () => {
  redis = await startTestRedis();
}, 30_000);

afterAll(async () => {
  await redis?.stop();
});

describeStoreContract({ name: 'in memory', make: () => createMemoryIdempotencyStore() });
describeStoreContract({
  name: 'Redis through node-redis',
  make: () => createRedisIdempotencyStore({ redis: redis.nodeRedis, prefix: freshPrefix() }),
});
describeStoreContract({
  name: 'Redis through ioredis',
  make: () => createRedisIdempotencyStore({ redis: redis.ioredis, prefix: freshPrefix() }),
});

describe('createRedisIdempotencyStore', () => {
  it('gives every record a Redis TTL that ends at its expiresAt', async () => {
    const prefix = freshPrefix();
    const store = createRedisIdempotencyStore({ redis: redis.nodeRedis, prefix });
    await store.claim('k', { state: 'in_flight', fingerprint: 'f', owner: 'a', expiresAt: Date.now() + 120_000 });
    const ttl = Number(await redis.nodeRedis.sendCommand(['PTTL', `${prefix}k`]));
    expect(ttl).toBeGreaterThan(110_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it('sees what a store in another process wrote, through either client', async () => {
    const prefix = freshPrefix();
    const viaNodeRedis = createRedisIdempotencyStore({ redis: redis.nodeRedis, prefix });
    const viaIoRedis = createRedisIdempotencyStore({ redis: redis.ioredis, prefix });
    const claim = { state: 'in_flight' as const, fingerprint: 'f', owner: 'a', expiresAt: Date.now() + 60_000 };
    expect(await viaNodeRedis.claim('k', claim)).toBeUndefined();
    expect(await viaIoRedis.claim('k', { ...claim, owner: 'b' })).toEqual(claim);
  });

  it('loads its scripts again after the server forgot them', async () => {
    const store = createRedisIdempotencyStore({ redis: redis.ioredis, prefix: freshPrefix() });
    await store.claim('a', { state: 'in_flight', fingerprint: 'f', owner: 'a', expiresAt: Date.now() + 60_000 });
    await redis.ioredis.call('SCRIPT', 'FLUSH');
    expect(await store.claim('b', { state: 'in_flight', fingerprint: 'f', owner: 'b', expiresAt: Date.now() + 60_000 })).toBeUndefined();
  });

  it('refuses something that is not a Redis client', () => {
    expect(() => createRedisIdempotencyStore({ redis: {} as never })).toThrow(ClinkConfigurationError);
  });

  it('puts the handler stores under their own prefixes', async () => {
    const prefix = freshPrefix();
    const { idempotencyStore, webhookEventStore } = createRedisStores({ redis: redis.nodeRedis, prefix });
    const record = { state: 'in_flight' as const, fingerprint: 'f', owner: 'a', expiresAt: Date.now() + 60_000 };
    await idempotencyStore.claim('same', record);
    expect(await webhookEventStore.get('same')).toBeUndefined();
    const keys = await redis.nodeRedis.sendCommand(['KEYS', `${prefix}*`]);
    expect(keys).toEqual([`${prefix}idempotency:same`]);
  });
});
