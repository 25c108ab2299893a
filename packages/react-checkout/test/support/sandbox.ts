/**
 * Where every end-to-end test of this package gets its Clink look-alike and what its payments pay with:
 * one factory, one instrument choice. (No React here, so the core's contract test in Node uses it too.)
 */
import type { PaymentMethodType } from '@clink-checkout/protocol';
import {
  createSandbox,
  SANDBOX_CARD_CUSTOMER,
  SANDBOX_CARD_INSTRUMENTS,
  type CardFlow,
  type Sandbox,
  type SandboxOptions,
} from '@clink-checkout/sandbox';

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
export const SANDBOX_KINDS: readonly SandboxKind[] = [
  { name: 'default' },
  // Answers vary across everything Clink's contract allows; a fixed seed so a failure can be replayed.
  { name: 'varied', options: { variants: { seed: 'react-methods' } } },
];

/** The default sandbox, for the tests that are not about answer shapes. */
export const DEFAULT_SANDBOX: SandboxKind = SANDBOX_KINDS[0]!;

/** The one place a test sandbox is created: the test's own options, then the kind's. */
export function makeSandbox(kind: SandboxKind, options: SandboxOptions): Sandbox {
  return createSandbox({ ...options, ...kind.options });
}

/** The customer every test payment belongs to: the sandbox's seeded customer, who has saved one card per flow. */
export const TEST_CUSTOMER = { customerEmail: SANDBOX_CARD_CUSTOMER.customerEmail } as const;

/**
 * What the merchant's server pays a method with (`resolvePayment`'s `paymentInstrumentId`). Clink needs an
 * existing instrument of the payment's method that belongs to its customer: a card the customer saved (one per
 * sandbox card flow), and for wallets none at all, so the checkout handler finds or creates the wallet instrument.
 */
export function paymentInstrumentFor(method: PaymentMethodType, cardFlow: CardFlow = 'redirect'): { paymentInstrumentId?: string } {
  return method === 'CARD' ? { paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS[cardFlow] } : {};
}
