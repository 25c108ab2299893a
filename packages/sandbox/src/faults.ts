/**
 * A fault to inject into `/api` requests:
 * - `latency:<ms>`: answer normally after a delay;
 * - `http-500`: HTTP 500 with an error envelope;
 * - `malformed-json`: HTTP 200 whose JSON body is cut off;
 * - `hang`: never answer until the client aborts;
 * - `unauthorized`: Clink's 401 with a plain-text body.
 */
export type SandboxFault = `latency:${number}` | 'http-500' | 'malformed-json' | 'hang' | 'unauthorized';

/** The parsed form of a {@link SandboxFault}. */
export type ParsedFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'http-500' }
  | { kind: 'malformed-json' }
  | { kind: 'hang' }
  | { kind: 'unauthorized' };

/** Request header that injects a fault into one request. */
export const FAULT_HEADER = 'X-Sandbox-Fault';

export const FAULT_NAMES = ['latency:<ms>', 'http-500', 'malformed-json', 'hang', 'unauthorized'] as const;

/** Returns `undefined` for text that names no fault, so callers can report it. */
export function parseFault(text: string): ParsedFault | undefined {
  const value = text.trim().toLowerCase();
  switch (value) {
    case 'http-500':
    case 'malformed-json':
    case 'hang':
    case 'unauthorized':
      return { kind: value };
    default: {
      const latency = /^latency:(\d{1,7})$/.exec(value);
      return latency ? { kind: 'latency', ms: Number(latency[1]) } : undefined;
    }
  }
}
