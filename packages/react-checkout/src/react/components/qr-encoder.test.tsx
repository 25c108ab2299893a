/**
 * A QR drawn in the browser (Clink sent a URL and no image) appears as soon as the lazily loaded encoder is
 * there: no Suspense fallback held back for 300 ms, and the encoder is fetched while the payment is created.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinkAction } from '../../core/index.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, paymentResponse } from '../test-support/fake-checkout.js';
import { ClinkPayButton } from './pay-button.js';
import { PaymentActionRenderer } from './payment-action-renderer.js';
import { preloadQrEncoder } from '../qr-encoder.js';

const encoder = vi.hoisted(() => {
  let arrive!: () => void;
  return { requested: 0, arrived: new Promise<void>((resolve) => (arrive = resolve)), arrive: () => arrive() };
});
// The encoder's chunk arrives when the test says so (the way a slow network delivers it).
vi.mock('qrcode.react', async (importOriginal) => {
  const actual = await importOriginal<typeof import('qrcode.react')>();
  await encoder.arrived;
  return actual;
});
vi.mock('../qr-encoder.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../qr-encoder.js')>();
  return {
    ...actual,
    preloadQrEncoder: () => {
      encoder.requested += 1;
      return actual.preloadQrEncoder();
    },
  };
});

const DRAWN: ClinkAction = {
  paymentMethodType: 'ALIPAY',
  walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://qr.alipay.example/abc', expiresSecond: 120 },
};
const DESKTOP = { platformType: 'WEB', coarsePointer: false } as const;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('a QR code drawn in the browser', () => {
  it('replaces its placeholder as soon as the encoder is there, not 300 ms later', async () => {
    const { container } = render(
      <ClinkCheckoutProvider endpoint="/api/checkout" fetch={createFakeCheckout().fetch} device={DESKTOP}>
        <PaymentActionRenderer payment={paymentResponse(DRAWN)} followStatus={false} />
      </ClinkCheckoutProvider>,
    );
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(container.querySelector('.clink-qr__placeholder')).toHaveAccessibleName('Alipay QR code for CN¥12.00');
    encoder.arrive();
    // The moment the encoder's module has loaded, with no time passing on the clock.
    const before = Date.now();
    await act(() => preloadQrEncoder());
    expect(Date.now()).toBe(before);
    expect(container.querySelector('.clink-qr__placeholder')).toBeNull();
    expect(screen.getByRole('img', { name: 'Alipay QR code for CN¥12.00' }).tagName.toLowerCase()).toBe('svg');
  });

  it('starts loading the encoder when a wallet’s pay button is pressed, before the create answer arrives', async () => {
    const checkout = createFakeCheckout({ action: () => DRAWN });
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(
      <ClinkCheckoutProvider
        endpoint="/api/checkout"
        fetch={async (input, init) => {
          await held;
          return checkout.fetch(input, init);
        }}
        device={DESKTOP}
      >
        <ClinkPayButton paymentMethodType="ALIPAY" />
        <ClinkPayButton paymentMethodType="CARD" />
      </ClinkCheckoutProvider>,
    );
    const requested = encoder.requested;
    await user.click(screen.getByRole('button', { name: 'Pay with Card' }));
    expect(encoder.requested).toBe(requested);
    await user.click(screen.getByRole('button', { name: 'Pay with Alipay' }));
    expect(encoder.requested).toBe(requested + 1);
    expect(checkout.creates).toHaveLength(0);
    answer();
    await act(() => vi.advanceTimersByTimeAsync(50));
    expect(screen.getByRole('img', { name: 'Alipay QR code for CN¥12.00' }).tagName.toLowerCase()).toBe('svg');
  });
});
