import { failedByExpiry } from './countdown.js';
import { stateForPlan } from './plan-state.js';
import type { ActionPlan, PaymentEvent, PaymentState, ReceivedPayment } from './types.js';

/** The state before anything happened. */
export const initialPaymentState: PaymentState = { status: 'idle' };

/**
 * `true` when the payment has an outcome for now (`succeeded`, `failed`, `expired`, `cancelled`): no more
 * status checks, and late events (a slow poll answer, a stale expiry) no longer change the state.
 * Only `restart` and `create` leave them; `expired` also accepts `refreshed`, a late success and an `error`
 * (a failed refresh).
 */
export function isFinalState(state: PaymentState): boolean {
  return state.status === 'succeeded' || state.status === 'failed' || state.status === 'expired' || state.status === 'cancelled';
}

/**
 * The payment's one state machine. Events that make no sense in the current state return the same
 * state object, so React skips the render:
 *
 * idle ─create→ creating ─created→ action ─action_started→ polling ─poll_result→ succeeded | failed
 *                        ─create_failed / error→ error        action|polling ─expired→ expired ─refreshed→ action
 * `cancel` stops a running payment; `restart` returns to idle from anywhere; `create` starts again after
 * error, failure, expiry or cancellation (never after a success).
 */
export function paymentReducer(state: PaymentState, event: PaymentEvent): PaymentState {
  if (event.type === 'restart') return state.status === 'idle' ? state : initialPaymentState;
  switch (state.status) {
    case 'idle':
    case 'error':
    case 'failed':
    case 'cancelled':
      if (event.type === 'create') return { status: 'creating', attempt: event.attempt };
      if (event.type === 'cancel' && state.status === 'error') {
        return state.payment ? { status: 'cancelled', payment: state.payment } : { status: 'cancelled' };
      }
      return state;
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
    case 'polling':
      switch (event.type) {
        case 'action_started':
          return state.status === 'action' ? { ...state, status: 'polling' } : state;
        case 'poll_result':
          if (event.result.status === 'succeeded') return { status: 'succeeded', payment: state.payment, result: event.result };
          if (event.result.status !== 'failed') return state;
          // The server fails an order whose QR code ran out; that is an expiry, with its way to start again.
          if (failedByExpiry(planExpiry(state.plan), event.result.serverTime)) return { status: 'expired', payment: state.payment, plan: state.plan };
          return { status: 'failed', payment: state.payment, result: event.result };
        case 'expired':
          return { status: 'expired', payment: state.payment, plan: state.plan };
        case 'refreshed':
          return { status: state.status, ...refreshedPayment(state.payment, event) };
        case 'cancel':
          return { status: 'cancelled', payment: state.payment };
        case 'error':
          return { status: 'error', error: event.error, payment: state.payment };
        case 'create':
        case 'created':
        case 'create_failed':
          return state;
        default:
          return event satisfies never;
      }
    case 'expired':
      if (event.type === 'create') return { status: 'creating', attempt: event.attempt };
      if (event.type === 'refreshed') return { status: 'action', ...refreshedPayment(state.payment, event) };
      // A failed refresh: say so, and let the customer start over.
      if (event.type === 'error') return { status: 'error', error: event.error, payment: state.payment };
      // The customer may have paid in the last seconds; saying "expired" would invite a second payment.
      if (event.type === 'poll_result' && event.result.status === 'succeeded') {
        return { status: 'succeeded', payment: state.payment, result: event.result };
      }
      return state;
    case 'succeeded':
      return state;
    default:
      return state satisfies never;
  }
}

const planExpiry = (plan: ActionPlan) => (plan.kind === 'qr' || plan.kind === 'app_link' ? plan.expiry : null);

function refreshedPayment(payment: ReceivedPayment, event: Extract<PaymentEvent, { type: 'refreshed' }>) {
  const { action, serverTime, receivedAt } = event.refresh;
  return { payment: { ...payment, action, serverTime, receivedAt }, plan: event.plan };
}
