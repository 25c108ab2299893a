import { describe, expect, it } from 'vitest';
import { dropOldestBeyond } from './bounded-map.js';

const mapOf = (count: number) => new Map(Array.from({ length: count }, (_, index) => [`k${index}`, index]));

describe('dropOldestBeyond', () => {
  it('leaves a map within its bound alone', () => {
    const map = mapOf(32);
    dropOldestBeyond(map, 32);
    expect(map.size).toBe(32);
  });

  it('drops the oldest entries past the bound, and a sixteenth more, in insertion order', () => {
    const map = mapOf(33);
    dropOldestBeyond(map, 32);
    expect([...map.keys()]).toEqual(Array.from({ length: 30 }, (_, index) => `k${index + 3}`));
  });

  it('drops just the oldest when the bound is below sixteen', () => {
    const map = mapOf(4);
    dropOldestBeyond(map, 3);
    expect([...map.keys()]).toEqual(['k1', 'k2', 'k3']);
  });
});
