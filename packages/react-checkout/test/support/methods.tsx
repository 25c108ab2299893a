/**
 * The payment-method matrix and the steps every end-to-end method test shares: render <ClinkPayButton>
 * on a device, pay, check what the handler and the sandbox saw, and drive the outcome.
 */
import { PAYMENT_METHODS } from '@clink-checkout/protocol';
import { SANDBOX_API_KEY } from '@clink-checkout/sandbox';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, afterEach, expect, vi } from 'vitest';
import { ClinkPayButton, type PaymentMethodType, type PaymentState } from '../../src/index.js';
import {
  advance,
  createShop,
  DEVICES,
  expectedOutcome,
  page,
  ReturnPage,
  SERVER_PRICE,
  settle,
  SHOWN_AMOUNT,
  TOKEN_SECRET,
  WALLET_NAMES,
  type CreatedPayment,
  type DeviceName,
  type PageOptions,
  type Shop,
} from './e2e.js';
export { SANDBOX_KINDS } from './sandbox.js';

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
/** The visible countdown of a QR code that lives the sandbox's default 900 s, at most a second after it arrived. */
export const FULL_COUNTDOWN = /^Expires in 1[45]:\d\d$/;

type Wallet = NonNullable<NonNullable<CreatedPayment['action']>['walletHandleRedirectOrDisplayQrCode']>;

/** The wallet details of the create answer the browser received (empty when Clink sent none). */
export const walletOf = (created: CreatedPayment): Wallet => created.action?.walletHandleRedirectOrDisplayQrCode ?? {};

/** How the English texts name the QR code: with the amount when the answer carried one (Clink's is optional). */
export function qrTexts(method: PaymentMethodType, created: CreatedPayment): { label: string; instructions: string } {
  const wallet = WALLET_NAMES[method];
  return created.amount === undefined || !created.currency
    ? { label: `${wallet} QR code`, instructions: `Scan the QR code with ${wallet} to pay.` }
    : { label: `${wallet} QR code for ${SHOWN_AMOUNT}`, instructions: `Scan the QR code with ${wallet} to pay ${SHOWN_AMOUNT}.` };
}

/**
 * The QR image the customer must see for this wallet data: the first image field Clink filled (inline data,
 * then PNG, then SVG), as it came, or (a bare Base64 image) as a data URL ending in it; `undefined` when Clink
 * sent no image and the browser must draw `mobileAuthUrl`.
 */
export function expectedQrImage(wallet: Wallet): { matches: (src: string | null) => boolean; sent: string } | undefined {
  const sent = wallet.imageDataUrl ?? wallet.imageUrlPng ?? wallet.imageUrlSvg;
  if (!sent) return undefined;
  const bare = !/^(data|https?):/.test(sent);
  return {
    sent,
    matches: (src) => (bare ? /^data:image\/[\w+]+;base64,/.test(src ?? '') && src!.endsWith(`,${sent.replace(/\s/g, '')}`) : src === sent),
  };
}

/** `true` when the wallet data says when it expires, so a countdown must show. */
export const hasExpiry = (wallet: Wallet) => wallet.expiresSecond !== undefined || wallet.expiresAt !== undefined;

/**
 * What "Open <wallet>" must navigate to for Clink's `mobileAuthUrl` on this device: an https link as it is; on
 * Android a custom scheme as `intent://…#Intent;scheme=…;package=…;S.browser_fallback_url=…;end` with Clink's
 * package (else the wallet's own, for the wallet's own schemes) and the fallback page (else the hosted
 * instructions); on iOS the deep link as it is.
 */
export function expectedLaunchUrl(method: PaymentMethodType, device: DeviceName, wallet: Wallet): string {
  const link = wallet.mobileAuthUrl!;
  const [, scheme, rest] = /^([^:]+):(?:\/\/)?(.*)$/.exec(link)!;
  if (/^https?$/.test(scheme!) || device !== 'android') return link;
  const info = PAYMENT_METHODS[method];
  const packageName = wallet.packageName ?? (info.appSchemes.includes(scheme!.toLowerCase()) ? info.androidPackage : undefined);
  const fallback = wallet.fallbackUrl ?? wallet.hostedInstructionsUrl;
  return (
    `intent://${rest}#Intent;scheme=${scheme!.toLowerCase()};` +
    (packageName ? `package=${packageName};` : '') +
    (fallback ? `S.browser_fallback_url=${encodeURIComponent(fallback)};` : '') +
    'end'
  );
}

export interface Rendered {
  shop: Shop;
  user: ReturnType<typeof userEvent.setup>;
  navigate: ReturnType<typeof vi.fn<(url: string) => void>>;
  onSuccess: ReturnType<typeof vi.fn>;
  onFailure: ReturnType<typeof vi.fn>;
  states: PaymentState[];
  unmount: () => void;
}

export async function payWith(
  method: PaymentMethodType,
  device: DeviceName,
  shop = createShop(),
  pageOptions: Pick<PageOptions, 'allowedDeepLinkSchemes'> = {},
): Promise<Rendered> {
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
      { ...pageOptions, device },
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
  // One status check every 2 s; Clink may first report a status the browser does not know yet (not final).
  const shown = outcome === 'succeed' ? 'Payment successful' : 'Payment failed';
  for (let check = 0; check < 5 && !screen.queryByText(shown); check += 1) await advance(2_000);
  expect(shop.statusChecks().length).toBeGreaterThan(checksBefore);
  if (outcome === 'succeed') {
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith(expectedOutcome(shop, 'succeeded'));
    expect(onFailure).not.toHaveBeenCalled();
  } else {
    expect(screen.getByRole('status')).toHaveTextContent('Payment failed');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith(expectedOutcome(shop, 'failed'));
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

/**
 * Back at the merchant's `returnUrl` after the page left: the return page reads the order's status through the
 * handler with the order token kept before leaving, and must show the outcome.
 */
export async function expectReturnPageShows(rendered: Rendered, device: DeviceName, outcome: Outcome): Promise<void> {
  const { shop, states } = rendered;
  const created = states.find((state) => state.status === 'action');
  if (created?.status !== 'action') throw new Error('The payment never reached its action');
  rendered.unmount();
  render(page(shop, <ReturnPage orderId={created.payment.orderId} orderToken={created.payment.orderToken} />, { device }));
  await settle();
  const shown = outcome === 'succeed' ? 'Payment successful' : 'Payment failed';
  // Clink may first report a status the browser does not know yet: the page keeps checking every 2 s.
  for (let check = 0; check < 5 && !screen.queryByText(shown); check += 1) await advance(2_000);
  expect(screen.getByRole('status')).toHaveTextContent(shown);
  const checks = shop.statusChecks();
  expect(checks.length).toBeGreaterThanOrEqual(1);
  expect(checks.every((check) => check.status === 200)).toBe(true);
  // The outcome is final: the return page checks no more.
  await advance(10_000);
  expect(shop.statusChecks()).toHaveLength(checks.length);
}
