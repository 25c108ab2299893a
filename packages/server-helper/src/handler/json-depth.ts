/** Deeper than any real cart; well below what a recursive walk of the value could survive. */
export const MAX_PAYLOAD_DEPTH = 64;

/**
 * Whether `value` nests arrays and objects more than `maxDepth` levels deep. Walks with its own stack,
 * so a hostile value cannot overflow the call stack here, and stops at the first level too many.
 */
export function nestsDeeperThan(value: unknown, maxDepth: number): boolean {
  const pending: Array<{ value: unknown; depth: number }> = [{ value, depth: 0 }];
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (typeof item.value !== 'object' || item.value === null) continue;
    const depth = item.depth + 1;
    if (depth > maxDepth) return true;
    for (const child of Object.values(item.value)) {
      if (typeof child === 'object' && child !== null) pending.push({ value: child, depth });
    }
  }
  return false;
}
