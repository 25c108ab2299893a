/**
 * The one place the server's contract suites get their sandbox from. Each suite runs once per entry
 * of `SANDBOX_KINDS`, so running them against another kind of sandbox (e.g. the varied one,
 * `{ name: 'varied sandbox', options: { variants: true } }`) is a one-line change here.
 */
import { createSandbox, type Sandbox, type SandboxOptions } from '@clink-checkout/sandbox';

export { SANDBOX_CARD_CUSTOMER, SANDBOX_CARD_INSTRUMENTS } from '@clink-checkout/sandbox';

export interface SandboxKind {
  name: string;
  options: SandboxOptions;
}

export const SANDBOX_KINDS: readonly SandboxKind[] = [
  { name: 'default sandbox', options: {} },
  // Answers vary across everything Clink's contract allows (a fixed seed, so a failure can be replayed).
  { name: 'varied sandbox', options: { variants: { seed: 'server-contract' } } },
];

export function makeSandbox(kind: SandboxKind, options: SandboxOptions = {}): Sandbox {
  return createSandbox({ ...options, ...kind.options });
}
