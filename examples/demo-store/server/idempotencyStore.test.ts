import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IdempotencyRecord } from '@clink-checkout/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoreDatabase, type StoreDatabase } from './database.js';
import { SqliteIdempotencyStore } from './idempotencyStore.js';

let dir: string;
let now: number;
const databases: StoreDatabase[] = [];

function openStore() {
  const db = openStoreDatabase(path.join(dir, 'store.db'));
  databases.push(db);
  return new SqliteIdempotencyStore(db, { now: () => now });
}

const inFlight = (expiresAt: number, fingerprint = 'f1'): IdempotencyRecord => ({ state: 'in_flight', fingerprint, expiresAt });
const completed = (expiresAt: number, body = '{"orderId":"ord_1"}'): IdempotencyRecord => ({
  state: 'completed',
  fingerprint: 'f1',
  expiresAt,
  response: { status: 201, body },
});

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-keys-'));
  now = 1_800_000_000_000;
});
afterEach(async () => {
  for (const db of databases.splice(0)) db.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SqliteIdempotencyStore', () => {
  it('lets one caller claim a key; the others get the live record', async () => {
    const store = openStore();
    expect(await store.claim('create:k1', inFlight(now + 1000))).toBeUndefined();
    expect(await store.claim('create:k1', inFlight(now + 1000, 'f2'))).toEqual(inFlight(now + 1000));
    expect(await store.claim('create:k2', inFlight(now + 1000))).toBeUndefined();
  });

  it('replays the completed answer byte for byte, also after a restart', async () => {
    const body = '{"orderId":"ord_1","orderToken":"v1.WECHAT.1.n.m"}';
    await openStore().set('create:k1', completed(now + 1000, body));
    const reopened = openStore();
    expect(await reopened.get('create:k1')).toEqual(completed(now + 1000, body));
    expect(await reopened.claim('create:k1', inFlight(now + 2000))).toEqual(completed(now + 1000, body));
  });

  it('treats an expired record as absent: it can be claimed again', async () => {
    const store = openStore();
    await store.set('event:evt_1', completed(now + 1000));
    now += 1000;
    expect(await store.get('event:evt_1')).toBeUndefined();
    expect(await store.claim('event:evt_1', inFlight(now + 500))).toBeUndefined();
    expect(await store.get('event:evt_1')).toEqual(inFlight(now + 500));
  });

  it('forgets a released key', async () => {
    const store = openStore();
    await store.claim('create:k1', inFlight(now + 1000));
    await store.delete('create:k1');
    expect(await store.get('create:k1')).toBeUndefined();
    expect(await store.claim('create:k1', inFlight(now + 1000))).toBeUndefined();
  });

  it('deletes expired keys in batches, and only those', async () => {
    const store = openStore();
    for (let i = 0; i < 5; i += 1) await store.set(`create:old${i}`, completed(now + 10));
    await store.set('create:live', completed(now + 1000));
    now += 10;
    expect(store.deleteExpired(3)).toBe(3);
    expect(store.deleteExpired(3)).toBe(2);
    expect(store.deleteExpired(3)).toBe(0);
    expect(await store.get('create:live')).toBeDefined();
  });
});
