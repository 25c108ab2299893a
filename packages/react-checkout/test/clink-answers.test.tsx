/**
 * Answers Clink's contract allows but the sandbox does not give (yet), through the real path: the page, the
 * checkout handler, the Clink client, the sandbox. Clink's answer is rewritten between the sandbox and the
 * Clink client (`rewriteClink`); where today's handler does not pass a shape through yet (free-text
 * `action.paymentMethodType`, no amount, an order status it does not know), the handler's answer is rewritten
 * on its way to the page instead, in the shape the handler's contract gives it. Each test checks what the
 * customer sees.
 */
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ClinkPayButton } from '../src/index.js';
import { advance, createShop, openOtherDevice, openSandboxPage, page, SANDBOX_ORIGIN, settle, type ClinkAnswer, type ShopOptions } from './support/e2e.js';
import { expectOutcomeShown, payWith, useMethodTestSetup } from './support/methods.js';

useMethodTestSetup();

type Wallet = Record<string, unknown>;
interface CreateData {
  orderId: string;
  amount?: number;
  currency?: string;
  action: Record<string, unknown> & { walletHandleRedirectOrDisplayQrCode: Wallet };
}

/** Rewrites Clink's answer to `POST /payment` (its `data`) before the merchant's Clink client reads it. */
const clinkCreate =
  (edit: (data: CreateData) => void | Promise<void>) =>
  async ({ route, body }: ClinkAnswer) => {
    if (route === 'POST /payment') await edit(body.data as CreateData);
    return body;
  };

/** `imageDataUrl` without its `data:image/png;base64,` prefix: the bare Base64 Clink's types allow. */
const bareBase64 = (dataUrl: unknown) => String(dataUrl).replace(/^data:image\/png;base64,/, '');

const SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>';

describe('QR images as a bare Base64 string (no data: prefix)', () => {
  it('shows a PNG sent in imageUrlPng as a PNG data URL', async () => {
    const shop = createShop({
      rewriteClink: clinkCreate(({ action: { walletHandleRedirectOrDisplayQrCode: wallet } }) => {
        wallet.imageUrlPng = bareBase64(wallet.imageDataUrl);
        delete wallet.imageDataUrl;
        delete wallet.imageUrlSvg;
      }),
    });
    await payWith('WECHAT', 'desktop', shop);
    const wallet = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!;
    expect(wallet.imageUrlPng).toMatch(/^iVBORw0KGgo/);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByAltText('WeChat Pay QR code for $12.50')).toHaveAttribute('src', `data:image/png;base64,${wallet.imageUrlPng}`);
  });

  it('shows the sandbox’s SVG sent in imageUrlSvg as a checked SVG data URL, and saves that image', async () => {
    const shop: ReturnType<typeof createShop> | undefined = createShop({
      rewriteClink: clinkCreate(async ({ action: { walletHandleRedirectOrDisplayQrCode: wallet } }) => {
        const svg = await (await shop!.sandbox.fetch(new Request(String(wallet.imageUrlSvg)))).text();
        expect(svg).toMatch(/^<svg /);
        wallet.imageUrlSvg = btoa(svg);
        delete wallet.imageDataUrl;
        delete wallet.imageUrlPng;
      }),
    });
    await payWith('PROMPTPAY', 'android', shop);
    const bare = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!.imageUrlSvg!;
    const image = screen.getByAltText('PromptPay QR code for $12.50');
    expect(image).toHaveAttribute('src', `data:image/svg+xml;base64,${bare}`);
    expect(screen.getByText('Save QR image')).toHaveAttribute('href', `data:image/svg+xml;base64,${bare}`);
  });

  it('still refuses a scripted SVG, and draws mobileAuthUrl instead', async () => {
    const shop = createShop({
      rewriteClink: clinkCreate(({ action: { walletHandleRedirectOrDisplayQrCode: wallet } }) => {
        wallet.imageUrlSvg = btoa(SCRIPT_SVG);
        delete wallet.imageDataUrl;
        delete wallet.imageUrlPng;
      }),
    });
    const rendered = await payWith('WECHAT', 'desktop', shop);
    const { mobileAuthUrl } = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!;
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.clink-qr svg title')).toHaveTextContent('WeChat Pay QR code for $12.50');
    expect(document.body.innerHTML).not.toMatch(/<script|alert\(/);
    // What the drawn code holds (Clink's mobileAuthUrl) can be copied too.
    expect(mobileAuthUrl).toMatch(new RegExp(`^${SANDBOX_ORIGIN}/_sandbox/pay/`));
    const copied = vi.spyOn(navigator.clipboard, 'writeText');
    await rendered.user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(copied).toHaveBeenCalledWith(mobileAuthUrl);
  });
});

