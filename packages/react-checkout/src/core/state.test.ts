import { describe, expect, it } from 'vitest';
import { CheckoutRequestError } from './errors.js';
import type { ReceivedPayment, ReceivedRefresh, ReceivedStatus } from './api.js';
import type { ActionPlan } from './plan.js';
import { initialPaymentState, isBusy, isFinished, paymentReducer, type PaymentEvent, type PaymentState } from './state.js';

const attempt = { paymentMethodType: 'WECHAT' as const, idempotencyKey: 'key-1' };
const payment: ReceivedPayment = {
  orderId: 'ord_1',
  orderToken: 'tok',
  status: 'requires_action',
  paymentMethodType: 'WECHAT',
  amount: 9.99,
  currency: 'USD',
  serverTime: 1_000,
  receivedAt: 1_050,
  action: { paymentMethodType: 'WECHAT', walletHandleRedirectOrDisplayQrCode: { imageUrlPng: 'https://x/qr.png' } },
};
const qrPlan: ActionPlan = {
  kind: 'qr',
  paymentMethodType: 'WECHAT',
  qr: { kind: 'image', src: 'https://x/qr.png' },
  expiry: { deadline: 901_050, serverDeadline: 901_000 },
  refreshable: false,
  savable: false,
};
const status = (value: ReceivedStatus['status']): ReceivedStatus => ({
  orderId: 'ord_1',
  status: value,
  amount: 9.99,
  currency: 'USD',
  orderStatus: value === 'succeeded' ? 'success' : value,
  serverTime: 2_000,
  receivedAt: 2_050,
});
const networkError = new CheckoutRequestError({ type: 'network_error', status: 0, message: 'offline' });

const run = (events: PaymentEvent[], from: PaymentState = initialPaymentState) => events.reduce(paymentReducer, from);
const creating = run([{ type: 'create', attempt }]);
const action = run([{ type: 'created', payment, plan: qrPlan }], creating);
const succeeded = run([{ type: 'status', result: status('succeeded') }], action);
const expired = run([{ type: 'expired' }], action);

const ALL_EVENTS: PaymentEvent[] = [
  { type: 'create', attempt },
  { type: 'created', payment, plan: qrPlan },
  { type: 'create_failed', error: networkError },
  { type: 'status', result: status('failed') },
  { type: 'status', result: status('succeeded') },
  { type: 'expired' },
  { type: 'cancel' },
  { type: 'error', error: new Error('x') },
];

describe('paymentReducer: the happy path', () => {
  it('goes idle → creating → action → succeeded', () => {
    expect(creating).toEqual({ status: 'creating', attempt });
    expect(action).toEqual({ status: 'action', payment, plan: qrPlan });
    expect(succeeded).toEqual({ status: 'succeeded', payment, result: status('succeeded') });
  });

  it('ends in failed when the status check says so', () => {
    expect(run([{ type: 'status', result: status('failed') }], action)).toEqual({ status: 'failed', payment, result: status('failed') });
  });

  it('reads a failure the server produced once the QR code ran out as an expiry, before the page’s own countdown ends', () => {
    // The create answer took 50 ms, so on the server's clock the code runs out at 901_000; the page counts to 901_050.
    const failedAt = (serverTime: number): ReceivedStatus => ({ ...status('failed'), serverTime, receivedAt: serverTime + 20 });
    expect(run([{ type: 'status', result: failedAt(900_980) }], action)).toEqual({ status: 'expired', payment, plan: qrPlan });
    expect(run([{ type: 'status', result: failedAt(900_100) }], action)).toMatchObject({ status: 'expired' });
    // Well before the code runs out, a failure is the customer's or the issuer's refusal.
    expect(run([{ type: 'status', result: failedAt(800_000) }], action)).toMatchObject({ status: 'failed' });
    const noExpiry = run([{ type: 'created', payment, plan: { ...qrPlan, expiry: null } }], creating);
    expect(run([{ type: 'status', result: failedAt(2_000_000) }], noExpiry)).toMatchObject({ status: 'failed' });
  });

  it('keeps the same state object while the payment is pending', () => {
    expect(paymentReducer(action, { type: 'status', result: status('pending') })).toBe(action);
    expect(paymentReducer(action, { type: 'status', result: status('requires_action') })).toBe(action);
  });
});

describe('paymentReducer: a created payment without action', () => {
  it.each([
    ['succeeded', 'succeeded'],
    ['failed', 'failed'],
    ['pending', 'action'],
  ] as const)('goes from a %s plan straight to %s', (planStatus, expected) => {
    const plan: ActionPlan = { kind: 'none', status: planStatus };
    expect(run([{ type: 'created', payment, plan }], creating).status).toBe(expected);
  });
});

