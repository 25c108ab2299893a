/**
 * Every payment method on every kind of device, end to end: <ClinkPayButton> → the real checkout handler →
 * the real Clink client → the sandbox, and back. Each case checks the plan the customer gets (redirect, form
 * post, QR code, app launch), what they see, and the outcome once the sandbox approves or declines.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinkPayButton, type PaymentMethodType, type PaymentState } from '../src/index.js';
import {
  advance,
  createShop,
  DEVICES,
  openSandboxPage,
  page,
  pressSandboxButton,
  RETURN_URL,
  ReturnPage,
  SANDBOX_ORIGIN,
  SERVER_PRICE,
  settle,
  SHOWN_AMOUNT,
  WALLET_APPS,
  WALLET_NAMES,
  type DeviceName,
  type Shop,
} from './support/e2e.js';

type Outcome = 'succeed' | 'fail';
type PlanKind = 'redirect' | 'qr' | 'app_link';

/**
 * What the sandbox asks each method to do on each device (see the sandbox README), and so what the customer
 * must get. Outcomes alternate so every method is seen both paid and declined.
 */
const MATRIX: ReadonlyArray<[PaymentMethodType, DeviceName, PlanKind, Outcome]> = [
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
const SAVABLE = new Set<PaymentMethodType>(['PROMPTPAY', 'QRIS', 'GCASH']);
/** 900 s, the sandbox's default QR lifetime. */
const FULL_COUNTDOWN = 'Expires in 15:00';

interface Rendered {
  shop: Shop;
  user: ReturnType<typeof userEvent.setup>;
  navigate: ReturnType<typeof vi.fn<(url: string) => void>>;
  onSuccess: ReturnType<typeof vi.fn>;
  onFailure: ReturnType<typeof vi.fn>;
  states: PaymentState[];
  unmount: () => void;
}

async function payWith(method: PaymentMethodType, device: DeviceName, shop = createShop()): Promise<Rendered> {
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
function expectCreatedForDevice({ shop }: Rendered, method: PaymentMethodType, device: DeviceName) {
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
async function expectOutcomeShown(rendered: Rendered, outcome: Outcome) {
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
  // The outcome is final: no more status checks, and the callbacks do not fire again.
  const checksAfter = shop.statusChecks().length;
  await advance(30_000);
  expect(shop.statusChecks()).toHaveLength(checksAfter);
  expect(onSuccess.mock.calls.length + onFailure.mock.calls.length).toBe(1);
}

beforeAll(async () => {
  // The drawn QR code's encoder is loaded lazily; load it once up front so every test sees it at once.
  await import('qrcode.react');
});
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe.each(MATRIX.filter(([, , kind]) => kind === 'redirect'))('%s on %s: redirect', (method, device, _kind, outcome) => {
  it(`sends the page to the sandbox once, then the return page shows the outcome (${outcome})`, async () => {
    const rendered = await payWith(method, device);
    const { shop, navigate, states } = rendered;
    expectCreatedForDevice(rendered, method, device);
    const { orderId } = shop.lastCreated();
    const expectedUrl =
      method === 'CARD' ? `${SANDBOX_ORIGIN}/_sandbox/3ds/${orderId}` : `${SANDBOX_ORIGIN}/_sandbox/instructions/${orderId}`;

    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(expectedUrl);
    expect(screen.getByRole('link', { name: 'Continue to payment' })).toHaveAttribute('href', expectedUrl);
    expect(screen.getByText('Taking you to the payment page…')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    // The page is leaving: it neither checks the status nor navigates again.
    await advance(10_000);
    expect(shop.statusChecks()).toHaveLength(0);
    expect(navigate).toHaveBeenCalledTimes(1);

    // The customer's browser arrives at the sandbox's page.
    const landed = await openSandboxPage(shop, expectedUrl);
    expect(landed.status).toBe(200);
    if (method === 'CARD') {
      const decided = await pressSandboxButton(shop, landed, expectedUrl, outcome === 'succeed' ? 'Approve' : 'Decline');
      expect(decided.status).toBe(303);
      expect(decided.location).toBe(`${RETURN_URL}?orderId=${orderId}`);
    } else if (outcome === 'succeed') {
      shop.sandbox.succeed(orderId);
    } else {
      shop.sandbox.fail(orderId);
    }
    expect(shop.sandbox.getOrder(orderId)!.status).toBe(outcome === 'succeed' ? 'success' : 'failed');

    // Back at the merchant's returnUrl, with the order token kept before leaving.
    const created = states.find((state) => state.status === 'action');
    if (created?.status !== 'action') throw new Error('The payment never reached its action');
    rendered.unmount();
    render(page(shop, <ReturnPage orderId={orderId} orderToken={created.payment.orderToken} />, { device }));
    await settle();
    expect(screen.getByRole('status')).toHaveTextContent(outcome === 'succeed' ? 'Payment successful' : 'Payment failed');
    expect(shop.statusChecks()).toHaveLength(1);
    expect(shop.statusChecks()[0]!.status).toBe(200);
  });
});

describe.each(['desktop', 'android', 'ios'] as const)('CARD with a POST-form 3-D Secure on %s', (device) => {
  it('submits one form with every postData field to the sandbox, which accepts it', async () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
    try {
      const rendered = await payWith('CARD', device, createShop({ cardFlow: 'post_form' }));
      const { shop, navigate } = rendered;
      expectCreatedForDevice(rendered, 'CARD', device);
      const { orderId, action } = shop.lastCreated();
      const threeDsUrl = `${SANDBOX_ORIGIN}/_sandbox/3ds/${orderId}`;
      expect(action?.method).toBe('POST');
      const postData = action!.postData!;
      expect(Object.keys(postData).sort()).toEqual(['MD', 'PaReq', 'TermUrl']);

      const continueButton = screen.getByRole('button', { name: 'Continue' });
      expect(continueButton).toBeVisible();
      const form = continueButton.closest('form')!;
      expect(form).toHaveAttribute('method', 'post');
      expect(form).toHaveAttribute('action', threeDsUrl);
      const inputs = [...form.querySelectorAll('input')];
      expect(inputs).toHaveLength(Object.keys(postData).length);
      for (const input of inputs) expect(input.type).toBe('hidden');
      expect(Object.fromEntries(inputs.map((input) => [input.name, input.value]))).toEqual(postData);

      expect(submit).toHaveBeenCalledTimes(1);
      expect(submit.mock.contexts[0]).toBe(form);
      expect(navigate).not.toHaveBeenCalled();
      await advance(10_000);
      expect(submit).toHaveBeenCalledTimes(1);
      expect(shop.statusChecks()).toHaveLength(0);

      // What the browser would post: the sandbox's 3-D Secure page accepts exactly these fields.
      const landed = await openSandboxPage(shop, threeDsUrl, new FormData(form) as unknown as Iterable<[string, string]>);
      expect(landed.status).toBe(200);
      const decided = await pressSandboxButton(shop, landed, threeDsUrl, 'Approve');
      expect(decided.location).toBe(`${RETURN_URL}?orderId=${orderId}`);
      expect(shop.sandbox.getOrder(orderId)!.status).toBe('success');
    } finally {
      submit.mockRestore();
    }
  });
});

describe.each(MATRIX.filter(([, , kind]) => kind === 'qr'))('%s on %s: QR code', (method, device, _kind, outcome) => {
  it(`shows the sandbox's QR code with a countdown, then the outcome (${outcome})`, async () => {
    const rendered = await payWith(method, device);
    const { shop, navigate } = rendered;
    expectCreatedForDevice(rendered, method, device);
    const wallet = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!;

    const image = screen.getByRole('img', { name: `${WALLET_NAMES[method]} QR code for ${SHOWN_AMOUNT}` });
    expect(image).toHaveAttribute('src', wallet.imageDataUrl);
    expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByText(`Scan the QR code with ${WALLET_NAMES[method]} to pay ${SHOWN_AMOUNT}.`)).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(FULL_COUNTDOWN);
    await advance(1_000);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 14:59');

    const save = screen.queryByRole('link', { name: 'Save QR image' });
    if (SAVABLE.has(method)) expect(save).toHaveAttribute('href', wallet.imageDataUrl);
    else expect(save).toBeNull();
    expect(screen.queryByRole('button', { name: /^Open / })).toBeNull();
    expect(navigate).not.toHaveBeenCalled();

    await expectOutcomeShown(rendered, outcome);
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe.each(MATRIX.filter(([, , kind]) => kind === 'app_link'))('%s on %s: wallet app', (method, device, _kind, outcome) => {
  it(`opens the wallet app on click, offers a QR code for another device, then the outcome (${outcome})`, async () => {
    const rendered = await payWith(method, device);
    const { shop, user, navigate } = rendered;
    expectCreatedForDevice(rendered, method, device);
    const wallet = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!;
    const app = WALLET_APPS[method]!;
    const deepLink = wallet.mobileAuthUrl!;
    const fallbackUrl = wallet.fallbackUrl!;
    expect(deepLink.startsWith(`${app.scheme}:`)).toBe(true);
    expect(fallbackUrl).toMatch(new RegExp(`^${SANDBOX_ORIGIN}/_sandbox/pay/`));

    let launchUrl: string;
    if (app.scheme === 'https') {
      // Cash App Pay opens through a universal link: the same https URL on Android and iOS.
      launchUrl = deepLink;
    } else if (device === 'android') {
      const rest = deepLink.slice(`${app.scheme}://`.length);
      launchUrl = `intent://${rest}#Intent;scheme=${app.scheme};package=${app.packageName};S.browser_fallback_url=${encodeURIComponent(fallbackUrl)};end`;
    } else {
      launchUrl = deepLink;
    }

    // Nothing opens before the customer asks for it.
    expect(navigate).not.toHaveBeenCalled();
    const open = screen.getByRole('button', { name: `Open ${WALLET_NAMES[method]}` });
    await user.click(open);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(launchUrl);

    // Pay with another device: the QR code, named for the wallet and the amount.
    const other = screen.getByText('Pay with another device').closest('details')!;
    const label = `${WALLET_NAMES[method]} QR code for ${SHOWN_AMOUNT}`;
    if (wallet.imageDataUrl) {
      expect(within(other).getByRole('img', { name: label })).toHaveAttribute('src', wallet.imageDataUrl);
    } else {
      // No image from the server (Alipay): the browser draws the wallet link as a QR code.
      expect(other.querySelector('svg title')).toHaveTextContent(label);
    }
    expect(screen.getByRole('timer')).toHaveTextContent(/^Expires in 1[45]:\d\d$/);

    // The page is still visible 2.5 s later: the app evidently did not open, so the fallback shows.
    await advance(2_500);
    expect(screen.getByText(`${WALLET_NAMES[method]} did not open?`)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Continue in the browser' })).toHaveAttribute('href', fallbackUrl);
    expect(navigate).toHaveBeenCalledTimes(1);

    await expectOutcomeShown(rendered, outcome);
  });
});

describe('a phone that pays through the fallback page', () => {
  it('reaches the outcome when the customer approves on the sandbox page the fallback link opens', async () => {
    const rendered = await payWith('GCASH', 'android');
    const { shop, user, onSuccess } = rendered;
    await user.click(screen.getByRole('button', { name: 'Open GCash' }));
    await advance(2_500);
    const fallback = screen.getByRole('link', { name: 'Continue in the browser' }).getAttribute('href')!;
    const phonePage = await openSandboxPage(shop, fallback);
    expect(phonePage.status).toBe(200);
    await pressSandboxButton(shop, phonePage, fallback, 'Approve');
    await advance(2_000);
    expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });
});
