import { SANDBOX_API_KEY } from '@clink-checkout/sandbox';
import { describe, expect, it } from 'vitest';
import { createClinkClient } from '../client/index.js';
import { createCheckoutHandler } from '../handler/create-checkout-handler.js';
import { createMemoryInstrumentStore } from '../handler/instrument-store.js';
import { describeInstrumentStoreContract } from '../handler/test-support/instrument-store-contract.js';
import { TOKEN_SECRET } from '../handler/test-support/harness.js';
import { makeSandbox, SANDBOX_KINDS } from '../test-support/sandbox.js';
import { createRedisInstrumentStore, createRedisStores } from './index.js';
import { useTestRedis } from './test-support.js';

// Each store gets a prefix of its own, so one server serves every test without flushing.
const testRedis = useTestRedis('instruments-test');
const { freshPrefix } = testRedis;

describeInstrumentStoreContract({ name: 'in memory', make: () => createMemoryInstrumentStore() });
describeInstrumentStoreContract({
  name: 'Redis through node-redis',
  make: () => createRedisInstrumentStore({ redis: testRedis.redis.nodeRedis, prefix: freshPrefix() }),
});
describeInstrumentStoreContract({
  name: 'Redis through ioredis',
  make: () => createRedisInstrumentStore({ redis: testRedis.redis.ioredis, prefix: freshPrefix() }),
});

describe('createRedisInstrumentStore', () => {
  it('keeps an instrument for instrumentTtlSeconds, as a Redis TTL', async () => {
    const prefix = freshPrefix();
    const store = createRedisInstrumentStore({ redis: testRedis.redis.nodeRedis, prefix, instrumentTtlSeconds: 3600 });
    await store.set('k', 'pi_1');
    const ttl = Number(await testRedis.redis.nodeRedis.sendCommand(['PTTL', `${prefix}k`]));
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });
});

describe('two checkout handlers on one Redis', () => {
  it("create one wallet instrument for a customer's first payments, however they are spread, and both reuse it", async () => {
    const sandbox = makeSandbox(SANDBOX_KINDS[0]!, { seed: 'two-handlers' });
    let instrumentsCreated = 0;
    const prefix = freshPrefix();
    const handlers = [testRedis.redis.nodeRedis, testRedis.redis.ioredis].map((client) =>
      createCheckoutHandler({
        client: createClinkClient({
          apiKey: SANDBOX_API_KEY,
          environment: 'sandbox',
          baseUrl: 'http://127.0.0.1:4010/api',
          fetch: async (input, init) => {
            const request = new Request(input, init);
            if (new URL(request.url).pathname.endsWith('/payment-instrument')) instrumentsCreated += 1;
            return sandbox.fetch(request);
          },
        }),
        tokenSecret: TOKEN_SECRET,
        resolvePayment: () => ({
          customerEmail: 'returning@example.com',
          returnUrl: 'https://shop.example/checkout/return',
          amount: 5,
          currency: 'USD',
        }),
        ...createRedisStores({ redis: client, prefix }),
      }),
    );
    const pay = (index: number) =>
      handlers[index % 2]!(
        new Request('https://shop.example/api/checkout/payments', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `payment-${index}` },
          body: JSON.stringify({ paymentMethodType: 'GCASH' }),
        }),
      );

    const first = await Promise.all(Array.from({ length: 10 }, (_, index) => pay(index)));
    const later = await pay(11);

    expect([...first, later].map((response) => response.status)).toEqual(Array(11).fill(201));
    expect(instrumentsCreated).toBe(1);
    const [instrument] = sandbox.listInstruments({ type: 'GCASH' });
    expect(sandbox.listInstruments({ type: 'GCASH' })).toHaveLength(1);
    // Remembered in Redis itself, for every process and for longer than the creation's claim.
    const keys = (await testRedis.redis.nodeRedis.sendCommand(['KEYS', `${prefix}instruments:*`])) as string[];
    expect(keys).toHaveLength(1);
    expect(await testRedis.redis.nodeRedis.sendCommand(['GET', keys[0]!])).toBe(instrument!.id);
    const used = new Set(sandbox.listOrders().map((order) => order.paymentMethod?.paymentInstrumentId));
    expect(used.size).toBe(1);
    await sandbox.close();
  });
});
