/**
 * The part of Clink's merchant API this project uses, written down from Clink's published reference
 * (docs.clinkbill.com and its OpenAPI description; schema names such as `CreatePaymentApiRequest` are
 * Clink's). Every field says where it comes from. `Observed:` marks shapes integrations have met that the
 * reference does not list; they are allowed so that a reader built to this schema accepts them.
 */
import { DEVICE_TYPES, ORDER_STATUSES, PAYMENT_STATUS_CODES, PLATFORM_TYPES, REFUND_STATUSES } from '../clink.js';
import { PAYMENT_METHOD_TYPES } from '../methods.js';
import { optional, required, type Field, type ObjectSchema, type Schema } from './language.js';

const text: Schema = { type: 'string' };
const id: Schema = { type: 'string', nonEmpty: true };
const url: Schema = { type: 'string', format: 'absolute-url' };
const money: Schema = { type: 'number' };
const millis: Schema = { type: 'integer' };
const stringMap: ObjectSchema = { type: 'object', fields: {}, values: text };
const methodEnum: Schema = { type: 'string', enum: PAYMENT_METHOD_TYPES };
const walletEnum: Schema = { type: 'string', enum: PAYMENT_METHOD_TYPES.filter((method) => method !== 'CARD') };

/** Optional fields of one schema that share a type. */
function fieldsOf(schema: Schema, owner: string, keys: readonly string[]): Record<string, Field> {
  return Object.fromEntries(keys.map((key) => [key, optional(schema, `OpenAPI ${owner}.${key}`)]));
}

const CUSTOMER_RULE = {
  kind: 'at_least_one',
  fields: ['customerId', 'customerEmail', 'referenceCustomerId'],
  source: 'OpenAPI CreatePaymentApiRequest: "Provide at least one customer identifier"',
} as const;

/** `PriceData`, in a create request and in an order. */
export const priceDataSchema: ObjectSchema = {
  type: 'object',
  fields: {
    name: required(id, 'OpenAPI PriceData.name (required)'),
    unitAmount: required({ type: 'number', exclusiveMinimum: 0 }, 'OpenAPI PriceData.unitAmount (required, > 0)'),
    quantity: optional({ type: 'integer', minimum: 1 }, 'OpenAPI PriceData.quantity (int32, at least 1)'),
    currency: optional({ type: 'string', format: 'currency' }, 'OpenAPI PriceData.currency'),
    imageUrl: optional(text, 'OpenAPI PriceData.imageUrl'),
  },
};

/** Body of `POST /payment` (`CreatePaymentApiRequest`). */
export const createPaymentRequestSchema: ObjectSchema = {
  type: 'object',
  fields: {
    paymentInstrumentId: required(id, 'OpenAPI CreatePaymentApiRequest.paymentInstrumentId (required)'),
    paymentMethodType: required(methodEnum, 'OpenAPI CreatePaymentApiRequest.paymentMethodType (required, uppercase enum)'),
    returnUrl: required(url, 'OpenAPI CreatePaymentApiRequest.returnUrl (required): "URL where the customer is redirected"'),
    customerId: optional(id, 'OpenAPI CreatePaymentApiRequest.customerId'),
    customerEmail: optional(id, 'OpenAPI CreatePaymentApiRequest.customerEmail'),
    referenceCustomerId: optional(id, 'OpenAPI CreatePaymentApiRequest.referenceCustomerId'),
    priceId: optional(id, 'OpenAPI CreatePaymentApiRequest.priceId'),
    productId: optional(id, 'OpenAPI CreatePaymentApiRequest.productId'),
    priceDataList: optional({ type: 'array', items: priceDataSchema }, 'OpenAPI CreatePaymentApiRequest.priceDataList'),
    amount: optional(money, 'OpenAPI CreatePaymentApiRequest.amount (number)'),
    currency: optional({ type: 'string', format: 'currency' }, 'OpenAPI CreatePaymentApiRequest.currency; ISO 4217 in the API reference'),
    merchantReferenceId: optional(text, 'OpenAPI CreatePaymentApiRequest.merchantReferenceId'),
    promotionCode: optional(text, 'OpenAPI CreatePaymentApiRequest.promotionCode'),
    metadata: optional(stringMap, 'OpenAPI CreatePaymentApiRequest.metadata: "Values must be strings"'),
    platformType: optional({ type: 'string', enum: PLATFORM_TYPES }, 'OpenAPI CreatePaymentApiRequest.platformType (WEB | WAP)'),
    deviceType: optional({ type: 'string', enum: DEVICE_TYPES }, 'OpenAPI CreatePaymentApiRequest.deviceType (Android | iOS)'),
  },
  rules: [
    CUSTOMER_RULE,
    { kind: 'requires', when: 'priceId', then: ['productId'], source: 'OpenAPI CreatePaymentApiRequest.priceId: "If provided, productId is required"' },
    {
      kind: 'required_unless',
      unless: 'priceId',
      then: ['amount', 'currency'],
      source: 'OpenAPI CreatePaymentApiRequest.amount/currency: "Required with currency when priceId is not provided"',
    },
  ],
};

