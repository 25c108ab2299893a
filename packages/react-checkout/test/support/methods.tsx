/**
 * The payment-method matrix and the steps every end-to-end method test shares: render <ClinkPayButton>
 * on a device, pay, check what the handler and the sandbox saw, and drive the outcome.
 */
import { SANDBOX_API_KEY } from '@clink-checkout/sandbox';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, afterEach, expect, vi } from 'vitest';
import { ClinkPayButton, type PaymentMethodType, type PaymentState } from '../../src/index.js';
import { advance, createShop, DEVICES, page, SERVER_PRICE, settle, TOKEN_SECRET, WALLET_NAMES, type DeviceName, type Shop } from './e2e.js';

export type Outcome = 'succeed' | 'fail';
export type PlanKind = 'redirect' | 'qr' | 'app_link';

/**
 * What the sandbox asks each method to do on each device (see the sandbox README), and so what the customer
 * must get. Outcomes alternate so every method is seen both paid and declined.
 */
export const MATRIX: ReadonlyArray<[PaymentMethodType, DeviceName, PlanKind, Outcome]> = [
  ['ALIPAY', 'desktop', 'redirect', 'succeed'],
  ['ALIPAY', 'android', 'app_link', 'fail'],
  ['ALIPAY', 'ios', 'app_link', 'succeed'],
  ['CARD', 'desktop', 'redirect', 'succeed'],
  ['CARD', 'android', 'redirect', 'fail'],
  ['CARD', 'ios', 'redirect', 'succeed'],
  ['CASHAPP', 'desktop', 'qr', 'succeed'],
  ['CASHAPP', 'android', 'app_link', 'fail'],
  ['CASHAPP', 'ios', 'app_link', 'succeed'],
  ['GCASH', 'desktop', 'qr', 'fail'],
  ['GCASH', 'android', 'app_link', 'succeed'],
  ['GCASH', 'ios', 'app_link', 'fail'],
  ['KAKAO', 'desktop', 'qr', 'succeed'],
  ['KAKAO', 'android', 'app_link', 'fail'],
  ['KAKAO', 'ios', 'app_link', 'succeed'],
  ['PROMPTPAY', 'desktop', 'qr', 'fail'],
  ['PROMPTPAY', 'android', 'qr', 'succeed'],
  ['PROMPTPAY', 'ios', 'qr', 'fail'],
  ['QRIS', 'desktop', 'qr', 'succeed'],
  ['QRIS', 'android', 'qr', 'fail'],
  ['QRIS', 'ios', 'qr', 'succeed'],
  ['TNG', 'desktop', 'qr', 'fail'],
  ['TNG', 'android', 'app_link', 'succeed'],
  ['TNG', 'ios', 'app_link', 'fail'],
  ['WECHAT', 'desktop', 'qr', 'succeed'],
  ['WECHAT', 'android', 'app_link', 'fail'],
  ['WECHAT', 'ios', 'app_link', 'succeed'],
];

/** Methods whose customers often pay from a saved picture of the code. */
export const SAVABLE = new Set<PaymentMethodType>(['PROMPTPAY', 'QRIS', 'GCASH']);
/** 900 s, the sandbox's default QR lifetime. */
export const FULL_COUNTDOWN = 'Expires in 15:00';

export interface Rendered {
  shop: Shop;
  user: ReturnType<typeof userEvent.setup>;
  navigate: ReturnType<typeof vi.fn<(url: string) => void>>;
  onSuccess: ReturnType<typeof vi.fn>;
  onFailure: ReturnType<typeof vi.fn>;
  states: PaymentState[];
  unmount: () => void;
}

export async function payWith(method: PaymentMethodType, device: DeviceName, shop = createShop()): Promise<Rendered> {
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const navigate = vi.fn<(url: string) => void>();
  const onSuccess = vi.fn();
  const onFailure = vi.fn();
  const states: PaymentState[] = [];
  const { unmount } = render(
    page(
      shop,
      <ClinkPayButton
        paymentMethodType={method}
        // The browser may send anything here; the server's resolvePayment decides the price.
        payload={{ amount: 0.01 }}
        navigate={navigate}
        onSuccess={onSuccess}
        onFailure={onFailure}
        onStatusChange={(state) => states.push(state)}
      />,
      { device },
    ),
  );
  await user.click(screen.getByRole('button', { name: `Pay with ${WALLET_NAMES[method]}` }));
  await settle();
  return { shop, user, navigate, onSuccess, onFailure, states, unmount };
}

/** The create went through the handler with the detected device, and the sandbox charged the server's price. */
export function expectCreatedForDevice({ shop }: Rendered, method: PaymentMethodType, device: DeviceName) {
  const creates = shop.creates();
  expect(creates).toHaveLength(1);
  const { platformType, deviceType } = DEVICES[device];
  expect(creates[0]!.requestBody).toEqual({
    paymentMethodType: method,
    platformType,
    ...(deviceType ? { deviceType } : {}),
    payload: { amount: 0.01 },
  });
  expect(creates[0]!.status).toBe(201);
  // The browser never sees the secret key or the token secret.
  const seen = JSON.stringify(shop.exchanges) + document.body.innerHTML;
  expect(seen).not.toContain(SANDBOX_API_KEY);
  expect(seen).not.toContain(TOKEN_SECRET);
  const orders = shop.sandbox.listOrders();
  expect(orders).toHaveLength(1);
  expect(orders[0]).toMatchObject({
    orderId: shop.lastCreated().orderId,
    paymentMethod: { paymentMethodType: method },
    amountTotal: SERVER_PRICE.amount,
    paymentCurrency: SERVER_PRICE.currency,
    status: 'requires_action',
  });
}

/** Drives the outcome in the sandbox, lets one status check run, and checks the final view and callbacks. */
export async function expectOutcomeShown(rendered: Rendered, outcome: Outcome) {
  const { shop, onSuccess, onFailure } = rendered;
  const { orderId } = shop.lastCreated();
  const checksBefore = shop.statusChecks().length;
  if (outcome === 'succeed') shop.sandbox.succeed(orderId);
  else shop.sandbox.fail(orderId);
  await advance(2_000);
  expect(shop.statusChecks().length).toBeGreaterThan(checksBefore);
  if (outcome === 'succeed') {
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ status: 'succeeded', orderId });
    expect(onFailure).not.toHaveBeenCalled();
  } else {
    expect(screen.getByRole('status')).toHaveTextContent('Payment failed');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith({ status: 'failed', orderId });
    expect(onSuccess).not.toHaveBeenCalled();
  }
  // After a success the pay button stays locked (no second payment); after a failure it is free again.
  const payButton = screen.getByRole('button', { name: /^Pay with / });
  if (outcome === 'succeed') expect(payButton).toBeDisabled();
  else expect(payButton).toBeEnabled();
  // The outcome is final: no more status checks, and the callbacks do not fire again.
  const checksAfter = shop.statusChecks().length;
  await advance(30_000);
  expect(shop.statusChecks()).toHaveLength(checksAfter);
  expect(onSuccess.mock.calls.length + onFailure.mock.calls.length).toBe(1);
}

/** Fake timers for every test of the file, and the drawn QR code's encoder loaded up front. */
export function useMethodTestSetup(): void {
  beforeAll(async () => {
    // The encoder is loaded lazily by the component; loading it once here makes it ready at once in every test.
    await import('qrcode.react');
  });
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
}
