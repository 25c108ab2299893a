import { computeDeadline } from './countdown.js';
import { buildAndroidIntentUrl, isAndroidPackageName } from './deep-link.js';
import { CheckoutActionError } from './errors.js';
import { PAYMENT_METHOD_TYPES, type PaymentMethodType, type WalletDetails } from './protocol.js';
import type { ActionPlan, ClassifiableResponse, ClassifyOptions, DeviceInfo, FormField, QrSource } from './types.js';
import { KNOWN_WALLET_APPS, safeDeepLink, safeNavigationUrl, safeQrImageSource } from './url-safety.js';

const WALLET = 'action.walletHandleRedirectOrDisplayQrCode';
/** Methods whose QR code can be renewed in place (Clink supports refresh only for Cash App Pay). */
const REFRESHABLE: readonly PaymentMethodType[] = ['CASHAPP'];
/** Methods whose customers often save the QR and pay from their phone's gallery. */
const SAVABLE: readonly PaymentMethodType[] = ['PROMPTPAY', 'QRIS', 'GCASH'];
/** QR images in order of preference: inline data first (no extra request), then PNG, then SVG. */
const QR_IMAGE_FIELDS = ['imageDataUrl', 'imageUrlPng', 'imageUrlSvg'] as const;

const isMethod = (value: unknown): value is PaymentMethodType =>
  (PAYMENT_METHOD_TYPES as readonly unknown[]).includes(value);
const isHttp = (url: string) => /^https?:/i.test(url);
const optionalUrl = (url: unknown, field: string) => (url ? safeNavigationUrl(url, field) : undefined);

/**
 * Decides, once, what the browser must do with a payment response: redirect, submit a form, show a QR
 * code, open a wallet app, or nothing. Every URL is checked before it lands in the plan.
 *
 * - A POST form when `action.method` is `POST` or `action.postData` has fields.
 * - Desktop (`WEB`): the QR code when there is one (image preferred, else `mobileAuthUrl` drawn as a QR),
 *   else a redirect to `redirectUrl` or the hosted instructions.
 * - Phone (`WAP`): an app link from `mobileAuthUrl` (on Android an `intent://` URL with the wallet's package
 *   and fallback; on iOS the deep link or universal link as is), with the QR for paying on another device.
 * - No action and status `succeeded` / `failed` / `pending` (or no status): `none`.
 *
 * Throws `CheckoutActionError` with the offending field's path for unsafe or missing data, an unknown
 * payment method or action shape, or oversized `postData`.
 */
export function classifyAction(
  payment: ClassifiableResponse,
  device: DeviceInfo,
  options: ClassifyOptions = {},
): ActionPlan {
  const { status, action } = payment;
  if (status === 'succeeded' || status === 'failed') return { kind: 'none', status };
  if (!action) {
    if (status === 'requires_action') {
      throw new CheckoutActionError('missing_field', 'action', 'Payment needs an action but has none');
    }
    return { kind: 'none', status: 'pending' };
  }
  if (typeof action !== 'object') throw new CheckoutActionError('unknown_action', 'action', 'Action is not an object');

  const method = action.paymentMethodType ?? payment.paymentMethodType ?? action.type;
  if (!isMethod(method)) {
    const why = `Unsupported payment method ${String(method)}`;
    throw new CheckoutActionError('unsupported_payment_method', 'action.paymentMethodType', why);
  }
  const httpMethod = action.method === undefined ? 'GET' : String(action.method).toUpperCase();
  if (httpMethod !== 'GET' && httpMethod !== 'POST') {
    throw new CheckoutActionError('unknown_action', 'action.method', `Unknown method ${String(action.method)}`);
  }
  const postData = action.postData;
  if (httpMethod === 'POST' || (postData && Object.keys(postData).length > 0)) {
    return {
      kind: 'form_post',
      url: safeNavigationUrl(action.redirectUrl, 'action.redirectUrl'),
      fields: formFields(postData, options),
      paymentMethodType: method,
    };
  }

  const wallet: WalletDetails = action.walletHandleRedirectOrDisplayQrCode ?? {};
  const qr = qrSource(wallet);
  const hostedInstructionsUrl = optionalUrl(wallet.hostedInstructionsUrl, `${WALLET}.hostedInstructionsUrl`);
  const shared = {
    paymentMethodType: method,
    ...(qr && { qr }),
    ...(qr?.kind === 'value' && { copyText: qr.value }),
    expiry: expiryOf(wallet, payment, options),
    refreshable: REFRESHABLE.includes(method),
    savable: SAVABLE.includes(method),
    ...(hostedInstructionsUrl && { hostedInstructionsUrl }),
  };

  if (device.platformType === 'WAP') {
    const [link, field] = wallet.mobileAuthUrl
      ? [wallet.mobileAuthUrl, `${WALLET}.mobileAuthUrl`]
      : action.redirectUrl && !isHttp(action.redirectUrl)
        ? [action.redirectUrl, 'action.redirectUrl']
        : [];
    if (link !== undefined && field !== undefined) {
      const launch = safeDeepLink(link, field, method, options.allowedDeepLinkSchemes);
      const fallbackUrl = optionalUrl(wallet.fallbackUrl, `${WALLET}.fallbackUrl`) ?? hostedInstructionsUrl;
      return {
        kind: 'app_link',
        ...shared,
        launchUrl:
          device.deviceType === 'Android' && !isHttp(launch)
            ? buildAndroidIntentUrl({
                deepLink: launch,
                packageName: androidPackage(wallet.packageName, method),
                ...(fallbackUrl && { fallbackUrl }),
              })
            : launch,
        ...(fallbackUrl && { fallbackUrl }),
      };
    }
  }

  if (qr) return { kind: 'qr', ...shared, qr };
  if (action.redirectUrl) {
    return { kind: 'redirect', url: safeNavigationUrl(action.redirectUrl, 'action.redirectUrl'), paymentMethodType: method };
  }
  if (hostedInstructionsUrl) return { kind: 'redirect', url: hostedInstructionsUrl, paymentMethodType: method };
  throw new CheckoutActionError('unknown_action', 'action', 'Action has no redirect URL, QR code or app link');
}

