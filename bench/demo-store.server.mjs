// The demo store in a process of its own, measured from outside by demo-store.bench.mjs:
//
//   node --import tsx bench/demo-store.server.mjs <dataDir> <ordersToSeed>    (cwd: examples/demo-store)
//
// Seeds the order database first (today's orders: paid, failed and waiting, as a shop collects them),
// then starts the store with the environment it was given (PORT, and CLINK_* for a sandbox in another
// process; without CLINK_API_KEY, its own in-process sandbox) and prints {"url"} once it listens.
// SIGTERM stops it; every line the store logs (failures) goes to stderr.
import path from 'node:path';
import { startDemoStore } from '../examples/demo-store/server/app.ts';
import { OrderStore } from '../examples/demo-store/server/orders.ts';

const [dataDir, seedText = '0'] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: demo-store.server.mjs <dataDir> <ordersToSeed>');

const STATUSES = ['succeeded', 'failed', 'requires_action'];
const seeded = OrderStore.open(path.join(dataDir, 'store.db'));
for (let i = 0; i < Number(seedText); i += 1) {
  seeded.recordCreated({
    orderId: `ord_seed_${i}`,
    reference: `demo_seed_${i}`,
    productId: 'house-blend-250g',
    productName: 'House Blend coffee beans, 250 g',
    quantity: 1 + (i % 3),
    amount: 12.5 * (1 + (i % 3)),
    currency: 'USD',
    paymentMethodType: i % 2 === 0 ? 'WECHAT' : 'CARD',
    clinkStatus: STATUSES[i % STATUSES.length],
    orderToken: `seed-token-${i}`,
    sessionId: `seed-session-${i % 5000}`,
  });
}
seeded.close();

const store = await startDemoStore({ sandboxPort: 0, dataDir, log: (line) => console.error(line) });
console.log(JSON.stringify({ url: store.url }));
process.on('SIGTERM', async () => {
  await store.close();
  process.exit(0);
});
