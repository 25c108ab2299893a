import { describe, expect, it } from 'vitest';
import type { ClinkOrderStatus } from '../types.js';
import { orderStatusToPaymentStatus } from './order-status.js';

describe('orderStatusToPaymentStatus', () => {
  it.each([
    ['success', 'succeeded'],
    ['partial_refunded', 'succeeded'],
    ['refunded', 'succeeded'],
    ['failed', 'failed'],
    ['requires_action', 'requires_action'],
    ['pending', 'pending'],
  ] as const)('maps %s to %s', (orderStatus, status) => {
    expect(orderStatusToPaymentStatus(orderStatus)).toBe(status);
  });

  it('keeps an unknown future status pending rather than declaring an outcome', () => {
    expect(orderStatusToPaymentStatus('disputed' as ClinkOrderStatus)).toBe('pending');
  });
});
