import { describe, expect, it } from 'vitest';
import { formatAmount, walletName } from './format.js';
import { PAYMENT_METHOD_TYPES } from '@clink-checkout/protocol';

describe('walletName', () => {
  it('names every payment method', () => {
    expect(PAYMENT_METHOD_TYPES.map(walletName)).toEqual([
      'Alipay',
      'Card',
      'Cash App Pay',
      'GCash',
      'KakaoPay',
      'PromptPay',
      'QRIS',
      "Touch 'n Go eWallet",
      'WeChat Pay',
    ]);
  });
});

describe('formatAmount', () => {
  it('formats major units in the currency and locale', () => {
    expect(formatAmount(9.99, 'USD', 'en-US')).toBe('$9.99');
    expect(formatAmount(1234.5, 'EUR', 'de-DE')).toBe('1.234,50\u00a0€');
    expect(formatAmount(500, 'PHP', 'en-PH')).toBe('₱500.00');
    expect(formatAmount(1200, 'KRW', 'ko-KR')).toBe('₩1,200');
  });

  it('falls back to amount and code for an invalid currency', () => {
    expect(formatAmount(5, 'not-a-currency', 'en-US')).toBe('5 not-a-currency');
  });
});
