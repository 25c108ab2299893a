import type { WebhookHeaders } from './types.js';

/**
 * Every value of one header, case-insensitively, from `Headers` or a Node header record.
 * Comma-joined duplicates (how Node and `Headers` merge repeated headers) are split apart.
 */
export function readHeaderValues(headers: WebhookHeaders, name: string): string[] {
  let raw: Array<string | undefined> = [];
  if (typeof (headers as Headers).get === 'function') {
    raw = [(headers as Headers).get(name) ?? undefined];
  } else {
    const wanted = name.toLowerCase();
    for (const [key, value] of Object.entries(headers as Record<string, string | string[] | undefined>)) {
      if (key.toLowerCase() === wanted) raw.push(...(Array.isArray(value) ? value : [value]));
    }
  }
  return raw
    .flatMap((value) => (typeof value === 'string' ? value.split(',') : []))
    .map((value) => value.trim())
    .filter((value) => value !== '');
}
