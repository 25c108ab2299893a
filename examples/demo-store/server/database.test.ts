import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, openStoreDatabase } from './database.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'demo-store-db-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

describe('openStoreDatabase', () => {
  it('creates the database in WAL mode at the current schema version', () => {
    const db = openStoreDatabase(path.join(dir, 'nested', 'store.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(tables(db)).toEqual(['idempotency_keys', 'orders', 'wallet_instruments', 'webhook_events']);
    db.close();
  });

  it('opens an existing database without migrating it again', () => {
    const file = path.join(dir, 'store.db');
    const first = openStoreDatabase(file);
    first.prepare("INSERT INTO webhook_events VALUES ('evt_1', 'order.created', NULL, 'not_ours', 1)").run();
    first.close();
    const again = openStoreDatabase(file);
    expect(again.prepare('SELECT count(*) AS n FROM webhook_events').get()).toEqual({ n: 1 });
    again.close();
  });

  it('refuses a file that is not a database, and leaves it alone', async () => {
    const file = path.join(dir, 'store.db');
    await writeFile(file, '{"version":1,"orders":{}}');
    expect(() => openStoreDatabase(file)).toThrow(/Cannot open the order database .*store\.db/);
  });

  it('refuses a database from a newer version of the store instead of guessing', () => {
    const file = path.join(dir, 'store.db');
    const newer = new Database(file);
    newer.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    newer.close();
    expect(() => openStoreDatabase(file)).toThrow(/schema is version \d+, newer than this code knows/);
  });
});

describe('migrate', () => {
  it('applies only the steps a database has not had, keeping its data', () => {
    const db = new Database(':memory:');
    migrate(db, ['CREATE TABLE t (a TEXT)']);
    db.prepare("INSERT INTO t VALUES ('kept')").run();

    migrate(db, ['CREATE TABLE t (a TEXT)', 'ALTER TABLE t ADD COLUMN b INTEGER NOT NULL DEFAULT 7']);

    expect(db.prepare('SELECT * FROM t').all()).toEqual([{ a: 'kept', b: 7 }]);
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });

  it('rolls a failing step back entirely, so the next start can try again', () => {
    const db = new Database(':memory:');
    expect(() => migrate(db, ['CREATE TABLE t (a TEXT)', 'THIS IS NOT SQL'])).toThrow();
    expect(tables(db)).toEqual([]);
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    db.close();
  });
});
