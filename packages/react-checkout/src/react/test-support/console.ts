import { format } from 'node:util';

/** `console.error` calls a test announced; every other one fails the test (see vitest.setup.ts). */
const expected: RegExp[] = [];
const unexpected: string[] = [];

/** Lets the current test log errors matching `pattern` (e.g. React reporting an error a test throws on purpose). */
export function expectConsoleError(pattern: RegExp): void {
  expected.push(pattern);
}

/** Records one `console.error` call; returns `true` when the test announced it. */
export function recordConsoleError(args: unknown[]): boolean {
  const text = format(...args);
  if (expected.some((pattern) => pattern.test(text))) return true;
  unexpected.push(text);
  return false;
}

/** The unannounced errors of the test that just ran, and a clean slate for the next one. */
export function takeUnexpectedConsoleErrors(): string[] {
  expected.length = 0;
  return unexpected.splice(0);
}
