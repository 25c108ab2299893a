import type { PaymentMethodType } from './constants.js';
import { links } from './links.js';
import type { OrderRecord } from './orders.js';
import { encodeQr, pngDataUrl, qrToPng } from './qr.js';
import type { ClinkAction, WalletDetails } from './types.js';

type WalletMethod = Exclude<PaymentMethodType, 'CARD'>;

/** Deep links and Android packages of the wallets, as in the shared scheme table. */
const WALLET_APPS: Record<Exclude<WalletMethod, 'PROMPTPAY' | 'QRIS'>, { packageName: string; deepLink: (record: OrderRecord) => string }> = {
  ALIPAY: {
    packageName: 'com.eg.android.AlipayGphone',
    deepLink: (record) => `alipays://platformapi/startapp?appId=20000067&url=${encodeURIComponent(links.phonePage(record))}`,
  },
  WECHAT: {
    packageName: 'com.tencent.mm',
    deepLink: (record) => `weixin://wxpay/bizpayurl?pr=${encodeURIComponent(record.qr?.token ?? '')}`,
  },
  GCASH: {
    packageName: 'com.globe.gcash.android',
    deepLink: (record) => `gcash://pay?orderId=${encodeURIComponent(record.order.orderId)}&token=${encodeURIComponent(record.qr?.token ?? '')}`,
  },
  KAKAO: {
    packageName: 'com.kakao.talk',
    deepLink: (record) => `kakaotalk://kakaopay/pg?url=${encodeURIComponent(links.phonePage(record))}`,
  },
  TNG: {
    packageName: 'my.com.tngdigital.ewallet',
    deepLink: (record) => `tngdwallet://pay?orderId=${encodeURIComponent(record.order.orderId)}&token=${encodeURIComponent(record.qr?.token ?? '')}`,
  },
  // Cash App opens through an https universal link; the sandbox's phone page stands in for cash.app
  // so the flow can be finished offline.
  CASHAPP: {
    packageName: 'com.squareup.cash',
    deepLink: (record) => links.phonePage(record),
  },
};

/**
 * The action for an order that needs the customer, following the table in the README:
 * CARD -> 3-D Secure (GET redirect or POST form); ALIPAY -> redirect; PROMPTPAY/QRIS -> QR only;
 * WECHAT/CASHAPP/GCASH/KAKAO/TNG -> QR, plus an app link on phones.
 */
export function buildAction(record: OrderRecord, now: number): ClinkAction {
  const method = record.order.paymentMethod.paymentMethodType;
  const base = { type: method, paymentMethodType: method };
  if (method === 'CARD') {
    if (record.cardFlow === 'post_form') {
      return {
        ...base,
        redirectUrl: links.threeDsPage(record),
        method: 'POST',
        postData: {
          MD: record.order.orderId,
          PaReq: record.challengeToken ?? '',
          TermUrl: links.returnUrl(record),
        },
      };
    }
    return { ...base, redirectUrl: links.threeDsPage(record), method: 'GET' };
  }
  const wallet = buildWallet(record, method, now);
  if (method === 'ALIPAY') {
    const redirectUrl = record.device.kind === 'phone' ? links.phonePage(record) : links.instructionsPage(record);
    return { ...base, redirectUrl, method: 'GET', walletHandleRedirectOrDisplayQrCode: wallet };
  }
  return { ...base, walletHandleRedirectOrDisplayQrCode: wallet };
}

function buildWallet(record: OrderRecord, method: WalletMethod, now: number): WalletDetails {
  const expiresAtMs = record.qr?.expiresAtMs ?? now;
  const expiry = {
    expiresAt: Math.floor(expiresAtMs / 1000),
    expiresSecond: Math.max(0, Math.ceil((expiresAtMs - now) / 1000)),
  };
  switch (method) {
    case 'PROMPTPAY':
    case 'QRIS':
      return { ...qrImages(record), ...expiry };
    case 'ALIPAY':
      return { hostedInstructionsUrl: links.instructionsPage(record), ...appLaunch(record, method), ...expiry };
    case 'WECHAT':
    case 'CASHAPP':
    case 'GCASH':
    case 'KAKAO':
    case 'TNG':
      return {
        ...qrImages(record),
        hostedInstructionsUrl: links.instructionsPage(record),
        ...(record.device.kind === 'phone' ? appLaunch(record, method) : { mobileAuthUrl: links.phonePage(record) }),
        ...expiry,
      };
    default:
      return method satisfies never;
  }
}

function appLaunch(record: OrderRecord, method: keyof typeof WALLET_APPS): WalletDetails {
  if (record.device.kind !== 'phone') return {};
  const app = WALLET_APPS[method];
  return {
    mobileAuthUrl: app.deepLink(record),
    fallbackUrl: links.phonePage(record),
    ...(record.device.os === 'iOS' ? {} : { packageName: app.packageName }),
  };
}

function qrImages(record: OrderRecord): WalletDetails {
  return {
    imageUrlPng: links.qrImage(record, 'png'),
    imageUrlSvg: links.qrImage(record, 'svg'),
    imageDataUrl: pngDataUrl(qrToPng(encodeQr(links.phonePage(record)))),
  };
}
