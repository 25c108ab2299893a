/**
 * A malicious or broken "server": the real handler creates a real sandbox payment, then its answer is
 * rewritten on the way to the browser. What cannot be used safely never reaches the page: when nothing usable
 * is left the page refuses the answer with a visible, typed error (`role="alert"` with `data-code`) and
 * navigates nowhere, submits nothing and shows no image; an unsafe optional link next to a usable action is
 * set aside and the payment goes on without it.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { CheckoutActionError, CheckoutRequestError, ClinkPayButton, type PaymentMethodType } from '../src/index.js';
import { advance, createShop, page, settle, type DeviceName } from './support/e2e.js';

type Body = Record<string, unknown> & {
  action?: Record<string, unknown> & { walletHandleRedirectOrDisplayQrCode?: Record<string, unknown> };
};

const SCRIPT_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>';
const SAFE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** Replaces the wallet details of a create answer (no images unless given). */
const withWallet = (wallet: Record<string, unknown>) => (body: Body) => {
  body.action!.walletHandleRedirectOrDisplayQrCode = wallet;
  return body;
};
/** Sets one field of the create answer's wallet details, keeping the rest. */
const withWalletField = (field: string, value: string) => (body: Body) => {
  body.action!.walletHandleRedirectOrDisplayQrCode![field] = value;
  return body;
};
const withRedirect = (redirectUrl: unknown) => (body: Body) => {
  body.action!.redirectUrl = redirectUrl;
  return body;
};
const manyFields = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`field${i}`, `value${i}`]));

interface HostileCase {
  name: string;
  method: PaymentMethodType;
  device?: DeviceName;
  cardFlow?: 'redirect' | 'post_form';
  rewrite: (body: Body) => unknown;
  /** `data-code` of the alert: the `CheckoutActionError` code or the `CheckoutRequestError` type. */
  code: string;
  /** Path of the refused field, for action errors. */
  field?: string;
}

/**
 * What the page does with a refusal is the same for every variant of a refused field, so the page is
 * tested with one hostile answer per kind of refusal. The variants themselves (other spellings of javascript:, vbscript:,
 * file:, credentials, HTML or script in an image, oversized or nested postData, answers the client rejects…) are
 * refused by the core, whose tests run them all in Node (core/url-safety, classify and api tests).
 */
const CASES: HostileCase[] = [
  { name: 'a javascript: redirect', method: 'CARD', rewrite: withRedirect('javascript:alert(document.cookie)'), code: 'unsafe_url', field: 'action.redirectUrl' },
  { name: 'a form post to javascript:', method: 'CARD', cardFlow: 'post_form', rewrite: withRedirect('javascript:alert(1)'), code: 'unsafe_url', field: 'action.redirectUrl' },
  {
    name: 'a form post with 5,000 fields',
    method: 'CARD',
    cardFlow: 'post_form',
    rewrite: (body) => ((body.action!.postData = manyFields(5_000)), body),
    code: 'post_data_too_large',
    field: 'action.postData',
  },
  {
    name: 'an SVG QR image with a <script>',
    method: 'WECHAT',
    rewrite: withWallet({ imageDataUrl: `data:image/svg+xml;base64,${btoa(SCRIPT_SVG)}`, expiresSecond: 300 }),
    code: 'unsafe_image',
    field: 'action.walletHandleRedirectOrDisplayQrCode.imageDataUrl',
  },
  {
    name: 'a ready-made intent:// URL as the wallet link',
    method: 'TNG',
    device: 'android',
    rewrite: withWallet({ mobileAuthUrl: 'intent://x#Intent;scheme=evil;package=com.evil.app;end', expiresSecond: 300 }),
    code: 'unsafe_deep_link',
    field: 'action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl',
  },
  { name: 'requires_action without an action', method: 'WECHAT', rewrite: (body) => (delete body.action, body), code: 'missing_field', field: 'action' },
  {
    name: 'a payment whose method is known nowhere',
    method: 'WECHAT',
    rewrite: (body) => {
      body.paymentMethodType = 'EVILPAY';
      body.action!.paymentMethodType = 'EVILPAY';
      body.action!.type = 'EVILPAY';
      return body;
    },
    code: 'unsupported_payment_method',
    field: 'paymentMethodType',
  },
  { name: 'an answer that is not JSON', method: 'CARD', rewrite: () => '<html><script>alert(1)</script></html>', code: 'invalid_response' },
];

let submit: MockInstance<() => void>;
beforeEach(() => {
  vi.useFakeTimers();
  submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
});
afterEach(() => {
  submit.mockRestore();
  vi.useRealTimers();
});


