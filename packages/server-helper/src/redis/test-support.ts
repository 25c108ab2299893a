/** A real redis-server for this file's tests, and clients of both libraries connected to it. */
import { Redis as IoRedis } from 'ioredis';
import { createClient } from 'redis';
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
