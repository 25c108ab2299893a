import { describe, expect, it } from 'vitest';
import { countdownDataState, payButtonDataState } from './data-state.js';

describe('data-state helpers', () => {
  it('counts, then expires within the last minute, then expires', () => {
    expect(countdownDataState(61)).toBe('counting');
    expect(countdownDataState(60)).toBe('expiring');
    expect(countdownDataState(1)).toBe('expiring');
    expect(countdownDataState(0)).toBe('expired');
    expect(countdownDataState(25, 20)).toBe('counting');
  });

  it('shows the button as loading only while the payment is created', () => {
    expect(payButtonDataState('idle')).toBe('idle');
    expect(payButtonDataState('creating')).toBe('loading');
    expect(payButtonDataState('action')).toBe('active');
    expect(payButtonDataState('succeeded')).toBe('succeeded');
    expect(payButtonDataState('error')).toBe('idle');
    expect(payButtonDataState('expired')).toBe('idle');
  });
});
