import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { JsonOrderStore, outcomeOf, type OrderDetails } from './orderStore.mjs';

const details = (orderId: string): OrderDetails => ({
  orderId,
  reference: `demo_${orderId}`,
  productId: 'house-blend-250g',
  productName: 'House Blend coffee beans, 250 g',
  quantity: 2,
  amount: 25,
  currency: 'USD',
  paymentMethodType: 'WECHAT',
});

let dir: string;
let file: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-orders-'));
  file = path.join(dir, 'data', 'orders.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function readFromDisk() {
  return JSON.parse(await readFile(file, 'utf8')) as { version: number; orders: Record<string, { outcome: string }> };
}

describe('JsonOrderStore', () => {
  it('starts empty when the file does not exist, and creates its directory', async () => {
    const store = await JsonOrderStore.open(file);
    expect(store.list()).toEqual([]);
    expect(await readdir(path.dirname(file))).toEqual([]);
  });

  it('writes every recorded order to disk and reads it back after a restart', async () => {
    const store = await JsonOrderStore.open(file);
    await store.record(details('ord_1'), { clinkStatus: 'requires_action', updatedBy: 'create', now: 1000 });

    const onDisk = await readFromDisk();
    expect(onDisk.version).toBe(1);
    expect(onDisk.orders.ord_1?.outcome).toBe('pending');

    const reopened = await JsonOrderStore.open(file);
    expect(reopened.get('ord_1')).toMatchObject({ ...details('ord_1'), outcome: 'pending', createdAt: 1000 });
  });

  it('leaves no temporary files behind, even with many writes at once', async () => {
    const store = await JsonOrderStore.open(file);
    await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        store.record(details(`ord_${i}`), { clinkStatus: 'requires_action', updatedBy: 'create' }),
      ),
    );
    expect(await readdir(path.dirname(file))).toEqual(['orders.json']);
    expect(Object.keys((await readFromDisk()).orders)).toHaveLength(25);
  });

  it('serialises writes so the file always holds the latest state', async () => {
    const store = await JsonOrderStore.open(file);
    await store.record(details('ord_1'), { clinkStatus: 'requires_action', updatedBy: 'create' });
    const writes = [
      store.applyStatus('ord_1', { clinkStatus: 'success', updatedBy: 'webhook', eventId: 'evt_1' }),
      store.record(details('ord_2'), { clinkStatus: 'failed', updatedBy: 'create' }),
    ];
    await Promise.all(writes);
    const onDisk = await readFromDisk();
    expect(onDisk.orders.ord_1?.outcome).toBe('paid');
    expect(onDisk.orders.ord_2?.outcome).toBe('failed');
  });

  it('never turns a final outcome back into pending (late or out-of-order webhooks)', async () => {
    const store = await JsonOrderStore.open(file);
    await store.record(details('ord_1'), { clinkStatus: 'requires_action', updatedBy: 'create' });
    await store.applyStatus('ord_1', { clinkStatus: 'success', updatedBy: 'webhook', eventId: 'evt_2' });
    const after = await store.applyStatus('ord_1', { clinkStatus: 'requires_action', updatedBy: 'webhook', eventId: 'evt_1' });
    expect(after).toMatchObject({ outcome: 'paid', clinkStatus: 'success' });
    const failedLater = await store.applyStatus('ord_1', { clinkStatus: 'failed', updatedBy: 'order_lookup' });
    expect(failedLater?.outcome).toBe('paid');
  });

  it('applies a repeated webhook event only once', async () => {
    const store = await JsonOrderStore.open(file);
    await store.record(details('ord_1'), { clinkStatus: 'requires_action', updatedBy: 'create' });
    await store.applyStatus('ord_1', { clinkStatus: 'success', updatedBy: 'webhook', eventId: 'evt_1', now: 5 });
    const repeated = await store.applyStatus('ord_1', { clinkStatus: 'success', updatedBy: 'webhook', eventId: 'evt_1', now: 9 });
    expect(repeated).toMatchObject({ updatedAt: 5, webhookEventIds: ['evt_1'] });
  });

  it('records an order first seen in a webhook, and keeps it when the create answer arrives later', async () => {
    const store = await JsonOrderStore.open(file);
    await store.record(details('ord_1'), { clinkStatus: 'requires_action', updatedBy: 'webhook', eventId: 'evt_created' });
    const recorded = await store.record(details('ord_1'), { clinkStatus: 'requires_action', updatedBy: 'create' });
    expect(store.list()).toHaveLength(1);
    expect(recorded.webhookEventIds).toEqual(['evt_created']);
  });

  it('ignores status updates for orders it does not know', async () => {
    const store = await JsonOrderStore.open(file);
    expect(await store.applyStatus('ord_unknown', { clinkStatus: 'success', updatedBy: 'webhook' })).toBeUndefined();
    expect(store.list()).toEqual([]);
  });

  it('refuses to start on a corrupt file instead of overwriting it', async () => {
    const store = await JsonOrderStore.open(file);
    await store.record(details('ord_1'), { clinkStatus: 'requires_action', updatedBy: 'create' });
    const { writeFile } = await import('node:fs/promises');
    await writeFile(file, '{"version":1,"orders":', 'utf8');
    await expect(JsonOrderStore.open(file)).rejects.toThrow(/Cannot read the order store/);
  });

  it('hands out copies, so callers cannot change stored orders by accident', async () => {
    const store = await JsonOrderStore.open(file);
    await store.record(details('ord_1'), { clinkStatus: 'requires_action', updatedBy: 'create' });
    const copy = store.get('ord_1')!;
    copy.outcome = 'paid';
    expect(store.get('ord_1')?.outcome).toBe('pending');
  });
});

describe('outcomeOf', () => {
  it.each([
    ['success', 'paid'],
    ['succeeded', 'paid'],
    ['refunded', 'paid'],
    ['partial_refunded', 'paid'],
    ['failed', 'failed'],
    ['requires_action', 'pending'],
    ['pending', 'pending'],
    ['something_new', 'pending'],
  ])('%s -> %s', (status, outcome) => {
    expect(outcomeOf(status)).toBe(outcome);
  });
});
