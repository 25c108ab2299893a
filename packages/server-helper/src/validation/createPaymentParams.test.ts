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
  /** Where Clink (or, for our own rules, the shared reference) states it. */
  source: RegExp;
}

const without = (...keys: Array<keyof typeof valid>): Record<string, unknown> => {
  const copy: Record<string, unknown> = { ...valid };
  for (const key of keys) delete copy[key];
  return copy;
};
const line = (fields: Record<string, unknown>) => ({ ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3, ...fields }] });

/** The rules that remain: each is stated by Clink's reference, and the error says where. */
const cases: RuleCase[] = [
  { rule: 'paymentInstrumentId is required', pass: valid, fail: without('paymentInstrumentId'), path: 'paymentInstrumentId', message: /is required/, source: /CreatePaymentApiRequest\.paymentInstrumentId \(required\)/ },
  { rule: 'paymentInstrumentId is not empty', pass: valid, fail: { ...valid, paymentInstrumentId: '' }, path: 'paymentInstrumentId', message: /must not be empty/, source: /paymentInstrumentId/ },
  { rule: 'paymentMethodType is required', pass: valid, fail: without('paymentMethodType'), path: 'paymentMethodType', message: /is required/, source: /paymentMethodType \(required/ },
  { rule: 'paymentMethodType is one of Clink’s methods', pass: { ...valid, paymentMethodType: 'CASHAPP' }, fail: { ...valid, paymentMethodType: 'PAYPAL' }, path: 'paymentMethodType', message: /must be one of ALIPAY, CARD/, source: /uppercase enum/ },
  { rule: 'paymentMethodType is uppercase', pass: { ...valid, paymentMethodType: 'WECHAT' }, fail: { ...valid, paymentMethodType: 'wechat' }, path: 'paymentMethodType', message: /spelled exactly "WECHAT"/, source: /uppercase enum/ },
  { rule: 'returnUrl is required', pass: valid, fail: without('returnUrl'), path: 'returnUrl', message: /is required/, source: /returnUrl \(required\)/ },
  { rule: 'returnUrl is an absolute URL', pass: { ...valid, returnUrl: 'myshop://checkout/done' }, fail: { ...valid, returnUrl: '/done' }, path: 'returnUrl', message: /absolute URL/, source: /returnUrl/ },
  { rule: 'returnUrl is not a dangerous scheme', pass: { ...valid, returnUrl: 'http://localhost:3000/done' }, fail: { ...valid, returnUrl: 'javascript:alert(1)' }, path: 'returnUrl', message: /must not use the javascript: scheme/, source: /Navigation safety/ },
  { rule: 'a customer identifier is required', pass: { ...without('customerId'), referenceCustomerId: 'ref-1' }, fail: without('customerId'), path: 'customerId', message: /at least one of customerId, customerEmail, referenceCustomerId/, source: /at least one customer identifier/ },
  { rule: 'customerId is a string', pass: { ...valid, customerId: 'cus_2' }, fail: { ...valid, customerId: 42 }, path: 'customerId', message: /must be a string, got 42/, source: /customerId/ },
  { rule: 'priceId needs productId', pass: { ...without('amount', 'currency'), priceId: 'price_1', productId: 'prod_1' }, fail: { ...without('amount', 'currency'), priceId: 'price_1' }, path: 'productId', message: /required when priceId/, source: /If provided, productId is required/ },
  { rule: 'amount is required unless priceId', pass: { ...without('amount', 'currency'), priceId: 'price_1', productId: 'prod_1' }, fail: without('amount'), path: 'amount', message: /required unless priceId/, source: /Required with currency when priceId is not provided/ },
  { rule: 'currency is required unless priceId', pass: valid, fail: without('currency'), path: 'currency', message: /required unless priceId/, source: /Required with currency/ },
  { rule: 'amount is a number', pass: valid, fail: { ...valid, amount: '9.99' }, path: 'amount', message: /must be a finite number/, source: /amount \(number\)/ },
  { rule: 'amount is finite (JSON cannot carry Infinity or NaN)', pass: valid, fail: { ...valid, amount: Number.POSITIVE_INFINITY }, path: 'amount', message: /finite number, got Infinity/, source: /amount/ },
  { rule: 'currency has three letters', pass: { ...valid, currency: 'PHP' }, fail: { ...valid, currency: 'US' }, path: 'currency', message: /three-letter ISO 4217/, source: /ISO 4217/ },
  { rule: 'priceDataList is an array', pass: { ...valid, priceDataList: [] }, fail: { ...valid, priceDataList: { name: 'x' } }, path: 'priceDataList', message: /must be an array/, source: /priceDataList/ },
  { rule: 'priceDataList items are objects', pass: line({}), fail: { ...valid, priceDataList: ['Tea'] }, path: 'priceDataList[0]', message: /must be an object/, source: /priceDataList/ },
  { rule: 'priceDataList item name is required', pass: line({}), fail: { ...valid, priceDataList: [{ unitAmount: 3 }] }, path: 'priceDataList[0].name', message: /is required/, source: /PriceData\.name \(required\)/ },
  { rule: 'priceDataList item unitAmount is required', pass: line({}), fail: { ...valid, priceDataList: [{ name: 'Tea' }] }, path: 'priceDataList[0].unitAmount', message: /is required/, source: /PriceData\.unitAmount \(required, > 0\)/ },
  { rule: 'priceDataList item unitAmount is above 0', pass: line({ unitAmount: 0.5 }), fail: { ...valid, priceDataList: [{ name: 'Tea', unitAmount: 3 }, { name: 'Cup', unitAmount: -1 }] }, path: 'priceDataList[1].unitAmount', message: /must be above 0/, source: /PriceData\.unitAmount/ },
  { rule: 'priceDataList item quantity is a whole number', pass: line({ quantity: 2 }), fail: line({ quantity: 1.5 }), path: 'priceDataList[0].quantity', message: /whole number/, source: /PriceData\.quantity \(int32, at least 1\)/ },
  { rule: 'priceDataList item quantity is at least 1', pass: line({ quantity: 1 }), fail: line({ quantity: 0 }), path: 'priceDataList[0].quantity', message: /at least 1/, source: /PriceData\.quantity/ },
  { rule: 'priceDataList item currency has three letters', pass: line({ currency: 'EUR' }), fail: line({ currency: 'EURO' }), path: 'priceDataList[0].currency', message: /three-letter ISO 4217/, source: /PriceData\.currency/ },
  { rule: 'merchantReferenceId is a string', pass: { ...valid, merchantReferenceId: 'order-77' }, fail: { ...valid, merchantReferenceId: 77 }, path: 'merchantReferenceId', message: /must be a string/, source: /merchantReferenceId/ },
  { rule: 'promotionCode is a string', pass: { ...valid, promotionCode: 'SPRING' }, fail: { ...valid, promotionCode: 10 }, path: 'promotionCode', message: /must be a string/, source: /promotionCode/ },
  { rule: 'metadata is an object', pass: { ...valid, metadata: {} }, fail: { ...valid, metadata: ['a'] }, path: 'metadata', message: /must be an object/, source: /Values must be strings/ },
  { rule: 'metadata values are strings', pass: { ...valid, metadata: { color: 'red' } }, fail: { ...valid, metadata: { color: 7 } }, path: 'metadata.color', message: /must be a string/, source: /Values must be strings/ },
  { rule: 'platformType is WEB or WAP', pass: { ...valid, platformType: 'WAP' }, fail: { ...valid, platformType: 'MOBILE' }, path: 'platformType', message: /one of WEB, WAP/, source: /platformType \(WEB \| WAP\)/ },
  { rule: 'deviceType is Android or iOS, exactly so spelled', pass: { ...valid, deviceType: 'iOS' }, fail: { ...valid, deviceType: 'IOS' }, path: 'deviceType', message: /spelled exactly "iOS"/, source: /deviceType \(Android \| iOS\)/ },
];

describe('validateCreatePaymentParams', () => {
  describe.each(cases)('rule: $rule', ({ pass, fail, path, message, source }) => {
    it('accepts a body that follows it', () => {
      expect(() => validateCreatePaymentParams(pass)).not.toThrow();
    });

    it(`refuses a body that breaks it, at ${path}, naming the source`, () => {
      const errors = fieldErrors(fail);
      const match = errors.find((error) => error.path === path);
      expect(match, JSON.stringify(errors)).toBeDefined();
      expect(match?.message).toMatch(message);
      expect(match?.source).toMatch(source);
    });
  });

  // Rules this package used to invent; Clink's reference states none of them, so Clink decides.
  it.each([
    ['more decimals than the currency’s minor unit', { ...valid, amount: 0.1 + 0.2 }],
    ['three decimals in a two-decimal currency', { ...valid, amount: 1.234 }],
    ['both price forms at once', { ...valid, priceId: 'price_1', productId: 'prod_1' }],
    ['productId without priceId', { ...valid, productId: 'prod_1' }],
    ['an amount of 0 (Clink states no minimum for amount)', { ...valid, amount: 0 }],
    ['an e-mail Clink may read differently', { ...valid, customerEmail: 'buyer-at-shop' }],
    ['a non-http image URL', line({ imageUrl: 'data:image/png;base64,AAAA' })],
    ['an empty merchantReferenceId', { ...valid, merchantReferenceId: '' }],
  ])('sends %s to Clink instead of refusing it', (_label, body) => {
    expect(() => validateCreatePaymentParams(body)).not.toThrow();
  });

  it('refuses amounts above what any currency can hold, with a field error', () => {
    for (const amount of [1e21, 1e308, 9_007_199_254_741]) {
      expect(fieldErrors({ ...valid, amount })).toEqual([
        expect.objectContaining({ path: 'amount', message: expect.stringMatching(/^must be at most 9007199254740 \(major units\)/) }),
      ]);
    }
    const line = { name: 'Gold bar', unitAmount: 1e21, quantity: 1 };
    expect(fieldErrors({ ...valid, priceDataList: [line] }).map((error) => error.path)).toEqual(['priceDataList[0].unitAmount']);
    expect(() => validateCreatePaymentParams({ ...valid, amount: 9_007_199_254_740 })).not.toThrow();
  });

  it('uppercases currencies instead of refusing lowercase ones', () => {
    const result = validateCreatePaymentParams({ ...valid, currency: 'usd', priceDataList: [{ name: 'Tea', unitAmount: 3, currency: 'php' }] });

    expect(result.currency).toBe('USD');
    expect(result.priceDataList?.[0]?.currency).toBe('PHP');
  });

  it('passes fields it does not know through unchanged (Clink may add fields)', () => {
    const result = validateCreatePaymentParams({ ...valid, captureMethod: 'manual', priceDataList: [{ name: 'Tea', unitAmount: 3, sku: 'T1' }] });

    expect(result).toMatchObject({ captureMethod: 'manual', priceDataList: [{ name: 'Tea', unitAmount: 3, sku: 'T1' }] });
  });

  it('reads null as absent, in the body, in price lines and in metadata', () => {
    const result = validateCreatePaymentParams({
      ...valid,
      promotionCode: null,
      customerEmail: null,
      metadata: { color: 'red', size: null },
      priceDataList: [{ name: 'Tea', unitAmount: 3, imageUrl: null }],
    });

    expect(result).toEqual({ ...valid, metadata: { color: 'red' }, priceDataList: [{ name: 'Tea', unitAmount: 3 }] });
  });

  it('a required field sent as null is reported as missing', () => {
    expect(fieldErrors({ ...valid, paymentInstrumentId: null })).toEqual([
      { path: 'paymentInstrumentId', message: 'is required', source: expect.stringMatching(/paymentInstrumentId \(required\)/) },
    ]);
  });

  it('refuses input that is not an object', () => {
    for (const input of [null, 'body', 3, [valid]]) {
      expect(fieldErrors(input)).toEqual([{ path: '', message: expect.stringMatching(/must be an object/) as unknown as string }]);
    }
  });

  it('reports every broken rule at once, with field paths in the message', () => {
    const errors = fieldErrors({
      paymentMethodType: 'alipay',
      returnUrl: 'javascript:void(0)',
      customerId: 'cus_1',
      amount: Number.NaN,
      currency: 'USD',
      priceDataList: [{ name: 'Tea', unitAmount: 0 }],
      metadata: { color: 1 },
    });

    expect(errors.map((error) => error.path)).toEqual([
      'paymentInstrumentId',
      'paymentMethodType',
      'priceDataList[0].unitAmount',
      'amount',
      'metadata.color',
      'returnUrl',
    ]);
    expect(() => validateCreatePaymentParams({ ...valid, metadata: { color: 1 } })).toThrow(
      'Invalid request: metadata.color must be a string, got 1',
    );
  });

  it('returns a copy: the caller’s object and its metadata are not changed', () => {
    const metadata = { color: 'red', size: undefined };
    const input = { ...valid, currency: 'usd', metadata };

    const result = validateCreatePaymentParams(input);

    expect(input.currency).toBe('usd');
    expect(result.metadata).not.toBe(metadata);
    expect('size' in metadata).toBe(true);
  });
});
