// @vitest-environment node
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ClinkAction } from '../../core/index.js';
import { useDevice } from '../hooks/use-device.js';
import { ClinkCheckoutProvider } from '../provider.js';
import { paymentResponse } from '../test-support/fake-checkout.js';
import { ClinkPayButton } from './pay-button.js';
import { PaymentActionRenderer } from './payment-action-renderer.js';
import { PaymentStatusView } from './status-view.js';
import { messagesByLocale } from '../i18n/locales.js';

const actions: Record<string, ClinkAction | undefined> = {
  redirect: { paymentMethodType: 'CARD', redirectUrl: 'https://3ds.example.com/x' },
  form: { paymentMethodType: 'CARD', method: 'POST', redirectUrl: 'https://acs.example.com/x', postData: { a: '1' } },
  qrImage: { paymentMethodType: 'WECHAT', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: 'data:image/png;base64,iVBORw0KGgo=', expiresSecond: 60 } },
  qrValue: { paymentMethodType: 'ALIPAY', walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://qr.example/abc' } },
  hostile: { paymentMethodType: 'CARD', redirectUrl: 'javascript:alert(1)' },
  none: undefined,
};

const render = (node: React.ReactNode) =>
  renderToString(<ClinkCheckoutProvider endpoint="/api/checkout">{node}</ClinkCheckoutProvider>);

describe('server rendering', () => {
  it('renders the pay button', () => {
    const html = render(<ClinkPayButton paymentMethodType="GCASH" />);
    expect(html).toContain('Pay with GCash');
    expect(html).toContain('data-state="idle"');
  });

  for (const [name, action] of Object.entries(actions)) {
    it(`renders the action renderer for ${name} without touching the browser`, () => {
      const html = render(<PaymentActionRenderer payment={paymentResponse(action)} />);
      expect(html.length).toBeGreaterThan(0);
      expect(html).not.toMatch(/style=/);
    });
  }

  it('renders every status view', () => {
    for (const status of ['pending', 'succeeded', 'failed', 'expired', 'cancelled'] as const) {
      expect(render(<PaymentStatusView status={status} messages={messagesByLocale.en} onRestart={() => {}} />)).toContain(
        `data-state="${status}"`,
      );
    }
  });

  it('assumes a desktop on the server', () => {
    function Probe() {
      return <span>{useDevice().platformType}</span>;
    }
    expect(renderToString(<Probe />)).toBe('<span>WEB</span>');
  });
});
