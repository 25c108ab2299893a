import { describe, expect, it, vi } from 'vitest';
import { runIdempotently, type IdempotencyTimings } from './idempotency.js';
import { createMemoryIdempotencyStore } from './idempotency-store.js';

const timings = (now: () => number): IdempotencyTimings => ({
  ttlMs: 60_000,
  inFlightTtlMs: 10_000,
  waitTimeoutMs: 2_000,
  now,
});

const ok = (body: string) => ({ response: { status: 201, body }, remember: true });

describe('runIdempotently', () => {
  it('runs the work once and replays its response for the same key and fingerprint', async () => {
    const store = createMemoryIdempotencyStore();
    const work = vi.fn(async () => ok('first'));
    const first = await runIdempotently(store, 'k', 'f', timings(Date.now), work);
    const second = await runIdempotently(store, 'k', 'f', timings(Date.now), work);
    expect(first).toEqual({ kind: 'fresh', response: { status: 201, body: 'first' } });
    expect(second).toEqual({ kind: 'replayed', response: { status: 201, body: 'first' } });
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('reports a different fingerprint under the same key as a mismatch', async () => {
    const store = createMemoryIdempotencyStore();
    await runIdempotently(store, 'k', 'f1', timings(Date.now), async () => ok('first'));
    const outcome = await runIdempotently(store, 'k', 'f2', timings(Date.now), async () => ok('second'));
    expect(outcome).toEqual({ kind: 'fingerprint_mismatch' });
  });

  it('makes concurrent duplicates wait for the first and share its response', async () => {
    const store = createMemoryIdempotencyStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const work = vi.fn(async () => {
      await gate;
      return ok('only');
    });
    const runs = Array.from({ length: 5 }, () => runIdempotently(store, 'k', 'f', timings(Date.now), work));
    setTimeout(release, 20);
    const outcomes = await Promise.all(runs);
    expect(work).toHaveBeenCalledTimes(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'fresh')).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === 'replayed')).toHaveLength(4);
  });

  it('releases the key when the work says so, so the next attempt runs again', async () => {
    const store = createMemoryIdempotencyStore();
    await runIdempotently(store, 'k', 'f', timings(Date.now), async () => ({
      response: { status: 400, body: 'bad' },
      remember: false,
    }));
    const retry = await runIdempotently(store, 'k', 'f', timings(Date.now), async () => ok('second'));
    expect(retry).toEqual({ kind: 'fresh', response: { status: 201, body: 'second' } });
  });

  it('lets a waiting duplicate take over when the first attempt releases the key', async () => {
    const store = createMemoryIdempotencyStore();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const first = runIdempotently(store, 'k', 'f', timings(Date.now), async () => {
      await gate;
      return { response: { status: 400, body: 'rejected' }, remember: false };
    });
    const second = runIdempotently(store, 'k', 'f', timings(Date.now), async () => ok('second'));
    setTimeout(release, 20);
    expect(await first).toEqual({ kind: 'fresh', response: { status: 400, body: 'rejected' } });
    expect(await second).toEqual({ kind: 'fresh', response: { status: 201, body: 'second' } });
  });

  it('gives up waiting after waitTimeoutMs', async () => {
    const store = createMemoryIdempotencyStore();
    await store.claim('k', { state: 'in_flight', fingerprint: 'f', expiresAt: Date.now() + 60_000 });
    const started = Date.now();
    const outcome = await runIdempotently(store, 'k', 'f', { ...timings(Date.now), waitTimeoutMs: 50 }, async () => ok('x'));
    expect(outcome).toEqual({ kind: 'still_in_flight' });
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});

describe('createMemoryIdempotencyStore', () => {
  it('forgets records once they expire', async () => {
    let now = 1_000;
    const store = createMemoryIdempotencyStore({ now: () => now });
    await store.set('k', { state: 'completed', fingerprint: 'f', expiresAt: 2_000, response: { status: 201, body: '' } });
    expect(await store.get('k')).toBeDefined();
    now = 2_000;
    expect(await store.get('k')).toBeUndefined();
    expect(await store.claim('k', { state: 'in_flight', fingerprint: 'f', expiresAt: 5_000 })).toBeUndefined();
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const store = createMemoryIdempotencyStore({ maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) {
      await store.set(key, { state: 'completed', fingerprint: key, expiresAt: Date.now() + 60_000, response: { status: 201, body: key } });
    }
    expect(await store.get('a')).toBeUndefined();
    expect(await store.get('b')).toBeDefined();
    expect(await store.get('d')).toBeDefined();
  });

  it('never drops a claim still in flight, however many other creates finish meanwhile', async () => {
    const store = createMemoryIdempotencyStore(); // the handler's default: 10,000 answers
    const slow = { state: 'in_flight' as const, fingerprint: 'slow', owner: 'first', expiresAt: Date.now() + 120_000 };
    await store.claim('slow', slow);
    for (let index = 0; index < 10_000; index += 1) {
      const key = `other-${index}`;
      await store.claim(key, { state: 'in_flight', fingerprint: key, owner: key, expiresAt: Date.now() + 120_000 });
      await store.set(key, { state: 'completed', fingerprint: key, expiresAt: Date.now() + 60_000, response: { status: 201, body: key } }, { owner: key });
    }
    expect(await store.claim('slow', { ...slow, owner: 'retry' })).toEqual(slow);
  });

  it('claims atomically: a second claim returns the first record unchanged', async () => {
    const store = createMemoryIdempotencyStore();
    const record = { state: 'in_flight' as const, fingerprint: 'f1', expiresAt: Date.now() + 60_000 };
    expect(await store.claim('k', record)).toBeUndefined();
    expect(await store.claim('k', { ...record, fingerprint: 'f2' })).toEqual(record);
  });
});
