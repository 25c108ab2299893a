import { describe, expect, it } from 'vitest';
import { validPayment } from './test-support/api.js';
import { validateCreatePayment } from './validation.js';

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
    ['relative returnUrl', { returnUrl: '/done' }, [], 'returnUrl must be a valid http(s) URL'],
    ['javascript: returnUrl', { returnUrl: 'javascript:alert(1)' }, [], 'returnUrl must be a valid http(s) URL'],
    ['no customer identifier', {}, ['customerId'], 'one of customerId, customerEmail or referenceCustomerId is required'],
    ['empty customer identifiers', { customerId: '', customerEmail: '' }, [], 'one of customerId, customerEmail or referenceCustomerId is required'],
    ['malformed customerEmail', { customerEmail: 'not-an-email' }, [], 'customerEmail must be a valid email address'],
    ['priceId without productId', { priceId: 'price_1', amount: undefined, currency: undefined }, [], 'productId is required when priceId is given'],
    ['neither pricing pair', {}, ['amount', 'currency'], 'either priceId and productId, or amount and currency, is required'],
    ['productId alone', { productId: 'prod_1' }, ['amount', 'currency'], 'priceId is required when productId is given'],
    ['productId with amount and currency', { productId: 'prod_1' }, [], 'priceId is required when productId is given'],
    ['three decimal places in USD', { amount: 9.999 }, [], 'amount must have at most 2 decimal places (major units, e.g. 9.99)'],
    ['four decimal places in KWD', { amount: 1.2345, currency: 'KWD' }, [], 'amount must have at most 3 decimal places (major units, e.g. 9.99)'],
    ['a tiny amount in exponent notation', { amount: 1e-7 }, [], 'amount must have at most 2 decimal places (major units, e.g. 9.99)'],
    ['a unitAmount with three decimals', { priceDataList: [{ name: 'Tea', unitAmount: 1.005 }] }, [], 'priceDataList[0].unitAmount must have at most 2 decimal places (major units, e.g. 9.99)'],
    ['both pricing pairs', { priceId: 'price_1', productId: 'prod_1' }, [], 'give either priceId and productId, or amount and currency, not both'],
    ['amount without currency', {}, ['currency'], 'currency is required when amount is given'],
    ['currency without amount', {}, ['amount'], 'amount is required when currency is given'],
    ['zero amount', { amount: 0 }, [], 'amount must be greater than 0'],
    ['negative amount', { amount: -1 }, [], 'amount must be greater than 0'],
    ['amount as a string', { amount: '9.99' }, [], 'amount must be a number'],
    ['lowercase currency', { currency: 'usd' }, [], 'currency must be an ISO-4217 code of three uppercase letters'],
    ['four-letter currency', { currency: 'USDT' }, [], 'currency must be an ISO-4217 code of three uppercase letters'],
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
    ['priceDataList item with a fractional quantity', { priceDataList: [{ name: 'Tea', unitAmount: 1, quantity: 1.5 }] }, [], 'priceDataList[0].quantity must be an integer of at least 1'],
    ['priceDataList item with quantity 0', { priceDataList: [{ name: 'Tea', unitAmount: 1, quantity: 0 }] }, [], 'priceDataList[0].quantity must be an integer of at least 1'],
    ['priceDataList item with a bad currency', { priceDataList: [{ name: 'Tea', unitAmount: 1, currency: 'eur' }] }, [], 'priceDataList[0].currency must be an ISO-4217 code of three uppercase letters'],
    ['priceDataList item with a bad imageUrl', { priceDataList: [{ name: 'Tea', unitAmount: 1, imageUrl: 'ftp://x/y.png' }] }, [], 'priceDataList[0].imageUrl must be a valid http(s) URL'],
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

  it.each([
    ['customerEmail only', { customerId: undefined, customerEmail: 'a@b.co' }],
    ['referenceCustomerId only', { customerId: undefined, referenceCustomerId: 'ref_9' }],
    ['each platformType and deviceType', { platformType: 'WEB', deviceType: 'Android' }],
    ['a priceDataList item without quantity', { priceDataList: [{ name: 'Tea', unitAmount: 0.5 }] }],
    ['three decimal places in KWD', { amount: 1.234, currency: 'KWD' }],
    ['a whole amount', { amount: 10 }],
    ['null optional fields', { metadata: null, platformType: null, priceDataList: null }],
  ])('accepts %s', (_, overrides) => {
    expect(errorFor(overrides)).toBeUndefined();
  });

  it.each(['ALIPAY', 'CARD', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT'])('accepts paymentMethodType %s', (method) => {
    expect(errorFor({ paymentMethodType: method })).toBeUndefined();
  });
});
