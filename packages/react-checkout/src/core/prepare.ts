import type { ClinkAction, PaymentMethodType } from '@clink-checkout/protocol';
import type { ClassifiableResponse } from './classify.js';

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
