import type { CreatePaymentBody } from './types.js';

/**
 * How a CARD payment behaves in the sandbox:
 * - `redirect`: 3-D Secure page reached by a GET redirect (the default);
 * - `post_form`: the same page reached by an HTML form POST with `postData`;
 * - `frictionless`: no challenge, the payment succeeds at once (status 1);
 * - `declined`: the issuer refuses at once (status 3).
 */
export type CardFlow = 'redirect' | 'post_form' | 'frictionless' | 'declined';

/** Metadata key that picks a {@link CardFlow}. */
export const CARD_FLOW_METADATA_KEY = 'sandboxCardFlow';

/**
 * `metadata.sandboxCardFlow` wins; otherwise the instrument id decides (`pi_…post…` -> `post_form`,
 * `pi_…frictionless…`, `pi_…declined…`), so a fixed set of test instruments gives fixed flows.
 */
export function chooseCardFlow(body: CreatePaymentBody): CardFlow {
  const chosen = body.metadata?.[CARD_FLOW_METADATA_KEY];
  if (chosen === 'redirect' || chosen === 'post_form' || chosen === 'frictionless' || chosen === 'declined') return chosen;
  const instrument = body.paymentInstrumentId.toLowerCase();
  if (instrument.includes('post')) return 'post_form';
  if (instrument.includes('frictionless')) return 'frictionless';
  if (instrument.includes('declined')) return 'declined';
  return 'redirect';
}
