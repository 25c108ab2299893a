/**
 * Wallet apps on phones end to end: "Open <wallet>" launches the sandbox's deep link (an intent:// URL with the
 * wallet's package and fallback on Android, the deep link or universal link on iOS), "Pay with another device"
 * shows the QR code, the fallback appears when the app did not open, and the outcome follows.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ClinkCheckoutProvider, ClinkPayButton } from '../src/index.js';
import {
  advance,
  createShop,
  DEVICES,
  ENDPOINT,
  openOtherDevice,
  openSandboxPage,
  pressSandboxButton,
  setVisibility,
  settle,
  WALLET_NAMES,
} from './support/e2e.js';
import {
  expectCreatedForDevice,
  expectedLaunchUrl,
  expectedQrImage,
  expectOutcomeShown,
  FULL_COUNTDOWN,
  hasExpiry,
  MATRIX,
  payWith,
  qrTexts,
  SANDBOX_KINDS,
  useMethodTestSetup,
  walletOf,
} from './support/methods.js';

useMethodTestSetup();

describe.each(SANDBOX_KINDS)('$name sandbox', (sandbox) => {
  describe.each(MATRIX.filter(([, , kind]) => kind === 'app_link'))('%s on %s: wallet app', (method, device, _kind, outcome) => {
    it(`opens the wallet app on click, offers a QR code for another device, then the outcome (${outcome})`, async () => {
      const rendered = await payWith(method, device, createShop({ sandbox }));
      const { shop, user, navigate } = rendered;
      expectCreatedForDevice(rendered, method, device);
      const created = shop.lastCreated();
      const wallet = walletOf(created);
      expect(wallet.mobileAuthUrl).toMatch(/^[a-z][\w+.-]*:/i);

      // Nothing opens before the customer asks for it.
      expect(navigate).not.toHaveBeenCalled();
      const open = screen.getByRole('button', { name: `Open ${WALLET_NAMES[method]}` });
      await user.click(open);
      expect(navigate).toHaveBeenCalledTimes(1);
      expect(navigate).toHaveBeenCalledWith(expectedLaunchUrl(method, device, wallet));

      // Pay with another device: the QR code, named for the wallet and the amount, drawn when the section opens.
      const other = await openOtherDevice(user);
      const { label } = qrTexts(method, created);
      const image = expectedQrImage(wallet);
      if (image) {
        expect(image.matches(within(other).getByAltText(label).getAttribute('src'))).toBe(true);
      } else {
        // No image from the server (Alipay): the browser draws the wallet link as a QR code.
        expect(other.querySelector('svg title')).toHaveTextContent(label);
      }
      if (hasExpiry(wallet)) expect(screen.getByRole('timer')).toHaveTextContent(FULL_COUNTDOWN);

      // The page is still visible 2.5 s later: the app evidently did not open, so the fallback shows.
      await advance(2_500);
      expect(screen.getByText(`${WALLET_NAMES[method]} did not open?`)).toBeInTheDocument();
      const fallback = wallet.fallbackUrl ?? wallet.hostedInstructionsUrl;
      if (fallback) expect(screen.getByRole('link', { name: 'Continue in the browser' })).toHaveAttribute('href', fallback);
      expect(navigate).toHaveBeenCalledTimes(1);

      await expectOutcomeShown(rendered, outcome);
    });
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


describe('a wallet app that opens', () => {
  it('shows no fallback when the page was hidden by the app, and the outcome once the customer is back', async () => {
    const rendered = await payWith('WECHAT', 'ios');
    const { shop, user, navigate, onSuccess } = rendered;
    try {
      await user.click(screen.getByRole('button', { name: 'Open WeChat Pay' }));
      expect(navigate).toHaveBeenCalledTimes(1);
      // WeChat comes to the front: the page is hidden while the customer pays there.
      setVisibility('hidden');
      await advance(3_000);
      shop.sandbox.succeed(shop.lastCreated().orderId);
      const checks = shop.statusChecks().length;
      await advance(10_000);
      expect(shop.statusChecks()).toHaveLength(checks);
      setVisibility('visible');
      await settle();
      expect(screen.queryByText('WeChat Pay did not open?')).toBeNull();
      expect(screen.getByRole('status')).toHaveTextContent('Payment successful');
      expect(onSuccess).toHaveBeenCalledTimes(1);
    } finally {
      setVisibility('visible');
    }
  });
});

describe('inside another app’s in-app browser', () => {
  it('explains how to open the page in the browser, and still offers the app and the QR code', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(
      <ClinkCheckoutProvider endpoint={ENDPOINT} fetch={shop.fetch} device={{ ...DEVICES.android, inAppBrowser: 'facebook' }}>
        <ClinkPayButton paymentMethodType="ALIPAY" navigate={() => {}} />
      </ClinkCheckoutProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Pay with Alipay' }));
    await settle();
    const note = screen.getByRole('note');
    expect(note).toHaveTextContent('To pay with Alipay, open this page in your browser.');
    expect(note).toHaveTextContent('In Facebook, tap the menu (⋯) at the top right, then choose “Open in browser”.');
    expect(within(note).getByRole('button', { name: 'Copy link' })).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Open Alipay' })).toBeEnabled();
    expect(screen.getByText('Pay with another device')).toBeInTheDocument();
  });
});

describe('the phone named by the pay button’s own platformType/deviceType props', () => {
  it('gets the phone’s action from the sandbox and the app link on the page', async () => {
    const shop = createShop();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const navigate = vi.fn<(url: string) => void>();
    // No `device` override: detection says desktop (jsdom); the merchant knows better (e.g. from the user agent on its server).
    render(
      <ClinkPayButton endpoint={ENDPOINT} fetch={shop.fetch} paymentMethodType="WECHAT" platformType="WAP" deviceType="iOS" navigate={navigate} />,
    );
    await user.click(screen.getByRole('button', { name: 'Pay with WeChat Pay' }));
    await settle();
    expect(shop.creates()[0]!.requestBody).toEqual({ paymentMethodType: 'WECHAT', platformType: 'WAP', deviceType: 'iOS' });
    const deepLink = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!.mobileAuthUrl!;
    expect(deepLink).toMatch(/^weixin:\/\//);

    // The sandbox answered for an iPhone, so the customer must get the iPhone's way to pay: open the app.
    await user.click(screen.getByRole('button', { name: 'Open WeChat Pay' }));
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(deepLink);
  });
});