describe.each(CASES)('refuses $name', ({ method, device = 'desktop', cardFlow, rewrite, code, field }) => {
  it(`with a visible "${code}" error, opening nothing`, async () => {
    const shop = createShop({ rewriteCreate: rewrite as (body: Record<string, unknown>) => unknown, ...(cardFlow ? { cardFlow } : {}) });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const navigate = vi.fn<(url: string) => void>();
    const onError = vi.fn<(error: Error) => void>();
    const onSuccess = vi.fn();
    const pageUrl = window.location.href;
    render(page(shop, <ClinkPayButton paymentMethodType={method} navigate={navigate} onError={onError} onSuccess={onSuccess} />, { device }));
    const button = screen.getByRole('button', { name: /^Pay with / });
    await user.click(button);
    await settle();
    expect(shop.creates()).toHaveLength(1);

    const alert = screen.getByRole('alert');
    expect(alert).toBeVisible();
    expect(alert).toHaveAttribute('data-code', code);
    expect(alert).toHaveTextContent(
      code === 'invalid_response'
        ? 'We could not start the payment. Please try again.'
        : 'This payment cannot be opened safely. Please try again or choose another payment method.',
    );
    expect(onError).toHaveBeenCalledTimes(1);
    const error = onError.mock.calls[0]![0];
    if (code === 'invalid_response') {
      expect(error).toBeInstanceOf(CheckoutRequestError);
      expect(error).toMatchObject({ type: 'invalid_response', status: 201 });
    } else {
      expect(error).toBeInstanceOf(CheckoutActionError);
      expect(error).toMatchObject({ code, field });
    }

    // Nothing was opened, posted or drawn, and nothing hostile reached the DOM.
    expect(navigate).not.toHaveBeenCalled();
    expect(window.location.href).toBe(pageUrl);
    expect(submit).not.toHaveBeenCalled();
    expect(document.querySelector('form')).toBeNull();
    expect(document.querySelector('img, svg, a[href], iframe, script')).toBeNull();
    expect(document.body.innerHTML).not.toMatch(/javascript:|vbscript:|data:text|evilapp|<script/i);
    // The customer can try again or pick another method.
    expect(button).toBeEnabled();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeEnabled();

    // A refused action is not followed.
    await advance(10_000);
    expect(shop.statusChecks()).toHaveLength(0);
    expect(navigate).not.toHaveBeenCalled();
    expect(submit).not.toHaveBeenCalled();
    expect(onSuccess).not.toHaveBeenCalled();
  });
});

