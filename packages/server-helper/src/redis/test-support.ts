/** A real redis-server for this file's tests, and clients of both libraries connected to it. */
import { Redis as IoRedis } from 'ioredis';
import { createClient } from 'redis';
import { afterAll, beforeAll } from 'vitest';
import { startRedisServer } from '../../../../scripts/redis.mjs';

const createNodeRedis = (url: string) => createClient({ url });

export interface TestRedis {
  url: string;
  nodeRedis: ReturnType<typeof createNodeRedis>;
  ioredis: IoRedis;
  stop(): Promise<void>;
}

export async function startTestRedis(): Promise<TestRedis> {
  const server = await startRedisServer();
  const nodeRedis = createNodeRedis(server.url);
  await nodeRedis.connect();
  const ioredis = new IoRedis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await ioredis.connect();
  return {
    url: server.url,
    nodeRedis,
    ioredis,
    async stop() {
      await nodeRedis.quit();
      await ioredis.quit();
      await server.stop();
    },
  };
}

/**
 * One redis-server for the calling test file, started before its tests and stopped after them, and a
 * fresh key prefix per store, so the file's stores never meet without flushing.
 */
export function useTestRedis(name: string): { readonly redis: TestRedis; freshPrefix(): string } {
  let redis: TestRedis | undefined;
  let stores = 0;
  beforeAll(async () => {
    redis = await startTestRedis();
  }, 30_000);
  afterAll(async () => {
    await redis?.stop();
  });
  return {
    get redis() {
      if (redis === undefined) throw new Error('useTestRedis: redis-server is not started yet (use it inside a test).');
      return redis;
    },
    freshPrefix: () => `${name}:${(stores += 1)}:`,
  };
}
