// @ts-check
/**
 * The shop's own record of its orders: one JSON file, rewritten atomically (temp file, fsync,
 * rename) and one write at a time, so a crash never leaves a half-written file behind.
 */
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * What the customer sees. `paid` and `failed` are final; `pending` covers everything before.
 * @typedef {'paid' | 'failed' | 'pending'} OrderOutcome
 */

/**
 * @typedef {object} StoredOrder
 * @property {string} orderId Clink's order id.
 * @property {string} reference Our `merchantReferenceId`.
 * @property {string} productId
 * @property {string} productName
 * @property {number} quantity
 * @property {number} amount Major units, computed by the server.
 * @property {string} currency
 * @property {string} paymentMethodType
 * @property {string} clinkStatus Clink's last known status (`requires_action`, `success`, …).
 * @property {OrderOutcome} outcome
 * @property {'create' | 'webhook' | 'order_lookup'} updatedBy Where the last status came from.
 * @property {number} createdAt ms
 * @property {number} updatedAt ms
 * @property {string[]} webhookEventIds Events already applied, to ignore repeats.
 */

/**
 * What the shop knows about an order before any status.
 * @typedef {Pick<StoredOrder, 'orderId' | 'reference' | 'productId' | 'productName' | 'quantity' | 'amount' | 'currency' | 'paymentMethodType'>} OrderDetails
 */

/**
 * A status learnt from Clink.
 * @typedef {object} StatusUpdate
 * @property {string} clinkStatus Clink's order status, or the normalised payment status of a create.
 * @property {StoredOrder['updatedBy']} updatedBy
 * @property {string} [eventId] The webhook event's id, to ignore repeats.
 * @property {number} [now] ms
 */

/** @typedef {{ version: 1, orders: Record<string, StoredOrder> }} StoreFile */

/**
 * Maps Clink's status (order status string, or our normalised payment status) to what the
 * customer sees.
 * @param {string} status
 * @returns {OrderOutcome}
 */
export function outcomeOf(status) {
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

/**
 * Applies `update` in place; returns whether anything changed. A final outcome (`paid`, `failed`)
 * never changes again: webhooks may arrive late or out of order, and Clink does not reopen orders.
 * @param {StoredOrder} order @param {StatusUpdate} update @param {number} now
 */
function applyUpdate(order, update, now) {
  if (update.eventId !== undefined) {
    if (order.webhookEventIds.includes(update.eventId)) return false;
    order.webhookEventIds.push(update.eventId);
  }
  const next = outcomeOf(update.clinkStatus);
  if (order.outcome === 'pending' || next === order.outcome) {
    order.outcome = next;
    order.clinkStatus = update.clinkStatus;
    order.updatedBy = update.updatedBy;
    order.updatedAt = now;
  }
  return true;
}

export class JsonOrderStore {
  /** @type {string} */ #file;
  /** @type {Map<string, StoredOrder>} */ #orders;
  /** @type {Promise<void>} */ #writes = Promise.resolve();
  #tempCounter = 0;

  /** @param {string} file @param {Map<string, StoredOrder>} orders */
  constructor(file, orders) {
    this.#file = file;
    this.#orders = orders;
  }

  /**
   * Loads `file` (or starts empty when it does not exist yet).
   * @param {string} file
   */
  static async open(file) {
    await mkdir(path.dirname(file), { recursive: true });
    /** @type {Map<string, StoredOrder>} */
    const orders = new Map();
    try {
      const parsed = /** @type {StoreFile} */ (JSON.parse(await readFile(file, 'utf8')));
      for (const order of Object.values(parsed.orders ?? {})) orders.set(order.orderId, order);
    } catch (error) {
      if (/** @type {NodeJS.ErrnoException} */ (error).code !== 'ENOENT') {
        throw new Error(`Cannot read the order store ${file}: ${error instanceof Error ? error.message : error}`);
      }
    }
    return new JsonOrderStore(file, orders);
  }

  get file() {
    return this.#file;
  }

  /** @param {string} orderId */
  get(orderId) {
    const order = this.#orders.get(orderId);
    return order === undefined ? undefined : structuredClone(order);
  }

  list() {
    return [...this.#orders.values()].map((order) => structuredClone(order));
  }

  /**
   * Records what Clink said about an order: inserts it when it is new (from the create response or
   * a webhook that overtook it), otherwise applies the status. Repeated webhook events change
   * nothing, and a final outcome is never replaced by `pending`.
   * @param {OrderDetails} details
   * @param {StatusUpdate} update
   * @returns {Promise<StoredOrder>}
   */
  async record(details, update) {
    const now = update.now ?? Date.now();
    let order = this.#orders.get(details.orderId);
    if (order === undefined) {
      order = {
        ...details,
        clinkStatus: update.clinkStatus,
        outcome: outcomeOf(update.clinkStatus),
        updatedBy: update.updatedBy,
        createdAt: now,
        updatedAt: now,
        webhookEventIds: update.eventId === undefined ? [] : [update.eventId],
      };
      this.#orders.set(order.orderId, order);
    } else {
      applyUpdate(order, update, now);
    }
    await this.#persist();
    return structuredClone(order);
  }

  /**
   * Applies a status to a known order; unknown orders are left alone (`undefined`).
   * @param {string} orderId
   * @param {StatusUpdate} update
   * @returns {Promise<StoredOrder | undefined>}
   */
  async applyStatus(orderId, update) {
    const order = this.#orders.get(orderId);
    if (order === undefined) return undefined;
    if (!applyUpdate(order, update, update.now ?? Date.now())) return structuredClone(order);
    await this.#persist();
    return structuredClone(order);
  }

  /** Resolves once every write started so far is on disk. */
  flush() {
    return this.#writes;
  }

  /** Queues a snapshot write behind the previous one; each snapshot holds every change made before it. */
  #persist() {
    const write = this.#writes.then(() => this.#writeSnapshot());
    // A failed write must not block the next ones; the caller still sees this one fail.
    this.#writes = write.catch(() => {});
    return write;
  }

  async #writeSnapshot() {
    /** @type {StoreFile} */
    const snapshot = { version: 1, orders: Object.fromEntries(this.#orders) };
    const temp = `${this.#file}.${process.pid}.${(this.#tempCounter += 1)}.tmp`;
    const handle = await open(temp, 'w');
    try {
      await handle.writeFile(`${JSON.stringify(snapshot, null, 2)}\n`, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await rename(temp, this.#file);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await syncDirectory(path.dirname(this.#file));
  }
}

/**
 * Makes the rename itself durable. Some platforms cannot open a directory for syncing; the
 * file content is already synced, so that is not worth failing the write for.
 * @param {string} dir
 */
async function syncDirectory(dir) {
  let handle;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // best effort
  } finally {
    await handle?.close();
  }
}
