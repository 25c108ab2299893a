import { SANDBOX_API_KEY } from '@clink-checkout/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClinkClient } from '../client/index.js';
import { createCheckoutHandler } from '../handler/create-checkout-handler.js';
import { createMemoryInstrumentStore } from '../handler/instrument-store.js';
import { describeInstrumentStoreContract } from '../handler/test-support/instrument-store-contract.js';
import { TOKEN_SECRET } from '../handler/test-support/harness.js';
import { makeSandbox, SANDBOX_KINDS } from '../test-support/sandbox.js';
import { createRedisInstrumentStore, createRedisStores } from './index.js';
import { startTestRedis, type TestRedis } from './test-support.js';

let redis: TestRedis;
let stores = 0;
const freshPrefix = () => `instruments-test:${(stores += 1)}:`;

beforeAll(async () => {
  redis = await startTestRedis();
}, 30_000);

afterAll(async () => {
  await redis?.stop();
});

describeInstrumentStoreContract({ name: 'in memory', make: () => createMemoryInstrumentStore() });
describeInstrumentStoreContract({
  name: 'Redis through node-redis',
  make: () => createRedisInstrumentStore({ redis: redis.nodeRedis, prefix: freshPrefix() }),
});
describeInstrumentStoreContract({
  name: 'Redis through ioredis',
  make: () => createRedisInstrumentStore({ redis: redis.ioredis, prefix: freshPrefix() }),
});

describe('createRedisInstrumentStore', () => {
  it('keeps an instrument for instrumentTtlSeconds, as a Redis TTL', async () => {
    const prefix = freshPrefix();
    const store = createRedisInstrumentStore({ redis: redis.nodeRedis, prefix, instrumentTtlSeconds: 3600 });
    await store.set('k', 'pi_1');
    const ttl = Number(await redis.nodeRedis.sendCommand(['PTTL', `${prefix}k`]));
    expect(ttl).toBeGreaterThan(3_500_000);
    expect(ttl).toBeLessThanOrEqual(3_600_000);
  });
});

describe('two checkout handlers on one Redis', () => {
  it("create one wallet instrument for a customer's first payments, however they are spread, and both reuse it", async () => {
    const sandbox = makeSandbox(SANDBOX_KINDS[0]!, { seed: 'two-handlers' });
    let instrumentsCreated = 0;
    const prefix = freshPrefix();
    const handlers = [redis.nodeRedis, redis.ioredis].map((client) =>
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
    const keys = (await redis.nodeRedis.sendCommand(['KEYS', `${prefix}instruments:*`])) as string[];
    expect(keys).toHaveLength(1);
    expect(await redis.nodeRedis.sendCommand(['GET', keys[0]!])).toBe(instrument!.id);
    const used = new Set(sandbox.listOrders().map((order) => order.paymentMethod?.paymentInstrumentId));
    expect(used.size).toBe(1);
    await sandbox.close();
  });
});
