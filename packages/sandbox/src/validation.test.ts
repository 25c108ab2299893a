import { describe, expect, it } from 'vitest';
import { validPayment } from './test-support/api.js';
import { validateCreateInstrument, validateCreatePayment } from './validation.js';

function errorFor(overrides: Record<string, unknown>, remove: string[] = []): string | undefined {
  const body = validPayment(overrides);
  for (const key of remove) delete body[key];
  const result = validateCreatePayment(body);
  return result.ok ? undefined : result.message;
}

describe('validateCreatePayment', () => {
  it('accepts a minimal amount + currency payment and keeps only the fields given', () => {
    const result = validateCreatePayment(validPayment());
    expect(result).toEqual({
      ok: true,
      value: {
        paymentInstrumentId: 'pi_test_wallet',
        paymentMethodType: 'WECHAT',
        returnUrl: 'https://shop.example/return',
        customerId: 'cus_123',
        amount: 9.99,
        currency: 'USD',
      },
    });
  });

  it('accepts a priceId + productId payment with every optional field', () => {
    const result = validateCreatePayment(
      validPayment({
        amount: undefined,
        currency: undefined,
        priceId: 'price_1',
        productId: 'prod_1',
        customerId: undefined,
        customerEmail: 'ada@example.com',
        referenceCustomerId: 'ref_1',
        priceDataList: [{ name: 'Tea', unitAmount: 4.5, quantity: 2, currency: 'SGD', imageUrl: 'https://cdn.example/tea.png' }],
        merchantReferenceId: 'inv_7',
        promotionCode: 'WELCOME',
        metadata: { cartId: 'c_1' },
        platformType: 'WAP',
        deviceType: 'iOS',
      }),
    );
    expect(result.ok).toBe(true);
  });

  it.each([
    ['body that is not an object', () => validateCreatePayment([1]), 'request body must be a JSON object'],
    ['body that is null', () => validateCreatePayment(null), 'request body must be a JSON object'],
  ])('rejects a %s', (_, run, message) => {
    expect(run()).toMatchObject({ ok: false, message });
  });

  it.each<[string, Record<string, unknown>, string[], string]>([
    ['missing paymentInstrumentId', {}, ['paymentInstrumentId'], 'paymentInstrumentId is required'],
    ['blank paymentInstrumentId', { paymentInstrumentId: '  ' }, [], 'paymentInstrumentId is required'],
    ['numeric paymentInstrumentId', { paymentInstrumentId: 7 }, [], 'paymentInstrumentId must be a string'],
    ['missing paymentMethodType', {}, ['paymentMethodType'], 'paymentMethodType is required'],
    [
      'lowercase paymentMethodType',
      { paymentMethodType: 'wechat' },
      [],
      'paymentMethodType must be one of ALIPAY, CARD, CASHAPP, GCASH, KAKAO, PROMPTPAY, QRIS, TNG, WECHAT',
    ],
    ['unknown paymentMethodType', { paymentMethodType: 'PAYPAL' }, [], 'paymentMethodType must be one of ALIPAY, CARD, CASHAPP, GCASH, KAKAO, PROMPTPAY, QRIS, TNG, WECHAT'],
    ['missing returnUrl', {}, ['returnUrl'], 'returnUrl is required'],
    ['relative returnUrl', { returnUrl: '/done' }, [], 'returnUrl must be an absolute URL'],
    ['returnUrl without a scheme', { returnUrl: 'shop.example/done' }, [], 'returnUrl must be an absolute URL'],
    ['no customer identifier', {}, ['customerId'], 'CUSTOMER_NOT_FOUND: one of customerId, customerEmail or referenceCustomerId is required'],
    ['empty customer identifiers', { customerId: '', customerEmail: ' ' }, [], 'CUSTOMER_NOT_FOUND: one of customerId, customerEmail or referenceCustomerId is required'],
    ['numeric customerEmail', { customerEmail: 7 }, [], 'customerEmail must be a string'],
    ['priceId without productId', { priceId: 'price_1', amount: undefined, currency: undefined }, [], 'productId is required when priceId is given'],
    ['neither pricing form', {}, ['amount', 'currency'], 'amount is required unless priceId is given'],
    ['productId alone', { productId: 'prod_1' }, ['amount', 'currency'], 'amount is required unless priceId is given'],
    ['amount without currency and no priceId', {}, ['currency'], 'currency is required unless priceId is given'],
    ['currency without amount and no priceId', {}, ['amount'], 'amount is required unless priceId is given'],
    ['zero amount', { amount: 0 }, [], 'amount must be greater than 0'],
    ['negative amount', { amount: -1 }, [], 'amount must be greater than 0'],
    ['amount as a string', { amount: '9.99' }, [], 'amount must be a number'],
    ['four-letter currency', { currency: 'USDT' }, [], 'currency must be a three-letter ISO 4217 code'],
    ['currency with digits', { currency: 'U5D' }, [], 'currency must be a three-letter ISO 4217 code'],
    ['priceDataList that is not an array', { priceDataList: {} }, [], 'priceDataList must be an array'],
    ['priceDataList item that is not an object', { priceDataList: ['tea'] }, [], 'priceDataList[0] must be an object'],
    ['priceDataList item without a name', { priceDataList: [{ unitAmount: 1 }] }, [], 'priceDataList[0].name is required'],
    ['priceDataList item without unitAmount', { priceDataList: [{ name: 'Tea' }] }, [], 'priceDataList[0].unitAmount is required'],
    [
      'priceDataList item with unitAmount 0',
      { priceDataList: [{ name: 'Tea', unitAmount: 1 }, { name: 'Cake', unitAmount: 0 }] },
      [],
      'priceDataList[1].unitAmount must be greater than 0',
    ],
    ['priceDataList item with a fractional quantity', { priceDataList: [{ name: 'Tea', unitAmount: 1, quantity: 1.5 }] }, [], 'priceDataList[0].quantity must be a whole number of at least 1'],
    ['priceDataList item with quantity 0', { priceDataList: [{ name: 'Tea', unitAmount: 1, quantity: 0 }] }, [], 'priceDataList[0].quantity must be a whole number of at least 1'],
    ['priceDataList item with a bad currency', { priceDataList: [{ name: 'Tea', unitAmount: 1, currency: 'euro' }] }, [], 'priceDataList[0].currency must be a three-letter ISO 4217 code'],
    ['metadata that is an array', { metadata: ['a'] }, [], 'metadata must be an object'],
    ['metadata with a number value', { metadata: { cartId: 'c_1', items: 3 } }, [], 'metadata.items must be a string'],
    ['lowercase platformType', { platformType: 'web' }, [], 'platformType must be one of WEB, WAP'],
    ['unknown platformType', { platformType: 'APP' }, [], 'platformType must be one of WEB, WAP'],
    ['lowercase deviceType', { deviceType: 'android' }, [], 'deviceType must be one of Android, iOS'],
    ['uppercase deviceType', { deviceType: 'IOS' }, [], 'deviceType must be one of Android, iOS'],
    ['numeric merchantReferenceId', { merchantReferenceId: 12 }, [], 'merchantReferenceId must be a string'],
    ['numeric promotionCode', { promotionCode: 12 }, [], 'promotionCode must be a string'],
  ])('rejects %s', (_, overrides, remove, message) => {
    expect(errorFor(overrides, remove)).toBe(message);
  });

  // Rules Clink's reference does not state: the sandbox must not refuse these.
  it.each([
    ['customerEmail only', { customerId: undefined, customerEmail: 'a@b.co' }],
    ['a customerEmail that does not look like an address', { customerEmail: 'not-an-email' }],
    ['referenceCustomerId only', { customerId: undefined, referenceCustomerId: 'ref_9' }],
    ['each platformType and deviceType', { platformType: 'WEB', deviceType: 'Android' }],
    ['a priceDataList item without quantity', { priceDataList: [{ name: 'Tea', unitAmount: 0.5 }] }],
    ['three decimal places in USD', { amount: 9.999 }],
    ['a tiny amount in exponent notation', { amount: 1e-7 }],
    ['a unitAmount with three decimals', { priceDataList: [{ name: 'Tea', unitAmount: 1.005 }] }],
    ['a whole amount', { amount: 10 }],
    ['a lowercase currency', { currency: 'usd' }],
    ['a lowercase priceDataList currency', { priceDataList: [{ name: 'Tea', unitAmount: 1, currency: 'sgd' }] }],
    ['a priceDataList imageUrl that is not http(s)', { priceDataList: [{ name: 'Tea', unitAmount: 1, imageUrl: 'ftp://x/y.png' }] }],
    ['both price forms together', { priceId: 'price_1', productId: 'prod_1' }],
    ['productId with amount and currency', { productId: 'prod_1' }],
    ['priceId with an amount but no currency', { priceId: 'price_1', productId: 'prod_1', currency: undefined }],
    ['an app returnUrl', { returnUrl: 'shopapp://checkout/done' }],
    ['null optional fields', { metadata: null, platformType: null, priceDataList: null, customerEmail: null }],
    ['fields Clink may add that the sandbox does not know', { captureMethod: 'automatic', Amount: 5 }],
  ])('accepts %s', (_, overrides) => {
    expect(errorFor(overrides)).toBeUndefined();
  });

  it('answers a lowercase currency in uppercase, as Clink normalises currencies', () => {
    const result = validateCreatePayment(validPayment({ currency: 'usd', priceDataList: [{ name: 'Tea', unitAmount: 1, currency: 'sgd' }] }));
    expect(result).toMatchObject({ ok: true, value: { currency: 'USD', priceDataList: [{ currency: 'SGD' }] } });
  });

  it('drops unknown fields rather than passing them on', () => {
    const result = validateCreatePayment(validPayment({ captureMethod: 'automatic' }));
    expect(result.ok && 'captureMethod' in result.value).toBe(false);
  });

  it.each(['ALIPAY', 'CARD', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT'])('accepts paymentMethodType %s', (method) => {
    expect(errorFor({ paymentMethodType: method })).toBeUndefined();
  });
});

