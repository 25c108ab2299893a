export { verifyClinkWebhook, DEFAULT_TOLERANCE_SECONDS } from './verify.js';
export { signClinkWebhookPayload } from './sign.js';
export {
  WEBHOOK_SIGNATURE_HEADER,
  WEBHOOK_SIGN_TYPE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER,
  WEBHOOK_SIGNATURE_HEADER as SIGNATURE_HEADER,
  WEBHOOK_SIGN_TYPE_HEADER as SIGN_TYPE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER as TIMESTAMP_HEADER,
} from '@clink-checkout/protocol';
export type {
  ClinkOrderEvent,
  ClinkOtherEvent,
  ClinkRefundEvent,
  ClinkUnusableWebhook,
  ClinkWebhookEvent,
  SignClinkWebhookPayloadOptions,
  SignedClinkWebhook,
  VerifiedClinkWebhook,
  VerifyClinkWebhookOptions,
  WebhookHeaders,
} from './types.js';
