/**
 * The behaviour every `IdempotencyStore` must have, as one suite: the in-memory store and the Redis
 * store (through node-redis and through ioredis) all run it.
 */
import { describe, expect, it, vi } from 'vitest';
import type { IdempotencyRecord, IdempotencyStore } from '../idempotency-store.js';

export interface StoreUnderTest {
  name: string;
  /** A fresh, empty store (its own key space). */
  make(): IdempotencyStore | Promise<IdempotencyStore>;
}

const inFlight = (fingerprint: string, owner: string, ttlMs = 60_000): IdempotencyRecord => ({
  state: 'in_flight',
  fingerprint,
  owner,
  expiresAt: Date.now() + ttlMs,
});
const completed = (fingerprint: string, body: string, ttlMs = 60_000): IdempotencyRecord => ({
  state: 'completed',
  fingerprint,
  expiresAt: Date.now() + ttlMs,
  response: { status: 201, body },
});

export function describeStoreContract(subject: StoreUnderTest): void {
  describe(`IdempotencyStore contract: ${subject.name}`, () => {
    it('claims an empty key once; a second claim gets the first record, unchanged', async () => {
      const store = await subject.make();
      const first = inFlight('f1', 'a');
      expect(await store.claim('k', first)).toBeUndefined();
      expect(await store.claim('k', inFlight('f2', 'b'))).toEqual(first);
      expect(await store.get('k')).toEqual(first);
    });

    it('gives back exactly the answer it was given, whatever its fingerprint and body hold', async () => {
      const store = await subject.make();
      const answers = [completed('', ''), completed('a|3|b\n', '|7|{"x":"|"}\n'), completed('é'.repeat(70), 'ü'.repeat(5000))];
      for (const [index, answer] of answers.entries()) {
        await store.set(`k${index}`, answer);
        expect(await store.get(`k${index}`)).toEqual(answer);
        expect(await store.claim(`k${index}`, inFlight('other', 'b'))).toEqual(answer);
      }
    });

    it('lets exactly one of 50 concurrent claims win', async () => {
      const store = await subject.make();
      const results = await Promise.all(Array.from({ length: 50 }, (_, index) => store.claim('k', inFlight('f', `o${index}`))));
      expect(results.filter((result) => result === undefined)).toHaveLength(1);
      const winner = await store.get('k');
      for (const result of results) if (result !== undefined) expect(result).toEqual(winner);
    });

    it('turns its own claim into the completed answer, which later claims receive', async () => {
      const store = await subject.make();
      await store.claim('k', inFlight('f', 'a'));
      const answer = completed('f', '{"orderId":"ord_1"}');
      await store.set('k', answer, { owner: 'a' });
      expect(await store.get('k')).toEqual(answer);
      expect(await store.claim('k', inFlight('f', 'b'))).toEqual(answer);
    });

    it("never lets another request complete or release a claim it does not own", async () => {
      const store = await subject.make();
      const claim = inFlight('f', 'a');
      await store.claim('k', claim);
      await store.set('k', completed('f', 'theirs'), { owner: 'b' });
      await store.delete('k', { owner: 'b' });
      expect(await store.get('k')).toEqual(claim);
      await store.delete('k', { owner: 'a' });
      expect(await store.get('k')).toBeUndefined();
    });

    it('keeps a newer claim when a request whose claim ran out releases late', async () => {
      const store = await subject.make();
      await store.claim('k', inFlight('f', 'slow', 50));
      await vi.waitFor(async () => expect(await store.get('k')).toBeUndefined(), { timeout: 5_000, interval: 20 });
      const newer = inFlight('f', 'retry');
      expect(await store.claim('k', newer)).toBeUndefined();
      await store.delete('k', { owner: 'slow' });
      await store.set('k', completed('f', 'late'), { owner: 'slow' });
      expect(await store.get('k')).toEqual(newer);
    });

    it('records a completion whose claim already expired, so a retry still finds the answer', async () => {
      const store = await subject.make();
      const answer = completed('f', 'done');
      await store.set('k', answer, { owner: 'gone' });
      expect(await store.get('k')).toEqual(answer);
    });

    it('forgets a record when it expires, and only that one', async () => {
      const store = await subject.make();
      await store.set('lasting', completed('f', 'kept'));
      await store.set('k', completed('f', 'short', 80));
      await vi.waitFor(async () => expect(await store.get('k')).toBeUndefined(), { timeout: 5_000, interval: 20 });
      expect(await store.get('lasting')).toBeDefined();
      expect(await store.claim('k', inFlight('f', 'a'))).toBeUndefined();
    });

    it('deletes without an owner (a store used on its own)', async () => {
      const store = await subject.make();
      await store.set('k', completed('f', 'x'));
      await store.delete('k');
      expect(await store.get('k')).toBeUndefined();
    });

    it('keeps keys apart', async () => {
      const store = await subject.make();
      await store.claim('a', inFlight('f', 'a'));
      expect(await store.claim('b', inFlight('f', 'b'))).toBeUndefined();
      expect(await store.get('c')).toBeUndefined();
    });
  });
}
