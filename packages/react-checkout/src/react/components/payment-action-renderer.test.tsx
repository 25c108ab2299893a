import { act, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinkAction, DeviceInfo } from '../../core/index.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, paymentResponse, QR_PNG } from '../test-support/fake-checkout.js';
import { PaymentActionRenderer, type PaymentActionRendererProps } from './payment-action-renderer.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);
const DESKTOP: Partial<DeviceInfo> = { platformType: 'WEB', coarsePointer: false };

function setup(action: ClinkAction | undefined, props: Partial<PaymentActionRendererProps> = {}, overrides: Record<string, unknown> = {}) {
  const checkout = createFakeCheckout({ action: () => action });
  const navigate = vi.fn();
  const submitForm = vi.fn();
  const payment = paymentResponse(action, overrides);
  const wrap = (node: ReactNode) => (
    <StrictMode>
      <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={DESKTOP}>
        {node}
      </ClinkCheckoutProvider>
    </StrictMode>
  );
  const view = render(wrap(<PaymentActionRenderer payment={payment} navigate={navigate} submitForm={submitForm} {...props} />));
  return { checkout, navigate, submitForm, payment, view, wrap };
}

describe('<PaymentActionRenderer> redirect and form post', () => {
  it('navigates exactly once under StrictMode and shows a continue link', () => {
    const { navigate } = setup({ paymentMethodType: 'CARD', redirectUrl: 'https://3ds.example.com/challenge?id=1' });
    expect(navigate).toHaveBeenCalledTimes(1);
    expect(navigate).toHaveBeenCalledWith('https://3ds.example.com/challenge?id=1');
    const link = screen.getByRole('link', { name: 'Continue to payment' });
    expect(link).toHaveAttribute('href', 'https://3ds.example.com/challenge?id=1');
    expect(link).not.toHaveAttribute('target');
  });

  it('targets the top window when framed', () => {
    const top = vi.spyOn(window, 'top', 'get').mockReturnValue({} as Window);
    try {
      setup({ paymentMethodType: 'CARD', redirectUrl: 'https://3ds.example.com/c' });
      expect(screen.getByRole('link', { name: 'Continue to payment' })).toHaveAttribute('target', '_top');
    } finally {
      top.mockRestore();
    }
  });

  it('submits a POST form exactly once under StrictMode, one hidden input per field', () => {
    const { submitForm } = setup({
      paymentMethodType: 'CARD',
      method: 'POST',
      redirectUrl: 'https://acs.example.com/pareq',
      postData: { PaReq: 'abc', TermUrl: 'https://shop.example.com/return', MD: 'x&y' },
    });
    expect(submitForm).toHaveBeenCalledTimes(1);
    const form = submitForm.mock.calls[0]![0] as HTMLFormElement;
    expect(form.method).toBe('post');
    expect(form.action).toBe('https://acs.example.com/pareq');
    const inputs = [...form.querySelectorAll('input[type="hidden"]')] as HTMLInputElement[];
    expect(inputs.map((input) => [input.name, input.value])).toEqual([
      ['PaReq', 'abc'],
      ['TermUrl', 'https://shop.example.com/return'],
      ['MD', 'x&y'],
    ]);
    expect(within(form).getByRole('button', { name: 'Continue' })).toHaveAttribute('type', 'submit');
  });

  it('uses form.submit() by default', () => {
    const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
    try {
      setup(
        { paymentMethodType: 'CARD', method: 'POST', redirectUrl: 'https://acs.example.com/p', postData: { a: '1' } },
        { submitForm: undefined },
      );
      expect(submit).toHaveBeenCalledTimes(1);
    } finally {
      submit.mockRestore();
    }
  });
});

