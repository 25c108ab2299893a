/**
 * QR codes that run out of time, on one clock shared by the page, the handler and the sandbox (fake
 * timers move all three): Cash App Pay gets a fresh code through the refresh route; every other wallet
 * starts a new payment.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinkPayButton, type PaymentMethodType } from '../src/index.js';
import { advance, createShop, page, settle, SHOWN_AMOUNT, type DeviceName, type Shop } from './support/e2e.js';

const QR_SECONDS = 5;

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

async function payWith(shop: Shop, method: PaymentMethodType, device: DeviceName = 'desktop') {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const navigate = vi.fn<(url: string) => void>();
  const onSuccess = vi.fn();
  const onStatusChange = vi.fn();
  render(
    page(shop, <ClinkPayButton paymentMethodType={method} navigate={navigate} onSuccess={onSuccess} onStatusChange={onStatusChange} />, {
      device,
    }),
  );
  await user.click(screen.getByRole('button', { name: /^Pay with / }));
  await settle();
  return { user, navigate, onSuccess, onStatusChange };
}

describe('CASHAPP: an expired QR code is refreshed', () => {
  it('counts down to zero, then "Refresh QR code" shows a new code from the refresh route for the same order', async () => {
    const shop = createShop({ qrExpiresInSeconds: QR_SECONDS });
    const { user, onSuccess } = await payWith(shop, 'CASHAPP');
    const label = `Cash App Pay QR code for ${SHOWN_AMOUNT}`;
    const { orderId } = shop.lastCreated();
    const firstSrc = screen.getByAltText(label).getAttribute('src');
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:05');
    await advance(3_000);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:02');
    await advance(2_000);

    expect(screen.getByRole('status')).toHaveTextContent('This QR code has expired.');
    expect(screen.queryByAltText(label)).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start again' })).toBeNull();
    // Clink keeps a Cash App Pay order open for a refresh.
    expect(shop.sandbox.getOrder(orderId)!.status).toBe('requires_action');
    const checks = shop.statusChecks().length;
    await advance(20_000);
    expect(shop.statusChecks()).toHaveLength(checks);

    await user.click(screen.getByRole('button', { name: 'Refresh QR code' }));
    await settle();
    expect(shop.refreshes()).toHaveLength(1);
    expect(shop.refreshes()[0]!.route).toBe(`/payments/${orderId}/refresh`);
    expect(shop.refreshes()[0]!.status).toBe(200);
    const refreshed = shop.refreshes()[0]!.responseBody as {
      action: { walletHandleRedirectOrDisplayQrCode: { imageDataUrl: string } };
    };
    const image = screen.getByAltText(label);
    expect(image.getAttribute('src')).not.toBe(firstSrc);
    expect(image).toHaveAttribute('src', refreshed.action.walletHandleRedirectOrDisplayQrCode.imageDataUrl);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:05');
    expect(shop.sandbox.listOrders()).toHaveLength(1);
    expect(shop.creates()).toHaveLength(1);

    // Status checks resume for the refreshed code, and the payment completes.
    shop.sandbox.succeed(orderId);
    await advance(2_000);
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('on Android, the refreshed code brings a new app link', async () => {
    const shop = createShop({ qrExpiresInSeconds: QR_SECONDS });
    const { user, navigate } = await payWith(shop, 'CASHAPP', 'android');
    const firstLink = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!.mobileAuthUrl!;
    await advance(QR_SECONDS * 1000);
    await user.click(screen.getByRole('button', { name: 'Refresh QR code' }));
    await settle();
    const refreshed = shop.refreshes()[0]!.responseBody as { action: { walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: string } } };
    const newLink = refreshed.action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl;
    expect(newLink).not.toBe(firstLink);
    await user.click(screen.getByRole('button', { name: 'Open Cash App Pay' }));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(newLink);
  });
});

describe('WECHAT: an expired QR code means a new payment', () => {
  it('counts down to zero, then "Start again" creates a new order with a new code', async () => {
    const shop = createShop({ qrExpiresInSeconds: QR_SECONDS });
    const { user, onStatusChange } = await payWith(shop, 'WECHAT');
    const label = `WeChat Pay QR code for ${SHOWN_AMOUNT}`;
    const first = shop.lastCreated();
    const firstSrc = screen.getByAltText(label).getAttribute('src');
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:05');
    await advance(QR_SECONDS * 1000);

    expect(screen.getByRole('status')).toHaveTextContent('This QR code has expired.');
    expect(screen.queryByRole('button', { name: 'Refresh QR code' })).toBeNull();
    expect(onStatusChange.mock.calls.map(([state]) => state.status)).toContain('expired');
    // The sandbox let the order lapse too.
    expect(shop.sandbox.getOrder(first.orderId)!.status).toBe('failed');
    expect(shop.sandbox.listOrders()).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await settle();
    expect(shop.sandbox.listOrders()).toHaveLength(2);
    const creates = shop.creates();
    expect(creates).toHaveLength(2);
    expect(creates[1]!.idempotencyKey).not.toBe(creates[0]!.idempotencyKey);
    expect(shop.refreshes()).toHaveLength(0);
    const second = shop.lastCreated();
    expect(second.orderId).not.toBe(first.orderId);
    const image = screen.getByAltText(label);
    expect(image.getAttribute('src')).not.toBe(firstSrc);
    expect(image).toHaveAttribute('src', second.action!.walletHandleRedirectOrDisplayQrCode!.imageDataUrl);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:05');

    // Only the new order is followed.
    const checksBefore = shop.statusChecks().length;
    await advance(2_000);
    const newChecks = shop.statusChecks().slice(checksBefore);
    expect(newChecks.length).toBeGreaterThan(0);
    for (const check of newChecks) expect(check.route).toBe(`/payments/${second.orderId}`);
  });
});

describe('an order the server fails because its QR code expired', () => {
  it('reads "This QR code has expired" with "Start again", whichever arrives first: the status check or the countdown', async () => {
    // The create answer takes 1.5 s to arrive, so the page's countdown ends 1.5 s after the sandbox let the order
    // lapse; the status check at 5.5 s already reads "failed" while the page still counts down.
    const shop = createShop({ qrExpiresInSeconds: QR_SECONDS, createLatencyMs: 1_500 });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onFailure = vi.fn();
    const onExpire = vi.fn();
    render(page(shop, <ClinkPayButton paymentMethodType="QRIS" onFailure={onFailure} onExpire={onExpire} />));
    await user.click(screen.getByRole('button', { name: 'Pay with QRIS' }));
    await advance(1_500);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:05');
    // 5.5 s after the click: the sandbox let the order lapse at 5 s; the page's countdown runs until 6.5 s.
    await advance(4_000);
    const failedChecks = shop.statusChecks().filter((check) => (check.responseBody as { status?: string }).status === 'failed');
    expect(failedChecks.length).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent('This QR code has expired.');
    expect(screen.queryByText('Payment failed')).toBeNull();
    expect(onFailure).not.toHaveBeenCalled();
    expect(onExpire).toHaveBeenCalledTimes(1);
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    await advance(1_500);
    expect(shop.creates()).toHaveLength(2);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:05');
  });
});

describe('server clock skew', () => {
  it.each([
    ['ahead', 10 * 60_000],
    ['behind', -10 * 60_000],
  ])('counts down the real time left when the server clock runs 10 minutes %s and only expiresAt is sent', async (_, offset) => {
    const shop = createShop({
      qrExpiresInSeconds: 60,
      serverClockOffsetMs: offset,
      // Only the absolute expiry (Unix seconds, server clock): the browser must correct it with serverTime.
      rewriteCreate: (body) => {
        const wallet = (body as { action: { walletHandleRedirectOrDisplayQrCode: Record<string, unknown> } }).action
          .walletHandleRedirectOrDisplayQrCode;
        delete wallet.expiresSecond;
        return body;
      },
    });
    await payWith(shop, 'WECHAT');
    const created = shop.lastCreated() as unknown as { serverTime: number };
    expect(Math.abs(created.serverTime - offset - Date.now())).toBeLessThan(1_000);
    // expiresAt is whole seconds, so up to a second is lost to rounding down.
    expect(screen.getByRole('timer')).toHaveTextContent(/^Expires in (1:00|0:59)$/);
    await advance(58_000);
    expect(screen.getByRole('timer')).toHaveTextContent(/^Expires in 0:0[12]$/);
    await advance(2_000);
    expect(screen.getByRole('status')).toHaveTextContent('This QR code has expired.');
    expect(shop.sandbox.getOrder(shop.lastCreated().orderId)!.status).toBe('failed');
  });
});

describe('a payment made in the last seconds before the QR code expires', () => {
  it('is shown as paid, not as expired with an offer to pay again', async () => {
    const shop = createShop({ qrExpiresInSeconds: QR_SECONDS });
    const { onSuccess } = await payWith(shop, 'WECHAT');
    const { orderId } = shop.lastCreated();
    // Status checks ran at 0 s, 2 s and 4 s; the customer approves in the wallet at 4.5 s, before the code expires.
    await advance(4_500);
    shop.sandbox.succeed(orderId);
    expect(shop.sandbox.getOrder(orderId)!.status).toBe('success');
    await advance(10_000);

    // The order is paid. "This QR code has expired. Start again" would invite a second payment.
    expect(screen.queryByRole('button', { name: 'Start again' })).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });
});
