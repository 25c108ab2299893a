import { PAYMENT_METHODS, type ClinkAction, type ClinkWalletDetails, type PaymentMethodType, type WalletMethodType } from '@clink-checkout/protocol';
import { links } from './links.js';
import type { OrderRecord } from './orders.js';
import { pngDataUrl, qrToPng, qrToSvg, svgDataUrl, toBase64 } from './qr.js';
import { orderQr } from './qr-cache.js';
import type { ImageForm, OrderShape } from './variants.js';

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
 * WECHAT/CASHAPP/GCASH/KAKAO/TNG -> QR, plus an app link on phones. The order's shape decides how it is
 * written (which optional fields, which image forms); every shape leads to the same pages.
 */
export function buildAction(record: OrderRecord, now: number): ClinkAction {
  const method = record.order.paymentMethod.paymentMethodType;
  const { shape } = record;
  const base: ClinkAction = { type: method, ...methodTypeField(method, shape) };
  const getMethod: ClinkAction = shape.actionMethod === 'present' ? { method: 'GET' } : {};
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
    return { ...base, redirectUrl: links.threeDsPage(record), ...getMethod };
  }
  const redirectUrl = walletRedirect(record, method);
  return {
    ...base,
    ...(redirectUrl ? { redirectUrl, ...getMethod } : {}),
    walletHandleRedirectOrDisplayQrCode: buildWallet(record, method, now),
  };
}

function methodTypeField(method: PaymentMethodType, shape: OrderShape): ClinkAction {
  switch (shape.actionMethodType.kind) {
    case 'enum':
      return { paymentMethodType: method };
    case 'absent':
      return {};
    case 'free_text':
      return { paymentMethodType: shape.actionMethodType.text };
    default:
      return shape.actionMethodType satisfies never;
  }
}

/** ALIPAY always redirects; a QR wallet does too when its shape puts a redirect next to the QR. */
function walletRedirect(record: OrderRecord, method: WalletMethodType): string | undefined {
  if (method === 'ALIPAY') return record.device.kind === 'phone' ? links.phonePage(record) : links.instructionsPage(record);
  return record.shape.redirectWithQr ? links.phonePage(record) : undefined;
}

function buildWallet(record: OrderRecord, method: WalletMethodType, now: number): ClinkWalletDetails {
  const images = qrImages(record, method);
  const hasImage = Object.keys(images).length > 0;
  const hosted = method === 'PROMPTPAY' || method === 'QRIS' ? {} : { hostedInstructionsUrl: links.instructionsPage(record) };
  const link = record.device.kind === 'phone' ? appLaunch(record, method, hasImage) : desktopLink(record, method, hasImage);
  return { ...images, ...hosted, ...link, ...expiry(record, now) };
}

/** A desktop shows the QR; its `mobileAuthUrl` is the phone page, which a QR can also be drawn from. */
function desktopLink(record: OrderRecord, method: WalletMethodType, hasImage: boolean): ClinkWalletDetails {
  if (method === 'ALIPAY') return {};
  if ((method === 'PROMPTPAY' || method === 'QRIS') && hasImage) return {};
  return { mobileAuthUrl: links.phonePage(record) };
}

/**
 * A phone opens an app: the method's usual one, or (under variants) another scheme, always with the phone
 * page as `fallbackUrl`. PROMPTPAY and QRIS have no app of their own: their QR is paid from any bank app.
 */
function appLaunch(record: OrderRecord, method: WalletMethodType, hasImage: boolean): ClinkWalletDetails {
  const { appLink } = record.shape;
  const android = record.device.kind === 'phone' && record.device.os !== 'iOS';
  if (appLink.kind === 'other') {
    return {
      mobileAuthUrl: `${appLink.scheme}://pay?orderId=${encodeURIComponent(record.order.orderId)}&token=${encodeURIComponent(record.qr?.token ?? '')}`,
      fallbackUrl: links.phonePage(record),
      ...(android && appLink.packageName ? { packageName: appLink.packageName } : {}),
    };
  }
  if (method === 'PROMPTPAY' || method === 'QRIS') return hasImage ? {} : { mobileAuthUrl: links.phonePage(record) };
  const packageName = PAYMENT_METHODS[method].androidPackage;
  return {
    mobileAuthUrl: APP_LINKS[method](record),
    fallbackUrl: links.phonePage(record),
    ...(android && packageName ? { packageName } : {}),
  };
}

function expiry(record: OrderRecord, now: number): ClinkWalletDetails {
  const expiresAtMs = record.qr?.expiresAtMs ?? now;
  const expiresAt = Math.floor(expiresAtMs / 1000);
  const expiresSecond = Math.max(0, Math.ceil((expiresAtMs - now) / 1000));
  switch (record.shape.expiry) {
    case 'both':
      return { expiresAt, expiresSecond };
    case 'expires_at':
      return { expiresAt };
    case 'expires_second':
      return { expiresSecond };
    default:
      return record.shape.expiry satisfies never;
  }
}

/**
 * The QR image fields, each in the form the shape chose, all encoding the phone page. ALIPAY shows a QR
 * only next to a redirect; a redirect always comes with at least one image.
 */
function qrImages(record: OrderRecord, method: WalletMethodType): ClinkWalletDetails {
  const { shape } = record;
  if (method === 'ALIPAY' && !shape.redirectWithQr) return {};
  const { svg, dataUrl } = shape.images;
  let { png } = shape.images;
  if (shape.redirectWithQr && png === 'absent' && svg === 'absent' && !dataUrl) png = 'url';
  // Image URLs are drawn when they are fetched: the code is encoded here only for an image the answer carries.
  const pngBytes = (): Uint8Array => qrToPng(orderQr(record));
  const svgText = (): string => qrToSvg(orderQr(record), `QR code for order ${record.order.orderId}`);
  const field = (form: ImageForm, format: 'png' | 'svg'): string | undefined => {
    switch (form) {
      case 'url':
        return links.qrImage(record, format);
      case 'data_url':
        return format === 'png' ? pngDataUrl(pngBytes()) : svgDataUrl(svgText());
      case 'bare_base64':
        return toBase64(format === 'png' ? pngBytes() : new TextEncoder().encode(svgText()));
      case 'absent':
        return undefined;
      default:
        return form satisfies never;
    }
  };
  const imageUrlPng = field(png, 'png');
  const imageUrlSvg = field(svg, 'svg');
  return {
    ...(imageUrlPng ? { imageUrlPng } : {}),
    ...(imageUrlSvg ? { imageUrlSvg } : {}),
    ...(dataUrl ? { imageDataUrl: pngDataUrl(pngBytes()) } : {}),
  };
}
