import type { ClinkOrderStatus, PaymentStatus } from '@clink-checkout/protocol';

/**
 * Clink's order status -> the status the browser acts on. Refunded orders were paid. A status Clink
 * adds later (or none at all) means "not final": the browser keeps following the payment rather than
 * declare an outcome it was not told.
 */
export function orderStatusToPaymentStatus(status: ClinkOrderStatus | (string & Record<never, never>) | undefined): PaymentStatus {
  switch (status as ClinkOrderStatus) {
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
      return 'pending';
  }
}
