/** A copy of `value` without its `undefined` fields, so answers leave absent fields out instead of sending them. */
export function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
