import { describe, expect, it } from 'vitest';
import {
  PAYMENT_METHOD_APPS,
  PAYMENT_METHOD_NAMES,
  PAYMENT_METHOD_QR_CODES,
  PAYMENT_METHODS,
  PAYMENT_METHOD_TYPES,
  isPaymentMethodType,
  isWalletMethod,
} from './methods.js';

describe('the payment method table', () => {
  it('describes every method Clink accepts, under its own key', () => {
    expect(Object.keys(PAYMENT_METHODS).sort()).toEqual([...PAYMENT_METHOD_TYPES].sort());
    for (const method of PAYMENT_METHOD_TYPES) expect(PAYMENT_METHODS[method].type).toBe(method);
  });

  it('gives customers the names they know', () => {
    expect(PAYMENT_METHOD_TYPES.map((method) => PAYMENT_METHODS[method].displayName)).toEqual([
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

  it('refreshes QR codes for Cash App Pay only, as Clink does', () => {
    expect(PAYMENT_METHOD_TYPES.filter((method) => PAYMENT_METHODS[method].refreshableQr)).toEqual(['CASHAPP']);
  });

  it('joins its columns into one record per method, each field written once', () => {
    expect(PAYMENT_METHODS.CASHAPP).toEqual({
      type: 'CASHAPP',
      displayName: 'Cash App Pay',
      kind: 'wallet',
      appSchemes: ['cashme', 'squarecash'],
      androidPackage: 'com.squareup.cash',
      refreshableQr: true,
      savableQr: false,
    });
    expect(PAYMENT_METHODS.QRIS).toEqual({ type: 'QRIS', displayName: 'QRIS', kind: 'wallet', appSchemes: [], refreshableQr: false, savableQr: true });
    for (const method of PAYMENT_METHOD_TYPES) {
      expect(PAYMENT_METHODS[method]).toMatchObject({ ...PAYMENT_METHOD_NAMES[method], ...PAYMENT_METHOD_APPS[method], ...PAYMENT_METHOD_QR_CODES[method] });
    }
  });

  it('lists valid Android package names', () => {
    for (const info of Object.values(PAYMENT_METHODS)) {
      if (info.androidPackage) expect(info.androidPackage).toMatch(/^[a-z]\w*(\.[a-z]\w*)+$/i);
    }
  });

  it('recognises methods exactly as spelled on the wire', () => {
    expect(isPaymentMethodType('GCASH')).toBe(true);
    expect(isPaymentMethodType('gcash')).toBe(false);
    expect(isPaymentMethodType('toString')).toBe(false);
    expect(isWalletMethod('CARD')).toBe(false);
    expect(isWalletMethod('QRIS')).toBe(true);
  });
});
