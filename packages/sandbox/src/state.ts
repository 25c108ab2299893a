import type { ClinkOrderEventType } from '@clink-checkout/protocol';
import { CARD_FLOWS, sandboxCard, SANDBOX_CARD_CUSTOMER, SANDBOX_CARD_INSTRUMENTS } from './cards.js';
import { CustomerBook } from './customers.js';
import { describeDevice } from './device.js';
import type { IdGenerator } from './ids.js';
import { checkInstrumentForPayment, InstrumentBook, type SandboxInstrument, type SandboxInstrumentInput } from './instruments.js';
import { dropUndefined } from './objects.js';
import { applyOrderEvent, isRefreshable, type OrderRecord, type TransitionResult } from './orders.js';
import type { SandboxTimers } from './timers.js';
import type { CreatePaymentBody, SandboxOrder } from './types.js';
import type { AnswerShapes } from './variants.js';
import type { WebhookSender } from './webhooks.js';
import { webhookEvent } from './wire.js';

/** Price the sandbox charges for a `priceId` without `priceDataList`: it has no product catalogue. */
export const DEFAULT_CATALOGUE_PRICE = { amount: 10, currency: 'USD' } as const;

export interface SandboxStateOptions {
  ids: IdGenerator;
  now: () => number;
  timers: SandboxTimers;
  qrExpiresInMs: number;
  webhooks: WebhookSender;
  /** How answers are shaped: the default shape, or the varied sandbox's choices. */
  shapes: AnswerShapes;
}

export type OrderCommand = 'approve' | 'decline' | 'expire';

/** A refusal that names the field it is about; `message` is what the API answers. */
export interface Refusal {
  ok: false;
  field: string;
  message: string;
}

/** The customers, their instruments, the orders, their clocks and the webhooks they cause. */
export class SandboxState {
  readonly customers = new CustomerBook();
  readonly instruments = new InstrumentBook();
  readonly #records = new Map<string, OrderRecord>();
  readonly #expiryTimers = new Set<unknown>();
  readonly #options: SandboxStateOptions;

  constructor(options: SandboxStateOptions) {
    this.#options = options;
    this.#seedCards();
  }

  get now(): number {
    return this.#options.now();
  }

  /**
   * Finds or creates the customer, then saves the instrument. The API passes `unknownCustomerId: 'refuse'`
   * (Clink's `customerId` names an existing customer); test controls may create a customer with a chosen id.
   */
  createInstrument(input: SandboxInstrumentInput, unknownCustomerId: 'refuse' | 'new'): { ok: true; instrument: SandboxInstrument } | Refusal {
    if (input.id !== undefined && this.instruments.has(input.id)) {
      return { ok: false, field: 'id', message: `an instrument with id ${input.id} already exists` };
    }
    const resolution = this.customers.resolve(input, unknownCustomerId);
    if (!resolution.ok) return resolution;
    const customer = this.customers.commit(resolution, input, { id: () => this.#options.ids.next('cus'), now: this.now });
    const { ids } = this.#options;
    const cardFlow = input.type === 'CARD' ? (input.cardFlow ?? 'redirect') : undefined;
    const instrument = this.instruments.add(
      dropUndefined({
        id: input.id ?? ids.next('pi'),
        customerId: customer.customerId,
        type: input.type,
        created: this.now,
        wallet: cardFlow ? undefined : { accountTag: ids.next('acct') },
        card: cardFlow ? sandboxCard(cardFlow, customer.customerName ?? SANDBOX_CARD_CUSTOMER.customerName) : undefined,
        cardFlow,
        subPaymentMethodType: input.subPaymentMethodType,
        metadata: input.metadata,
      }),
    );
    return { ok: true, instrument };
  }

  /**
   * Creates the order once the customer and the instrument pass Clink's rules: the customer is found
   * (never created: a new customer owns no instrument), the instrument exists, is of the payment's
   * method and belongs to that customer.
   */
  create(body: CreatePaymentBody, baseUrl: string): { ok: true; record: OrderRecord } | Refusal {
    const resolution = this.customers.resolve(body);
    if (!resolution.ok) return resolution;
    const check = checkInstrumentForPayment(
      this.instruments.get(body.paymentInstrumentId),
      body.paymentInstrumentId,
      body.paymentMethodType,
      resolution.customer,
    );
    if (!check.ok) return check;
    const { instrument } = check;
    const customer = this.customers.commit(resolution, body, { id: () => this.#options.ids.next('cus'), now: this.now });

    const { ids } = this.#options;
    const now = this.now;
    const method = body.paymentMethodType;
    const { amount, currency } = chargedAmount(body);
    const order: SandboxOrder = dropUndefined({
      orderId: ids.next('ord'),
      type: 'onetime' as const,
      merchantReferenceId: body.merchantReferenceId,
      customerId: customer.customerId,
      customerEmail: customer.customerEmail,
      createTime: now,
      productId: body.productId,
      priceId: body.priceId,
      priceDataList: body.priceDataList,
      paymentMethod: { paymentMethodType: method, paymentInstrumentId: instrument.id },
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
    const device = describeDevice(body.platformType, body.deviceType);
    const record: OrderRecord = {
      order,
      instrument,
      shape: this.#options.shapes.order(method, device),
      returnUrl: body.returnUrl,
      baseUrl,
      device,
    };
    if (method === 'CARD') {
      record.cardFlow = instrument.cardFlow ?? 'redirect';
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
    return { ok: true, record };
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

  /** Clink cannot create card instruments through its API, so the sandbox starts with one saved card per flow. */
  #seedCards(): void {
    for (const flow of CARD_FLOWS) {
      const seeded = this.createInstrument({ ...SANDBOX_CARD_CUSTOMER, type: 'CARD', id: SANDBOX_CARD_INSTRUMENTS[flow], cardFlow: flow }, 'new');
      if (!seeded.ok) throw new Error(`could not seed ${SANDBOX_CARD_INSTRUMENTS[flow]}: ${seeded.message}`);
    }
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
    const shape = this.#options.shapes.event();
    this.#options.webhooks.send(webhookEvent(this.#options.ids.next('evt'), type, record, this.now, shape), shape);
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
