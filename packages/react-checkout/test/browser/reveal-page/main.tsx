// A checkout page as merchants build them: an order summary, then the pay button near the bottom of the first
// screen, so the QR code that follows renders below the fold.
import { createRoot } from 'react-dom/client';
import { ClinkCheckoutProvider, ClinkPayButton } from '../../../src/index.js';
import '../../../src/styles.css';

const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** The merchant's checkout handler, answering in-page: a WeChat Pay QR code, then "pending" on every check. */
const checkoutHandler: typeof fetch = async (input) => {
  const url = String(input instanceof Request ? input.url : input);
  const base = { orderId: 'ord_reveal', status: 'requires_action' as const, serverTime: Date.now() };
  if (url.endsWith('/payments')) {
    return json({
      ...base,
      orderToken: 'tok_reveal',
      paymentMethodType: 'WECHAT',
      action: { type: 'WECHAT', walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'weixin://wxpay/bizpayurl?pr=reveal', expiresSecond: 900 } },
      amount: 88,
      currency: 'CNY',
    });
  }
  return json({ ...base, status: 'pending', orderStatus: 'requires_action' });
};

createRoot(document.getElementById('root')!).render(
  <main style={{ maxWidth: 640, margin: '0 auto', padding: 24, fontFamily: 'system-ui' }}>
    <h1>Checkout</h1>
    <section aria-label="Order summary" style={{ minHeight: 560 }}>
      <p>Ceramic teapot × 1</p>
      <p>Total ¥88.00</p>
    </section>
    <ClinkCheckoutProvider endpoint="/api/checkout" fetch={checkoutHandler} device={{ platformType: 'WEB', coarsePointer: false }}>
      <ClinkPayButton paymentMethodType="WECHAT" />
    </ClinkCheckoutProvider>
  </main>,
);
