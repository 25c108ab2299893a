// The page the time-to-action benchmark loads: one pay button, whose create answer the page itself produces
// (after a server-like delay), so the time from that answer to the action on screen is measured in the page.
import { ClinkCheckoutProvider, ClinkPayButton, type DeviceInfo, type PaymentMethodType } from '@clink-checkout/react';
import '@clink-checkout/react/styles.css';
import { createRoot } from 'react-dom/client';

type Case = 'server-qr' | 'drawn-qr' | 'redirect' | 'app-link';
const params = new URLSearchParams(location.search);
const kind = (params.get('case') ?? 'server-qr') as Case;
/** How long the shop's server takes to create the payment: its own work and its round trip to Clink. */
const serverMs = Number(params.get('serverMs') ?? 300);

/** A wallet's QR code as a PNG data URL, drawn by the sandbox when the page is built (`time-to-action.bench.mjs`). */
declare const __SERVER_QR_PNG__: string;
const PNG = __SERVER_QR_PNG__;
const DESKTOP: DeviceInfo = { platformType: 'WEB', coarsePointer: false };
const ANDROID: DeviceInfo = { platformType: 'WAP', deviceType: 'Android', coarsePointer: true };

const CASES: Record<Case, { method: PaymentMethodType; device: DeviceInfo; action: Record<string, unknown> }> = {
  'server-qr': { method: 'WECHAT', device: DESKTOP, action: { type: 'WECHAT', walletHandleRedirectOrDisplayQrCode: { imageDataUrl: PNG, expiresSecond: 900 } } },
  'drawn-qr': {
    method: 'ALIPAY',
    device: DESKTOP,
    action: { type: 'ALIPAY', walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://qr.alipay.example/pay?id=bench-0123456789', expiresSecond: 900 } },
  },
  redirect: { method: 'CARD', device: DESKTOP, action: { type: 'CARD', method: 'GET', redirectUrl: 'https://3ds.bank.example/challenge/bench' } },
  'app-link': {
    method: 'TNG',
    device: ANDROID,
    action: {
      type: 'TNG',
      walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'tngdwallet://pay?id=bench', imageDataUrl: PNG, fallbackUrl: 'https://tng.example/pay', expiresSecond: 900 },
    },
  },
};

interface Marks {
  createAnswered?: number;
  navigated?: number;
}
const marks: Marks = {};
(window as unknown as { __marks: Marks }).__marks = marks;

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const chosen = CASES[kind];

/** The shop's checkout handler, in the page: a create answered after `serverMs`, status checks pending. */
const shopFetch: typeof fetch = async (input, init) => {
  const method = init?.method ?? 'GET';
  if (method === 'POST' && String(input).endsWith('/payments')) {
    await new Promise((resolve) => setTimeout(resolve, serverMs));
    const answer = json(
      { orderId: 'ord_bench', orderToken: 'tok_bench', status: 'requires_action', paymentMethodType: chosen.method, action: chosen.action, amount: 12.5, currency: 'USD', serverTime: Date.now() },
      201,
    );
    marks.createAnswered = performance.now();
    return answer;
  }
  return json({ orderId: 'ord_bench', status: 'requires_action', orderStatus: 'requires_action', serverTime: Date.now() });
};

createRoot(document.getElementById('root')!).render(
  <ClinkCheckoutProvider endpoint="/api/checkout" fetch={shopFetch} device={chosen.device}>
    <ClinkPayButton
      paymentMethodType={chosen.method}
      navigate={() => {
        marks.navigated ??= performance.now();
      }}
    />
  </ClinkCheckoutProvider>,
);