/** `WalletHandleRedirectOrDisplayQrCode`. */
export const walletDetailsSchema: ObjectSchema = {
  type: 'object',
  fields: {
    imageUrlPng: optional(text, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.imageUrlPng: a URL, "may also contain a Base64-encoded image string"'),
    imageUrlSvg: optional(text, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.imageUrlSvg: a URL, "may also contain a Base64-encoded image string"'),
    imageDataUrl: optional(text, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.imageDataUrl: a Base64 data URL'),
    hostedInstructionsUrl: optional(text, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.hostedInstructionsUrl'),
    mobileAuthUrl: optional(text, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.mobileAuthUrl: "URL or deeplink"'),
    fallbackUrl: optional(text, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.fallbackUrl: an HTTPS URL'),
    packageName: optional(text, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.packageName: Android package'),
    expiresAt: optional({ type: 'integer' }, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.expiresAt (int64, Unix seconds)'),
    expiresSecond: optional({ type: 'integer' }, 'OpenAPI WalletHandleRedirectOrDisplayQrCode.expiresSecond (int64 seconds)'),
  },
};

/** `Action` (and `WalletQrcodeRefreshAction`, which has the same fields). */
export const actionSchema: ObjectSchema = {
  type: 'object',
  fields: {
    redirectUrl: optional(text, 'OpenAPI Action.redirectUrl'),
    method: optional({ type: 'string', enum: ['GET', 'POST'] }, 'OpenAPI Action.method (GET | POST)'),
    type: optional(methodEnum, 'OpenAPI Action.type (payment method enum)'),
    walletHandleRedirectOrDisplayQrCode: optional(walletDetailsSchema, 'OpenAPI Action.walletHandleRedirectOrDisplayQrCode'),
    paymentMethodType: optional(text, 'OpenAPI Action.paymentMethodType (free text, not the enum)'),
    postData: optional(stringMap, 'OpenAPI Action.postData (string map)'),
  },
};

/** `data` of `POST /payment` (`CreatePaymentApiVo`): every field optional. */
export const createPaymentDataSchema: ObjectSchema = {
  type: 'object',
  fields: {
    orderId: optional(id, 'OpenAPI CreatePaymentApiVo.orderId'),
    sessionId: optional(text, 'OpenAPI CreatePaymentApiVo.sessionId'),
    status: optional({ type: 'integer', enum: Object.values(PAYMENT_STATUS_CODES) }, 'OpenAPI CreatePaymentApiVo.status (1 | 2 | 3 | 5)'),
    action: optional(actionSchema, 'OpenAPI CreatePaymentApiVo.action'),
    amount: optional(money, 'OpenAPI CreatePaymentApiVo.amount'),
    currency: optional(text, 'OpenAPI CreatePaymentApiVo.currency'),
  },
};

/** `data` of `POST /payment/{orderId}/qrcode/refresh` (`WalletQrcodeRefreshApiVo`). */
export const qrRefreshDataSchema: ObjectSchema = {
  type: 'object',
  fields: {
    orderId: optional(id, 'OpenAPI WalletQrcodeRefreshApiVo.orderId'),
    action: optional(actionSchema, 'OpenAPI WalletQrcodeRefreshApiVo.action (WalletQrcodeRefreshAction)'),
  },
};

/** `data` of `GET /order/{id}` (`OrderApiVo`): every field optional. */
export const orderSchema: ObjectSchema = {
  type: 'object',
  fields: {
    orderId: optional(id, 'OpenAPI OrderApiVo.orderId'),
    type: optional({ type: 'string', enum: ['recurring', 'onetime'] }, 'OpenAPI OrderApiVo.type'),
    merchantReferenceId: optional(text, 'OpenAPI OrderApiVo.merchantReferenceId'),
    invoiceId: optional(text, 'OpenAPI OrderApiVo.invoiceId'),
    customerId: optional(text, 'OpenAPI OrderApiVo.customerId'),
    customerEmail: optional(text, 'OpenAPI OrderApiVo.customerEmail'),
    createTime: optional(millis, 'OpenAPI OrderApiVo.createTime (int64 ms)'),
    productId: optional(text, 'OpenAPI OrderApiVo.productId'),
    priceId: optional(text, 'OpenAPI OrderApiVo.priceId'),
    priceDataList: optional({ type: 'array', items: priceDataSchema }, 'OpenAPI OrderApiVo.priceDataList'),
    paymentMethod: optional(
      {
        type: 'object',
        fields: {
          paymentMethodType: optional(text, 'OpenAPI PaymentMethodApiVo.paymentMethodType (free text)'),
          paymentInstrumentId: optional(text, 'OpenAPI PaymentMethodApiVo.paymentInstrumentId'),
        },
      },
      'OpenAPI OrderApiVo.paymentMethod',
    ),
    paymentExecutionDetails: optional(
      {
        type: 'array',
        items: {
          type: 'object',
          fields: {
            channelCode: optional(text, 'OpenAPI PaymentExecutionDetailApiVo.channelCode'),
            channelTransactionId: optional(text, 'OpenAPI PaymentExecutionDetailApiVo.channelTransactionId'),
            originalFailureCode: optional(text, 'OpenAPI PaymentExecutionDetailApiVo.originalFailureCode'),
            originalFailureMessage: optional(text, 'OpenAPI PaymentExecutionDetailApiVo.originalFailureMessage'),
          },
        },
      },
      'OpenAPI OrderApiVo.paymentExecutionDetails',
    ),
    amountSubtotal: optional(money, 'OpenAPI OrderApiVo.amountSubtotal'),
    amountTotal: optional(money, 'OpenAPI OrderApiVo.amountTotal'),
    paymentCurrency: optional(text, 'OpenAPI OrderApiVo.paymentCurrency'),
    originalCurrency: optional(text, 'OpenAPI OrderApiVo.originalCurrency'),
    status: optional(
      { type: 'string', enum: ORDER_STATUSES, extensible: true },
      'OpenAPI OrderApiVo.status (enum). Clink adds statuses without notice: a value not listed means "not final" (shared reference)',
    ),
    paymentTime: optional(millis, 'OpenAPI OrderApiVo.paymentTime (int64 ms)'),
    sessionId: optional(text, 'OpenAPI OrderApiVo.sessionId'),
    metadata: optional(stringMap, 'OpenAPI OrderApiVo.metadata (string map)'),
    riskLevel: optional(text, 'OpenAPI OrderApiVo.riskLevel'),
  },
};

/** Body of `POST /payment-instrument` (`CreatePaymentInstrumentApiRequest`). */
export const createPaymentInstrumentRequestSchema: ObjectSchema = {
  type: 'object',
  fields: {
    customerId: optional(id, 'OpenAPI CreatePaymentInstrumentApiRequest.customerId'),
    customerEmail: optional(id, 'OpenAPI CreatePaymentInstrumentApiRequest.customerEmail'),
    referenceCustomerId: optional(id, 'OpenAPI CreatePaymentInstrumentApiRequest.referenceCustomerId'),
    customerName: optional(text, 'OpenAPI CreatePaymentInstrumentApiRequest.customerName'),
    paymentInstrumentType: required(
      walletEnum,
      'OpenAPI CreatePaymentInstrumentApiRequest.paymentInstrumentType (required; "Card and browser-wallet payment instruments are not supported by this API")',
    ),
    subPaymentMethodType: optional(text, 'OpenAPI CreatePaymentInstrumentApiRequest.subPaymentMethodType'),
    metadata: optional(stringMap, 'OpenAPI CreatePaymentInstrumentApiRequest.metadata: "Values must be strings"'),
  },
  rules: [{ ...CUSTOMER_RULE, source: 'OpenAPI CreatePaymentInstrumentApiRequest: "Provide at least one of customerId, customerEmail, or referenceCustomerId"' }],
};

/** `data` of `POST /payment-instrument` (`PaymentInstrumentApiVo`). */
export const paymentInstrumentSchema: ObjectSchema = {
  type: 'object',
  fields: {
    id: optional(id, 'OpenAPI PaymentInstrumentApiVo.id'),
    customerId: optional(text, 'OpenAPI PaymentInstrumentApiVo.customerId'),
    type: optional(walletEnum, 'OpenAPI PaymentInstrumentApiVo.type'),
    card: optional(
      { type: 'object', fields: fieldsOf(text, 'PaymentInstrumentCardApiVo', ['last4', 'name', 'expiryYear', 'expiryMonth', 'scheme', 'funding', 'issuerRegion', 'issuerBank']) },
      'OpenAPI PaymentInstrumentApiVo.card',
    ),
    wallet: optional({ type: 'object', fields: { accountTag: optional(text, 'OpenAPI PaymentInstrumentWalletApiVo.accountTag') } }, 'OpenAPI PaymentInstrumentApiVo.wallet'),
    created: optional(millis, 'OpenAPI PaymentInstrumentApiVo.created (int64 ms)'),
  },
};

/** `RefundApiVo`, the `data` of `refund.*` events. */
export const refundSchema: ObjectSchema = {
  type: 'object',
  fields: {
    createTime: optional(millis, 'OpenAPI RefundApiVo.createTime (int64 ms)'),
    refundId: optional(text, 'OpenAPI RefundApiVo.refundId'),
    orderId: optional(text, 'OpenAPI RefundApiVo.orderId'),
    customerId: optional(text, 'OpenAPI RefundApiVo.customerId'),
    refundAmount: optional(money, 'OpenAPI RefundApiVo.refundAmount'),
    refundCurrency: optional(text, 'OpenAPI RefundApiVo.refundCurrency'),
    status: optional({ type: 'string', enum: REFUND_STATUSES }, 'OpenAPI RefundApiVo.status'),
    refundReason: optional(text, 'OpenAPI RefundApiVo.refundReason'),
    metadata: optional(stringMap, 'OpenAPI RefundApiVo.metadata'),
  },
};

const CREATED_SOURCE =
  'OpenAPI EventOrderVo.created / EventRefundVo.created (date-time string). Observed: integer milliseconds, or seconds below 1e12';

function eventSchema(types: readonly string[], data: ObjectSchema, name: string): ObjectSchema {
  return {
    type: 'object',
    fields: {
      id: optional(id, `OpenAPI ${name}.id`),
      type: optional({ type: 'string', enum: types }, `OpenAPI ${name}.type`),
      object: optional(text, `OpenAPI ${name}.object ("event")`),
      created: optional({ type: 'anyOf', options: [{ type: 'string', format: 'date-time' }, { type: 'integer', minimum: 0 }] }, CREATED_SOURCE),
      data: optional(
        // Observed: the object under `data.object` instead of `data`.
        { type: 'anyOf', options: [data, { type: 'object', fields: { object: required(data, 'Observed: data.object') } }] },
        `OpenAPI ${name}.data`,
      ),
    },
  };
}

/** A webhook body for an order event (`EventOrderVo`). */
export const orderEventSchema = eventSchema(['order.created', 'order.next_action', 'order.succeeded', 'order.failed'], orderSchema, 'EventOrderVo');
/** A webhook body for a refund event (`EventRefundVo`). */
export const refundEventSchema = eventSchema(['refund.created', 'refund.succeeded', 'refund.failed'], refundSchema, 'EventRefundVo');

/** Clink's envelope around `data` (`code` 200 on success; failures may have no `data`). */
export function envelopeSchema(data: Schema): ObjectSchema {
  return {
    type: 'object',
    fields: {
      code: required({ type: 'integer' }, 'OpenAPI *Res.code (int32, 200 on success)'),
      msg: optional(text, 'OpenAPI *Res.msg ("success" on success)'),
      data: optional(data, 'OpenAPI *Res.data'),
    },
  };
}
