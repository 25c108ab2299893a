import type { ClinkOrderStatus, PaymentStatus } from '../types.js';

/** Clink's order status string -> the status the browser acts on. Refunded orders were paid. */
export function orderStatusToPaymentStatus(status: ClinkOrderStatus): PaymentStatus {
  switch (status) {
    case 'success':
    case 'partial_refunded':
    case 'refunded':
      return 'succeeded';
    case 'failed':
      return 'failed';
    case 'requires_action':
      return 'requires_action';
    case 'pending':
      return 'pending';
    default:
      status satisfies never;
      // A status Clink adds later: keep polling rather than declare an outcome.
      return 'pending';
  }
}
