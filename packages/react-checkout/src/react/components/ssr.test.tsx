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
import { CheckoutActionError, type AppLinkPlan, type QrPlan } from '../../core/index.js';
import { PaymentActionView } from './action-view.js';
import { AppLinkAction } from './app-link-action.js';
import { CopyLink } from './copy-link.js';
import { Countdown } from './countdown.js';
import { FormPostAction } from './form-post-action.js';
import { QrAction } from './qr-action.js';
import { QrCode } from './qr-code.js';
import { RedirectAction } from './redirect-action.js';
import { SaveQr } from './save-qr.js';
import { Slot } from './slot.js';
import { CheckoutErrorView } from './status-view.js';

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

  it('renders every part on its own', () => {
    const en = messagesByLocale.en;
    const qrPlan: QrPlan = {
      kind: 'qr',
      paymentMethodType: 'QRIS',
      qr: { kind: 'value', value: 'https://qr.example/1' },
      copyText: 'https://qr.example/1',
      expiry: { deadline: Date.now() + 60_000, serverDeadline: Date.now() + 60_000 },
      refreshable: false,
      savable: true,
    };
    const appPlan: AppLinkPlan = {
      kind: 'app_link',
      paymentMethodType: 'GCASH',
      launchUrl: 'gcash://pay/1',
      fallbackUrl: 'https://pay.example.com/f',
      qr: { kind: 'image', src: 'data:image/png;base64,iVBORw0KGgo=' },
      expiry: null,
      refreshable: false,
      savable: true,
    };
    const frame = { current: null };
    const parts = [
      <RedirectAction url="https://3ds.example.com/x" messages={en} />,
      <FormPostAction url="https://acs.example.com/x" fields={[{ name: 'a', value: '1' }]} messages={en} />,
      <QrAction plan={qrPlan} wallet="QRIS" amount="Rp 10.000" locale="id" messages={en} />,
      <QrCode source={{ kind: 'value', value: 'x' }} label="QR" />,
      <Countdown deadline={Date.now() + 90_000} locale="en" messages={en} />,
      <CopyLink text="https://x.example" messages={en} />,
      <SaveQr source={{ kind: 'value', value: 'x' }} frameRef={frame} label="Save" />,
      <AppLinkAction plan={appPlan} wallet="GCash" amount="₱1.00" locale="fil" messages={en} inAppBrowser="line" />,
      <CheckoutErrorView error={new CheckoutActionError('unsafe_url', 'action.redirectUrl', 'x')} messages={en} />,
      <PaymentActionView state={{ status: 'cancelled' }} />,
      <Slot className="a">
        <a href="#x">x</a>
      </Slot>,
    ];
    for (const part of parts) {
      const html = renderToString(part);
      expect(html.length).toBeGreaterThan(0);
      expect(html).not.toMatch(/style=/);
    }
  });
});
