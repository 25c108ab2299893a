import type { WalletMethodType } from '@clink-checkout/protocol';
import type { ClinkClient } from '../client/types.js';
import { ClinkConfigurationError } from '../errors.js';
import type { CreatePaymentParams } from '../types.js';
import type { CryptoBackend } from '../crypto.js';
import { runIdempotently, type IdempotencyTimings } from './idempotency.js';
import type { IdempotencyStore } from './idempotency-store.js';
import type { InstrumentStore } from './instrument-store.js';

/** A wallet instrument for one payment, and where it came from. */
export interface WalletInstrument {
  /** The instrument store's key: environment, method and customer. */
  key: string;
  method: WalletMethodType;
  instrumentId: string;
  /** `true` when it came from the store (it may have been deleted at Clink since), `false` when just created. */
  remembered: boolean;
}

export interface WalletInstruments {
  /** The customer's remembered instrument for the payment's method, else a new one (created once, also under concurrency). */
  find(params: CreatePaymentParams, method: WalletMethodType): Promise<WalletInstrument>;
  /** Forgets an instrument Clink refused, so the next `find` creates a new one. */
  forget(instrument: WalletInstrument): Promise<void>;
}

/** The customer as Clink resolves it: `customerId` wins; otherwise the merchant's reference, then the e-mail. */
const CUSTOMER_FIELDS = ['customerId', 'referenceCustomerId', 'customerEmail'] as const;

/** Kept apart from the instrument store's own key, should both stores share one keyspace. */
const claimKey = (key: string): string => `create-${key}`;

export function createWalletInstruments(options: {
  client: ClinkClient;
  store: InstrumentStore;
  /** The handler's idempotency store: its atomic claim makes concurrent first payments create one instrument. */
  claims: IdempotencyStore;
  crypto: CryptoBackend;
  now: () => number;
}): WalletInstruments {
  const { client, store, claims, crypto } = options;
  const timings: IdempotencyTimings = {
    // The store keeps the instrument; the claim only has to outlive the requests waiting for it.
    ttlMs: 60_000,
    inFlightTtlMs: 60_000,
    waitTimeoutMs: 30_000,
    now: options.now,
  };

  async function keyOf(params: CreatePaymentParams, method: WalletMethodType): Promise<string> {
    const field = CUSTOMER_FIELDS.find((name) => typeof params[name] === 'string' && params[name] !== '') ?? 'customerId';
    const customer = await crypto.sha256Hex(`${field}:${String(params[field] ?? '')}`);
    return `instrument:${client.environment}:${method}:${customer}`;
  }

  async function create(params: CreatePaymentParams, method: WalletMethodType): Promise<string> {
    if (typeof client.createPaymentInstrument !== 'function') {
      throw new ClinkConfigurationError(
        'createCheckoutHandler: the client has no createPaymentInstrument, so wallet instruments cannot be created. ' +
          'Pass a client from createClinkClient, or return paymentInstrumentId from resolvePayment.',
      );
    }
    const customer = Object.fromEntries(CUSTOMER_FIELDS.filter((name) => params[name] !== undefined).map((name) => [name, params[name]]));
    const instrument = await client.createPaymentInstrument({ ...customer, paymentInstrumentType: method });
    return instrument.id;
  }

  return {
    async find(params, method) {
      const key = await keyOf(params, method);
      const remembered = await store.get(key);
      if (remembered !== undefined) return { key, method, instrumentId: remembered, remembered: true };

      const outcome = await runIdempotently(claims, claimKey(key), '', timings, async () => {
        // Another server may have stored one between our read and our claim.
        const stored = (await store.get(key)) ?? (await create(params, method));
        await store.set(key, stored);
        return { response: { status: 200, body: stored }, remember: true };
      });
      switch (outcome.kind) {
        case 'fresh':
        case 'replayed':
          return { key, method, instrumentId: outcome.response.body, remembered: false };
        case 'still_in_flight':
        case 'fingerprint_mismatch': {
          // The first request is stuck or gone: an extra wallet instrument is harmless, a failed payment is not.
          const instrumentId = await create(params, method);
          await store.set(key, instrumentId);
          return { key, method, instrumentId, remembered: false };
        }
        default:
          return outcome satisfies never;
      }
    },

    async forget({ key, instrumentId }) {
      await store.delete(key, instrumentId);
      await claims.delete(claimKey(key));
    },
  };
}
