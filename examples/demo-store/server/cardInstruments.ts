/**
 * The one place the store decides which card a card payment is made with.
 *
 * Clink's `POST /payment` needs an existing payment instrument of the payment's method that belongs to
 * the customer. Wallets need nothing here: the checkout handler finds or creates the customer's wallet
 * instrument (and remembers it in the shop's database, see `SqliteInstrumentStore`). Cards are different:
 * Clink's API cannot create card instruments; a card is one the customer saved through Clink's hosted
 * pages, so the shop must know its id.
 *
 * - On the local sandbox, the customer has one saved card per sandbox card flow, and the shop lets the
 *   customer pick the flow ("3-D Secure redirect" or "POST form").
 * - On Clink, `CLINK_CARD_INSTRUMENT_ID` names the card; without it, card payments are shown as
 *   unavailable, with the reason.
 */
import type { CardFlow as SandboxCardFlow } from '@clink-checkout/sandbox';
import type { ClinkBackend } from './backend.js';

/** The card flows the shop offers on the local sandbox. */
export const STORE_CARD_FLOWS = ['redirect', 'post_form'] as const satisfies readonly SandboxCardFlow[];
export type StoreCardFlow = (typeof STORE_CARD_FLOWS)[number];

export type CardInstruments =
  /** `instrumentFor(flow)`: the card to pay with; `flows` lists the choices the page offers (may be none). */
  | { available: true; flows: readonly StoreCardFlow[]; instrumentFor(flow: unknown): string }
  /** Card payments cannot be made; `reason` says why, for the page and the log. */
  | { available: false; reason: string };

export const CARD_INSTRUMENT_MISSING =
  'Unavailable: set CLINK_CARD_INSTRUMENT_ID to a card the customer saved through Clink’s hosted pages (Clink’s API cannot create card instruments).';

const isStoreCardFlow = (flow: unknown): flow is StoreCardFlow => STORE_CARD_FLOWS.includes(flow as StoreCardFlow);

/** Which card pays, for this backend and customer. */
export function cardInstrumentsFor(
  env: Record<string, string | undefined>,
  backend: Pick<ClinkBackend, 'kind' | 'sandbox'>,
  customerEmail: string,
): CardInstruments {
  const configured = env.CLINK_CARD_INSTRUMENT_ID?.trim();
  if (configured) return { available: true, flows: [], instrumentFor: () => configured };
  if (backend.kind === 'clink' || backend.sandbox === undefined) return { available: false, reason: CARD_INSTRUMENT_MISSING };

  // The local sandbox: the customer saves one card per flow, as they would on Clink's hosted pages.
  const { sandbox } = backend;
  const cards = Object.fromEntries(
    STORE_CARD_FLOWS.map((flow) => [flow, sandbox.createInstrument({ type: 'CARD', customerEmail, cardFlow: flow }).id]),
  ) as Record<StoreCardFlow, string>;
  return { available: true, flows: STORE_CARD_FLOWS, instrumentFor: (flow) => cards[isStoreCardFlow(flow) ? flow : 'redirect'] };
}
