/**
 * The shop's SQLite database (`data/store.db`): opened in WAL mode, brought to the current schema
 * by numbered migrations. One process writes; readers never wait for it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

export type StoreDatabase = Database.Database;

/**
 * The schema, one step per entry: entry `n` takes the database from version `n` to `n + 1`
 * (`PRAGMA user_version`). Never edit a step that has shipped; add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  `
  -- What the shop knows about each of its orders. Money is kept in minor units (cents).
  -- Details are NULL only for an order first seen in a webhook that did not carry them.
  CREATE TABLE orders (
    order_id            TEXT PRIMARY KEY,
    reference           TEXT NOT NULL,
    product_id          TEXT,
    product_name        TEXT,
    quantity            INTEGER,
    amount_minor        INTEGER,
    currency            TEXT,
    payment_method_type TEXT,
    clink_status        TEXT NOT NULL,
    outcome             TEXT NOT NULL CHECK (outcome IN ('pending', 'paid', 'failed')),
    updated_by          TEXT NOT NULL CHECK (updated_by IN ('create', 'webhook', 'order_lookup')),
    session_hash        TEXT,
    order_token_hash    TEXT,
    qr_refreshes        INTEGER NOT NULL DEFAULT 0,
    created_at          INTEGER NOT NULL,
    updated_at          INTEGER NOT NULL
  ) STRICT;
  -- The clean-up looks for old unpaid orders only.
  CREATE INDEX orders_unpaid_by_age ON orders (created_at) WHERE outcome <> 'paid';

  -- Every webhook event handled once, by Clink's event id: a repeat is recognised even after a restart.
  CREATE TABLE webhook_events (
    event_id    TEXT PRIMARY KEY,
    type        TEXT NOT NULL,
    order_id    TEXT,
    handled_as  TEXT NOT NULL CHECK (handled_as IN ('order', 'not_ours', 'unusable')),
    received_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX webhook_events_by_age ON webhook_events (received_at);

  -- The checkout handler's Idempotency-Keys (its idempotencyStore): a JSON IdempotencyRecord per
  -- key, deleted once expired.
  CREATE TABLE idempotency_keys (
    key        TEXT PRIMARY KEY,
    record     TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);
  `,
  `
  -- The wallet instruments the checkout handler created at Clink (its instrumentStore), so a customer's
  -- next payment with the same method reuses one instead of creating one per payment, across restarts.
  -- Keys are the handler's: scoped to the Clink environment and method, the customer hashed.
  CREATE TABLE wallet_instruments (
    key           TEXT PRIMARY KEY,
    instrument_id TEXT NOT NULL,
    updated_at    INTEGER NOT NULL
  ) STRICT;
  `,
];

/**
 * Opens (creating it and its directory when missing) and migrates the database in `file`.
 * @throws Error when the file is not a database, or has a schema newer than this code.
 */
export function openStoreDatabase(file: string): StoreDatabase {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    // In WAL mode, NORMAL syncs at checkpoints, not at every commit: a crash of the process loses
    // nothing; a power cut may lose the last commits, never the file's integrity.
    db.pragma('synchronous = NORMAL');
    db.pragma('busy_timeout = 5000');
    migrate(db);
  } catch (error) {
    db.close();
    throw new Error(`Cannot open the order database ${file}: ${error instanceof Error ? error.message : error}`, { cause: error });
  }
  return db;
}

/** Applies the steps the database has not had yet, all in one transaction. */
export function migrate(db: StoreDatabase, migrations: readonly string[] = MIGRATIONS): void {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > migrations.length) {
    throw new Error(
      `its schema is version ${current}, newer than this code knows (${migrations.length}); run a newer version of the store, or use another DATA_DIR`,
    );
  }
  if (current === migrations.length) return;
  db.transaction(() => {
    for (const step of migrations.slice(current)) db.exec(step);
    db.pragma(`user_version = ${migrations.length}`);
  }).immediate();
}
