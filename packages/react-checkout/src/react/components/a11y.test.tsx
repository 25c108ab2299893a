import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import type { ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { ClinkAction, DeviceInfo } from '../../core/index.js';
import { messagesByLocale } from '../i18n/locales.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, paymentResponse, QR_PNG } from '../test-support/fake-checkout.js';
import { ClinkPayButton } from './pay-button.js';
import { PaymentActionRenderer } from './payment-action-renderer.js';
import { CheckoutErrorView, PaymentStatusView } from './status-view.js';
import { CheckoutActionError } from '../../core/index.js';

const DESKTOP: Partial<DeviceInfo> = { platformType: 'WEB', coarsePointer: false };
const PHONE: Partial<DeviceInfo> = { platformType: 'WAP', deviceType: 'iOS', coarsePointer: true };

async function expectNoViolations(container: HTMLElement) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
}

function renderIn(node: ReactNode, device: Partial<DeviceInfo> = DESKTOP, messages?: (typeof messagesByLocale)['th']) {
  const checkout = createFakeCheckout();
  return render(
    <main>
      <h1>Checkout</h1>
      <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={device} messages={messages}>
        {node}
      </ClinkCheckoutProvider>
    </main>,
  );
}

const renderer = (action: ClinkAction | undefined, extra: Record<string, unknown> = {}) => (
  <PaymentActionRenderer payment={paymentResponse(action, extra)} navigate={() => {}} submitForm={() => {}} onRestart={() => {}} followStatus={false} />
);

describe('accessibility (axe)', () => {
  it('idle pay button', async () => {
    const { container } = renderIn(<ClinkPayButton paymentMethodType="WECHAT" />);
    await expectNoViolations(container);
  });

  it('pay button while the payment is created', async () => {
    const never: typeof fetch = () => new Promise(() => {});
    const { container } = render(
      <main>
        <h1>Checkout</h1>
        <ClinkCheckoutProvider endpoint="/api/checkout" fetch={never} device={DESKTOP}>
          <ClinkPayButton paymentMethodType="CASHAPP" />
        </ClinkCheckoutProvider>
      </main>,
    );
    const button = screen.getByRole('button');
    act(() => button.click());
    expect(button).toHaveAttribute('aria-busy', 'true');
    // With the hidden view of a made-up answer that renders during the wait.
    await waitFor(() => expect(container.querySelector('.clink-visually-hidden img')).not.toBeNull());
    await expectNoViolations(container);
  });

  it('pay button with the merchant’s own link (asChild)', async () => {
    const { container } = renderIn(
      <ClinkPayButton paymentMethodType="GCASH" asChild>
        <a href="#pay">Pay now</a>
      </ClinkPayButton>,
    );
    await expectNoViolations(container);
  });

  it('redirect', async () => {
    const { container } = renderIn(renderer({ paymentMethodType: 'CARD', redirectUrl: 'https://3ds.example.com/x' }));
    await expectNoViolations(container);
  });

  it('form post', async () => {
    const { container } = renderIn(
      renderer({ paymentMethodType: 'CARD', method: 'POST', redirectUrl: 'https://acs.example.com/x', postData: { a: '1' } }),
    );
    await expectNoViolations(container);
  });

  it('QR image with countdown, in Thai', async () => {
    const { container } = renderIn(
      renderer({ paymentMethodType: 'PROMPTPAY', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 120 } }),
      DESKTOP,
      messagesByLocale.th,
    );
    await expectNoViolations(container);
  });

  it('drawn QR code', async () => {
    const { container } = renderIn(
      renderer({ paymentMethodType: 'QRIS', walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://qr.example/1', expiresSecond: 120 } }),
    );
    await waitFor(() => expect(container.querySelector('svg')).not.toBeNull());
    await expectNoViolations(container);
  });

  it('copy link fallback field', async () => {
    const user = userEvent.setup();
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    const { container } = renderIn(
      renderer({ paymentMethodType: 'ALIPAY', walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://qr.example/1' } }),
    );
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    await screen.findByRole('textbox');
    await expectNoViolations(container);
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('app link with the fallback shown, inside an in-app browser', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { container } = renderIn(
      renderer({
        paymentMethodType: 'KAKAO',
        walletHandleRedirectOrDisplayQrCode: {
          mobileAuthUrl: 'kakaotalk://pay/1',
          fallbackUrl: 'https://pay.example.com/f',
          imageDataUrl: QR_PNG,
          expiresSecond: 300,
        },
      }),
      { ...PHONE, inAppBrowser: 'line' },
    );
    await user.click(screen.getByRole('button', { name: 'Open KakaoPay' }));
    act(() => vi.advanceTimersByTime(3000));
    await screen.findByText('KakaoPay did not open?');
    vi.useRealTimers();
    await expectNoViolations(container);
  });

  it.each(['pending', 'succeeded', 'failed', 'expired', 'cancelled'] as const)('%s view', async (status) => {
    const { container } = renderIn(
      <PaymentStatusView status={status} messages={messagesByLocale.en} onRestart={() => {}} onRefresh={() => {}} />,
    );
    await expectNoViolations(container);
  });

  it('error view', async () => {
    const { container } = renderIn(
      <CheckoutErrorView error={new CheckoutActionError('unsafe_url', 'action.redirectUrl', 'Unsafe')} messages={messagesByLocale.en} onRestart={() => {}} />,
    );
    await expectNoViolations(container);
  });
});
