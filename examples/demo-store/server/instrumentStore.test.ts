import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreDatabase, type StoreDatabase } from './database.js';
import { SqliteInstrumentStore } from './instrumentStore.js';

const opened: Array<{ db: StoreDatabase; dir: string }> = [];
function database(dir = mkdtempSync(path.join(os.tmpdir(), 'demo-store-instruments-'))) {
  const db = openStoreDatabase(path.join(dir, 'store.db'));
  opened.push({ db, dir });
  return { db, dir };
}
afterEach(() => {
  for (const { db, dir } of opened.splice(0)) {
    if (db.open) db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('SqliteInstrumentStore', () => {
  it('remembers a customer’s wallet instrument across a restart of the shop', async () => {
    const first = database();
    await new SqliteInstrumentStore(first.db).set('instrument:sandbox:GCASH:abc', 'pi_gcash_1');
    first.db.close();

    const reopened = database(first.dir);
    expect(await new SqliteInstrumentStore(reopened.db).get('instrument:sandbox:GCASH:abc')).toBe('pi_gcash_1');
  });

  it('replaces an instrument, and forgets one only while it is still the one Clink refused', async () => {
    const store = new SqliteInstrumentStore(database().db);
    await store.set('k', 'pi_old');
    await store.set('k', 'pi_new');
    await store.delete('k', 'pi_old');
    expect(await store.get('k')).toBe('pi_new');

    await store.delete('k', 'pi_new');
    expect(await store.get('k')).toBeUndefined();
  });
});
