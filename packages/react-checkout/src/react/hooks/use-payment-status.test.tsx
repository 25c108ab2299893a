import { act, render, renderHook, screen } from '@testing-library/react';
import { ClinkCheckoutProvider } from '../provider.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeCheckout } from '../test-support/fake-checkout.js';
import { usePaymentStatus } from './use-payment-status.js';

const NOW = Date.UTC(2026, 10, 26, 12, 0, 0);

async function createOrder(checkout: ReturnType<typeof createFakeCheckout>) {
  const response = await checkout.fetch('/api/checkout/payments', {
    method: 'POST',
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({ paymentMethodType: 'WECHAT' }),
  });
  return (await response.json()) as { orderId: string; orderToken: string };
}

function setVisibility(state: 'visible' | 'hidden') {
  Object.defineProperty(document, 'visibilityState', { value: state, configurable: true });
  // The page's own listeners (React Query's focus manager among them) update React state: inside act, as in a test.
  act(() => {
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
}

const flush = () => act(() => vi.advanceTimersByTimeAsync(0));

describe('usePaymentStatus', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: NOW });
  });
  afterEach(() => {
    vi.useRealTimers();
    setVisibility('visible');
  });

  it('checks at once, every 2 s after that, and stops when the payment succeeds', async () => {
    const checkout = createFakeCheckout();
    const { orderId, orderToken } = await createOrder(checkout);
    const { result } = renderHook(() => usePaymentStatus(orderId, orderToken, { endpoint: '/api/checkout', fetch: checkout.fetch }));
    await flush();
    expect(checkout.statusCalls).toHaveLength(1);
    expect(result.current.status?.status).toBe('requires_action');
    expect(result.current.following).toBe(true);
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(checkout.statusCalls).toHaveLength(2);
    checkout.setStatus(orderId, 'succeeded');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(result.current.status?.status).toBe('succeeded');
    expect(result.current.following).toBe(false);
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(checkout.statusCalls).toHaveLength(3);
  });

  it('stops when the payment fails', async () => {
    const checkout = createFakeCheckout();
    const { orderId, orderToken } = await createOrder(checkout);
    checkout.setStatus(orderId, 'failed');
    const { result } = renderHook(() => usePaymentStatus(orderId, orderToken, { endpoint: '/api/checkout', fetch: checkout.fetch }));
    await flush();
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(checkout.statusCalls).toHaveLength(1);
    expect(result.current.status?.status).toBe('failed');
    expect(result.current.following).toBe(false);
  });

  it('stops on unmount and aborts the check in flight', async () => {
    const checkout = createFakeCheckout({ holdStatus: true });
    const { orderId, orderToken } = await createOrder(checkout);
    const { unmount } = renderHook(() => usePaymentStatus(orderId, orderToken, { endpoint: '/api/checkout', fetch: checkout.fetch }));
    await flush();
    expect(checkout.statusCalls).toHaveLength(1);
    unmount();
    checkout.release();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(checkout.statusCalls).toHaveLength(1);
  });

  it('sends nothing while the page is hidden and checks as soon as it is visible again', async () => {
    const checkout = createFakeCheckout();
    const { orderId, orderToken } = await createOrder(checkout);
    setVisibility('hidden');
    renderHook(() => usePaymentStatus(orderId, orderToken, { endpoint: '/api/checkout', fetch: checkout.fetch }));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(checkout.statusCalls).toHaveLength(0);
    setVisibility('visible');
    await flush();
    expect(checkout.statusCalls).toHaveLength(1);
    setVisibility('hidden');
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(checkout.statusCalls).toHaveLength(1);
  });

  it('never has two checks in flight, even when answers are slow', async () => {
    const checkout = createFakeCheckout({ holdStatus: true });
    const { orderId, orderToken } = await createOrder(checkout);
    renderHook(() => usePaymentStatus(orderId, orderToken, { endpoint: '/api/checkout', fetch: checkout.fetch }));
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(checkout.statusCalls).toHaveLength(1);
    for (let i = 0; i < 3; i += 1) {
      checkout.release();
      await act(() => vi.advanceTimersByTimeAsync(2000));
    }
    expect(checkout.statusCalls.length).toBeGreaterThanOrEqual(3);
    expect(checkout.maxInFlight).toBe(1);
  });

  it('sends one request for two components following the same order', async () => {
    const checkout = createFakeCheckout();
    const { orderId, orderToken } = await createOrder(checkout);
    function Follower({ name }: { name: string }) {
      const { status } = usePaymentStatus(orderId, orderToken);
      return <p>{`${name}: ${status?.status ?? 'unknown'}`}</p>;
    }
    render(
      <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkout.fetch}>
        <Follower name="summary" />
        <Follower name="receipt" />
      </ClinkCheckoutProvider>,
    );
    await flush();
    expect(checkout.statusCalls).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(checkout.statusCalls).toHaveLength(6);
    checkout.setStatus(orderId, 'succeeded');
    await act(() => vi.advanceTimersByTimeAsync(2_000));
    expect(screen.getByText('summary: succeeded')).toBeInTheDocument();
    expect(screen.getByText('receipt: succeeded')).toBeInTheDocument();
    expect(checkout.statusCalls).toHaveLength(7);
    expect(checkout.maxInFlight).toBe(1);
  });

  it('does nothing while disabled', async () => {
    const checkout = createFakeCheckout();
    const { orderId, orderToken } = await createOrder(checkout);
    const { result } = renderHook(() =>
      usePaymentStatus(orderId, orderToken, { endpoint: '/api/checkout', fetch: checkout.fetch, enabled: false }),
    );
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(checkout.statusCalls).toHaveLength(0);
    expect(result.current.following).toBe(false);
  });
});