describe('no usable QR image', () => {
  const brokenImages = (wallet: Wallet) => {
    delete wallet.imageDataUrl;
    wallet.imageUrlPng = 'qr.png';
    wallet.imageUrlSvg = 'data:text/html,<b>x</b>';
  };

  it('draws the QR code from mobileAuthUrl instead of failing', async () => {
    const shop = createShop({ rewriteClink: clinkCreate(({ action }) => brokenImages(action.walletHandleRedirectOrDisplayQrCode)) });
    const rendered = await payWith('WECHAT', 'desktop', shop);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('img')).toBeNull();
    expect(document.querySelector('.clink-qr svg title')).toHaveTextContent('WeChat Pay QR code for $12.50');
    expect(screen.getByText('Scan the QR code with WeChat Pay to pay $12.50.')).toBeInTheDocument();
    await expectOutcomeShown(rendered, 'succeed');
  });

  it('refuses only when nothing usable is left', async () => {
    const shop = createShop({
      rewriteClink: clinkCreate(({ action: { walletHandleRedirectOrDisplayQrCode: wallet } }) => {
        brokenImages(wallet);
        delete wallet.mobileAuthUrl;
        delete wallet.hostedInstructionsUrl;
      }),
    });
    const { navigate } = await payWith('WECHAT', 'desktop', shop);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'unsafe_image');
    expect(alert).toHaveTextContent('This payment cannot be opened safely.');
    expect(document.querySelector('img, svg')).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
  });
});

describe('the payment method of an action', () => {
  it('is taken from action.type when Clink sends no paymentMethodType', async () => {
    const shop = createShop({ qrExpiresInSeconds: 5, rewriteClink: clinkCreate(({ action }) => void delete action.paymentMethodType) });
    await payWith('CASHAPP', 'desktop', shop);
    expect(shop.lastCreated().action).not.toHaveProperty('paymentMethodType');
    expect(screen.getByAltText('Cash App Pay QR code for $12.50')).toBeInTheDocument();
    await advance(5_000);
    expect(screen.getByRole('button', { name: 'Refresh QR code' })).toBeEnabled();
  });

  it.each([
    ['with action.type', { type: 'CASHAPP', paymentMethodType: 'Cash App Pay (QR)' }],
    ['without action.type', { paymentMethodType: 'cashapp_pay' }],
  ])('never refuses an answer because action.paymentMethodType is free text (%s)', async (_, fields) => {
    const shop = createShop({
      qrExpiresInSeconds: 5,
      // Today's handler passes only Clink's known methods through: this is the answer once it passes free text.
      rewriteCreate: (body) => {
        const action = body.action as Record<string, unknown>;
        delete action.type;
        Object.assign(action, fields);
        return body;
      },
    });
    await payWith('CASHAPP', 'desktop', shop);
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByText('Scan the QR code with Cash App Pay to pay $12.50.')).toBeInTheDocument();
    // Cash App Pay's codes can be renewed: the method was read right.
    await advance(5_000);
    expect(screen.getByRole('button', { name: 'Refresh QR code' })).toBeEnabled();
  });
});

describe('an answer without amount and currency (both optional in Clink’s types)', () => {
  const withoutAmount: Pick<ShopOptions, 'rewriteCreate' | 'rewriteStatus'> = {
    // Today's handler requires Clink's amount: this is its answer once it passes an answer without one.
    rewriteCreate: (body) => (delete body.amount, delete body.currency, body),
    rewriteStatus: (body) => (delete body.amount, delete body.currency, body),
  };

  it('names the QR code without an amount on a desktop, then the outcome', async () => {
    const rendered = await payWith('WECHAT', 'desktop', createShop(withoutAmount));
    expect(screen.getByText('Scan the QR code with WeChat Pay to pay.')).toBeInTheDocument();
    expect(screen.getByAltText('WeChat Pay QR code')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/undefined|NaN/);
    await expectOutcomeShown(rendered, 'succeed');
  });

  it('names the QR code for another device without an amount on a phone', async () => {
    const { user } = await payWith('GCASH', 'android', createShop(withoutAmount));
    expect(screen.getByRole('button', { name: 'Open GCash' })).toBeEnabled();
    const other = await openOtherDevice(user);
    expect(within(other).getByAltText('GCash QR code')).toBeInTheDocument();
    expect(document.body.innerHTML).not.toMatch(/undefined|NaN/);
  });
});

