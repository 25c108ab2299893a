import type { PaymentMethodType } from '@clink-checkout/protocol';
import type { ReceivedPayment, ReceivedRefresh, ReceivedStatus } from './api.js';
import { failedByExpiry } from './countdown.js';
import type { ActionPlan } from './plan.js';

/** The create call that is (or was) in flight; kept so a retry can reuse the idempotency key. */
export interface CreateAttempt {
  paymentMethodType: PaymentMethodType;
  idempotencyKey: string;
}

export type PaymentState =
  | { status: 'idle' }
  | { status: 'creating'; attempt: CreateAttempt }
  /**
   * The plan is ready: the QR code or app button is shown, the redirect or form post performed. For plans the
   * customer completes on this page (QR code, app link, a pending payment) the status is followed meanwhile.
   */
  | { status: 'action'; payment: ReceivedPayment; plan: ActionPlan }
  | { status: 'succeeded'; payment: ReceivedPayment; result?: ReceivedStatus }
  | { status: 'failed'; payment: ReceivedPayment; result?: ReceivedStatus }
  /** The QR code / app link ran out of time; refresh (Cash App Pay) or create a new payment. */
  | { status: 'expired'; payment: ReceivedPayment; plan: ActionPlan }
  | { status: 'cancelled'; payment?: ReceivedPayment }
  /** Something went wrong that the customer can retry (`attempt` reuses the idempotency key). */
  | { status: 'error'; error: Error; attempt?: CreateAttempt; payment?: ReceivedPayment };

export type PaymentStateStatus = PaymentState['status'];

export type PaymentEvent =
  | { type: 'create'; attempt: CreateAttempt }
  | { type: 'created'; payment: ReceivedPayment; plan: ActionPlan }
  | { type: 'create_failed'; error: Error }
  | { type: 'status'; result: ReceivedStatus }
  | { type: 'expired' }
  | { type: 'refreshed'; refresh: ReceivedRefresh; plan: ActionPlan }
  | { type: 'restart' }
  | { type: 'cancel' }
  | { type: 'error'; error: Error };

export type PaymentEventType = PaymentEvent['type'];

/** The state before anything happened. */
export const initialPaymentState: PaymentState = { status: 'idle' };

/**
 * `true` while a payment is being created or its action runs (`creating`, `action`): a second `pay` is ignored
 * and the pay button is disabled.
 */
export function isBusy(status: PaymentStateStatus): boolean {
  return status === 'creating' || status === 'action';
}

/**
 * `true` when the payment has an outcome for now: `succeeded` and `failed` (the two a status answer can also
 * carry), `expired`, `cancelled`. No more status checks, and late events (a slow status answer, a stale expiry)
 * no longer change the state. Only `restart` and `create` leave them, never after a success; `expired` also
 * accepts `refreshed`, a late success and an `error` (a failed refresh).
 */
export function isFinished(status: PaymentStateStatus | ReceivedStatus['status']): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'expired' || status === 'cancelled';
}

/** `true` when a new payment may be created: nothing is busy and the last one did not succeed. */
export function canPay(status: PaymentStateStatus): boolean {
  return !isBusy(status) && status !== 'succeeded';
}

/** The state a created payment starts in: `action` with its plan, or its outcome when the answer already has one. */
export function stateForPlan(payment: ReceivedPayment, plan: ActionPlan): PaymentState {
  return plan.kind === 'none' && plan.status !== 'pending' ? { status: plan.status, payment } : { status: 'action', payment, plan };
}

/** Plans the customer completes while on this page, so their status is followed (a redirect or form post leaves). */
export function followsOnPage(plan: ActionPlan): boolean {
  return plan.kind === 'qr' || plan.kind === 'app_link' || plan.kind === 'none';
}

/** The expiry of a plan that has one (QR codes and app links). */
export const planExpiry = (plan: ActionPlan) => (plan.kind === 'qr' || plan.kind === 'app_link' ? plan.expiry : null);

/**
 * The payment's one state machine. Events that make no sense in the current state return the same
 * state object, so React skips the render:
 *
 * idle ─create→ creating ─created→ action ─status→ succeeded | failed
 *                        ─create_failed / error→ error     action ─expired→ expired ─refreshed→ action
 * `cancel` stops a running payment; `restart` returns to idle from anywhere; `create` starts again after
 * an error or an outcome other than success.
 */
export function paymentReducer(state: PaymentState, event: PaymentEvent): PaymentState {
  if (event.type === 'restart') return state.status === 'idle' ? state : initialPaymentState;
  if (event.type === 'create') return canPay(state.status) ? { status: 'creating', attempt: event.attempt } : state;
  switch (state.status) {
    case 'idle':
    case 'failed':
    case 'cancelled':
    case 'succeeded':
      return state;
    case 'error':
      if (event.type !== 'cancel') return state;
      return state.payment ? { status: 'cancelled', payment: state.payment } : { status: 'cancelled' };
    case 'creating':
      switch (event.type) {
        case 'created':
          return stateForPlan(event.payment, event.plan);
        case 'create_failed':
        case 'error':
          return { status: 'error', error: event.error, attempt: state.attempt };
        case 'cancel':
          return { status: 'cancelled' };
        default:
          return state;
      }
    case 'action':
    case 'expired': {
      const { payment } = state;
      // Only a running action fails, expires or is cancelled; an expired one still takes a late success (the
      // customer may have paid in the last seconds, and "expired" would invite a second payment), a refreshed
      // code and a failed refresh.
      const running = state.status === 'action';
      switch (event.type) {
        case 'status': {
          const { result } = event;
          if (result.status === 'succeeded') return { status: 'succeeded', payment, result };
          if (result.status !== 'failed' || !running) return state;
          // The server fails an order whose QR code ran out; that is an expiry, with its way to start again.
          if (failedByExpiry(planExpiry(state.plan), result.serverTime)) return { ...state, status: 'expired' };
          return { status: 'failed', payment, result };
        }
        case 'expired':
          return running ? { ...state, status: 'expired' } : state;
        case 'refreshed':
          return { status: 'action', ...refreshedPayment(payment, event) };
        case 'cancel':
          return running ? { status: 'cancelled', payment } : state;
        case 'error':
          return { status: 'error', error: event.error, payment };
        case 'created':
        case 'create_failed':
          return state;
        default:
          return event satisfies never;
      }
    }
    default:
      return state satisfies never;
  }
}

function refreshedPayment(payment: ReceivedPayment, event: Extract<PaymentEvent, { type: 'refreshed' }>) {
  const { action, serverTime, receivedAt } = event.refresh;
  return { payment: { ...payment, action, serverTime, receivedAt }, plan: event.plan };
}
