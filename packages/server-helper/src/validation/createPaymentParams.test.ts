import { describe, expect, it } from 'vitest';
import { ClinkValidationError, type FieldError } from '../errors.js';
import { validateCreatePaymentParams } from './createPaymentParams.js';

/** A body that satisfies every rule; each case below changes one thing. */
const valid = {
  paymentInstrumentId: 'pi_123',
  paymentMethodType: 'ALIPAY',
  returnUrl: 'https://shop.example/return',
  customerId: 'cus_1',
  amount: 9.99,
  currency: 'USD',
} as const;

function fieldErrors(input: unknown): FieldError[] {
  try {
    validateCreatePaymentParams(input);
  } catch (error) {
    expect(error).toBeInstanceOf(ClinkValidationError);
    return [...(error as ClinkValidationError).fields];
  }
  throw new Error('expected a ClinkValidationError');
}

interface RuleCase {
  rule: string;
  pass: Record<string, unknown>;
  fail: Record<string, unknown>;
  path: string;
  message: RegExp;
}

const without = (key: keyof typeof valid): Record<string, unknown> => {
  const copy: Record<string, unknown> = { ...valid };
  delete copy[key];
  return copy;
};

const cases: RuleCase[] = [
  { rule: 'paymentInstrumentId is required', pass: valid, fail: without('paymentInstrumentId'), path: 'paymentInstrumentId', message: /is required/ },
  { rule: 'paymentInstrumentId is a non-empty string', pass: { ...valid, paymentInstrumentId: 'pi_x' }, fail: { ...valid, paymentInstrumentId: '  ' }, path: 'paymentInstrumentId', message: /non-empty string/ },
  { rule: 'paymentMethodType is required', pass: valid, fail: without('paymentMethodType'), path: 'paymentMethodType', message: /is required/ },
  { rule: 'paymentMethodType is a known method', pass: { ...valid, paymentMethodType: 'CASHAPP' }, fail: { ...valid, paymentMethodType: 'PAYPAL' }, path: 'paymentMethodType', message: /must be one of ALIPAY, CARD/ },
  { rule: 'paymentMethodType is uppercase', pass: { ...valid, paymentMethodType: 'WECHAT' }, fail: { ...valid, paymentMethodType: 'wechat' }, path: 'paymentMethodType', message: /exactly "WECHAT"/ },
  { rule: 'returnUrl is required', pass: valid, fail: without('returnUrl'), path: 'returnUrl', message: /is required/ },
  { rule: 'returnUrl is an absolute http(s) URL', pass: { ...valid, returnUrl: 'http://localhost:3000/done' }, fail: { ...valid, returnUrl: '/done' }, path: 'returnUrl', message: /absolute http\(s\) URL/ },
  { rule: 'returnUrl refuses javascript: URLs', pass: { ...valid, returnUrl: 'https://a.example' }, fail: { ...valid, returnUrl: 'javascript:alert(1)' }, path: 'returnUrl', message: /http\(s\)/ },
  { rule: 'a customer identifier is required', pass: { ...without('customerId'), referenceCustomerId: 'ref-1' }, fail: without('customerId'), path: 'customerId', message: /customerEmail or referenceCustomerId/ },
  { rule: 'customerEmail alone identifies the customer', pass: { ...without('customerId'), customerEmail: 'a@b.co' }, fail: { ...without('customerId'), customerEmail: '' }, path: 'customerEmail', message: /non-empty string/ },
  { rule: 'customerEmail is an email address', pass: { ...valid, customerEmail: 'buyer@shop.example' }, fail: { ...valid, customerEmail: 'buyer-at-shop' }, path: 'customerEmail', message: /email address/ },
  { rule: 'customerId is a string', pass: { ...valid, customerId: 'cus_2' }, fail: { ...valid, customerId: 42 }, path: 'customerId', message: /got a number/ },
  { rule: 'a price is required', pass: valid, fail: { ...without('amount'), currency: undefined }, path: 'amount', message: /unless priceId and productId/ },
  { rule: 'priceId needs productId', pass: { ...without('amount'), currency: undefined, priceId: 'price_1', productId: 'prod_1' }, fail: { ...without('amount'), currency: undefined, priceId: 'price_1' }, path: 'productId', message: /required when priceId/ },
  { rule: 'productId needs priceId', pass: { ...without('amount'), currency: undefined, priceId: 'price_1', productId: 'prod_1' }, fail: { ...without('amount'), currency: undefined, productId: 'prod_1' }, path: 'priceId', message: /required when productId/ },
  { rule: 'priceId/productId and amount/currency are exclusive', pass: valid, fail: { ...valid, priceId: 'price_1', productId: 'prod_1' }, path: 'amount', message: /either priceId \+ productId or amount \+ currency/ },
  { rule: 'amount needs currency', pass: valid, fail: without('currency'), path: 'currency', message: /required when amount/ },
  { rule: 'currency needs amount', pass: valid, fail: without('amount'), path: 'amount', message: /required when currency/ },
  { rule: 'amount is a number', pass: valid, fail: { ...valid, amount: '9.99' }, path: 'amount', message: /finite number in major units/ },
  { rule: 'amount is finite', pass: valid, fail: { ...valid, amount: Number.POSITIVE_INFINITY }, path: 'amount', message: /finite number/ },
  { rule: 'amount is greater than 0', pass: { ...valid, amount: 0.01 }, fail: { ...valid, amount: 0 }, path: 'amount', message: /greater than 0/ },
  { rule: 'amount has at most two decimals', pass: { ...valid, amount: 0.3 }, fail: { ...valid, amount: 0.1 + 0.2 }, path: 'amount', message: /at most 2 decimal places/ },
  { rule: 'three-decimal currencies allow three decimals', pass: { ...valid, amount: 1.234, currency: 'KWD' }, fail: { ...valid, amount: 1.2345, currency: 'KWD' }, path: 'amount', message: /at most 3 decimal places/ },
  { rule: 'currency is ISO 4217 uppercase', pass: { ...valid, currency: 'PHP' }, fail: { ...valid, currency: 'usd' }, path: 'currency', message: /three-letter uppercase/ },
  { rule: 'priceDataList is an array', pass: { ...valid, priceDataList: [] }, fail: { ...valid, priceDataList: { name: 'x' } }, path: 'priceDataList', message: /must be an array/ },
  { rule: 'priceDataList items are objects', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3 }] }, fail: { ...valid, priceDataList: ['Tea'] }, path: 'priceDataList[0]', message: /must be an object/ },
  { rule: 'priceDataList item name is required', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3 }] }, fail: { ...valid, priceDataList: [{ unitAmount: 3 }] }, path: 'priceDataList[0].name', message: /is required/ },
  { rule: 'priceDataList item unitAmount is required', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3 }] }, fail: { ...valid, priceDataList: [{ name: 'Tea' }] }, path: 'priceDataList[0].unitAmount', message: /is required/ },
  { rule: 'priceDataList item unitAmount is greater than 0', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 0.5 }] }, fail: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3 }, { name: 'Cup', unitAmount: -1 }] }, path: 'priceDataList[1].unitAmount', message: /greater than 0/ },
  { rule: 'priceDataList item quantity is a whole number of at least 1', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, quantity: 2 }] }, fail: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, quantity: 1.5 }] }, path: 'priceDataList[0].quantity', message: /whole number of at least 1/ },
  { rule: 'priceDataList item quantity of 0 is refused', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, quantity: 1 }] }, fail: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, quantity: 0 }] }, path: 'priceDataList[0].quantity', message: /at least 1/ },
  { rule: 'priceDataList item currency is ISO 4217 uppercase', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, currency: 'EUR' }] }, fail: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, currency: 'eur' }] }, path: 'priceDataList[0].currency', message: /three-letter uppercase/ },
  { rule: 'priceDataList item imageUrl is an http(s) URL', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, imageUrl: 'https://cdn.example/tea.png' }] }, fail: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, imageUrl: 'data:image/png;base64,AAAA' }] }, path: 'priceDataList[0].imageUrl', message: /http\(s\) URL/ },
  { rule: 'priceDataList items have only documented fields', pass: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3 }] }, fail: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, price: 3 }] }, path: 'priceDataList[0].price', message: /not a field of a price data item/ },
  { rule: 'merchantReferenceId is a non-empty string', pass: { ...valid, merchantReferenceId: 'order-77' }, fail: { ...valid, merchantReferenceId: '' }, path: 'merchantReferenceId', message: /non-empty string/ },
  { rule: 'promotionCode is a non-empty string', pass: { ...valid, promotionCode: 'SPRING' }, fail: { ...valid, promotionCode: 10 }, path: 'promotionCode', message: /non-empty string/ },
  { rule: 'metadata is an object', pass: { ...valid, metadata: {} }, fail: { ...valid, metadata: ['a'] }, path: 'metadata', message: /object of string values/ },
  { rule: 'metadata values are strings', pass: { ...valid, metadata: { color: 'red' } }, fail: { ...valid, metadata: { color: 7 } }, path: 'metadata.color', message: /must be a string/ },
  { rule: 'metadata keys that are not identifiers get bracket paths', pass: { ...valid, metadata: { 'cart id': 'c1' } }, fail: { ...valid, metadata: { 'cart id': true } }, path: 'metadata["cart id"]', message: /must be a string/ },
  { rule: 'platformType is WEB or WAP', pass: { ...valid, platformType: 'WAP' }, fail: { ...valid, platformType: 'MOBILE' }, path: 'platformType', message: /one of WEB, WAP/ },
  { rule: 'deviceType is Android or iOS', pass: { ...valid, deviceType: 'iOS' }, fail: { ...valid, deviceType: 'Windows' }, path: 'deviceType', message: /one of Android, iOS/ },
  { rule: 'deviceType has exact casing', pass: { ...valid, deviceType: 'Android' }, fail: { ...valid, deviceType: 'IOS' }, path: 'deviceType', message: /exactly "iOS"/ },
  { rule: 'only documented fields are accepted', pass: valid, fail: { ...valid, returnURL: 'https://a.example' }, path: 'returnURL', message: /not a field of POST \/payment/ },
];