describe('an order status the browser does not know yet', () => {
  it.each([
    ['passed by the handler as pending with orderStatus', (body: Record<string, unknown>) => ({ ...body, status: 'pending', orderStatus: 'processing' })],
    ['passed as it came', (body: Record<string, unknown>) => ({ ...body, status: 'processing', orderStatus: 'processing' })],
  ])('keeps the payment followed, never final (%s)', async (_, unknownStatus) => {
    let clinkDecided = false;
    const shop = createShop({ rewriteStatus: (body) => (clinkDecided ? body : unknownStatus(body)) });
    const rendered = await payWith('WECHAT', 'desktop', shop);
    const checks = shop.statusChecks().length;
    await advance(10_000);
    // Every 2 s as usual (a refused answer would back off: 4 s, 8 s…), the code still on screen.
    expect(shop.statusChecks().length - checks).toBe(5);
    expect(shop.statusChecks().every((check) => check.status === 200)).toBe(true);
    expect(screen.getByAltText('WeChat Pay QR code for $12.50')).toBeInTheDocument();
    expect(screen.queryByText(/^Payment (successful|failed)$/)).toBeNull();
    expect(rendered.onSuccess).not.toHaveBeenCalled();
    expect(rendered.onFailure).not.toHaveBeenCalled();
    clinkDecided = true;
    await expectOutcomeShown(rendered, 'succeed');
  });
});

describe('a redirect and a QR code in one answer', () => {
  const withRedirect = () =>
    createShop({
      rewriteClink: clinkCreate((data) => {
        data.action.redirectUrl = `${SANDBOX_ORIGIN}/_sandbox/instructions/${data.orderId}`;
        data.action.method = 'GET';
      }),
    });

  it('shows the QR code on a desktop', async () => {
    const { navigate } = await payWith('PROMPTPAY', 'desktop', withRedirect());
    expect(screen.getByAltText('PromptPay QR code for $12.50')).toBeInTheDocument();
    expect(navigate).not.toHaveBeenCalled();
  });

  it.each(['android', 'ios'] as const)('follows the https redirect on a phone (%s), which cannot scan its own screen', async (device) => {
    const shop = withRedirect();
    const { navigate } = await payWith('PROMPTPAY', device, shop);
    const { redirectUrl } = shop.lastCreated().action!;
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(redirectUrl);
    expect(screen.getByText('Taking you to the payment page…')).toBeInTheDocument();
    expect(document.querySelector('img, svg')).toBeNull();
    expect((await openSandboxPage(shop, redirectUrl!)).status).toBe(200);
  });
});