describe('paymentReducer: errors and retries', () => {
  it('keeps the attempt after a failed create, so a retry can reuse the idempotency key', () => {
    const failed = run([{ type: 'create_failed', error: networkError }], creating);
    expect(failed).toEqual({ status: 'error', error: networkError, attempt });
    expect(run([{ type: 'create', attempt }], failed)).toEqual({ status: 'creating', attempt });
  });

  it('keeps the payment when its action cannot be shown', () => {
    const error = new Error('unsafe');
    expect(run([{ type: 'error', error }], action)).toEqual({ status: 'error', error, payment });
  });

  it('cancels from creating, action and error', () => {
    expect(run([{ type: 'cancel' }], creating)).toEqual({ status: 'cancelled' });
    expect(run([{ type: 'cancel' }], action)).toEqual({ status: 'cancelled', payment });
    expect(run([{ type: 'error', error: networkError }, { type: 'cancel' }], action)).toEqual({ status: 'cancelled', payment });
  });

  it('ignores a cancel when nothing runs', () => {
    expect(paymentReducer(initialPaymentState, { type: 'cancel' })).toBe(initialPaymentState);
  });
});

describe('paymentReducer: expiry and refresh', () => {
  it('expires from action, keeping the plan', () => {
    expect(expired).toEqual({ status: 'expired', payment, plan: qrPlan });
  });

  it('returns to the action with a refreshed QR code and the new action on the payment', () => {
    const newAction = { paymentMethodType: 'CASHAPP' as const, walletHandleRedirectOrDisplayQrCode: { imageUrlPng: 'https://x/new.png' } };
    const refresh: ReceivedRefresh = { orderId: 'ord_1', status: 'requires_action', action: newAction, serverTime: 5_000, receivedAt: 5_020 };
    const newPlan: ActionPlan = { ...qrPlan, qr: { kind: 'image', src: 'https://x/new.png' }, refreshable: true };
    const refreshed = run([{ type: 'refreshed', refresh, plan: newPlan }], expired);
    expect(refreshed).toEqual({
      status: 'action',
      payment: { ...payment, action: newAction, serverTime: 5_000, receivedAt: 5_020 },
      plan: newPlan,
    });
    expect(run([{ type: 'refreshed', refresh, plan: newPlan }], action)).toMatchObject({ status: 'action', plan: newPlan });
  });

  it('still accepts a success that arrives after the expiry, but no failure', () => {
    expect(run([{ type: 'status', result: status('succeeded') }], expired).status).toBe('succeeded');
    expect(paymentReducer(expired, { type: 'status', result: status('failed') })).toBe(expired);
  });

  it('reports a failed refresh of an expired QR code as an error, keeping the payment', () => {
    const error = new CheckoutRequestError({ type: 'api_error', status: 502, message: 'Clink is down' });
    expect(run([{ type: 'error', error }], expired)).toEqual({ status: 'error', error, payment });
  });

  it('starts a new payment from an expired one', () => {
    expect(run([{ type: 'create', attempt: { ...attempt, idempotencyKey: 'key-2' } }], expired)).toEqual({
      status: 'creating',
      attempt: { ...attempt, idempotencyKey: 'key-2' },
    });
  });
});

describe('paymentReducer: final states', () => {
  it('ignores every late event after a success, including a new create', () => {
    for (const event of ALL_EVENTS) expect(paymentReducer(succeeded, event)).toBe(succeeded);
  });

  it('ignores late events after a failure or cancellation, except a new create', () => {
    const failed = run([{ type: 'status', result: status('failed') }], action);
    const cancelled = run([{ type: 'cancel' }], action);
    for (const state of [failed, cancelled]) {
      for (const event of ALL_EVENTS.filter((e) => e.type !== 'create')) expect(paymentReducer(state, event)).toBe(state);
    }
  });

  it('ignores events that belong to another step', () => {
    expect(paymentReducer(initialPaymentState, { type: 'created', payment, plan: qrPlan })).toBe(initialPaymentState);
    expect(paymentReducer(initialPaymentState, { type: 'status', result: status('succeeded') })).toBe(initialPaymentState);
    expect(paymentReducer(creating, { type: 'status', result: status('succeeded') })).toBe(creating);
    expect(paymentReducer(creating, { type: 'create', attempt: { ...attempt, idempotencyKey: 'other' } })).toBe(creating);
    expect(paymentReducer(action, { type: 'created', payment, plan: qrPlan })).toBe(action);
  });

  it('restarts to idle from any state', () => {
    for (const state of [creating, action, action, succeeded, expired]) {
      expect(paymentReducer(state, { type: 'restart' })).toEqual({ status: 'idle' });
    }
    expect(paymentReducer(initialPaymentState, { type: 'restart' })).toBe(initialPaymentState);
  });

  it('names the busy and the finished states, once', () => {
    const failed = run([{ type: 'status', result: status('failed') }], action);
    const cancelled = run([{ type: 'cancel' }], action);
    const error = run([{ type: 'create_failed', error: networkError }], creating);
    const states = [initialPaymentState, creating, action, succeeded, failed, expired, cancelled, error];
    expect(states.map((state) => isBusy(state.status))).toEqual([false, true, true, false, false, false, false, false]);
    expect(states.map((state) => isFinished(state.status))).toEqual([false, false, false, true, true, true, true, false]);
    // A status answer's own outcome reads the same way.
    expect((['succeeded', 'failed', 'pending', 'requires_action'] as const).map(isFinished)).toEqual([true, true, false, false]);
  });
});
