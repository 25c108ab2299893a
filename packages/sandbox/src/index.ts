export { createSandbox, SandboxControlError } from './sandbox.js';
export type {
  ListenOptions,
  ListenResult,
  Sandbox,
  SandboxControlErrorCode,
  SandboxOptions,
} from './sandbox.js';
export { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_QR_EXPIRES_IN_SECONDS, SANDBOX_API_KEY, SANDBOX_WEBHOOK_SECRET } from './constants.js';
// The method and device names are Clink's, from the shared protocol package.
export { DEVICE_TYPES, PAYMENT_METHOD_TYPES, PLATFORM_TYPES } from '@clink-checkout/protocol';
export type { DeviceType, PaymentMethodType, PlatformType } from '@clink-checkout/protocol';
export { FAULT_HEADER } from './faults.js';
export type { SandboxFault } from './faults.js';
export { CARD_FLOWS, SANDBOX_CARD_CUSTOMER, SANDBOX_CARD_INSTRUMENTS } from './cards.js';
export type { CardFlow, SandboxCard } from './cards.js';
export type { SandboxCustomer, SandboxCustomerInput } from './customers.js';
export type { SandboxInstrument, SandboxInstrumentInput } from './instruments.js';
export type { SandboxTimers } from './timers.js';
export { signWebhook } from './webhooks.js';
export type { WebhookAttempt, WebhookDelivery, WebhookRetryOptions } from './webhooks.js';
export type {
  ClinkAction,
  ClinkEnvelope,
  CreatePaymentBody,
  OrderStatus,
  PaymentExecutionDetail,
  PaymentResponseData,
  PaymentStatusCode,
  PriceData,
  QrRefreshResponseData,
  SandboxOrder,
  SandboxWebhookEvent,
  WalletDetails,
  WebhookEventType,
} from './types.js';
export { MADE_UP_APP_SCHEMES, OMITTABLE_ORDER_FIELDS, UNKNOWN_ORDER_STATUSES } from './variants.js';