describe('<PaymentActionRenderer> refuses hostile actions', () => {
  it.each<[string, ClinkAction, string]>([
    ['javascript: redirect', { paymentMethodType: 'CARD', redirectUrl: 'javascript:alert(1)' }, 'unsafe_url'],
    ['data: redirect', { paymentMethodType: 'CARD', redirectUrl: 'data:text/html,<script>alert(1)</script>' }, 'unsafe_url'],
    ['vbscript: form', { paymentMethodType: 'CARD', method: 'POST', redirectUrl: 'vbscript:x', postData: { a: '1' } }, 'unsafe_url'],
    [
      'script in a QR image',
      { paymentMethodType: 'WECHAT', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: 'data:text/html;base64,PHNjcmlwdD4=' } },
      'unsafe_image',
    ],
  ])('%s → a visible typed error, nothing navigated', (_, action, code) => {
    const onError = vi.fn();
    const { navigate, submitForm } = setup(action, { onError });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveAttribute('data-code', code);
    expect(alert).toHaveTextContent('This payment cannot be opened safely');
    expect(navigate).not.toHaveBeenCalled();
    expect(submitForm).not.toHaveBeenCalled();
    expect(document.querySelector('a[href^="javascript"], a[href^="vbscript"], form')).toBeNull();
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'CheckoutActionError', code }));
  });
});

