// A payment whose QR code the browser draws (Clink sent `mobileAuthUrl` and no image).
import { createRoot } from 'react-dom/client';
import { ClinkCheckoutProvider, PaymentActionRenderer } from '../../../src/index.js';

const payment = {
  orderId: 'ord_drawn',
  orderToken: 'tok_drawn',
  status: 'requires_action' as const,
  paymentMethodType: 'ALIPAY' as const,
  action: { type: 'ALIPAY' as const, walletHandleRedirectOrDisplayQrCode: { mobileAuthUrl: 'https://qr.alipay.example/pay?id=drawn', expiresSecond: 900 } },
  amount: 12.5,
  currency: 'USD',
  serverTime: Date.now(),
};

createRoot(document.getElementById('root')!).render(
  <ClinkCheckoutProvider endpoint="/api/checkout" device={{ platformType: 'WEB', coarsePointer: false }}>
    <PaymentActionRenderer payment={payment} followStatus={false} />
  </ClinkCheckoutProvider>,
);
