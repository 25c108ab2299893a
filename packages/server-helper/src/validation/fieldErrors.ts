/** How a value is named in an error message, without quoting it (it may be a secret passed by mistake). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'a string';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}
