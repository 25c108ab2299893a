/**
 * The checkout handler's memory of `Idempotency-Key`s, in the shop's SQLite database instead of
 * process memory: a retry after a restart still gets the first answer (no second order at Clink),
 * and memory does not grow with the answers kept (a QR payment's answer, its image inside, is a few kilobytes).
 */
import type { IdempotencyRecord, IdempotencyStore } from '@clink-checkout/server';
import type { Statement } from 'better-sqlite3';
import type { StoreDatabase } from './database.js';

export class SqliteIdempotencyStore implements IdempotencyStore {
  readonly #now: () => number;
  readonly #claim: Statement<[string, string, number, number]>;
  readonly #get: Statement<[string, number], { record: string }>;
  readonly #set: Statement<[string, string, number]>;
  readonly #delete: Statement<[string]>;
  readonly #deleteExpired: Statement<[number, number]>;

  constructor(db: StoreDatabase, options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
    // Takes the key when it is free or its record has expired; a live record is left as it is.
    this.#claim = db.prepare(
      `INSERT INTO idempotency_keys (key, record, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET record = excluded.record, expires_at = excluded.expires_at
       WHERE idempotency_keys.expires_at <= ?`,
    );
    this.#get = db.prepare('SELECT record FROM idempotency_keys WHERE key = ? AND expires_at > ?');
    this.#set = db.prepare(
      `INSERT INTO idempotency_keys (key, record, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET record = excluded.record, expires_at = excluded.expires_at`,
    );
    this.#delete = db.prepare('DELETE FROM idempotency_keys WHERE key = ?');
    this.#deleteExpired = db.prepare(
      'DELETE FROM idempotency_keys WHERE rowid IN (SELECT rowid FROM idempotency_keys WHERE expires_at <= ? LIMIT ?)',
    );
  }

  async claim(key: string, record: IdempotencyRecord): Promise<IdempotencyRecord | undefined> {
    // One process, synchronous SQLite: nothing runs between the two statements, which share one clock reading.
    const now = this.#now();
    if (this.#claim.run(key, JSON.stringify(record), record.expiresAt, now).changes === 1) return undefined;
    return this.#read(key, now);
  }

  async get(key: string): Promise<IdempotencyRecord | undefined> {
    return this.#read(key, this.#now());
  }

  async set(key: string, record: IdempotencyRecord): Promise<void> {
    this.#set.run(key, JSON.stringify(record), record.expiresAt);
  }

  async delete(key: string): Promise<void> {
    this.#delete.run(key);
  }

  /** Forgets up to `limit` expired keys; returns how many. */
  deleteExpired(limit: number): number {
    return this.#deleteExpired.run(this.#now(), limit).changes;
  }

  #read(key: string, now: number): IdempotencyRecord | undefined {
    const row = this.#get.get(key, now);
    return row === undefined ? undefined : (JSON.parse(row.record) as IdempotencyRecord);
  }
}