describe('a hostile image next to a safe one', () => {
  it('shows only the safe image', async () => {
    const shop = createShop({
      rewriteCreate: withWallet({
        imageDataUrl: `data:image/svg+xml;base64,${btoa(SCRIPT_SVG)}`,
        imageUrlPng: 'https://sandbox.test/qr.png',
        expiresSecond: 300,
      }) as (body: Record<string, unknown>) => unknown,
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    render(page(shop, <ClinkPayButton paymentMethodType="WECHAT" />));
    await user.click(screen.getByRole('button', { name: 'Pay with WeChat Pay' }));
    await settle();
    expect(screen.getByAltText(/WeChat Pay QR code/)).toHaveAttribute('src', 'https://sandbox.test/qr.png');
    expect(document.body.innerHTML).not.toContain(btoa(SCRIPT_SVG));
  });
});

/**
 * Optional links that fail their check are set aside and the payment goes on with what remains (Clink's
 * contract allows many shapes; refusing a payment is for when nothing usable is left). The hostile value never
 * reaches the page, is never navigated to, and no error is shown.
 */
describe.each([
  {
    name: 'javascript: hosted instructions next to a good QR image',
    method: 'KAKAO',
    device: 'desktop',
    rewrite: withWallet({ imageDataUrl: SAFE_PNG, hostedInstructionsUrl: 'javascript:alert(1)', expiresSecond: 300 }),
    shows: 'KakaoPay QR code for $12.50',
  },
  {
    name: 'a javascript: wallet link on Android next to a QR image',
    method: 'WECHAT',
    device: 'android',
    rewrite: withWallet({ imageDataUrl: SAFE_PNG, mobileAuthUrl: 'javascript:alert(1)', expiresSecond: 300 }),
    shows: 'WeChat Pay QR code for $12.50',
  },
  {
    name: 'an Android package that smuggles intent extras',
    method: 'ALIPAY',
    device: 'android',
    rewrite: withWalletField('packageName', 'com.eg.android.AlipayGphone;S.browser_fallback_url=javascript:alert(1)'),
    opens: /^intent:\/\/platformapi\/startapp\?.*#Intent;scheme=alipays;package=com\.eg\.android\.AlipayGphone;S\.browser_fallback_url=https%3A[^;]+;end$/,
  },
  {
    name: 'a javascript: fallback page for the wallet app',
    method: 'KAKAO',
    device: 'android',
    rewrite: withWalletField('fallbackUrl', 'javascript:alert(1)'),
    // The hosted instructions take the fallback page's place in the intent.
    opens: /^intent:\/\/kakaopay\/pg\?.*;package=com\.kakao\.talk;S\.browser_fallback_url=https%3A%2F%2Fsandbox\.test%2F_sandbox%2Finstructions%2F[^;]+;end$/,
  },
] as Array<{ name: string; method: PaymentMethodType; device: DeviceName; rewrite: (body: Body) => Body; shows?: string; opens?: RegExp }>)(
  'sets aside $name',
  ({ method, device, rewrite, shows, opens }) => {
    it('and goes on with the rest: no error, nothing hostile on the page or opened', async () => {
      const shop = createShop({ rewriteCreate: rewrite as (body: Record<string, unknown>) => unknown });
      const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
      const navigate = vi.fn<(url: string) => void>();
      render(page(shop, <ClinkPayButton paymentMethodType={method} navigate={navigate} />, { device }));
      await user.click(screen.getByRole('button', { name: /^Pay with / }));
      await settle();
      expect(screen.queryByRole('alert')).toBeNull();
      if (shows) {
        expect(screen.getByAltText(shows)).toHaveAttribute('src', SAFE_PNG);
        expect(screen.queryByRole('button', { name: /^Open / })).toBeNull();
      } else {
        await user.click(screen.getByRole('button', { name: /^Open / }));
        expect(navigate).toHaveBeenCalledTimes(1);
        expect(navigate.mock.calls[0]![0]).toMatch(opens!);
        await advance(2_500);
      }
      expect(document.body.innerHTML).not.toMatch(/javascript:/i);
      expect(navigate.mock.calls.flat().join(' ')).not.toMatch(/javascript/i);
    });
  },
);

describe('the rewriting "server" itself', () => {
  it('reaches the page: a rewrite to a safe https page is followed', async () => {
    const shop = createShop({ rewriteCreate: withRedirect('https://3ds.example/challenge?id=1') as (body: Record<string, unknown>) => unknown });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const navigate = vi.fn<(url: string) => void>();
    render(page(shop, <ClinkPayButton paymentMethodType="CARD" navigate={navigate} />));
    await user.click(screen.getByRole('button', { name: 'Pay with Card' }));
    await settle();
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith('https://3ds.example/challenge?id=1');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

describe('a hostile answer to a QR refresh', () => {
  /** Pays with Cash App Pay, lets the QR code expire, and refreshes it into `wallet`. */
  async function refreshInto(device: DeviceName, wallet: Record<string, unknown>) {
    const shop = createShop({
      qrExpiresInSeconds: 5,
      rewriteRefresh: (body) => {
        (body as Body).action!.walletHandleRedirectOrDisplayQrCode = { ...wallet };
        return body;
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const navigate = vi.fn<(url: string) => void>();
    render(page(shop, <ClinkPayButton paymentMethodType="CASHAPP" navigate={navigate} />, { device }));
    await user.click(screen.getByRole('button', { name: 'Pay with Cash App Pay' }));
    await settle();
    await advance(5_000);
    await user.click(screen.getByRole('button', { name: 'Refresh QR code' }));
    await settle();
    expect(shop.refreshes()).toHaveLength(1);
    return { navigate };
  }

  it.each([
    ['a scripted SVG image', 'desktop', { imageDataUrl: `data:image/svg+xml;base64,${btoa(SCRIPT_SVG)}`, expiresSecond: 300 }, 'unsafe_image'],
    ['a javascript: app link and nothing else', 'android', { mobileAuthUrl: 'javascript:alert(1)', expiresSecond: 300 }, 'unsafe_deep_link'],
  ] as const)('is refused: %s', async (_, device, wallet, code) => {
    const { navigate } = await refreshInto(device, wallet);
    expect(screen.getByRole('alert')).toHaveAttribute('data-code', code);
    expect(navigate).not.toHaveBeenCalled();
    expect(document.querySelector('img, svg, a[href]')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Open Cash App Pay' })).toBeNull();
  });

  it('sets aside a javascript: app link next to a safe QR image: the new QR code shows, nothing opens', async () => {
    const { navigate } = await refreshInto('android', { imageDataUrl: SAFE_PNG, mobileAuthUrl: 'javascript:alert(1)', expiresSecond: 300 });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByAltText('Cash App Pay QR code for $12.50')).toHaveAttribute('src', SAFE_PNG);
    expect(screen.queryByRole('button', { name: 'Open Cash App Pay' })).toBeNull();
    expect(navigate).not.toHaveBeenCalled();
    expect(document.body.innerHTML).not.toMatch(/javascript:/i);
  });
});
