import { inspect } from 'node:util';
import { afterAll, expect } from 'vitest';

/**
 * Collects every log line and every error (message, stack, JSON, inspect output with causes)
 * a test file produces, and fails the file if any of them contains one of the watched secrets.
 */
export interface SecretGuard {
  /** A logger for `createClinkClient({ logger })` whose lines are checked. */
  logger: (line: string) => void;
  readonly lines: readonly string[];
  /** Records an error (or anything thrown) for the final check and returns it unchanged. */
  record<T>(error: T): T;
  /** Awaits a promise that must reject, records the rejection and returns it. */
  rejection(promise: Promise<unknown>): Promise<unknown>;
  /** How many outputs were checked so far (asserted to be non-zero so the guard cannot pass vacuously). */
  readonly checkedCount: number;
}

export function guardSecrets(...secrets: string[]): SecretGuard {
  const lines: string[] = [];
  const outputs: string[] = [];

  const renderings = (error: unknown): string[] => {
    const list = [inspect(error, { depth: 8, showHidden: true }), String(error)];
    if (error instanceof Error) list.push(error.message, error.stack ?? '');
    try {
      list.push(JSON.stringify(error) ?? '');
    } catch (jsonError) {
      list.push(String(jsonError));
    }
    return list;
  };

  const guard: SecretGuard = {
    logger: (line) => {
      lines.push(line);
      outputs.push(line);
    },
    lines,
    record(error) {
      outputs.push(...renderings(error));
      return error;
    },
    async rejection(promise) {
      try {
        await promise;
      } catch (error) {
        return guard.record(error);
      }
      throw new Error('expected the promise to reject');
    },
    get checkedCount() {
      return outputs.length;
    },
  };

  afterAll(() => {
    expect(outputs.length, 'the secret guard saw no output at all').toBeGreaterThan(0);
    for (const output of outputs) {
      for (const secret of secrets) {
        expect(output.includes(secret), `a secret leaked into: ${output.split(secret).join('<SECRET>')}`).toBe(false);
      }
    }
  });
  return guard;
}
