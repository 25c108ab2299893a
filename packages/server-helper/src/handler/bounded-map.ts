/**
 * Keeps `map` (in insertion order, oldest first) to at most `maxEntries`: past it, drops the oldest
 * sixteenth in one pass. Dropping one entry per write would cost a walk over every entry deleted before
 * it (V8 keeps deleted slots at the front of a Map until it rebuilds the table), thousands of steps per
 * write in a full map of 10,000; one pass per sixteenth makes that a few steps per write.
 */
export function dropOldestBeyond(map: Map<string, unknown>, maxEntries: number): void {
  if (map.size <= maxEntries) return;
  let excess = map.size - maxEntries + Math.floor(maxEntries / 16);
  for (const key of map.keys()) {
    map.delete(key);
    excess -= 1;
    if (excess <= 0) return;
  }
}
