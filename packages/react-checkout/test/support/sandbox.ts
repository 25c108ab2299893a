/**
 * Where every end-to-end test of this package gets its Clink look-alike and what its payments pay with:
 * one factory, one instrument choice. (No React here, so the core's contract test in Node uses it too.)
 */
import type { PaymentMethodType } from '@clink-checkout/protocol';
import { createSandbox, type CardFlow, type Sandbox, type SandboxOptions } from '@clink-checkout/sandbox';

/** A sandbox the suites run against: a name for the test titles, and the options that make it so. */
export interface SandboxKind {
  name: string;
  options?: Partial<SandboxOptions>;
}

/**
 * The sandboxes the method × device suites (`test/methods-*.test.tsx`) run against, each in full. A sandbox
 * that varies its answers across Clink's contract joins with one line here, e.g.
 * `{ name: 'varied', options: { variants: true } }`.
 */
export const SANDBOX_KINDS: readonly SandboxKind[] = [{ name: 'default' }];

/** The default sandbox, for the tests that are not about answer shapes. */
export const DEFAULT_SANDBOX: SandboxKind = SANDBOX_KINDS[0]!;

/** The one place a test sandbox is created: the test's own options, then the kind's. */
export function makeSandbox(kind: SandboxKind, options: SandboxOptions): Sandbox {
  return createSandbox({ ...options, ...kind.options });
}

/**
 * What the merchant's server pays a method with (`resolvePayment`'s `paymentInstrumentId`, and the metadata
 * that picks the sandbox's card flow). Clink needs an existing instrument of the payment's method that belongs
 * to its customer: when the sandbox enforces that, this is the one function to change.
 */
export function paymentInstrumentFor(
  method: PaymentMethodType,
  cardFlow: CardFlow = 'redirect',
): { paymentInstrumentId: string; metadata: Record<string, string> } {
  return method === 'CARD'
    ? { paymentInstrumentId: 'pi_test_card', metadata: { sandboxCardFlow: cardFlow } }
    : { paymentInstrumentId: 'pi_test_wallet', metadata: { cart: 'cart_e2e' } };
}
