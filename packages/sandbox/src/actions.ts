import { PAYMENT_METHODS, type ClinkAction, type ClinkWalletDetails, type WalletMethodType } from '@clink-checkout/protocol';
import { links } from './links.js';
import type { OrderRecord } from './orders.js';
import { encodeQr, pngDataUrl, qrToPng } from './qr.js';

/**
 * How each wallet's app is opened on a phone. Each scheme is one of the method table's `appSchemes`;
 * the Android package comes from the same table. Cash App opens through an https universal link:
 * the sandbox's phone page stands in for cash.app so the flow can be finished offline.
 */
const APP_LINKS: Record<Exclude<WalletMethodType, 'PROMPTPAY' | 'QRIS'>, (record: OrderRecord) => string> = {
  ALIPAY: (record) => `alipays://platformapi/startapp?appId=20000067&url=${encodeURIComponent(links.phonePage(record))}`,
  WECHAT: (record) => `weixin://wxpay/bizpayurl?pr=${encodeURIComponent(record.qr?.token ?? '')}`,
  GCASH: (record) => `gcash://pay?orderId=${encodeURIComponent(record.order.orderId)}&token=${encodeURIComponent(record.qr?.token ?? '')}`,
  KAKAO: (record) => `kakaotalk://kakaopay/pg?url=${encodeURIComponent(links.phonePage(record))}`,
  TNG: (record) => `tngdwallet://pay?orderId=${encodeURIComponent(record.order.orderId)}&token=${encodeURIComponent(record.qr?.token ?? '')}`,
  CASHAPP: (record) => links.phonePage(record),
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

function buildWallet(record: OrderRecord, method: WalletMethodType, now: number): ClinkWalletDetails {
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

function appLaunch(record: OrderRecord, method: keyof typeof APP_LINKS): ClinkWalletDetails {
  if (record.device.kind !== 'phone') return {};
  const packageName = PAYMENT_METHODS[method].androidPackage;
  return {
    mobileAuthUrl: APP_LINKS[method](record),
    fallbackUrl: links.phonePage(record),
    ...(record.device.os === 'iOS' || !packageName ? {} : { packageName }),
  };
}

function qrImages(record: OrderRecord): ClinkWalletDetails {
  return {
    imageUrlPng: links.qrImage(record, 'png'),
    imageUrlSvg: links.qrImage(record, 'svg'),
    imageDataUrl: pngDataUrl(qrToPng(encodeQr(links.phonePage(record)))),
  };
}
