import { act, StrictMode, type ReactNode } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinkAction } from '../../core/index.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, paymentResponse, QR_PNG } from '../test-support/fake-checkout.js';
import { PaymentActionRenderer } from './payment-action-renderer.js';

// These tests drive React's own `act` (no Testing Library, which would otherwise declare this), so tell React
// that it runs in a test environment where `act` is expected.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const ANDROID_UA =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36';

async function hydrate(node: ReactNode) {
  const container = document.createElement('div');
  container.innerHTML = renderToString(node);
  document.body.append(container);
  const recoverable = vi.fn();
  await act(async () => {
    hydrateRoot(container, node, { onRecoverableError: recoverable });
  });
  return { container, recoverable };
}

describe('hydration on a phone', () => {
  beforeEach(() => {
    vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(ANDROID_UA);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.innerHTML = '';
  });

  const page = (action: ClinkAction, navigate: (url: string) => void) => (
    <StrictMode>
      <ClinkCheckoutProvider endpoint="/api/checkout" fetch={createFakeCheckout().fetch}>
        <PaymentActionRenderer payment={paymentResponse(action)} navigate={navigate} />
      </ClinkCheckoutProvider>
    </StrictMode>
  );

  it('redirects exactly once although the device changes after hydration', async () => {
    const navigate = vi.fn();
    const { recoverable } = await hydrate(page({ paymentMethodType: 'CARD', redirectUrl: 'https://3ds.example.com/x' }, navigate));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(recoverable).not.toHaveBeenCalled();
  });

  it('turns the server’s desktop QR code into the app button once the phone is detected', async () => {
    const navigate = vi.fn();
    const { container, recoverable } = await hydrate(
      page(
        {
          paymentMethodType: 'WECHAT',
          walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, mobileAuthUrl: 'weixin://wxpay/bizpayurl?pr=abc', expiresSecond: 300 },
        },
        navigate,
      ),
    );
    expect(recoverable).not.toHaveBeenCalled();
    expect(container.querySelector('.clink-app__open')).toHaveTextContent('Open WeChat Pay');
    expect(navigate).not.toHaveBeenCalled();
  });
});
