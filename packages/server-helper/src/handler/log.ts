import { ClinkApiError } from '../errors.js';

/** Replaces every known secret, and anything shaped like a Clink secret key or signing secret. */
export function createRedactor(secrets: readonly (string | undefined)[]): (line: string) => string {
  const known = secrets.filter((secret): secret is string => typeof secret === 'string' && secret.length > 0);
  return (line) => {
    let safe = line;
    for (const secret of known) safe = safe.split(secret).join('[redacted]');
    return safe.replace(/\b(?:sk_(?:test|prod|live)|whsec)_[A-Za-z0-9_]+/g, '[redacted]');
  };
}

/**
 * `Name: message` of anything thrown, with the request field a Clink refusal names; never the stack,
 * which may quote arguments.
 */
export function describeThrown(error: unknown): string {
  if (error instanceof ClinkApiError && error.field !== undefined) return `${error.name}: ${error.message} (field ${error.field})`;
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return `non-error value thrown (${typeof error})`;
}