describe('app links with schemes Clink never listed', () => {
  const withLink = (link: (data: CreateData) => string | undefined, extra?: (wallet: Wallet) => void) =>
    clinkCreate((data) => {
      const wallet = data.action.walletHandleRedirectOrDisplayQrCode;
      wallet.mobileAuthUrl = link(data);
      extra?.(wallet);
    });

  it('opens kakaopay:// on Android through an intent with Clink’s package', async () => {
    const shop = createShop({ rewriteClink: withLink(() => 'kakaopay://pg?token=t1') });
    const { user, navigate } = await payWith('KAKAO', 'android', shop);
    const { fallbackUrl } = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!;
    await user.click(screen.getByRole('button', { name: 'Open KakaoPay' }));
    expect(navigate).toHaveBeenCalledWith(
      `intent://pg?token=t1#Intent;scheme=kakaopay;package=com.kakao.talk;S.browser_fallback_url=${encodeURIComponent(fallbackUrl!)};end`,
    );
  });

  it('opens alipayhk:// on iOS as it is', async () => {
    const shop = createShop({ rewriteClink: withLink(() => 'alipayhk://platformapi/startapp?appId=20000067') });
    const { user, navigate } = await payWith('ALIPAY', 'ios', shop);
    await user.click(screen.getByRole('button', { name: 'Open Alipay' }));
    expect(navigate).toHaveBeenCalledWith('alipayhk://platformapi/startapp?appId=20000067');
  });

  it('opens a bank’s own app for PromptPay, with no wallet package, and keeps the QR for another device', async () => {
    const shop = createShop({ rewriteClink: withLink((data) => `scbeasy://payments/promptpay?ref=${data.orderId}`) });
    const { user, navigate } = await payWith('PROMPTPAY', 'android', shop);
    const { orderId } = shop.lastCreated();
    await user.click(screen.getByRole('button', { name: 'Open PromptPay' }));
    expect(navigate).toHaveBeenCalledWith(`intent://payments/promptpay?ref=${orderId}#Intent;scheme=scbeasy;end`);
    expect(screen.getByText('Pay with another device')).toBeInTheDocument();
  });

  it('keeps a merchant’s stricter allow list: a link outside it goes to the fallback page instead', async () => {
    const shop = createShop({ rewriteClink: withLink(() => 'kakaopay://pg?token=t1') });
    const { navigate } = await payWith('KAKAO', 'android', shop, { allowedDeepLinkSchemes: ['kakaotalk'] });
    const { fallbackUrl } = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!;
    expect(screen.queryByRole('button', { name: 'Open KakaoPay' })).toBeNull();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(fallbackUrl);
  });

  it('opens a link the merchant’s allow list names', async () => {
    const shop = createShop({ rewriteClink: withLink(() => 'kakaopay://pg?token=t1') });
    const { user, navigate } = await payWith('KAKAO', 'ios', shop, { allowedDeepLinkSchemes: ['kakaopay'] });
    await user.click(screen.getByRole('button', { name: 'Open KakaoPay' }));
    expect(navigate).toHaveBeenCalledWith('kakaopay://pg?token=t1');
  });
});

describe('an app link that cannot be used', () => {
  const INTENT = 'intent://pg#Intent;scheme=kakaopay;package=com.evil.app;S.extra=1;end';
  const link = (mobileAuthUrl: string, edit: (wallet: Wallet) => void = () => {}) =>
    createShop({
      rewriteClink: clinkCreate(({ action: { walletHandleRedirectOrDisplayQrCode: wallet } }) => {
        wallet.mobileAuthUrl = mobileAuthUrl;
        edit(wallet);
      }),
    });

  it('goes to the fallback page (an intent: URL from the network is never opened)', async () => {
    const shop = link(INTENT);
    const { navigate } = await payWith('KAKAO', 'android', shop);
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith(shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!.fallbackUrl);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('goes to the hosted instructions when there is no fallback page', async () => {
    const shop = link('javascript:alert(1)', (wallet) => delete wallet.fallbackUrl);
    const { navigate } = await payWith('TNG', 'ios', shop);
    expect(navigate).toHaveBeenCalledWith(shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!.hostedInstructionsUrl);
    expect(document.body.innerHTML).not.toContain('javascript:');
  });

  it('shows the QR code when there is no page to go to', async () => {
    const shop = link('javascript:alert(1)', (wallet) => (delete wallet.fallbackUrl, delete wallet.hostedInstructionsUrl));
    const rendered = await payWith('TNG', 'ios', shop);
    expect(screen.getByAltText("Touch 'n Go eWallet QR code for $12.50")).toBeInTheDocument();
    expect(rendered.navigate).not.toHaveBeenCalled();
    await expectOutcomeShown(rendered, 'fail');
  });

  it('is an error only when nothing usable remains', async () => {
    const shop = link(INTENT, (wallet) => {
      for (const field of ['fallbackUrl', 'hostedInstructionsUrl', 'imageDataUrl', 'imageUrlPng', 'imageUrlSvg']) delete wallet[field];
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const navigate = vi.fn<(url: string) => void>();
    render(page(shop, <ClinkPayButton paymentMethodType="KAKAO" navigate={navigate} />, { device: 'android' }));
    await user.click(screen.getByRole('button', { name: 'Pay with KakaoPay' }));
    await settle();
    expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'unsafe_deep_link');
    expect(navigate).not.toHaveBeenCalled();
    expect(document.body.innerHTML).not.toContain('intent:');
  });
});
