import { PAYMENT_METHODS, type ClinkPaymentInstrument, type PaymentMethodType } from '@clink-checkout/protocol';
import type { CardFlow, SandboxCard } from './cards.js';
import type { SandboxCustomer, SandboxCustomerInput } from './customers.js';
import { dropUndefined } from './objects.js';

/** A saved payment instrument: a wallet created through `POST /payment-instrument`, or a saved card. */
export interface SandboxInstrument {
  /** `pi_…` */
  id: string;
  customerId: string;
  type: PaymentMethodType;
  /** Milliseconds. */
  created: number;
  /** Wallets only. */
  wallet?: { accountTag: string };
  /** Cards only. */
  card?: SandboxCard;
  /** Cards only: how a payment with this card goes. */
  cardFlow?: CardFlow;
  subPaymentMethodType?: string;
  metadata?: Record<string, string>;
}

/** A payment instrument to save with {@link Sandbox.createInstrument}. */
export interface SandboxInstrumentInput extends SandboxCustomerInput {
  /** The payment method; `CARD` is allowed here, unlike in the API. */
  type: PaymentMethodType;
  /** Choose the id, e.g. to keep a fixture stable. @default a new `pi_…` */
  id?: string;
  /** CARD only: how payments with this card go. @default 'redirect' */
  cardFlow?: CardFlow;
  subPaymentMethodType?: string;
  metadata?: Record<string, string>;
}

/** The instrument that pays, or why it cannot: `message` names the field and starts with an error name. */
export type InstrumentCheck = { ok: true; instrument: SandboxInstrument } | { ok: false; field: 'paymentInstrumentId'; message: string };

/** The saved instruments, by id. */
export class InstrumentBook {
  readonly #byId = new Map<string, SandboxInstrument>();

  get(id: string): SandboxInstrument | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  add(instrument: SandboxInstrument): SandboxInstrument {
    this.#byId.set(instrument.id, instrument);
    return instrument;
  }

  list(filter: { customerId?: string; type?: PaymentMethodType } = {}): SandboxInstrument[] {
    return [...this.#byId.values()].filter(
      (instrument) =>
        (filter.customerId === undefined || instrument.customerId === filter.customerId) &&
        (filter.type === undefined || instrument.type === filter.type),
    );
  }
}

/**
 * What Clink requires of `paymentInstrumentId` on `POST /payment`: an existing instrument (OpenAPI
 * `CreatePaymentApiRequest.paymentInstrumentId`, "Existing payment instrument ID") of the payment's method
 * that belongs to the payment's customer. `customer` is undefined when the identifiers name no customer yet.
 */
export function checkInstrumentForPayment(
  instrument: SandboxInstrument | undefined,
  id: string,
  method: PaymentMethodType,
  customer: SandboxCustomer | undefined,
): InstrumentCheck {
  if (!instrument) {
    return refuse(`PAYMENT_INSTRUMENT_NOT_FOUND: paymentInstrumentId ${id} names no payment instrument`);
  }
  if (instrument.type !== method) {
    return refuse(`PAYMENT_INSTRUMENT_TYPE_MISMATCH: paymentInstrumentId ${id} is a ${instrument.type} instrument, not ${method} (paymentMethodType)`);
  }
  if (!customer || customer.customerId !== instrument.customerId) {
    const whose = customer ? `customer ${customer.customerId}` : 'the customer named by the request';
    return refuse(`PAYMENT_INSTRUMENT_CUSTOMER_MISMATCH: paymentInstrumentId ${id} does not belong to ${whose}`);
  }
  return { ok: true, instrument };
}

/** `PaymentInstrumentApiVo`, the answer of `POST /payment-instrument` (wallets only). */
export function instrumentForWire(instrument: SandboxInstrument): ClinkPaymentInstrument {
  if (instrument.type === 'CARD') throw new Error('card instruments are never answered through the API');
  return dropUndefined({
    id: instrument.id,
    customerId: instrument.customerId,
    type: instrument.type,
    wallet: instrument.wallet,
    created: instrument.created,
  });
}

/** How the instrument reads on the sandbox's pages, e.g. "Visa credit •••• 4242" or "WeChat Pay account". */
export function describeInstrument(instrument: SandboxInstrument): string {
  if (instrument.card) return `${capitalise(instrument.card.scheme)} ${instrument.card.funding} •••• ${instrument.card.last4}`;
  return `${PAYMENT_METHODS[instrument.type].displayName} account`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function refuse(message: string): InstrumentCheck {
  return { ok: false, field: 'paymentInstrumentId', message };
}