/** The first QR image that is provably safe, else `mobileAuthUrl` to draw in the browser. */
function qrSource(wallet: WalletDetails): QrSource | undefined {
  let firstError: unknown;
  for (const name of QR_IMAGE_FIELDS) {
    if (!wallet[name]) continue;
    try {
      return { kind: 'image', src: safeQrImageSource(wallet[name], `${WALLET}.${name}`) };
    } catch (error) {
      firstError ??= error;
    }
  }
  // Images were sent but none is safe: refuse rather than quietly show something else.
  if (firstError) throw firstError;
  const value = wallet.mobileAuthUrl;
  return typeof value === 'string' && value !== '' && !/[\u0000-\u001f\u007f]/.test(value)
    ? { kind: 'value', value }
    : undefined;
}

function expiryOf(wallet: WalletDetails, payment: ClassifiableResponse, options: ClassifyOptions) {
  const receivedAt = options.receivedAt ?? payment.receivedAt ?? Date.now();
  const deadline = computeDeadline(wallet, {
    receivedAt,
    ...(payment.serverTime !== undefined && { serverTime: payment.serverTime }),
  });
  return deadline === null ? null : { deadline };
}

function androidPackage(fromServer: string | undefined, method: PaymentMethodType): string | undefined {
  if (fromServer === undefined || fromServer === '') return KNOWN_WALLET_APPS[method]?.androidPackage;
  if (!isAndroidPackageName(fromServer)) {
    throw new CheckoutActionError('unsafe_deep_link', `${WALLET}.packageName`, 'Not an Android package name');
  }
  return fromServer;
}

function formFields(postData: unknown, options: ClassifyOptions): FormField[] {
  if (postData === undefined || postData === null) return [];
  if (typeof postData !== 'object' || Array.isArray(postData)) {
    throw new CheckoutActionError('unknown_action', 'action.postData', 'postData is not an object');
  }
  const entries = Object.entries(postData);
  if (entries.length > (options.maxPostDataFields ?? 100)) {
    throw new CheckoutActionError('post_data_too_large', 'action.postData', `postData has ${entries.length} fields`);
  }
  let bytes = 0;
  const encoder = new TextEncoder();
  return entries.map(([name, value]) => {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
      throw new CheckoutActionError('unknown_action', `action.postData.${name}`, 'postData values must be strings');
    }
    const field = { name, value: String(value) };
    bytes += encoder.encode(name).length + encoder.encode(field.value).length;
    if (bytes > (options.maxPostDataBytes ?? 65_536)) {
      throw new CheckoutActionError('post_data_too_large', 'action.postData', 'postData is too large');
    }
    return field;
  });
}
