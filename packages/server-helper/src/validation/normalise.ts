/** Copies a record without `undefined` and `null` fields: Clink's types never allow `null`, so it reads as "absent". */
export function withoutAbsent(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined && value !== null) copy[key] = value;
  return copy;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** ISO 4217 codes are case-insensitive in meaning; Clink's reference writes them uppercase, so we send them so. */
export function upperCaseCurrency(record: Record<string, unknown>): void {
  if (typeof record.currency === 'string') record.currency = record.currency.toUpperCase();
}

/** `metadata` without absent values; anything but a plain object is left for the schema to report. */
export function normaliseMetadata(record: Record<string, unknown>): void {
  if (isPlainObject(record.metadata)) record.metadata = withoutAbsent(record.metadata);
}
