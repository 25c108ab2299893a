/** The behaviour every `InstrumentStore` must have; the in-memory and the Redis stores both run it. */
import { describe, expect, it } from 'vitest';
import type { InstrumentStore } from '../instrument-store.js';

export interface InstrumentStoreUnderTest {
  name: string;
  /** A fresh, empty store (its own key space). */
  make(): InstrumentStore | Promise<InstrumentStore>;
}

export function describeInstrumentStoreContract(subject: InstrumentStoreUnderTest): void {
  describe(`InstrumentStore contract: ${subject.name}`, () => {
    it('remembers an instrument per key, and the latest one stored', async () => {
      const store = await subject.make();
      expect(await store.get('customer-a')).toBeUndefined();
      await store.set('customer-a', 'pi_1');
      await store.set('customer-b', 'pi_2');
      expect(await store.get('customer-a')).toBe('pi_1');
      await store.set('customer-a', 'pi_3');
      expect(await store.get('customer-a')).toBe('pi_3');
      expect(await store.get('customer-b')).toBe('pi_2');
    });

    it('forgets an instrument only while the key still holds it', async () => {
      const store = await subject.make();
      await store.set('k', 'pi_new');
      await store.delete('k', 'pi_old'); // another server already replaced the refused one
      expect(await store.get('k')).toBe('pi_new');
      await store.delete('k', 'pi_new');
      expect(await store.get('k')).toBeUndefined();
    });
  });
}
