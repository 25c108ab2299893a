// One instance of a merchant's checkout: createCheckoutHandler on node:http with the Redis stores,
// as a deployment runs several of them behind a load balancer. Started by cross-process.test.ts.
import { createServer } from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createClient } from 'redis';

const settings = JSON.parse(process.env.CHECKOUT_PROCESS ?? '{}');
const load = (file) => import(pathToFileURL(path.join(settings.bundleDir, file)).href);
const { createCheckoutHandler, createClinkClient } = await load('index.js');
const { toNodeHandler } = await load('node.js');
const { createRedisStores } = await load('redis.js');

const redis = createClient({ url: settings.redisUrl });
await redis.connect();

const handler = createCheckoutHandler({
  client: createClinkClient({ apiKey: settings.apiKey, environment: 'sandbox', baseUrl: settings.apiBase, maxRetries: 0 }),
  tokenSecret: settings.tokenSecret,
  webhookSecret: settings.webhookSecret,
  resolvePayment: () => settings.payment,
  async onWebhook(event) {
    process.send?.({ webhook: event.id, pid: process.pid });
    // Real work takes a while: the other instance's delivery arrives while this one is still running.
    await new Promise((resolve) => setTimeout(resolve, 100));
  },
  logger: (line) => process.send?.({ log: line }),
  ...createRedisStores({ redis, prefix: settings.prefix }),
});

const server = createServer(toNodeHandler(handler));
server.listen(0, '127.0.0.1', () => process.send?.({ port: server.address().port }));
process.on('disconnect', async () => {
  server.closeAllConnections();
  server.close();
  await redis.quit();
  process.exit(0);
});
