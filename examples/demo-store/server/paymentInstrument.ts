/**
 * The one place the store decides which payment instrument (`pi_…`) a payment is made with.
 *
 * Today every payment uses one instrument id: `CLINK_PAYMENT_INSTRUMENT_ID` (the local sandbox
 * accepts any id, so it needs none). Clink wants an instrument that belongs to the customer and
 * matches the payment method; when the server helper finds or creates those per customer and
 * method, this file is what changes, and `resolvePayment` (checkout.ts) keeps calling it.
 */
import type { PaymentMethodType } from '@clink-checkout/server';
import type { ClinkBackend } from './backend.js';

export interface InstrumentRequest {
  paymentMethodType: PaymentMethodType;
  customerEmail: string;
}

/** Returns the `paymentInstrumentId` for one payment. */
export type ChoosePaymentInstrument = (request: InstrumentRequest) => string;

/** @throws Error at start-up when Clink is used without `CLINK_PAYMENT_INSTRUMENT_ID`. */
export function paymentInstrumentsFromEnv(
  env: Record<string, string | undefined>,
  backend: Pick<ClinkBackend, 'kind'>,
): ChoosePaymentInstrument {
  const configured = env.CLINK_PAYMENT_INSTRUMENT_ID;
  if (!configured && backend.kind === 'clink') {
    throw new Error(
      'CLINK_PAYMENT_INSTRUMENT_ID is required with CLINK_API_KEY (a payment instrument id, pi_…, from your Clink dashboard).',
    );
  }
  const instrumentId = configured || 'pi_demo_store';
  return () => instrumentId;
}
