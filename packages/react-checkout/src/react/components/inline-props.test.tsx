/**
 * Props that are functions (`fetch`, callbacks, `navigate`, `submitForm`) change identity on every render of a
 * parent that writes them inline, as the README suggests (`fetch={(url, init) => …}`). None of them may restart
 * anything: no new status check, no second navigation, no repeated callback.
 */
import { act, render } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClinkAction } from '../../core/index.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { createFakeCheckout, paymentResponse, QR_PNG } from '../test-support/fake-checkout.js';
import { PaymentActionRenderer } from './payment-action-renderer.js';

const QR_ACTION: ClinkAction = {
  paymentMethodType: 'WECHAT',
  walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 300 },
};

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('inline function props', () => {
  it('an inline fetch re-created by 10 parent renders in 100 ms sends one status request, not 11', async () => {
    const checkout = createFakeCheckout({ action: () => QR_ACTION });
    // The order exists at the checkout handler, as one the merchant's code created.
    await checkout.fetch('/api/checkout/payments', { method: 'POST', body: JSON.stringify({ paymentMethodType: 'WECHAT' }) });
    const payment = paymentResponse(QR_ACTION);
    let rerender!: () => void;
    function Page() {
      const [, setCount] = useState(0);
      rerender = () => setCount((count) => count + 1);
      return (
        <ClinkCheckoutProvider endpoint="/api/checkout" device={{ platformType: 'WEB', coarsePointer: false }}>
          <PaymentActionRenderer
            payment={payment}
            // A new function on every render, e.g. to add a header.
            fetch={(input, init) => checkout.fetch(input, init)}
            onSuccess={() => {}}
            onStatusChange={() => {}}
            navigate={() => {}}
          />
        </ClinkCheckoutProvider>
      );
    }
    render(<Page />);
    for (let i = 0; i < 10; i += 1) {
      act(() => rerender());
      await act(() => vi.advanceTimersByTimeAsync(10));
    }
    expect(checkout.statusCalls).toHaveLength(1);
  });
});
