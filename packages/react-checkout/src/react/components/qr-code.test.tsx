import { act, render, screen } from '@testing-library/react';
import { createElement } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinkAction } from '../../core/index.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, paymentResponse } from '../test-support/fake-checkout.js';
import { PaymentActionRenderer } from './payment-action-renderer.js';
import { preloadQrEncoder } from '../qr-encoder.js';

const renders = vi.hoisted(() => ({ count: 0 }));
vi.mock('qrcode.react', async (importOriginal) => {
  const actual = await importOriginal<typeof import('qrcode.react')>();
  return {
    ...actual,
    QRCodeSVG: (props: Parameters<typeof actual.QRCodeSVG>[0]) => {
      renders.count += 1;
      return createElement(actual.QRCodeSVG, props);
    },
  };
});

describe('drawn QR code', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is not re-rendered by the countdown ticks or status checks', async () => {
    const action: ClinkAction = {
      paymentMethodType: 'ALIPAY',
      walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://qr.alipay.example/abc', expiresSecond: 120 },
    };
    const checkout = createFakeCheckout();
    const { container } = render(
      <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={{ platformType: 'WEB', coarsePointer: false }}>
        <PaymentActionRenderer payment={paymentResponse(action)} />
      </ClinkCheckoutProvider>,
    );
    // Wait for the encoder's module itself, not for a number of milliseconds.
    await act(() => preloadQrEncoder());
    expect(container.querySelector('svg')).not.toBeNull();
    const svg = container.querySelector('svg');
    const before = renders.count;
    expect(before).toBeGreaterThan(0);
    const seconds = () => {
      const [, minutes, rest] = /(\d+):(\d\d)/.exec(screen.getByRole('timer').textContent ?? '')!;
      return Number(minutes) * 60 + Number(rest);
    };
    const start = seconds();
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(seconds()).toBe(start - 10);
    expect(renders.count).toBe(before);
    expect(container.querySelector('svg')).toBe(svg);
    expect(container.innerHTML).not.toMatch(/style=/);
  });
});
