import type { ActionPlan, PaymentState, ReceivedPayment } from './types.js';

/**
 * The state a created payment starts in: `action` with a plan to show, `polling` for a
 * pending payment without an action, else its outcome (`succeeded` / `failed`).
 */
export function stateForPlan(payment: ReceivedPayment, plan: ActionPlan): PaymentState {
  if (plan.kind !== 'none') return { status: 'action', payment, plan };
  return plan.status === 'pending' ? { status: 'polling', payment, plan } : { status: plan.status, payment };
}
