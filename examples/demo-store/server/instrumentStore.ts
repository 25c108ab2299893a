/**
 * The checkout handler's memory of the wallet instruments it created at Clink (`instrumentStore`), in the
 * shop's SQLite database: a restart does not make every returning customer a new instrument.
 */
import type { InstrumentStore } from '@clink-checkout/server';
import type { Statement } from 'better-sqlite3';
import type { StoreDatabase } from './database.js';

export class SqliteInstrumentStore implements InstrumentStore {
  readonly #now: () => number;
  readonly #get: Statement<[string], { instrument_id: string }>;
  readonly #set: Statement<[string, string, number]>;
  readonly #delete: Statement<[string, string]>;

  constructor(db: StoreDatabase, options: { now?: () => number } = {}) {
    this.#now = options.now ?? Date.now;
    this.#get = db.prepare('SELECT instrument_id FROM wallet_instruments WHERE key = ?');
    this.#set = db.prepare(
      `INSERT INTO wallet_instruments (key, instrument_id, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET instrument_id = excluded.instrument_id, updated_at = excluded.updated_at`,
    );
    // Compare-and-delete: only the instrument Clink refused is forgotten, never one stored since.
    this.#delete = db.prepare('DELETE FROM wallet_instruments WHERE key = ? AND instrument_id = ?');
  }

  async get(key: string): Promise<string | undefined> {
    return this.#get.get(key)?.instrument_id;
  }

  async set(key: string, instrumentId: string): Promise<void> {
    this.#set.run(key, instrumentId, this.#now());
  }

  async delete(key: string, instrumentId: string): Promise<void> {
    this.#delete.run(key, instrumentId);
  }
}
