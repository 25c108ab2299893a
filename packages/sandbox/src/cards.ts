/**
 * How a CARD payment behaves in the sandbox, decided by the card instrument it is paid with:
 * - `redirect`: 3-D Secure page reached by a GET redirect;
 * - `post_form`: the same page reached by an HTML form POST with `postData`;
 * - `frictionless`: no challenge, the payment succeeds at once (status 1);
 * - `declined`: the issuer refuses at once (status 3).
 */
export type CardFlow = 'redirect' | 'post_form' | 'frictionless' | 'declined';

/** Every {@link CardFlow}. */
export const CARD_FLOWS = ['redirect', 'post_form', 'frictionless', 'declined'] as const satisfies readonly CardFlow[];

/**
 * The customer who owns the seeded card instruments. Clink cannot create card instruments through its
 * API (a customer saves a card on Clink's hosted pages), so the sandbox starts with these already saved.
 */
export const SANDBOX_CARD_CUSTOMER = {
  customerId: 'cus_sandbox_cards',
  customerEmail: 'customer@example.com',
  customerName: 'Sandbox Customer',
} as const;

/** The seeded card instruments of {@link SANDBOX_CARD_CUSTOMER}, one per card flow. */
export const SANDBOX_CARD_INSTRUMENTS = {
  redirect: 'pi_sandbox_card_3ds_redirect',
  post_form: 'pi_sandbox_card_3ds_post',
  frictionless: 'pi_sandbox_card_frictionless',
  declined: 'pi_sandbox_card_declined',
} as const satisfies Record<CardFlow, string>;

/** What a saved card shows: the last digits follow well-known test cards for each flow. */
export interface SandboxCard {
  last4: string;
  scheme: string;
  funding: string;
  expiryMonth: string;
  expiryYear: string;
  name: string;
}

const LAST4: Record<CardFlow, string> = { redirect: '3220', post_form: '3063', frictionless: '4242', declined: '0002' };

export function sandboxCard(flow: CardFlow, name: string): SandboxCard {
  return { last4: LAST4[flow], scheme: 'visa', funding: 'credit', expiryMonth: '12', expiryYear: '2030', name };
}

export function isCardFlow(value: unknown): value is CardFlow {
  return (CARD_FLOWS as readonly unknown[]).includes(value);
}
