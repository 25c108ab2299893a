import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode, createRef, type ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DeviceInfo } from '../../core/index.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, heldFetch, QR_PNG } from '../test-support/fake-checkout.js';
import { ClinkPayButton } from './pay-button.js';

const DESKTOP: Partial<DeviceInfo> = { platformType: 'WEB', coarsePointer: false };

function withProvider(checkout: ReturnType<typeof createFakeCheckout>, node: ReactNode) {
  return (
    <StrictMode>
      <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={DESKTOP}>
        {node}
      </ClinkCheckoutProvider>
    </StrictMode>
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('<ClinkPayButton>', () => {
  it('creates one payment per click under StrictMode and shows the QR code inline', async () => {
    const user = userEvent.setup();
    const checkout = createFakeCheckout();
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="WECHAT" payload={{ cartId: 'c1' }} />));
    const button = screen.getByRole('button', { name: 'Pay with WeChat Pay' });
    expect(button).toHaveAttribute('data-state', 'idle');
    expect(checkout.creates).toHaveLength(0);
    await user.click(button);
    expect(await screen.findByRole('img', { name: /WeChat Pay QR code/ })).toHaveAttribute('src', QR_PNG);
    expect(checkout.creates).toHaveLength(1);
    expect(checkout.creates[0]!.body).toEqual({ paymentMethodType: 'WECHAT', platformType: 'WEB', payload: { cartId: 'c1' } });
    expect(checkout.creates[0]!.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('data-state', 'active');
  });

  it('creates a single payment on a double click, busy and disabled while working', async () => {
    const checkout = createFakeCheckout();
    const { fetch: slowFetch, release } = heldFetch(checkout.fetch);
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="WECHAT" fetch={slowFetch} />));
    const button = screen.getByRole('button');
    fireEvent.click(button);
    fireEvent.click(button);
    expect(button).toHaveAttribute('aria-busy', 'true');
    expect(button).toBeDisabled();
    expect(button).toHaveAttribute('data-state', 'loading');
    expect(button).toHaveTextContent('Processing…');
    fireEvent.click(button);
    release();
    await screen.findByRole('img');
    expect(checkout.creates).toHaveLength(1);
    expect(button).toHaveAttribute('aria-busy', 'false');
  });

  it('adds nothing a customer sees or hears while the create is on its way, and nothing after it', async () => {
    const checkout = createFakeCheckout();
    const { fetch: slowFetch, release } = heldFetch(checkout.fetch);
    const { container } = render(withProvider(checkout, <ClinkPayButton paymentMethodType="WECHAT" fetch={slowFetch} />));
    fireEvent.click(screen.getByRole('button'));
    // A made-up answer's view is rendered hidden during the wait (its code compiles and its fonts resolve then, not
    // after the answer), after the click's own render.
    const warmup = await waitFor(() => {
      const box = container.querySelector('.clink-visually-hidden');
      expect(box?.querySelector('img')).not.toBeNull();
      return box;
    });
    expect(warmup).toHaveAttribute('aria-hidden', 'true');
    // Nothing a test or a screen reader would find by its words, role or focus while the create is on its way.
    for (const text of ['WeChat Pay', /Scan the QR code/, /Expires in/, /Waiting for payment/, /Payment successful/]) {
      expect(screen.queryByText(text)).toBeNull();
    }
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.getAllByRole('button')).toHaveLength(1);
    release();
    await screen.findByRole('img', { name: /WeChat Pay QR code/ });
    expect(container.querySelectorAll('[aria-hidden="true"]')).toHaveLength(0);
  });

  it('reuses the idempotency key when retrying after a network error, and a new key for a new attempt', async () => {
    const user = userEvent.setup();
    // The first create (and its automatic retry) never get an answer.
    const checkout = createFakeCheckout({ failCreatesWithNetworkError: 2, action: () => undefined, status: 'failed' });
    const onError = vi.fn();
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="GCASH" onError={onError} />));
    await user.click(screen.getByRole('button'));
    const alert = await screen.findByRole('alert', {}, { timeout: 4000 });
    expect(alert).toHaveAttribute('data-code', 'network_error');
    expect(onError).toHaveBeenCalledTimes(1);
    expect(checkout.creates).toHaveLength(2);
    expect(checkout.creates[1]!.key).toBe(checkout.creates[0]!.key);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Payment failed');
    expect(checkout.creates).toHaveLength(3);
    expect(checkout.creates[2]!.key).toBe(checkout.creates[0]!.key);

    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(checkout.creates).toHaveLength(4));
    expect(checkout.creates[3]!.key).not.toBe(checkout.creates[0]!.key);
  });

  it('starts a new payment with a new key when the QR code expired', async () => {
    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const checkout = createFakeCheckout({
      action: (index) => ({
        paymentMethodType: 'WECHAT',
        walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: index === 0 ? 5 : 300 },
      }),
    });
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="WECHAT" />));
    await user.click(screen.getByRole('button', { name: 'Pay with WeChat Pay' }));
    await screen.findByRole('timer');
    act(() => vi.advanceTimersByTime(5000));
    // One primary next step: "Start again"; the pay button steps back to the secondary look.
    expect(screen.getByRole('button', { name: 'Pay with WeChat Pay' })).toHaveAttribute('data-emphasis', 'secondary');
    await user.click(screen.getByRole('button', { name: 'Start again' }));
    expect(await screen.findByRole('timer')).toHaveTextContent('Expires in 5:00');
    // The first status check starts in the task after the action shows.
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(checkout.creates).toHaveLength(2);
    expect(checkout.creates[1]!.key).not.toBe(checkout.creates[0]!.key);
  });

  it('reports success once when the status turns succeeded', async () => {
    vi.useFakeTimers();
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const checkout = createFakeCheckout();
    const onSuccess = vi.fn();
    const onStatusChange = vi.fn();
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="WECHAT" onSuccess={onSuccess} onStatusChange={onStatusChange} />));
    await user.click(screen.getByRole('button'));
    await screen.findByRole('timer');
    checkout.setStatus('ord_1', 'succeeded');
    await act(() => vi.advanceTimersByTimeAsync(2500));
    expect(await screen.findByText('Payment successful')).toBeInTheDocument();
    expect(onSuccess).toHaveBeenCalledTimes(1);
    expect(onSuccess).toHaveBeenCalledWith({ status: 'succeeded', orderId: 'ord_1', paymentMethodType: 'WECHAT', amount: 12, currency: 'CNY' });
    expect(onStatusChange.mock.calls.map(([state]) => state.status)).toEqual(['creating', 'action', 'succeeded']);
    expect(screen.getByRole('button', { name: 'Pay with WeChat Pay' })).toHaveAttribute('data-state', 'succeeded');
  });

  it('refuses a hostile action from the server with a visible typed error and no navigation', async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    const checkout = createFakeCheckout({ action: () => ({ paymentMethodType: 'CARD', redirectUrl: 'javascript:alert(document.cookie)' }) });
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="CARD" navigate={navigate} />));
    await user.click(screen.getByRole('button'));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-code', 'unsafe_url');
    expect(navigate).not.toHaveBeenCalled();
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('works without a provider given an endpoint, and explains what is missing otherwise', async () => {
    const user = userEvent.setup();
    const checkout = createFakeCheckout({ action: () => ({ paymentMethodType: 'CARD', redirectUrl: 'https://3ds.example.com/x' }) });
    const navigate = vi.fn();
    render(<ClinkPayButton paymentMethodType="CARD" endpoint="/api/checkout" fetch={checkout.fetch} navigate={navigate} device={DESKTOP} />);
    await user.click(screen.getByRole('button', { name: 'Pay with Card' }));
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('https://3ds.example.com/x'));
    expect(navigate).toHaveBeenCalledTimes(1);

    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(() => render(<ClinkPayButton paymentMethodType="CARD" />)).toThrow(
        /pass `endpoint`.*or wrap the part of your app that renders <ClinkPayButton> in <ClinkCheckoutProvider/,
      );
    } finally {
      spy.mockRestore();
    }
  });

  it('renders as the merchant’s own element with asChild, merging handlers, classes and refs', async () => {
    const user = userEvent.setup();
    const checkout = createFakeCheckout();
    const onClick = vi.fn();
    const ref = createRef<HTMLAnchorElement>();
    render(
      withProvider(
        checkout,
        <ClinkPayButton paymentMethodType="WECHAT" asChild className="ours">
          <a href="#pay" className="theirs" onClick={(event) => (event.preventDefault(), onClick())} ref={ref}>
            Checkout now
          </a>
        </ClinkPayButton>,
      ),
    );
    const link = screen.getByRole('link', { name: 'Checkout now' });
    expect(link).toBe(ref.current);
    expect(link).toHaveClass('clink-pay-button', 'ours', 'theirs');
    expect(link).toHaveAttribute('data-state', 'idle');
    await user.click(link);
    expect(onClick).toHaveBeenCalledTimes(1);
    // The child prevented the default action: the button does not pay.
    expect(checkout.creates).toHaveLength(0);
  });

  it('runs both handlers through asChild when the child does not prevent the default', async () => {
    const user = userEvent.setup();
    const checkout = createFakeCheckout();
    const onClick = vi.fn();
    render(
      withProvider(
        checkout,
        <ClinkPayButton paymentMethodType="WECHAT" asChild>
          <button type="button" className="fancy" onClick={onClick}>
            Buy
          </button>
        </ClinkPayButton>,
      ),
    );
    await user.click(screen.getByRole('button', { name: 'Buy' }));
    await screen.findByRole('img');
    expect(onClick).toHaveBeenCalledTimes(1);
    expect(checkout.creates).toHaveLength(1);
  });

  it('passes its ref to the button', () => {
    const ref = createRef<HTMLButtonElement>();
    render(withProvider(createFakeCheckout(), <ClinkPayButton paymentMethodType="KAKAO" ref={ref} />));
    expect(ref.current).toBe(screen.getByRole('button', { name: 'Pay with KakaoPay' }));
  });

  it('hands the payment and the ready view to renderAction', async () => {
    const user = userEvent.setup();
    const checkout = createFakeCheckout();
    render(
      withProvider(
        checkout,
        <ClinkPayButton
          paymentMethodType="WECHAT"
          renderAction={({ payment, view }) => (
            <div role="dialog" aria-label={`Order ${payment.orderId}`}>
              {view}
            </div>
          )}
        />,
      ),
    );
    await user.click(screen.getByRole('button'));
    const dialog = await screen.findByRole('dialog', { name: 'Order ord_1' });
    expect(dialog.querySelector('img')).not.toBeNull();
    // The merchant's dialog manages focus; the view does not take it.
    expect(dialog.querySelector('.clink-renderer')).not.toHaveFocus();
  });

  it('moves focus to the action when it appears, and keeps the pay button secondary meanwhile', async () => {
    const user = userEvent.setup();
    const checkout = createFakeCheckout();
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="WECHAT" />));
    const button = screen.getByRole('button', { name: 'Pay with WeChat Pay' });
    expect(button).not.toHaveAttribute('data-emphasis');
    await user.click(button);
    await screen.findByRole('img', { name: /WeChat Pay QR code/ });
    await waitFor(() => expect(document.querySelector('.clink-renderer')).toHaveFocus());
    expect(button).toHaveAttribute('data-emphasis', 'secondary');
  });

  it('is usable again when the page comes back from the back/forward cache after a redirect', async () => {
    const user = userEvent.setup();
    const navigate = vi.fn();
    const checkout = createFakeCheckout({
      action: () => ({ paymentMethodType: 'CARD', method: 'GET', redirectUrl: 'https://3ds.bank.example/challenge/1' }),
    });
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="CARD" navigate={navigate} />));
    const button = screen.getByRole('button', { name: 'Pay with Card' });
    await user.click(button);
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('https://3ds.bank.example/challenge/1'));
    expect(button).toBeDisabled();

    // A plain page show (not a restore) changes nothing.
    act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false })));
    expect(button).toBeDisabled();

    act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    expect(button).toBeEnabled();
    await user.click(button);
    await waitFor(() => expect(checkout.creates).toHaveLength(2));
    expect(checkout.creates[1]!.key).not.toBe(checkout.creates[0]!.key);
  });

  it('keeps a QR code on screen when the page comes back from the back/forward cache', async () => {
    const user = userEvent.setup();
    const checkout = createFakeCheckout();
    render(withProvider(checkout, <ClinkPayButton paymentMethodType="WECHAT" />));
    await user.click(screen.getByRole('button', { name: 'Pay with WeChat Pay' }));
    const qr = await screen.findByRole('img', { name: /WeChat Pay QR code/ });
    act(() => void window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true })));
    expect(qr).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Pay with WeChat Pay' })).toBeDisabled();
  });

  it('reuses the app’s QueryClient', async () => {
    const user = userEvent.setup();
    const checkout = createFakeCheckout();
    const queryClient = new QueryClient();
    render(
      <QueryClientProvider client={queryClient}>
        <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={DESKTOP}>
          <ClinkPayButton paymentMethodType="WECHAT" />
        </ClinkCheckoutProvider>
      </QueryClientProvider>,
    );
    await user.click(screen.getByRole('button'));
    await screen.findByRole('img');
    expect(queryClient.getMutationCache().getAll()).toHaveLength(1);
  });
});
