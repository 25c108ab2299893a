import type { WebhookHeaders } from './types.js';

/** Adds the comma-separated parts of one header value, trimmed, leaving out empty ones. */
function addParts(values: string[], value: unknown): void {
  if (typeof value !== 'string') return;
  for (const part of value.includes(',') ? value.split(',') : [value]) {
    const trimmed = part.trim();
    if (trimmed !== '') values.push(trimmed);
  }
}

/**
 * Every value of one header, case-insensitively, from `Headers` or a Node header record.
 * Comma-joined duplicates (how Node and `Headers` merge repeated headers) are split apart.
 */
export function readHeaderValues(headers: WebhookHeaders, name: string): string[] {
  const values: string[] = [];
  if (typeof (headers as Headers).get === 'function') {
    addParts(values, (headers as Headers).get(name));
    return values;
  }
  const record = headers as Record<string, string | string[] | undefined>;
  const wanted = name.toLowerCase();
  // A loop over the keys, not Object.entries: this runs for three headers on every webhook.
  for (const key in record) {
    if (key.length !== wanted.length || key.toLowerCase() !== wanted) continue;
    const value = record[key];
    if (Array.isArray(value)) for (const item of value) addParts(values, item);
    else addParts(values, value);
  }
  return values;
}
