/**
 * The shop's record of its orders, in SQLite. Every status change is one SQL statement that carries
 * the rules itself: a final outcome (`paid`, `failed`) never changes again, so late, repeated and
 * out-of-order news from Clink is harmless.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Statement } from 'better-sqlite3';
import { openStoreDatabase, type StoreDatabase } from './database.js';
import { SqliteIdempotencyStore } from './idempotencyStore.js';
import { SqliteInstrumentStore } from './instrumentStore.js';
import type { WebhookOrder } from './webhookOrder.js';

/** What the customer sees. `paid` and `failed` are final; `pending` covers everything before. */
export type OrderOutcome = 'paid' | 'failed' | 'pending';

/** Where the last status came from. */
export type StatusSource = 'create' | 'webhook' | 'order_lookup';

/** Starts every `merchantReferenceId` of this shop; tells its orders apart from others on the account. */
export const ORDER_REFERENCE_PREFIX = 'demo_';

/** Unpaid orders are deleted after a day; by then their QR codes and order tokens have expired. */
export const UNPAID_ORDER_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** Handled webhook event ids are kept this long to recognise repeats (the checkout handler's default). */
export const WEBHOOK_EVENT_LIFETIME_MS = 72 * 60 * 60 * 1000;
const CLEANUP_BATCH = 500;

export function newOrderReference(): string {
  return `${ORDER_REFERENCE_PREFIX}${randomBytes(8).toString('hex')}`;
}

/** What the shop knows about an order apart from its status. */
export interface OrderDetails {
  orderId: string;
  /** Our `merchantReferenceId`. */
  reference: string;
  productId?: string | undefined;
  productName?: string | undefined;
  quantity?: number | undefined;
  /** Major units, as Clink and the catalogue use them. */
  amount?: number | undefined;
  currency?: string | undefined;
  paymentMethodType?: string | undefined;
}

/** A payment the checkout has just created, with who may see it later. */
export interface CreatedOrder extends OrderDetails {
  /** Status of the create answer (`requires_action`, `succeeded`, …). */
  clinkStatus: string;
  /** The order token the browser received; only its hash is stored. */
  orderToken: string;
  /** The customer's session that created it; only its hash is stored. */
  sessionId: string | undefined;
}

export interface StoredOrder {
  orderId: string;
  reference: string;
  productId: string | undefined;
  productName: string | undefined;
  quantity: number | undefined;
  amount: number | undefined;
  currency: string | undefined;
  paymentMethodType: string | undefined;
  /** Clink's last known status (`requires_action`, `success`, …). */
  clinkStatus: string;
  outcome: OrderOutcome;
  updatedBy: StatusSource;
  qrRefreshes: number;
  /** ms since epoch */
  createdAt: number;
  /** ms since epoch */
  updatedAt: number;
}

export type QrRefreshReservation = 'reserved' | 'limit_reached' | 'unknown_order';

/** Maps Clink's status (order status, or the normalised status of a create) to what the customer sees. */
export function outcomeOf(status: string): OrderOutcome {
  switch (status) {
    case 'success':
    case 'succeeded':
    case 'partial_refunded':
    case 'refunded':
      return 'paid';
    case 'failed':
      return 'failed';
    default:
      return 'pending';
  }
}

interface OrderRow {
  order_id: string;
  reference: string;
  product_id: string | null;
  product_name: string | null;
  quantity: number | null;
  amount_minor: number | null;
  currency: string | null;
  payment_method_type: string | null;
  clink_status: string;
  outcome: OrderOutcome;
  updated_by: StatusSource;
  qr_refreshes: number;
  created_at: number;
  updated_at: number;
}

/** Named parameters of the upsert below. */
interface OrderWrite {
  orderId: string;
  reference: string;
  productId: string | null;
  productName: string | null;
  quantity: number | null;
  amountMinor: number | null;
  currency: string | null;
  paymentMethodType: string | null;
  clinkStatus: string;
  outcome: OrderOutcome;
  updatedBy: StatusSource;
  sessionHash: string | null;
  orderTokenHash: string | null;
  now: number;
}

// The rule "a final outcome never changes" lives in the statement: the status columns take the new
// value only while the order is pending or when the outcome stays the same (e.g. refunded after paid).
// Details only fill gaps, so a webhook that overtook the create answer loses nothing.
const RECORD_ORDER = `
  INSERT INTO orders (order_id, reference, product_id, product_name, quantity, amount_minor, currency,
    payment_method_type, clink_status, outcome, updated_by, session_hash, order_token_hash, created_at, updated_at)
  VALUES (@orderId, @reference, @productId, @productName, @quantity, @amountMinor, @currency,
    @paymentMethodType, @clinkStatus, @outcome, @updatedBy, @sessionHash, @orderTokenHash, @now, @now)
  ON CONFLICT (order_id) DO UPDATE SET
    product_id = coalesce(product_id, excluded.product_id),
    product_name = coalesce(product_name, excluded.product_name),
    quantity = coalesce(quantity, excluded.quantity),
    amount_minor = coalesce(amount_minor, excluded.amount_minor),
    currency = coalesce(currency, excluded.currency),
    payment_method_type = coalesce(payment_method_type, excluded.payment_method_type),
    session_hash = coalesce(session_hash, excluded.session_hash),
    order_token_hash = coalesce(order_token_hash, excluded.order_token_hash),
    clink_status = iif(outcome IN ('pending', excluded.outcome), excluded.clink_status, clink_status),
    updated_by = iif(outcome IN ('pending', excluded.outcome), excluded.updated_by, updated_by),
    updated_at = iif(outcome IN ('pending', excluded.outcome), excluded.updated_at, updated_at),
    outcome = iif(outcome IN ('pending', excluded.outcome), excluded.outcome, outcome)`;

const APPLY_LOOKUP = `
  UPDATE orders SET clink_status = @clinkStatus, outcome = @outcome, updated_by = 'order_lookup', updated_at = @now
  WHERE order_id = @orderId AND outcome IN ('pending', @outcome)
  RETURNING *`;

export class OrderStore {
  /** The checkout handler's `Idempotency-Key`s, in the same database. */
  readonly checkoutKeys: SqliteIdempotencyStore;
  /** The wallet instruments the checkout handler created for customers, in the same database. */
  readonly walletInstruments: SqliteInstrumentStore;
  readonly #db: StoreDatabase;
  readonly #now: () => number;
  readonly #record: Statement<[OrderWrite], OrderRow>;
  /** RECORD_ORDER for webhooks, which need nothing back. */
  readonly #recordQuietly: Statement<[OrderWrite]>;
  readonly #applyLookup: Statement<[{ orderId: string; clinkStatus: string; outcome: OrderOutcome; now: number }], OrderRow>;
  readonly #recordEvent: Statement<[string, string, string | null, WebhookOrder['kind'], number]>;
  readonly #recordWebhookEvent: (event: { id: string; type: string }, order: WebhookOrder) => boolean;
  readonly #get: Statement<[string], OrderRow>;
  readonly #findForCustomer: Statement<[{ orderId: string; tokenHash: string | null; sessionHash: string | null }], OrderRow>;
  readonly #reserveRefresh: Statement<[string, number]>;
  readonly #releaseRefresh: Statement<[string]>;
  readonly #deleteUnpaid: Statement<[number, number]>;
  readonly #deleteEvents: Statement<[number, number]>;

  constructor(db: StoreDatabase, options: { now?: () => number } = {}) {
    this.#db = db;
    this.#now = options.now ?? Date.now;
    this.checkoutKeys = new SqliteIdempotencyStore(db, { now: this.#now });
    this.walletInstruments = new SqliteInstrumentStore(db, { now: this.#now });
    this.#record = db.prepare(`${RECORD_ORDER} RETURNING *`);
    this.#recordQuietly = db.prepare(RECORD_ORDER);
    this.#applyLookup = db.prepare(APPLY_LOOKUP);
    this.#recordEvent = db.prepare(
      `INSERT INTO webhook_events (event_id, type, order_id, handled_as, received_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (event_id) DO NOTHING`,
    );
    this.#recordWebhookEvent = db.transaction((event: { id: string; type: string }, order: WebhookOrder) => {
      const now = this.#now();
      const orderId = order.kind === 'order' ? order.details.orderId : (order.orderId ?? null);
      if (this.#recordEvent.run(event.id, event.type, orderId, order.kind, now).changes === 0) return false;
      if (order.kind === 'order') this.#recordQuietly.run(orderWrite(order.details, order.clinkStatus, 'webhook', now));
      return true;
    });
    this.#get = db.prepare('SELECT * FROM orders WHERE order_id = ?');
    this.#findForCustomer = db.prepare(
      'SELECT * FROM orders WHERE order_id = @orderId AND (order_token_hash = @tokenHash OR session_hash = @sessionHash)',
    );
    this.#reserveRefresh = db.prepare(
      'UPDATE orders SET qr_refreshes = qr_refreshes + 1 WHERE order_id = ? AND qr_refreshes < ?',
    );
    this.#releaseRefresh = db.prepare('UPDATE orders SET qr_refreshes = qr_refreshes - 1 WHERE order_id = ? AND qr_refreshes > 0');
    this.#deleteUnpaid = db.prepare(
      `DELETE FROM orders WHERE rowid IN
         (SELECT rowid FROM orders WHERE outcome <> 'paid' AND created_at < ? LIMIT ?)`,
    );
    this.#deleteEvents = db.prepare(
      'DELETE FROM webhook_events WHERE rowid IN (SELECT rowid FROM webhook_events WHERE received_at < ? LIMIT ?)',
    );
  }

  /** Opens `file` (see openStoreDatabase) and prepares the statements. */
  static open(file: string, options: { now?: () => number } = {}): OrderStore {
    return new OrderStore(openStoreDatabase(file), options);
  }

  /** The database file, e.g. to read it from outside in tests. */
  get file(): string {
    return this.#db.name;
  }

  /**
   * Records a payment the checkout just created, with hashes of its order token and of the session
   * that created it. When a webhook recorded the order first, its status stays if it is final.
   */
  recordCreated(order: CreatedOrder): StoredOrder {
    const write = orderWrite(order, order.clinkStatus, 'create', this.#now(), {
      sessionHash: order.sessionId === undefined ? null : sha256(order.sessionId),
      orderTokenHash: sha256(order.orderToken),
    });
    return toStoredOrder(this.#record.get(write)!);
  }

  /**
   * Records a verified webhook event once per event id and applies it to its order when it is one of
   * ours. Returns `false` for a repeat (nothing happens then).
   */
  recordWebhookEvent(event: { id: string; type: string }, order: WebhookOrder): boolean {
    return this.#recordWebhookEvent(event, order);
  }

  /** Applies the status read from Clink's `GET /order`; returns the order as it is now. */
  applyOrderLookup(orderId: string, clinkStatus: string): StoredOrder | undefined {
    const updated = this.#applyLookup.get({ orderId, clinkStatus, outcome: outcomeOf(clinkStatus), now: this.#now() });
    return updated === undefined ? this.get(orderId) : toStoredOrder(updated);
  }

  /**
   * The order, only for whoever created it: the holder of its order token or the session that
   * created it. Anyone else gets `undefined`, as for an order that does not exist.
   */
  findForCustomer(orderId: string, credentials: { orderToken?: string | undefined; sessionId?: string | undefined }): StoredOrder | undefined {
    const row = this.#findForCustomer.get({
      orderId,
      tokenHash: credentials.orderToken ? sha256(credentials.orderToken) : null,
      sessionHash: credentials.sessionId ? sha256(credentials.sessionId) : null,
    });
    return row === undefined ? undefined : toStoredOrder(row);
  }

  /** Counts one QR refresh of the order against `limit`, atomically. */
  reserveQrRefresh(orderId: string, limit: number): QrRefreshReservation {
    if (this.#reserveRefresh.run(orderId, limit).changes === 1) return 'reserved';
    return this.#get.get(orderId) === undefined ? 'unknown_order' : 'limit_reached';
  }

  /** Gives back a reserved refresh that did not happen (refused or failed). */
  releaseQrRefresh(orderId: string): void {
    this.#releaseRefresh.run(orderId);
  }

  /**
   * Deletes unpaid orders older than a day, webhook event ids older than three days and expired
   * checkout keys, in batches so requests are served in between.
   */
  async cleanUp(): Promise<{ orders: number; events: number; checkoutKeys: number }> {
    const deleted = { orders: 0, events: 0, checkoutKeys: 0 };
    for (;;) {
      const now = this.#now();
      const orders = this.#deleteUnpaid.run(now - UNPAID_ORDER_LIFETIME_MS, CLEANUP_BATCH).changes;
      const events = this.#deleteEvents.run(now - WEBHOOK_EVENT_LIFETIME_MS, CLEANUP_BATCH).changes;
      const checkoutKeys = this.checkoutKeys.deleteExpired(CLEANUP_BATCH);
      deleted.orders += orders;
      deleted.events += events;
      deleted.checkoutKeys += checkoutKeys;
      if (Math.max(orders, events, checkoutKeys) < CLEANUP_BATCH) return deleted;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  get(orderId: string): StoredOrder | undefined {
    const row = this.#get.get(orderId);
    return row === undefined ? undefined : toStoredOrder(row);
  }

  /** Every order, oldest first (for tests and tools; a shop page would page through them). */
  list(): StoredOrder[] {
    return (this.#db.prepare('SELECT * FROM orders ORDER BY created_at, order_id').all() as OrderRow[]).map(toStoredOrder);
  }

  /** How many webhook events are remembered, in total or for one order. */
  countWebhookEvents(orderId?: string): number {
    const row =
      orderId === undefined
        ? this.#db.prepare('SELECT count(*) AS n FROM webhook_events').get()
        : this.#db.prepare('SELECT count(*) AS n FROM webhook_events WHERE order_id = ?').get(orderId);
    return (row as { n: number }).n;
  }

  close(): void {
    this.#db.close();
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const minorUnitDigitsByCurrency = new Map<string, number>();

/** Digits after the decimal point of a currency (USD 2, JPY 0, KWD 3); 2 when unknown. */
function minorUnitDigits(currency: string): number {
  let digits = minorUnitDigitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2;
    }
    minorUnitDigitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** The parameters of RECORD_ORDER: what is known of the order, its new status and, from a create, who may see it. */
function orderWrite(
  details: OrderDetails,
  clinkStatus: string,
  updatedBy: StatusSource,
  now: number,
  viewers: { sessionHash: string | null; orderTokenHash: string | null } = { sessionHash: null, orderTokenHash: null },
): OrderWrite {
  const { amount, currency } = details;
  return {
    orderId: details.orderId,
    reference: details.reference,
    productId: details.productId ?? null,
    productName: details.productName ?? null,
    quantity: details.quantity ?? null,
    amountMinor:
      amount === undefined || currency === undefined ? null : Math.round(amount * 10 ** minorUnitDigits(currency)),
    currency: currency ?? null,
    paymentMethodType: details.paymentMethodType ?? null,
    clinkStatus,
    outcome: outcomeOf(clinkStatus),
    updatedBy,
    ...viewers,
    now,
  };
}

function toStoredOrder(row: OrderRow): StoredOrder {
  const currency = row.currency ?? undefined;
  return {
    orderId: row.order_id,
    reference: row.reference,
    productId: row.product_id ?? undefined,
    productName: row.product_name ?? undefined,
    quantity: row.quantity ?? undefined,
    amount:
      row.amount_minor === null || currency === undefined ? undefined : row.amount_minor / 10 ** minorUnitDigits(currency),
    currency,
    paymentMethodType: row.payment_method_type ?? undefined,
    clinkStatus: row.clink_status,
    outcome: row.outcome,
    updatedBy: row.updated_by,
    qrRefreshes: row.qr_refreshes,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
