/**
 * <PaymentActionRenderer> for merchants who create the payment in their own code (`createCheckoutApi` from
 * `@clink-checkout/react/core`) and only hand the answer to the renderer: the same handler, the same sandbox.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCheckoutApi, type PaymentMethodType, type ReceivedPayment } from '../src/core/index.js';
import { PaymentActionRenderer, type PaymentActionRendererProps } from '../src/index.js';
import { advance, createShop, ENDPOINT, page, SANDBOX_ORIGIN, settle, SHOWN_AMOUNT, type DeviceName, type Shop } from './support/e2e.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** What a merchant's own checkout code does before rendering: create the payment through the handler. */
async function createPayment(shop: Shop, method: PaymentMethodType, device: DeviceName = 'desktop'): Promise<ReceivedPayment> {
  const api = createCheckoutApi({ endpoint: ENDPOINT, fetch: shop.fetch });
  let payment: ReceivedPayment | undefined;
  await act(async () => {
    payment = await api.createPayment(
      { paymentMethodType: method, platformType: device === 'desktop' ? 'WEB' : 'WAP', ...(device === 'android' ? { deviceType: 'Android' } : {}) },
      { idempotencyKey: `merchant-key-${method}-${device}` },
    );
  });
  return payment!;
}

function renderRenderer(shop: Shop, props: PaymentActionRendererProps, device: DeviceName = 'desktop') {
  return render(page(shop, <PaymentActionRenderer {...props} />, { device, strict: true }));
}

describe('<PaymentActionRenderer> with a payment created by the merchant’s code', () => {
  it('shows the QR code, follows the status through the handler and reports the outcome once', async () => {
    const shop = createShop();
    const payment = await createPayment(shop, 'WECHAT');
    const onSuccess = vi.fn();
    renderRenderer(shop, { payment, onSuccess });
    await settle();
    expect(screen.getByAltText(`WeChat Pay QR code for ${SHOWN_AMOUNT}`)).toHaveAttribute(
      'src',
      shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!.imageDataUrl,
    );
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 15:00');
    // StrictMode mounts the renderer twice in development, and each mount checks at once (the first is
    // aborted); after that, one check every 2 s, so no second poller was left behind.
    const atMount = shop.statusChecks().length;
    expect(atMount).toBeGreaterThanOrEqual(1);
    expect(atMount).toBeLessThanOrEqual(2);
    await advance(2_000);
    expect(shop.statusChecks()).toHaveLength(atMount + 1);
    await advance(2_000);
    expect(shop.statusChecks()).toHaveLength(atMount + 2);
    shop.sandbox.succeed(payment.orderId);
    await advance(2_000);
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith(expect.objectContaining({ status: 'succeeded', orderId: payment.orderId, paymentMethodType: payment.paymentMethodType }));
    const checks = shop.statusChecks().length;
    await advance(60_000);
    expect(shop.statusChecks()).toHaveLength(checks);
  });

  it('submits a 3-D Secure form once under StrictMode through the merchant’s submitForm', async () => {
    const shop = createShop({ cardFlow: 'post_form' });
    const payment = await createPayment(shop, 'CARD');
    const submitForm = vi.fn<(form: HTMLFormElement) => void>();
    renderRenderer(shop, { payment, submitForm });
    await settle();
    expect(submitForm).toHaveBeenCalledTimes(1);
    const form = submitForm.mock.calls[0]![0];
    expect(form).toHaveAttribute('action', `${SANDBOX_ORIGIN}/_sandbox/3ds/${payment.orderId}`);
    expect(Object.fromEntries(new FormData(form))).toEqual(shop.lastCreated().action!.postData);
    await advance(10_000);
    expect(submitForm).toHaveBeenCalledTimes(1);
    expect(shop.statusChecks()).toHaveLength(0);
  });

  it('reports an expired Cash App Pay code once, refreshes it, then reports a failure once', async () => {
    const shop = createShop({ qrExpiresInSeconds: 5 });
    const payment = await createPayment(shop, 'CASHAPP');
    const onExpire = vi.fn();
    const onFailure = vi.fn();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderRenderer(shop, { payment, onExpire, onFailure });
    await settle();
    const firstSrc = screen.getByAltText(/QR code for/).getAttribute('src');
    await advance(5_000);
    expect(onExpire).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Refresh QR code' }));
    await settle();
    expect(shop.refreshes()).toHaveLength(1);
    expect(screen.getByAltText(/QR code for/).getAttribute('src')).not.toBe(firstSrc);
    shop.sandbox.fail(payment.orderId);
    await advance(2_000);
    expect(screen.getByRole('status')).toHaveTextContent('Payment failed');
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ status: 'failed', orderId: payment.orderId, paymentMethodType: 'CASHAPP' }));
    expect(onExpire).toHaveBeenCalledTimes(1);
  });

  it('launches the wallet on Android from the renderer too', async () => {
    const shop = createShop();
    const payment = await createPayment(shop, 'TNG', 'android');
    const navigate = vi.fn<(url: string) => void>();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderRenderer(shop, { payment, navigate }, 'android');
    await settle();
    await user.click(screen.getByRole('button', { name: "Open Touch 'n Go eWallet" }));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate.mock.calls[0]![0]).toMatch(/^intent:\/\/pay\?.*#Intent;scheme=tngdwallet;package=my\.com\.tngdigital\.ewallet;S\.browser_fallback_url=https%3A%2F%2Fsandbox\.test%2F_sandbox%2Fpay%2F.*;end$/);
  });

  it('does not check the status when followStatus is off', async () => {
    const shop = createShop();
    const payment = await createPayment(shop, 'QRIS');
    renderRenderer(shop, { payment, followStatus: false });
    await advance(30_000);
    expect(screen.getByAltText(`QRIS QR code for ${SHOWN_AMOUNT}`)).toBeInTheDocument();
    expect(shop.statusChecks()).toHaveLength(0);
  });

  it('refuses a tampered payment with a visible typed error and navigates nowhere', async () => {
    const shop = createShop();
    const payment = await createPayment(shop, 'CARD');
    const navigate = vi.fn<(url: string) => void>();
    const onError = vi.fn<(error: Error) => void>();
    renderRenderer(shop, { payment: { ...payment, action: { ...payment.action, redirectUrl: 'javascript:alert(document.cookie)' } }, navigate, onError });
    await settle();
    expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'unsafe_url');
    // Once, also under StrictMode (which runs effects twice in development), like every other callback.
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]![0]).toMatchObject({ name: 'CheckoutActionError', code: 'unsafe_url', field: 'action.redirectUrl' });
    expect(navigate).not.toHaveBeenCalled();
    expect(document.querySelector('a[href]')).toBeNull();
    await advance(10_000);
    expect(shop.statusChecks()).toHaveLength(0);
  });
});
