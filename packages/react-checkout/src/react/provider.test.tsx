import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { hydrateRoot } from 'react-dom/client';
import { renderToString } from 'react-dom/server';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ClinkPayButton } from './components/pay-button.js';
import { useDevice } from './hooks/use-device.js';
import { messagesByLocale } from './i18n/locales.js';
import { ClinkCheckoutProvider } from './provider.js';

describe('<ClinkCheckoutProvider>', () => {
  it('provides a QueryClient when the app has none, and the one passed in otherwise', () => {
    const seen: QueryClient[] = [];
    function Probe() {
      seen.push(useQueryClient());
      return null;
    }
    const { rerender } = render(
      <ClinkCheckoutProvider endpoint="/api/checkout">
        <Probe />
      </ClinkCheckoutProvider>,
    );
    rerender(
      <ClinkCheckoutProvider endpoint="/api/checkout">
        <Probe />
      </ClinkCheckoutProvider>,
    );
    expect(seen[0]).toBeInstanceOf(QueryClient);
    expect(seen[1]).toBe(seen[0]);
    const mine = new QueryClient();
    render(
      <ClinkCheckoutProvider endpoint="/api/checkout" queryClient={mine}>
        <Probe />
      </ClinkCheckoutProvider>,
    );
    expect(seen.at(-1)).toBe(mine);
  });

  it('shows a built-in language with per-key overrides, and a component prop wins', () => {
    render(
      <ClinkCheckoutProvider endpoint="/api/checkout" locale="th" messages={{ ...messagesByLocale.th, payWith: 'จ่ายเลย' }}>
        <ClinkPayButton paymentMethodType="PROMPTPAY" />
        <ClinkPayButton paymentMethodType="QRIS" messages={{ payWith: 'Bayar {wallet}' }} />
        <ClinkPayButton paymentMethodType="GCASH" />
      </ClinkCheckoutProvider>,
    );
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['จ่ายเลย', 'Bayar QRIS', 'จ่ายเลย']);
  });
});

describe('useDevice', () => {
  it('hydrates as a desktop, then switches to the detected phone without a mismatch', async () => {
    const agent = vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
    );
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      function Probe() {
        const device = useDevice();
        return <span>{`${device.platformType} ${device.deviceType ?? '-'}`}</span>;
      }
      const container = document.createElement('div');
      container.innerHTML = renderToString(<Probe />);
      document.body.append(container);
      expect(container.textContent).toBe('WEB -');
      const recoverable = vi.fn();
      await act(async () => {
        hydrateRoot(container, <Probe />, { onRecoverableError: recoverable });
      });
      expect(container.textContent).toBe('WAP Android');
      expect(recoverable).not.toHaveBeenCalled();
      expect(errors).not.toHaveBeenCalled();
      container.remove();
    } finally {
      agent.mockRestore();
      errors.mockRestore();
    }
  });

  it('applies overrides over detection', () => {
    function Probe() {
      const device = useDevice({ platformType: 'WAP', deviceType: 'iOS', inAppBrowser: 'wechat' });
      return <span>{`${device.platformType} ${device.deviceType} ${device.inAppBrowser}`}</span>;
    }
    render(<Probe />);
    expect(screen.getByText('WAP iOS wechat')).toBeInTheDocument();
  });
});
