/**
 * Status checks against the real handler: when they run, when they stop, and that they never pile up.
 * Counted at the handler (every GET the page sends), on the fake clock the page, handler and sandbox share.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinkPayButton, type PaymentMethodType } from '../src/index.js';
import { advance, createShop, page, setVisibility, settle, type DeviceName, type Shop } from './support/e2e.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  setVisibility('visible');
  vi.useRealTimers();
});

async function payWith(shop: Shop, method: PaymentMethodType = 'WECHAT', device: DeviceName = 'desktop') {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const onSuccess = vi.fn();
  const onFailure = vi.fn();
  const view = render(page(shop, <ClinkPayButton paymentMethodType={method} onSuccess={onSuccess} onFailure={onFailure} navigate={() => {}} />, { device }));
  await user.click(screen.getByRole('button', { name: /^Pay with / }));
  await settle();
  return { ...view, user, onSuccess, onFailure };
}

/** Status checks the handler receives while the clock moves by `ms`. */
async function checksDuring(shop: Shop, ms: number): Promise<number> {
  const before = shop.statusChecks().length;
  await advance(ms);
  return shop.statusChecks().length - before;
}

describe('status checks through the handler', () => {
  it('run at once, then every 2 s, then every 10 s after the first minute', async () => {
    const shop = createShop();
    await payWith(shop);
    expect(shop.statusChecks()).toHaveLength(1);
    expect(shop.statusChecks()[0]!.status).toBe(200);
    expect(await checksDuring(shop, 10_000)).toBe(5);
    await advance(50_000);
    expect(await checksDuring(shop, 60_000)).toBeLessThanOrEqual(7);
    expect(await checksDuring(shop, 60_000)).toBeGreaterThanOrEqual(5);
  });

  it('stop after a success', async () => {
    const shop = createShop();
    const { onSuccess } = await payWith(shop);
    shop.sandbox.succeed(shop.lastCreated().orderId);
    expect(await checksDuring(shop, 2_000)).toBe(1);
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(await checksDuring(shop, 120_000)).toBe(0);
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('stop after a failure', async () => {
    const shop = createShop();
    const { onFailure } = await payWith(shop, 'TNG', 'ios');
    shop.sandbox.fail(shop.lastCreated().orderId);
    expect(await checksDuring(shop, 2_000)).toBe(1);
    expect(screen.getByRole('status')).toHaveTextContent('Payment failed');
    expect(await checksDuring(shop, 120_000)).toBe(0);
    expect(onFailure).toHaveBeenCalledTimes(1);
  });

  it('stop when the QR code expires', async () => {
    const shop = createShop({ qrExpiresInSeconds: 5 });
    await payWith(shop, 'QRIS');
    expect(await checksDuring(shop, 5_000)).toBeGreaterThan(0);
    expect(screen.getByRole('status')).toHaveTextContent('This QR code has expired.');
    expect(await checksDuring(shop, 120_000)).toBe(0);
  });

  it('stop when the page unmounts', async () => {
    const shop = createShop();
    const { unmount } = await payWith(shop, 'GCASH', 'android');
    expect(await checksDuring(shop, 4_000)).toBe(2);
    unmount();
    expect(await checksDuring(shop, 120_000)).toBe(0);
  });

  it('go on, less often, while the server answers with errors, and notice a later success', async () => {
    const shop = createShop();
    const { onSuccess } = await payWith(shop);
    // Clink is down for a while: the handler answers with errors, the page keeps checking, less often.
    shop.setClinkFault('http-500');
    const during = await checksDuring(shop, 30_000);
    expect(during).toBeGreaterThan(0);
    expect(during).toBeLessThan(15);
    expect(shop.statusChecks().at(-1)!.status).toBeGreaterThanOrEqual(500);
    shop.setClinkFault(undefined);
    shop.sandbox.succeed(shop.lastCreated().orderId);
    await advance(60_000);
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });
});

describe('status checks and page visibility', () => {
  it('send nothing while the page is hidden, and check at once when it is visible again', async () => {
    const shop = createShop();
    const { onSuccess } = await payWith(shop, 'KAKAO');
    expect(shop.statusChecks()).toHaveLength(1);
    setVisibility('hidden');
    expect(await checksDuring(shop, 60_000)).toBe(0);
    // Paid while the customer looked at the wallet app.
    shop.sandbox.succeed(shop.lastCreated().orderId);
    expect(await checksDuring(shop, 30_000)).toBe(0);
    expect(onSuccess).not.toHaveBeenCalled();

    setVisibility('visible');
    await settle();
    expect(shop.statusChecks()).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('do not start while the page is hidden when the payment is created', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(page(shop, <ClinkPayButton paymentMethodType="WECHAT" />));
    const button = screen.getByRole('button', { name: 'Pay with WeChat Pay' });
    await user.click(button);
    setVisibility('hidden');
    await settle();
    expect(shop.creates()).toHaveLength(1);
    expect(await checksDuring(shop, 20_000)).toBe(0);
    setVisibility('visible');
    await settle();
    expect(shop.statusChecks()).toHaveLength(1);
  });
});

describe('status checks never overlap', () => {
  it('wait for a slow answer before the next check', async () => {
    // Each answer takes 5 s, longer than the 2 s between checks.
    const shop = createShop({ statusLatencyMs: 5_000 });
    await payWith(shop);
    await advance(60_000);
    expect(shop.maxStatusInFlight()).toBe(1);
    // 5 s answer + 2 s pause: at most one check per 7 s.
    expect(shop.statusChecks().length).toBeLessThanOrEqual(Math.ceil(60_000 / 7_000) + 1);
    expect(shop.statusChecks().length).toBeGreaterThanOrEqual(7);
  });

  it('do not pile up when the page comes back while a check is in flight', async () => {
    const shop = createShop({ statusLatencyMs: 5_000 });
    await payWith(shop);
    setVisibility('hidden');
    setVisibility('visible');
    setVisibility('hidden');
    setVisibility('visible');
    await advance(20_000);
    expect(shop.maxStatusInFlight()).toBe(1);
  });
});

describe('status checks and a merchant-placed action', () => {
  it('stop when the customer closes the merchant’s dialog (cancel)', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onStatusChange = vi.fn();
    render(
      page(
        shop,
        <ClinkPayButton
          paymentMethodType="WECHAT"
          onStatusChange={onStatusChange}
          renderAction={({ view, cancel }) => (
            <div role="dialog" aria-label="Pay">
              {view}
              <button type="button" onClick={cancel}>
                Close
              </button>
            </div>
          )}
        />,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Pay with WeChat Pay' }));
    await settle();
    expect(screen.getByRole('dialog')).toContainElement(screen.getByAltText(/WeChat Pay QR code/));
    expect(await checksDuring(shop, 4_000)).toBe(2);
    await user.click(screen.getByRole('button', { name: 'Close' }));
    await settle();
    expect(onStatusChange.mock.calls.at(-1)![0]).toMatchObject({ status: 'cancelled' });
    expect(await checksDuring(shop, 60_000)).toBe(0);
    // A new click starts a new payment.
    await user.click(screen.getByRole('button', { name: 'Pay with WeChat Pay' }));
    await settle();
    expect(shop.sandbox.listOrders()).toHaveLength(2);
  });
});

describe('the last status check at expiry', () => {
  it('waits until the page is visible again, and then shows a payment made meanwhile as paid', async () => {
    const shop = createShop({ qrExpiresInSeconds: 10 });
    const { onSuccess } = await payWith(shop, 'WECHAT');
    expect(shop.statusChecks()).toHaveLength(1);
    setVisibility('hidden');
    // The customer pays on their phone while this tab is in the background; then the code runs out.
    await advance(5_000);
    shop.sandbox.succeed(shop.lastCreated().orderId);
    expect(await checksDuring(shop, 30_000)).toBe(0);
    setVisibility('visible');
    await settle();
    expect(shop.statusChecks()).toHaveLength(2);
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });
});
