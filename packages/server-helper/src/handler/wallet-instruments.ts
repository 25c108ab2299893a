import type { WalletMethodType } from '@clink-checkout/protocol';
import type { ClinkClient } from '../client/types.js';
import { ClinkConfigurationError } from '../errors.js';
import type { CreatePaymentParams } from '../types.js';
import type { CryptoBackend } from '../crypto.js';
import { runIdempotently, type IdempotencyTimings } from './idempotency.js';
import type { IdempotencyStore } from './idempotency-store.js';
import { dropOldestBeyond } from './bounded-map.js';
import type { InstrumentStore } from './instrument-store.js';

/** A wallet instrument for one payment, and where it came from. */
export interface WalletInstrument {
  /** The instrument store's key: environment, method and customer. */
  key: string;
  method: WalletMethodType;
  instrumentId: string;
  /** `true` when it came from the store (it may have been deleted at Clink since), `false` when just created. */
  remembered: boolean;
  /** Its entry among the recently used instruments (see `recent`). */
  recentKey: string;
}

export interface WalletInstruments {
  /**
   * The instrument this process found or created for the customer and method within the last minute,
   * at once; `undefined` sends the caller to `find`.
   */
  recent(params: CreatePaymentParams, method: WalletMethodType): WalletInstrument | undefined;
  /** The customer's remembered instrument for the payment's method, else a new one (created once, also under concurrency). */
  find(params: CreatePaymentParams, method: WalletMethodType): Promise<WalletInstrument>;
  /** Forgets an instrument Clink refused, so the next `find` creates a new one. */
  forget(instrument: WalletInstrument): Promise<void>;
}

/** The customer as Clink resolves it: `customerId` wins; otherwise the merchant's reference, then the e-mail. */
const CUSTOMER_FIELDS = ['customerId', 'referenceCustomerId', 'customerEmail'] as const;

/** Kept apart from the instrument store's own key, should both stores share one keyspace. */
const claimKey = (key: string): string => `create-${key}`;

/**
 * How long, and for how many customers, this process keeps the instruments it used, so a customer's next
 * payments skip hashing the customer and reading the store (a Redis round trip). A remembered instrument
 * that Clink refuses is replaced whatever it came from, so one another process replaced meanwhile is
 * corrected at its first use here.
 */
const RECENT_MS = 60_000;
const RECENT_MAX_ENTRIES = 1_000;

function customerField(params: CreatePaymentParams): (typeof CUSTOMER_FIELDS)[number] {
  return CUSTOMER_FIELDS.find((name) => typeof params[name] === 'string' && params[name] !== '') ?? 'customerId';
}

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

  // In process memory only, so the customer is not hashed here (the store's keys are).
  const recentlyUsed = new Map<string, { key: string; instrumentId: string; until: number }>();

  function recentKeyOf(params: CreatePaymentParams, method: WalletMethodType): string {
    const field = customerField(params);
    return `${method}:${field}:${String(params[field] ?? '')}`;
  }

  function used(instrument: WalletInstrument): WalletInstrument {
    recentlyUsed.delete(instrument.recentKey);
    recentlyUsed.set(instrument.recentKey, { key: instrument.key, instrumentId: instrument.instrumentId, until: options.now() + RECENT_MS });
    dropOldestBeyond(recentlyUsed, RECENT_MAX_ENTRIES);
    return instrument;
  }

  async function keyOf(params: CreatePaymentParams, method: WalletMethodType): Promise<string> {
    const field = customerField(params);
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
    recent(params, method) {
      const recentKey = recentKeyOf(params, method);
      const entry = recentlyUsed.get(recentKey);
      if (entry === undefined) return undefined;
      if (entry.until <= options.now()) {
        recentlyUsed.delete(recentKey);
        return undefined;
      }
      return { key: entry.key, method, instrumentId: entry.instrumentId, remembered: true, recentKey };
    },

    async find(params, method) {
      const key = await keyOf(params, method);
      const recentKey = recentKeyOf(params, method);
      const remembered = await store.get(key);
      if (remembered !== undefined) return used({ key, method, instrumentId: remembered, remembered: true, recentKey });

      const outcome = await runIdempotently(claims, claimKey(key), '', timings, async () => {
        // Another server may have stored one between our read and our claim.
        const stored = (await store.get(key)) ?? (await create(params, method));
        await store.set(key, stored);
        return { response: { status: 200, body: stored }, remember: true };
      });
      switch (outcome.kind) {
        case 'fresh':
        case 'replayed':
          return used({ key, method, instrumentId: outcome.response.body, remembered: false, recentKey });
        case 'still_in_flight':
        case 'fingerprint_mismatch': {
          // The first request is stuck or gone: an extra wallet instrument is harmless, a failed payment is not.
          const instrumentId = await create(params, method);
          await store.set(key, instrumentId);
          return used({ key, method, instrumentId, remembered: false, recentKey });
        }
        default:
          return outcome satisfies never;
      }
    },

    async forget({ key, instrumentId, recentKey }) {
      if (recentlyUsed.get(recentKey)?.instrumentId === instrumentId) recentlyUsed.delete(recentKey);
      await store.delete(key, instrumentId);
      await claims.delete(claimKey(key));
    },
  };
}
