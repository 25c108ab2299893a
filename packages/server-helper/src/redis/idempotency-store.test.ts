import { describe, expect, it } from 'vitest';
import { createMemoryIdempotencyStore } from '../handler/idempotency-store.js';
import { describeStoreContract } from '../handler/test-support/store-contract.js';
import { ClinkConfigurationError } from '../errors.js';
import { createRedisIdempotencyStore, createRedisStores } from './index.js';
import { useTestRedis } from './test-support.js';

// Each store gets a prefix of its own, so one server serves every test without flushing.
const testRedis = useTestRedis('test');
const { freshPrefix } = testRedis;

describeStoreContract({ name: 'in memory', make: () => createMemoryIdempotencyStore() });
describeStoreContract({
  name: 'Redis through node-redis',
  make: () => createRedisIdempotencyStore({ redis: testRedis.redis.nodeRedis, prefix: freshPrefix() }),
});
describeStoreContract({
  name: 'Redis through ioredis',
  make: () => createRedisIdempotencyStore({ redis: testRedis.redis.ioredis, prefix: freshPrefix() }),
});

describe('createRedisIdempotencyStore', () => {
  it('gives every record a Redis TTL that ends at its expiresAt', async () => {
    const prefix = freshPrefix();
    const store = createRedisIdempotencyStore({ redis: testRedis.redis.nodeRedis, prefix });
    await store.claim('k', { state: 'in_flight', fingerprint: 'f', owner: 'a', expiresAt: Date.now() + 120_000 });
    const ttl = Number(await testRedis.redis.nodeRedis.sendCommand(['PTTL', `${prefix}k`]));
    expect(ttl).toBeGreaterThan(110_000);
    expect(ttl).toBeLessThanOrEqual(120_000);
  });

  it('lets a record past its expiresAt be claimed again, though its Redis TTL has not run out yet', async () => {
    let clock = Date.now();
    const store = createRedisIdempotencyStore({ redis: testRedis.redis.nodeRedis, prefix: freshPrefix(), now: () => clock });
    const first = { state: 'in_flight' as const, fingerprint: 'f', owner: 'a', expiresAt: clock + 60_000 };
    expect(await store.claim('k', first)).toBeUndefined();
    clock += 60_001;
    expect(await store.get('k')).toBeUndefined();
    const second = { ...first, owner: 'b', expiresAt: clock + 60_000 };
    expect(await store.claim('k', second)).toBeUndefined();
    expect(await store.get('k')).toEqual(second);
    expect(await store.claim('k', { ...second, owner: 'c' })).toEqual(second);
  });

  it('sees what a store in another process wrote, through either client', async () => {
    const prefix = freshPrefix();
    const viaNodeRedis = createRedisIdempotencyStore({ redis: testRedis.redis.nodeRedis, prefix });
    const viaIoRedis = createRedisIdempotencyStore({ redis: testRedis.redis.ioredis, prefix });
    const claim = { state: 'in_flight' as const, fingerprint: 'f', owner: 'a', expiresAt: Date.now() + 60_000 };
    expect(await viaNodeRedis.claim('k', claim)).toBeUndefined();
    expect(await viaIoRedis.claim('k', { ...claim, owner: 'b' })).toEqual(claim);
  });

  it('loads its scripts again after the server forgot them', async () => {
    const store = createRedisIdempotencyStore({ redis: testRedis.redis.ioredis, prefix: freshPrefix() });
    await store.claim('a', { state: 'in_flight', fingerprint: 'f', owner: 'a', expiresAt: Date.now() + 60_000 });
    await testRedis.redis.ioredis.call('SCRIPT', 'FLUSH');
    expect(await store.claim('b', { state: 'in_flight', fingerprint: 'f', owner: 'b', expiresAt: Date.now() + 60_000 })).toBeUndefined();
  });

  it('refuses something that is not a Redis client', () => {
    expect(() => createRedisIdempotencyStore({ redis: {} as never })).toThrow(ClinkConfigurationError);
  });

  it('puts the handler stores under their own prefixes', async () => {
    const prefix = freshPrefix();
    const { idempotencyStore, webhookEventStore } = createRedisStores({ redis: testRedis.redis.nodeRedis, prefix });
    const record = { state: 'in_flight' as const, fingerprint: 'f', owner: 'a', expiresAt: Date.now() + 60_000 };
    await idempotencyStore.claim('same', record);
    expect(await webhookEventStore.get('same')).toBeUndefined();
    const keys = await testRedis.redis.nodeRedis.sendCommand(['KEYS', `${prefix}*`]);
    expect(keys).toEqual([`${prefix}idempotency:same`]);
  });
});
