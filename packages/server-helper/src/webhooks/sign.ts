import { ClinkConfigurationError } from '../errors.js';
import {
  WEBHOOK_SIGNATURE_HEADER as SIGNATURE_HEADER,
  WEBHOOK_SIGN_TYPE_HEADER as SIGN_TYPE_HEADER,
  WEBHOOK_TIMESTAMP_HEADER as TIMESTAMP_HEADER,
} from '@clink-checkout/protocol';
import type { SignClinkWebhookPayloadOptions, SignedClinkWebhook } from './types.js';
import { signatureHex } from './verify.js';

/**
 * Signs a webhook payload the way Clink does, for a merchant's own tests of their webhook route.
 *
 * @example
 * const { body, headers } = await signClinkWebhookPayload({ payload: event, secret: 'whsec_test' });
 * await fetch('http://127.0.0.1:3000/api/checkout/webhooks', { method: 'POST', body, headers });
 */
export async function signClinkWebhookPayload(options: SignClinkWebhookPayloadOptions): Promise<SignedClinkWebhook> {
  const { payload, secret } = options;
  if (typeof secret !== 'string' || secret.trim() === '') {
    throw new ClinkConfigurationError('signClinkWebhookPayload needs a non-empty secret.');
  }
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(timestamp) || timestamp < 0) {
    throw new ClinkConfigurationError(`timestamp must be a whole, non-negative number (seconds or ms), got ${String(timestamp)}.`);
  }
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const signature = await signatureHex(secret, String(timestamp), body);
  return {
    body,
    headers: {
      'Content-Type': 'application/json',
      [TIMESTAMP_HEADER]: String(timestamp),
      [SIGNATURE_HEADER]: signature,
      [SIGN_TYPE_HEADER]: 'SHA256',
    },
  };
}
