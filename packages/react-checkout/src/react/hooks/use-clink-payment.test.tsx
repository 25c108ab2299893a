import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, heldFetch, QR_PNG } from '../test-support/fake-checkout.js';
import { PaymentActionView } from '../components/action-view.js';
import { useClinkPayment } from './use-clink-payment.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

function wrapperFor(checkout: ReturnType<typeof createFakeCheckout>) {
  return ({ children }: { children: ReactNode }) => (
    <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch} device={{ platformType: 'WAP', deviceType: 'Android', coarsePointer: true }}>
      {children}
    </ClinkCheckoutProvider>
  );
}

describe('useClinkPayment', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('walks idle → creating → action → succeeded, sending the detected device', async () => {
    const checkout = createFakeCheckout({
      action: () => ({ paymentMethodType: 'TNG', walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'tngdwallet://pay/1', expiresSecond: 300 } }),
    });
    const onSuccess = vi.fn();
    const { result } = renderHook(() => useClinkPayment({ paymentMethodType: 'TNG', onSuccess }), { wrapper: wrapperFor(checkout) });
    expect(result.current.state.status).toBe('idle');
    act(() => result.current.pay());
    expect(result.current.state.status).toBe('creating');
    await waitFor(() => expect(result.current.state.status).toBe('action'));
    const { state } = result.current;
    expect(state.status === 'action' && state.plan.kind).toBe('app_link');
    expect(checkout.creates[0]!.body).toEqual({ paymentMethodType: 'TNG', platformType: 'WAP', deviceType: 'Android' });
    checkout.setStatus('ord_1', 'succeeded');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(result.current.state.status).toBe('succeeded');
    expect(onSuccess).toHaveBeenCalledTimes(1);
  });

  it('ignores pay() while a payment runs and expires at the deadline', async () => {
    const checkout = createFakeCheckout({
      action: () => ({ paymentMethodType: 'WECHAT', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 10 } }),
    });
    const onExpire = vi.fn();
    const { result } = renderHook(() => useClinkPayment({ paymentMethodType: 'WECHAT', onExpire, device: { platformType: 'WEB' } }), {
      wrapper: wrapperFor(checkout),
    });
    act(() => {
      result.current.pay();
      result.current.pay();
    });
    await waitFor(() => expect(result.current.state.status).toBe('action'));
    act(() => result.current.pay());
    expect(checkout.creates).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(result.current.state.status).toBe('expired');
    expect(onExpire).toHaveBeenCalledTimes(1);
    act(() => result.current.restart());
    await waitFor(() => expect(result.current.state.status).toBe('action'));
    expect(checkout.creates).toHaveLength(2);
    expect(checkout.creates[1]!.key).not.toBe(checkout.creates[0]!.key);
  });

  it('starts the first status check in the task after the action shows, not in the one that renders it', async () => {
    const checkout = createFakeCheckout({
      action: () => ({ paymentMethodType: 'WECHAT', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 300 } }),
    });
    const { result } = renderHook(() => useClinkPayment({ paymentMethodType: 'WECHAT', device: { platformType: 'WEB' } }), {
      wrapper: wrapperFor(checkout),
    });
    act(() => result.current.pay());
    await waitFor(() => expect(result.current.state.status).toBe('action'));
    expect(checkout.statusCalls).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(checkout.statusCalls).toHaveLength(1);
  });

  it('refreshes a Cash App Pay code after expiry', async () => {
    const checkout = createFakeCheckout({
      action: () => ({ paymentMethodType: 'CASHAPP', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 5 } }),
      refreshAction: () => ({ paymentMethodType: 'CASHAPP', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 60 } }),
    });
    const { result } = renderHook(() => useClinkPayment({ paymentMethodType: 'CASHAPP', device: { platformType: 'WEB' } }), {
      wrapper: wrapperFor(checkout),
    });
    act(() => result.current.pay());
    await waitFor(() => expect(result.current.state.status).toBe('action'));
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(result.current.state.status).toBe('expired');
    const refreshedAt = Date.now();
    await act(() => result.current.refresh());
    expect(checkout.refreshCalls).toEqual(['ord_1']);
    await waitFor(() => expect(result.current.state.status).toBe('action'));
    const { state } = result.current;
    const deadline = state.status === 'action' && state.plan.kind === 'qr' ? state.plan.expiry?.deadline : undefined;
    // 60 s from when the refresh answer arrived.
    expect(deadline).toBeGreaterThanOrEqual(refreshedAt + 60_000);
    expect(deadline).toBeLessThanOrEqual(Date.now() + 60_000);
  });

  it('cancel() aborts a create in flight and ignores its answer', async () => {
    const checkout = createFakeCheckout();
    const { fetch: slow, release } = heldFetch(checkout.fetch);
    const { result } = renderHook(() => useClinkPayment({ paymentMethodType: 'WECHAT', fetch: slow }), { wrapper: wrapperFor(checkout) });
    act(() => result.current.pay());
    act(() => result.current.cancel());
    expect(result.current.state.status).toBe('cancelled');
    release();
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(result.current.state.status).toBe('cancelled');
  });

  it('drives a merchant’s own button, with PaymentActionView showing the action', async () => {
    const checkout = createFakeCheckout();
    function Checkout() {
      const { state, pay, restart } = useClinkPayment({ paymentMethodType: 'WECHAT', device: { platformType: 'WEB' } });
      return (
        <>
          <button type="button" onClick={pay}>
            Buy now ({state.status})
          </button>
          <PaymentActionView state={state} onRestart={restart} />
        </>
      );
    }
    render(<Checkout />, { wrapper: wrapperFor(checkout) });
    act(() => screen.getByRole('button', { name: 'Buy now (idle)' }).click());
    expect(await screen.findByRole('img', { name: 'WeChat Pay QR code for CN¥12.00' })).toBeInTheDocument();
    // The first status check starts in the task after the action shows.
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('button', { name: 'Buy now (action)' })).toBeInTheDocument();
  });
});
