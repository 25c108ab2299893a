import { chooseCardFlow } from './card-flow.js';
import { describeDevice } from './device.js';
import type { IdGenerator } from './ids.js';
import { applyOrderEvent, isRefreshable, snapshotOrder, type OrderRecord, type TransitionResult } from './orders.js';
import type { SandboxTimers } from './timers.js';
import type { ClinkOrderEventType } from '@clink-checkout/protocol';
import type { CreatePaymentBody, SandboxOrder, SandboxWebhookEvent } from './types.js';
import type { WebhookSender } from './webhooks.js';

/** Price the sandbox charges for a `priceId` without `priceDataList`: it has no product catalogue. */
export const DEFAULT_CATALOGUE_PRICE = { amount: 10, currency: 'USD' } as const;

export interface SandboxStateOptions {
  ids: IdGenerator;
  now: () => number;
  timers: SandboxTimers;
  qrExpiresInMs: number;
  webhooks: WebhookSender;
}

export type OrderCommand = 'approve' | 'decline' | 'expire';

/** The orders, their clocks and the webhooks they cause. */
export class SandboxState {
  readonly #records = new Map<string, OrderRecord>();
  readonly #expiryTimers = new Set<unknown>();
  readonly #options: SandboxStateOptions;

  constructor(options: SandboxStateOptions) {
    this.#options = options;
  }

  get now(): number {
    return this.#options.now();
  }

  create(body: CreatePaymentBody, baseUrl: string): OrderRecord {
    const { ids } = this.#options;
    const now = this.now;
    const method = body.paymentMethodType;
    const { amount, currency } = chargedAmount(body);
    const order: SandboxOrder = dropUndefined({
      orderId: ids.next('ord'),
      type: 'onetime' as const,
      merchantReferenceId: body.merchantReferenceId,
      customerId: body.customerId,
      customerEmail: body.customerEmail,
      createTime: now,
      productId: body.productId,
      priceId: body.priceId,
      priceDataList: body.priceDataList,
      paymentMethod: { paymentMethodType: method, paymentInstrumentId: body.paymentInstrumentId },
      amountSubtotal: amount,
      amountTotal: amount,
      paymentCurrency: currency,
      originalCurrency: currency,
      status: 'requires_action' as const,
      sessionId: ids.next('sess'),
      metadata: body.metadata,
      riskLevel: 'normal',
      paymentExecutionDetails: [],
    });
    const record: OrderRecord = {
      order,
      returnUrl: body.returnUrl,
      baseUrl,
      device: describeDevice(body.platformType, body.deviceType),
    };
    if (method === 'CARD') {
      record.cardFlow = chooseCardFlow(body);
      record.challengeToken = ids.next('pareq');
    } else {
      record.qr = this.#newQr();
    }
    this.#records.set(order.orderId, record);
    this.#emit('order.created', record);

    if (record.cardFlow === 'frictionless') this.apply(record, 'approve');
    else if (record.cardFlow === 'declined') this.apply(record, 'decline');
    else this.#emit('order.next_action', record);
    if (record.qr) this.#scheduleExpiry(record.qr.expiresAtMs);
    return record;
  }

  get(orderId: string): OrderRecord | undefined {
    const record = this.#records.get(orderId);
    if (record) this.#expireIfDue(record, this.now);
    return record;
  }

  list(): OrderRecord[] {
    this.sweepExpired();
    return [...this.#records.values()];
  }

  apply(record: OrderRecord, command: OrderCommand): TransitionResult {
    const at = this.now;
    const channelTransactionId = this.#options.ids.next('txn');
    const result = applyOrderEvent(record, { type: command, at, channelTransactionId });
    if (result.ok && result.webhook) this.#emit(result.webhook, record);
    return result;
  }

  refreshQr(record: OrderRecord): TransitionResult {
    const method = record.order.paymentMethod.paymentMethodType;
    if (!isRefreshable(method)) {
      return { ok: false, message: `QR code refresh is only supported for CASHAPP, not ${method}` };
    }
    const qr = this.#newQr();
    const result = applyOrderEvent(record, { type: 'refresh_qr', qr });
    if (result.ok) {
      if (result.webhook) this.#emit(result.webhook, record);
      this.#scheduleExpiry(qr.expiresAtMs);
    }
    return result;
  }

  /** Fails every order whose QR ran out; reads check their own order, so an injected clock is honoured. */
  sweepExpired(): void {
    const now = this.now;
    for (const record of this.#records.values()) this.#expireIfDue(record, now);
  }

  #expireIfDue(record: OrderRecord, now: number): void {
    const { qr, order } = record;
    if (!qr || order.status !== 'requires_action' || now < qr.expiresAtMs) return;
    if (isRefreshable(order.paymentMethod.paymentMethodType)) return;
    this.apply(record, 'expire');
  }

  close(): void {
    for (const handle of this.#expiryTimers) this.#options.timers.clearTimeout(handle);
    this.#expiryTimers.clear();
  }

  #newQr(): { token: string; expiresAtMs: number } {
    return { token: this.#options.ids.next('qr'), expiresAtMs: this.now + this.#options.qrExpiresInMs };
  }

  /** Without this, an expiry would only be noticed (and its webhook sent) at the next request. */
  #scheduleExpiry(expiresAtMs: number): void {
    const { timers } = this.#options;
    const handle = timers.setTimeout(
      () => {
        this.#expiryTimers.delete(handle);
        this.sweepExpired();
      },
      Math.max(0, expiresAtMs - this.now) + 1,
    );
    this.#expiryTimers.add(handle);
  }

  #emit(type: ClinkOrderEventType, record: OrderRecord): void {
    const event: SandboxWebhookEvent = {
      id: this.#options.ids.next('evt'),
      object: 'event',
      created: this.now,
      type,
      data: snapshotOrder(record.order),
    };
    this.#options.webhooks.send(event);
  }
}

function chargedAmount(body: CreatePaymentBody): { amount: number; currency: string } {
  if (body.amount !== undefined && body.currency !== undefined) return { amount: body.amount, currency: body.currency };
  const lines = body.priceDataList;
  if (lines && lines.length > 0) {
    const total = lines.reduce((sum, line) => sum + line.unitAmount * (line.quantity ?? 1), 0);
    return {
      amount: Math.round(total * 100) / 100,
      currency: lines.find((line) => line.currency)?.currency ?? DEFAULT_CATALOGUE_PRICE.currency,
    };
  }
  return { ...DEFAULT_CATALOGUE_PRICE };
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
