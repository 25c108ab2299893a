import type { ClinkAction, PaymentMethodType } from '@clink-checkout/protocol';
import { classifyAction, type ClassifiableResponse } from './classify.js';
import type { DeviceInfo } from './device.js';

// A one-pixel PNG: the checks read an image's type and encoding, never its pixels.
const SAMPLE_IMAGE = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** A made-up answer in the shape Clink gives for the method: a 3-D Secure redirect for cards, a QR code for wallets. */
export function sampleAnswer(paymentMethodType: PaymentMethodType): ClassifiableResponse {
  const action: ClinkAction =
    paymentMethodType === 'CARD'
      ? { type: paymentMethodType, method: 'GET', redirectUrl: 'https://bank.example/challenge' }
      : {
          type: paymentMethodType,
          walletHandleRedirectOrDisplayQrCode: { imageDataUrl: SAMPLE_IMAGE, mobileAuthUrl: 'https://wallet.example/pay', expiresSecond: 600 },
        };
  return { status: 'requires_action', action, paymentMethodType, serverTime: 0, receivedAt: 0 };
}

/**
 * Runs the action checks once on a made-up answer of the payment's method, while the real answer is on its way.
 * The first run of each check compiles its code and regular expressions: on a low-end phone, milliseconds the
 * customer would otherwise wait for after the answer arrived. The result is thrown away.
 */
export function prepareActionChecks(paymentMethodType: PaymentMethodType, device: DeviceInfo): void {
  try {
    classifyAction(sampleAnswer(paymentMethodType), device);
  } catch {
    // Nothing to report about a made-up answer: the real one gets its own checks.
  }
}
