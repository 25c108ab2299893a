export { verifyClinkWebhook, DEFAULT_TOLERANCE_SECONDS } from './verify.js';
export { signClinkWebhookPayload } from './sign.js';
export {
  SIGNATURE_HEADER,
  SIGN_TYPE_HEADER,
  TIMESTAMP_HEADER,
  type ClinkWebhookEvent,
  type SignClinkWebhookPayloadOptions,
  type SignedClinkWebhook,
  type VerifyClinkWebhookOptions,
  type WebhookHeaders,
} from './types.js';