describe('validateCreateInstrument', () => {
  it('accepts a wallet instrument with every documented field, and drops fields it does not know', () => {
    const documented = {
      customerEmail: 'ada@example.com',
      referenceCustomerId: 'user_7',
      customerName: 'Ada',
      paymentInstrumentType: 'GCASH',
      subPaymentMethodType: 'GCASH_QR',
      metadata: { source: 'checkout' },
    };
    expect(validateCreateInstrument({ ...documented, someFutureField: true })).toEqual({ ok: true, value: documented });
  });

  it.each<[string, unknown, string, string]>([
    ['a body that is not an object', 'WECHAT', 'body', 'request body must be a JSON object'],
    ['no customer identifier', { paymentInstrumentType: 'WECHAT' }, 'customerId', 'CUSTOMER_NOT_FOUND: one of customerId, customerEmail or referenceCustomerId is required'],
    ['no paymentInstrumentType', { customerId: 'cus_1' }, 'paymentInstrumentType', 'paymentInstrumentType is required'],
    [
      'a CARD instrument',
      { customerId: 'cus_1', paymentInstrumentType: 'CARD' },
      'paymentInstrumentType',
      "paymentInstrumentType CARD cannot be created through this API: a card is saved through Clink's hosted pages",
    ],
    [
      'a lowercase type',
      { customerId: 'cus_1', paymentInstrumentType: 'wechat' },
      'paymentInstrumentType',
      'paymentInstrumentType must be one of ALIPAY, CASHAPP, GCASH, KAKAO, PROMPTPAY, QRIS, TNG, WECHAT',
    ],
    ['metadata with a number', { customerId: 'cus_1', paymentInstrumentType: 'TNG', metadata: { n: 1 } }, 'metadata.n', 'metadata.n must be a string'],
  ])('refuses %s, naming the field', (_, body, field, message) => {
    expect(validateCreateInstrument(body)).toEqual({ ok: false, field, message });
  });
});