describe('<PaymentActionRenderer> QR code', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(async () => {
    // Let status checks still in flight land inside act() before the test's tree is unmounted.
    await act(() => vi.advanceTimersByTimeAsync(0));
    vi.useRealTimers();
  });

  const wechat = (wallet: ClinkAction['walletHandleRedirectOrDisplayQrCode']): ClinkAction => ({
    paymentMethodType: 'WECHAT',
    walletHandleRedirectOrDisplayQrCode: wallet,
  });

  it('shows the image named after the wallet and amount, and counts down from expiresSecond', () => {
    setup(wechat({ imageDataUrl: QR_PNG, expiresSecond: 90 }));
    expect(screen.getByRole('img', { name: 'WeChat Pay QR code for CN¥12.00' })).toHaveAttribute('src', QR_PNG);
    const timer = screen.getByRole('timer');
    expect(timer).toHaveAttribute('aria-live', 'off');
    expect(timer).toHaveTextContent('Expires in 1:30');
    expect(timer.parentElement).toHaveAttribute('data-state', 'counting');
    act(() => vi.advanceTimersByTime(1000));
    expect(timer).toHaveTextContent('Expires in 1:29');
    act(() => vi.advanceTimersByTime(30_000));
    expect(timer).toHaveTextContent('Expires in 0:59');
    expect(timer.parentElement).toHaveAttribute('data-state', 'expiring');
  });

  it.each([
    ['seconds', (serverNow: number) => Math.floor(serverNow / 1000) + 120],
    ['milliseconds', (serverNow: number) => serverNow + 120_000],
  ])('corrects expiresAt in %s for a server clock 90 s behind', (_, expiresAt) => {
    const serverTime = NOW - 90_000;
    setup(wechat({ imageDataUrl: QR_PNG, expiresAt: expiresAt(serverTime) }), {}, { serverTime, receivedAt: NOW });
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 2:00');
    act(() => vi.advanceTimersByTime(5000));
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 1:55');
  });

  it('keeps the same QR element while the countdown ticks', () => {
    setup(wechat({ imageDataUrl: QR_PNG, expiresSecond: 30 }));
    const image = screen.getByRole('img');
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(image.parentElement!, { attributes: true, childList: true, subtree: true, characterData: true });
    act(() => vi.advanceTimersByTime(5000));
    observer.disconnect();
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 0:25');
    expect(screen.getByRole('img')).toBe(image);
    expect(mutations).toEqual([]);
  });

  it('announces the remaining time politely, more often near expiry', () => {
    setup(wechat({ imageDataUrl: QR_PNG, expiresSecond: 65 }));
    const region = document.querySelector('[aria-live="polite"]')!;
    expect(region).not.toBe(screen.getByRole('timer'));
    act(() => vi.advanceTimersByTime(5000)); // 60 s left
    expect(region).toHaveTextContent('1 minute left to pay');
    act(() => vi.advanceTimersByTime(1000)); // 59 s: rounded down to the next announcement point, never up
    expect(region).toHaveTextContent('50 seconds left to pay');
    act(() => vi.advanceTimersByTime(9000)); // 50 s: the same words, so nothing new is announced
    expect(region).toHaveTextContent('50 seconds left to pay');
    act(() => vi.advanceTimersByTime(35_000)); // 15 s: every 5 s now
    expect(region).toHaveTextContent('15 seconds left to pay');
    act(() => vi.advanceTimersByTime(5000));
    expect(region).toHaveTextContent('10 seconds left to pay');
  });

  it('takes focus when it shows, and leaves it alone with autoFocus={false} (a dialog that manages focus)', () => {
    const { view } = setup(wechat({ imageDataUrl: QR_PNG, expiresSecond: 300 }));
    expect(document.querySelector('.clink-renderer')).toHaveFocus();
    view.unmount();
    setup(wechat({ imageDataUrl: QR_PNG, expiresSecond: 300 }), { autoFocus: false });
    expect(document.querySelector('.clink-renderer')).not.toHaveFocus();
    expect(document.body).toHaveFocus();
  });

  it('never announces more time than is left (14:58 reads "14 minutes", not "15 minutes")', () => {
    setup(wechat({ imageDataUrl: QR_PNG, expiresSecond: 898 }));
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 14:58');
    expect(document.querySelector('[aria-live="polite"]')).toHaveTextContent('14 minutes left to pay');
  });

  it('offers a QR refresh for Cash App Pay on expiry and swaps in the new code', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const fresh = 'data:image/png;base64,AAAA';
    const checkout = createFakeCheckout({
      refreshAction: () => ({ paymentMethodType: 'CASHAPP', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: fresh, expiresSecond: 60 } }),
    });
    const action: ClinkAction = { paymentMethodType: 'CASHAPP', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 3 } };
    // Create the order in the fake so the refresh route knows it.
    const created = await (await checkout.fetch('/api/checkout/payments', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'k1' },
      body: JSON.stringify({ paymentMethodType: 'CASHAPP' }),
    })).json();
    const onExpire = vi.fn();
    const onRestart = vi.fn();
    render(
      <StrictMode>
        <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={DESKTOP}>
          <PaymentActionRenderer payment={{ ...created, action, receivedAt: NOW }} onExpire={onExpire} onRestart={onRestart} />
        </ClinkCheckoutProvider>
      </StrictMode>,
    );
    act(() => vi.advanceTimersByTime(3000));
    expect(screen.getByText('This QR code has expired.', { exact: false })).toBeInTheDocument();
    expect(onExpire).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Start again' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Refresh QR code' }));
    expect(await screen.findByRole('img', { name: /Cash App Pay QR code/ })).toHaveAttribute('src', fresh);
    expect(checkout.refreshCalls).toEqual([created.orderId]);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 1:00');
    expect(onRestart).not.toHaveBeenCalled();
  });

  it('shows a typed error with "Try again" when the refresh fails', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRestart = vi.fn();
    const onError = vi.fn();
    // The fake handler does not know this order, so the refresh answers 404.
    setup(
      { paymentMethodType: 'CASHAPP', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 1 } },
      { onRestart, onError, followStatus: true },
    );
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await user.click(screen.getByRole('button', { name: 'Refresh QR code' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'not_found');
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'CheckoutRequestError', status: 404 }));
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(onRestart).toHaveBeenCalledTimes(1);
  });

  it('offers "Start again" for other wallets on expiry', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const onRestart = vi.fn();
    setup(wechat({ imageDataUrl: QR_PNG, expiresSecond: 2 }), { onRestart });
    act(() => vi.advanceTimersByTime(2000));
    expect(screen.queryByRole('button', { name: 'Refresh QR code' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(onRestart).toHaveBeenCalledTimes(1);
  });

  it('shows an already expired code as expired at once (expiresSecond 0)', () => {
    setup(wechat({ imageDataUrl: QR_PNG, expiresSecond: 0 }), { onRestart: () => {} });
    expect(screen.getByRole('button', { name: 'Start again' })).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('copies the link with a visible confirmation, or shows it to copy by hand', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const writeText = vi.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    setup(wechat({ mobileAuthUrl: 'https://pay.example.com/m/1', expiresSecond: 60 }));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(writeText).toHaveBeenCalledWith('https://pay.example.com/m/1');
    expect(await screen.findByText('Link copied')).toHaveAttribute('role', 'status');

    writeText.mockRejectedValueOnce(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy link' }));
    expect(await screen.findByRole('textbox', { name: 'Copy this link' })).toHaveValue('https://pay.example.com/m/1');
    Reflect.deleteProperty(navigator, 'clipboard');
  });

  it('draws a QR from mobileAuthUrl without inline styles, and saves it as an SVG data URL', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { view } = setup({ paymentMethodType: 'QRIS', walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://pay.example.com/q/9' } });
    await waitFor(() => expect(view.container.querySelector('svg')).not.toBeNull());
    const svg = screen.getByRole('img', { name: 'QRIS QR code for CN¥12.00' });
    expect(svg.tagName.toLowerCase()).toBe('svg');
    expect(svg.querySelector('title')).toHaveTextContent('QRIS QR code for CN¥12.00');
    expect(view.container.innerHTML).not.toMatch(/style=/);
    const save = screen.getByRole('link', { name: 'Save QR image' });
    await user.click(save);
    expect(save.getAttribute('href')).toMatch(/^data:image\/svg\+xml;charset=utf-8,%3Csvg/);
    expect(save).toHaveAttribute('download', 'payment-qr.svg');
  });

  it('offers an image QR for download for PromptPay', () => {
    setup({ paymentMethodType: 'PROMPTPAY', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG } }, {}, { currency: 'THB', amount: 150 });
    const save = screen.getByRole('link', { name: 'Save QR image' });
    expect(save).toHaveAttribute('href', QR_PNG);
    expect(save).toHaveAttribute('download');
  });
});

describe('<PaymentActionRenderer> following the payment', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(async () => {
    // Let status checks still in flight land inside act() before the test's tree is unmounted.
    await act(() => vi.advanceTimersByTimeAsync(0));
    vi.useRealTimers();
  });

  it('calls onSuccess once under StrictMode with the payment’s outcome, and stops checking', async () => {
    const checkout = createFakeCheckout();
    const created = await (await checkout.fetch('/api/checkout/payments', {
      method: 'POST',
      headers: { 'Idempotency-Key': 'k' },
      body: JSON.stringify({ paymentMethodType: 'WECHAT' }),
    })).json();
    const onSuccess = vi.fn();
    const onFailure = vi.fn();
    render(
      <StrictMode>
        <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={DESKTOP}>
          <PaymentActionRenderer payment={{ ...created, receivedAt: NOW }} onSuccess={onSuccess} onFailure={onFailure} />
        </ClinkCheckoutProvider>
      </StrictMode>,
    );
    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect(screen.getByRole('img')).toBeInTheDocument();
    checkout.setStatus(created.orderId, 'succeeded');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(screen.getByText('Payment successful')).toBeInTheDocument();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ status: 'succeeded', orderId: created.orderId, paymentMethodType: 'WECHAT', amount: 12, currency: 'CNY' });
    expect(onFailure).not.toHaveBeenCalled();
    const calls = checkout.statusCalls.length;
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(checkout.statusCalls).toHaveLength(calls);
    expect(checkout.maxInFlight).toBe(1);
  });

  it('reports a payment that already failed at creation, with "Try again"', () => {
    const onFailure = vi.fn();
    const onRestart = vi.fn();
    setup(undefined, { onFailure, onRestart }, { status: 'failed' });
    expect(screen.getByText('Payment failed')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(onFailure).toHaveBeenCalledTimes(1);
    expect(onFailure).toHaveBeenCalledWith({ status: 'failed', orderId: 'ord_1', paymentMethodType: 'WECHAT', amount: 12, currency: 'CNY' });
  });

  it('shows a pending payment as waiting while it checks the status', async () => {
    setup(undefined, { followStatus: false }, { status: 'pending' });
    expect(screen.getByText('Waiting for payment confirmation…')).toBeInTheDocument();
  });
});

