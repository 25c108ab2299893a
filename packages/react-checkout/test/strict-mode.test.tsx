/**
 * Under <React.StrictMode> (effects run twice in development) and with impatient customers, every click
 * still creates exactly one payment at Clink, and every action runs exactly once.
 */
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinkPayButton, type PaymentMethodType } from '../src/index.js';
import { advance, createShop, page, SANDBOX_ORIGIN, settle, type DeviceName, type Shop } from './support/e2e.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function renderStrict(shop: Shop, method: PaymentMethodType, device: DeviceName = 'desktop') {
  const navigate = vi.fn<(url: string) => void>();
  const onSuccess = vi.fn();
  const onFailure = vi.fn();
  render(
    page(shop, <ClinkPayButton paymentMethodType={method} navigate={navigate} onSuccess={onSuccess} onFailure={onFailure} />, {
      device,
      strict: true,
    }),
  );
  return { navigate, onSuccess, onFailure, button: screen.getByRole('button', { name: /^Pay with / }) };
}

describe('StrictMode through the real handler', () => {
  it('CARD redirect: one create, one order, one navigation', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { navigate, button } = renderStrict(shop, 'CARD');
    await user.click(button);
    await settle();
    expect(shop.creates()).toHaveLength(1);
    expect(shop.sandbox.listOrders()).toHaveLength(1);
    const { orderId } = shop.lastCreated();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(`${SANDBOX_ORIGIN}/_sandbox/3ds/${orderId}`);
    await advance(5_000);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(shop.creates()).toHaveLength(1);
  });

  it('CARD POST form: one create, one form submitted once', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
    try {
      const shop = createShop({ cardFlow: 'post_form' });
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const { navigate, button } = renderStrict(shop, 'CARD');
      await user.click(button);
      await settle();
      expect(shop.creates()).toHaveLength(1);
      expect(shop.sandbox.listOrders()).toHaveLength(1);
      expect(document.querySelectorAll('form')).toHaveLength(1);
      expect(submit).toHaveBeenCalledTimes(1);
      await advance(5_000);
      expect(submit).toHaveBeenCalledTimes(1);
      expect(navigate).not.toHaveBeenCalled();
    } finally {
      submit.mockRestore();
    }
  });

  it('WECHAT QR: one create, one status check at a time, one onSuccess', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { onSuccess, button } = renderStrict(shop, 'WECHAT');
    await user.click(button);
    await settle();
    expect(shop.creates()).toHaveLength(1);
    expect(screen.getAllByAltText(/WeChat Pay QR code/)).toHaveLength(1);
    // One immediate check, then one every 2 s: a doubled effect would double these.
    expect(shop.statusChecks()).toHaveLength(1);
    await advance(2_000);
    expect(shop.statusChecks()).toHaveLength(2);
    await advance(2_000);
    expect(shop.statusChecks()).toHaveLength(3);
    shop.sandbox.succeed(shop.lastCreated().orderId);
    await advance(2_000);
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(shop.maxStatusInFlight()).toBe(1);
  });

  it('Android app link: one create, one launch per tap of "Open"', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { navigate, button } = renderStrict(shop, 'KAKAO', 'android');
    await user.click(button);
    await settle();
    expect(shop.creates()).toHaveLength(1);
    expect(navigate).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Open KakaoPay' }));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate.mock.calls[0]![0]).toMatch(/^intent:\/\/.*;package=com\.kakao\.talk;/);
  });
});

describe('impatient customers', () => {
  it('a double click creates one payment', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { button } = renderStrict(shop, 'WECHAT');
    await user.dblClick(button);
    await settle();
    expect(shop.creates()).toHaveLength(1);
    expect(shop.sandbox.listOrders()).toHaveLength(1);
    expect(button).toBeDisabled();
  });

  it('clicks fired faster than React renders create one payment', async () => {
    const shop = createShop();
    const { button } = renderStrict(shop, 'PROMPTPAY');
    fireEvent.click(button);
    fireEvent.click(button);
    fireEvent.click(button);
    await settle();
    expect(shop.creates()).toHaveLength(1);
    expect(shop.sandbox.listOrders()).toHaveLength(1);
  });

  it('a lost answer is retried with the same idempotency key, and the server replays the same order', async () => {
    const shop = createShop({ loseCreateAnswers: 1 });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { button } = renderStrict(shop, 'WECHAT');
    await user.click(button);
    await settle();
    await advance(1_000);
    const creates = shop.creates();
    expect(creates).toHaveLength(2);
    expect(creates[1]!.idempotencyKey).toBe(creates[0]!.idempotencyKey);
    // Clink saw one create: the second answer is the first one replayed.
    expect(shop.sandbox.listOrders()).toHaveLength(1);
    expect((creates[1]!.responseBody as { orderId: string }).orderId).toBe((creates[0]!.responseBody as { orderId: string }).orderId);
    expect(screen.getByAltText(/WeChat Pay QR code/)).toBeInTheDocument();
  });

  it('each new attempt after a failure is one new payment with a new key', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { onFailure, button } = renderStrict(shop, 'GCASH');
    await user.click(button);
    await settle();
    shop.sandbox.fail(shop.lastCreated().orderId);
    await advance(2_000);
    expect(onFailure).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await settle();
    expect(shop.sandbox.listOrders()).toHaveLength(2);
    const creates = shop.creates();
    expect(creates).toHaveLength(2);
    expect(creates[1]!.idempotencyKey).not.toBe(creates[0]!.idempotencyKey);
    expect(screen.getByAltText(/GCash QR code/)).toHaveAttribute(
      'src',
      shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!.imageDataUrl,
    );
  });
});

describe('refreshing an expired Cash App Pay code', () => {
  it('sends one refresh for a double click under StrictMode', async () => {
    const shop = createShop({ qrExpiresInSeconds: 5 });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { button } = renderStrict(shop, 'CASHAPP');
    await user.click(button);
    await settle();
    await advance(5_000);
    await user.dblClick(screen.getByRole('button', { name: 'Refresh QR code' }));
    await settle();
    expect(shop.refreshes()).toHaveLength(1);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:05');
    expect(shop.creates()).toHaveLength(1);
  });
});
