import { act, fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinkAction, DeviceInfo } from '../../core/index.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, paymentResponse } from '../test-support/fake-checkout.js';
import { PaymentActionRenderer } from './payment-action-renderer.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const ANDROID: Partial<DeviceInfo> = { platformType: 'WAP', deviceType: 'Android', coarsePointer: true };
const IOS: Partial<DeviceInfo> = { platformType: 'WAP', deviceType: 'iOS', coarsePointer: true };

const gcash: ClinkAction = {
  paymentMethodType: 'GCASH',
  walletHandleRedirectOrDisplayQrCode: {
    mobileAuthUrl: 'gcash://pay?order=1',
    packageName: 'com.globe.gcash.android',
    fallbackUrl: 'https://pay.example.com/fallback/1',
    hostedInstructionsUrl: 'https://pay.example.com/instructions/1',
    imageDataUrl: 'data:image/png;base64,iVBORw0KGgo=',
    expiresSecond: 600,
  },
};

function setup(device: Partial<DeviceInfo>, action: ClinkAction = gcash) {
  const checkout = createFakeCheckout();
  const navigate = vi.fn();
  render(
    <StrictMode>
      <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={device}>
        <PaymentActionRenderer payment={paymentResponse(action, { currency: 'PHP', amount: 250 })} navigate={navigate} followStatus={false} />
      </ClinkCheckoutProvider>
    </StrictMode>,
  );
  return { navigate };
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  // The page's own listeners (React Query's focus manager among them) update React state: inside act, as in a test.
  act(() => {
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
}

describe('<PaymentActionRenderer> app link', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(async () => {
    // Let status checks still in flight land inside act() before the test's tree is unmounted.
    await act(() => vi.advanceTimersByTimeAsync(0));
    vi.useRealTimers();
    setVisibility('visible');
  });

  it('opens the app only on the customer’s click, with an Android intent carrying the fallback', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { navigate } = setup(ANDROID);
    expect(navigate).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Open GCash' }));
    expect(navigate).toHaveBeenCalledTimes(1);
    const url = navigate.mock.calls[0]![0] as string;
    expect(url).toMatch(/^intent:\/\/pay\?order=1#Intent;scheme=gcash;package=com\.globe\.gcash\.android;/);
    expect(url).toContain(`S.browser_fallback_url=${encodeURIComponent('https://pay.example.com/fallback/1')}`);
  });

  it('shows the fallback when the page is still visible 2.5 s after opening', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    setup(IOS);
    await user.click(screen.getByRole('button', { name: 'Open GCash' }));
    act(() => vi.advanceTimersByTime(2400));
    expect(screen.queryByText('GCash did not open?')).toBeNull();
    act(() => vi.advanceTimersByTime(200));
    expect(screen.getByText('GCash did not open?')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue in the browser' })).toHaveAttribute('href', 'https://pay.example.com/fallback/1');
    expect(screen.getByRole('link', { name: 'See payment instructions' })).toHaveAttribute(
      'href',
      'https://pay.example.com/instructions/1',
    );
    expect(document.querySelector('.clink-app')).toHaveAttribute('data-state', 'fallback');
  });

  it('shows no fallback when the app took over the screen', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    setup(IOS);
    await user.click(screen.getByRole('button', { name: 'Open GCash' }));
    act(() => setVisibility('hidden'));
    act(() => vi.advanceTimersByTime(1000));
    act(() => setVisibility('visible'));
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.queryByText('GCash did not open?')).toBeNull();
  });

  it('offers the QR code for paying with another device when that section is opened, and a countdown', async () => {
    setup(IOS);
    // Drawn on demand: the first view is the Open button.
    expect(screen.queryByRole('img', { name: 'GCash QR code for ₱250.00' })).toBeNull();
    fireEvent.click(screen.getByText('Pay with another device'));
    expect(await screen.findByRole('img', { name: 'GCash QR code for ₱250.00' })).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 10:00');
  });

  it('guides customers out of an in-app browser', () => {
    setup({ ...IOS, inAppBrowser: 'facebook' });
    expect(screen.getByText('To pay with GCash, open this page in your browser.')).toBeInTheDocument();
    expect(screen.getByText(/In Facebook, tap the menu/)).toBeInTheDocument();
    expect(screen.getAllByRole('button', { name: 'Copy link' }).length).toBeGreaterThan(0);
  });
});