describe('validateCreatePaymentParams', () => {
  describe.each(cases)('rule: $rule', ({ pass, fail, path, message }) => {
    it('accepts a body that follows it', () => {
      expect(() => validateCreatePaymentParams(pass)).not.toThrow();
    });
    it(`refuses a body that breaks it, at ${path}`, () => {
      const errors = fieldErrors(fail);
      const match = errors.find((error) => error.path === path);
      expect(match, JSON.stringify(errors)).toBeDefined();
      expect(match?.message).toMatch(message);
    });
  });

  it('refuses input that is not an object', () => {
    for (const input of [null, 'body', 3, [valid]]) {
      expect(fieldErrors(input)).toEqual([{ path: '', message: expect.stringMatching(/must be an object/) as unknown as string }]);
    }
  });

  it('reports every broken rule at once, with field paths in the message', () => {
    const errors = fieldErrors({
      paymentMethodType: 'alipay',
      returnUrl: 'ftp://x',
      customerId: 'cus_1',
      amount: -1,
      currency: 'USD',
      priceDataList: [{ name: 'Tea', unitAmount: 0 }],
      metadata: { color: 1 },
    });
    expect(errors.map((error) => error.path)).toEqual([
      'paymentInstrumentId',
      'paymentMethodType',
      'returnUrl',
      'amount',
      'priceDataList[0].unitAmount',
      'metadata.color',
    ]);
    try {
      validateCreatePaymentParams({ ...valid, metadata: { color: 1 } });
    } catch (error) {
      expect((error as Error).message).toBe('Invalid request: metadata.color must be a string (metadata values are strings), got a number');
    }
  });

  it('returns a clean copy: undefined fields dropped, arrays and metadata copied', () => {
    const metadata = { color: 'red', size: undefined };
    const input = { ...valid, promotionCode: undefined, metadata, priceDataList: [{ name: 'Tea', unitAmount: 3, imageUrl: undefined }] };
    const result = validateCreatePaymentParams(input);
    expect(result).toEqual({ ...valid, metadata: { color: 'red' }, priceDataList: [{ name: 'Tea', unitAmount: 3 }] });
    expect('promotionCode' in result).toBe(false);
    expect(result.metadata).not.toBe(metadata);
  });
});
