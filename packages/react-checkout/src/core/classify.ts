import { computeDeadline } from './countdown.js';
import { buildAndroidIntentUrl, isAndroidPackageName } from './deep-link.js';
import { refuse } from './errors.js';
import { PAYMENT_METHOD_TYPES, type PaymentMethodType, type WalletDetails } from './protocol.js';
import type { ActionPlan, ClassifiableResponse, ClassifyOptions, DeviceInfo, FormField, QrSource } from './types.js';
import { KNOWN_WALLET_APPS, safeDeepLink, safeNavigationUrl, safeQrImageSource } from './url-safety.js';

const WALLET = 'action.walletHandleRedirectOrDisplayQrCode.';
/** QR images in order of preference: inline data first (no extra request), then PNG, then SVG. */
const QR_IMAGE_FIELDS = ['imageDataUrl', 'imageUrlPng', 'imageUrlSvg'] as const;

const isHttp = (url: string) => /^https?:/i.test(url);
const optionalUrl = (url: unknown, field: string) => (url ? safeNavigationUrl(url, WALLET + field) : undefined);

/**
 * Decides, once, what the browser must do with a payment response: redirect, submit a form, show a QR
 * code, open a wallet app, or nothing. Every URL is checked before it lands in the plan.
 *
 * - A POST form when `action.method` is `POST` or `action.postData` has fields.
 * - Desktop (`WEB`): the QR code when there is one (image preferred, else `mobileAuthUrl` drawn as a QR),
 *   else a redirect to `redirectUrl` or the hosted instructions.
 * - Phone (`WAP`): an app link from `mobileAuthUrl` (on Android an `intent://` URL with the wallet's package
 *   and fallback; on iOS the deep link or universal link as is), with the QR for paying on another device.
 *   Without `mobileAuthUrl`, the same as desktop (PromptPay and QRIS are QR-only).
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
  if (!action) return status === 'requires_action' ? refuse('missing_field', 'action') : { kind: 'none', status: 'pending' };

  const method = action.paymentMethodType ?? payment.paymentMethodType ?? action.type;
  if (!PAYMENT_METHOD_TYPES.includes(method as PaymentMethodType)) {
    refuse('unsupported_payment_method', 'action.paymentMethodType');
  }
  const paymentMethodType = method as PaymentMethodType;
  const httpMethod = String(action.method ?? 'GET').toUpperCase();
  if (httpMethod !== 'GET' && httpMethod !== 'POST') refuse('unknown_action', 'action.method');
  const { postData, redirectUrl } = action;
  if (httpMethod === 'POST' || (postData && Object.keys(postData).length > 0)) {
    return {
      kind: 'form_post',
      url: safeNavigationUrl(redirectUrl, 'action.redirectUrl'),
      fields: formFields(postData, options),
      paymentMethodType,
    };
  }

  const wallet: WalletDetails = action.walletHandleRedirectOrDisplayQrCode ?? {};
  const qr = qrSource(wallet);
  const hostedInstructionsUrl = optionalUrl(wallet.hostedInstructionsUrl, 'hostedInstructionsUrl');
  const deadline = computeDeadline(wallet, {
    receivedAt: options.receivedAt ?? payment.receivedAt ?? Date.now(),
    serverTime: payment.serverTime,
  });
  // Optional fields stay undefined rather than absent: smaller code, same meaning for every reader.
  const shared = {
    paymentMethodType,
    qr,
    copyText: qr?.kind === 'value' ? qr.value : undefined,
    expiry: deadline === null ? null : { deadline },
    // Clink renews QR codes only for Cash App Pay; customers of these three often pay from a saved image.
    refreshable: paymentMethodType === 'CASHAPP',
    savable: /^(PROMPTPAY|QRIS|GCASH)$/.test(paymentMethodType),
    hostedInstructionsUrl,
  };

  // On a phone, a custom-scheme redirectUrl is an app link too (never a navigation).
  const [link, field] = wallet.mobileAuthUrl
    ? [wallet.mobileAuthUrl, WALLET + 'mobileAuthUrl']
    : [redirectUrl && !isHttp(redirectUrl) ? redirectUrl : undefined, 'action.redirectUrl'];
  if (device.platformType === 'WAP' && link) {
    let launchUrl = safeDeepLink(link, field, paymentMethodType, options.allowedDeepLinkSchemes);
    const fallbackUrl = optionalUrl(wallet.fallbackUrl, 'fallbackUrl') ?? hostedInstructionsUrl;
    if (device.deviceType === 'Android' && !isHttp(launchUrl)) {
      const packageName = wallet.packageName || KNOWN_WALLET_APPS[paymentMethodType]?.androidPackage;
      if (packageName && !isAndroidPackageName(packageName)) refuse('unsafe_deep_link', WALLET + 'packageName');
      launchUrl = buildAndroidIntentUrl({ deepLink: launchUrl, packageName, fallbackUrl });
    }
    return { kind: 'app_link', ...shared, launchUrl, fallbackUrl };
  }
  if (qr) return { kind: 'qr', ...shared, qr };
  const url = redirectUrl ? safeNavigationUrl(redirectUrl, 'action.redirectUrl') : hostedInstructionsUrl;
  return url ? { kind: 'redirect', url, paymentMethodType } : refuse('unknown_action', 'action');
}

/**
 * The first QR image that is provably safe, else `mobileAuthUrl` to draw in the browser. When images were
 * sent but none is safe, refuse rather than quietly show something else.
 */
function qrSource(wallet: WalletDetails): QrSource | undefined {
  let firstError: unknown;
  for (const name of QR_IMAGE_FIELDS) {
    if (wallet[name]) {
      try {
        return { kind: 'image', src: safeQrImageSource(wallet[name], WALLET + name) };
      } catch (error) {
        firstError ??= error;
      }
    }
  }
  if (firstError) throw firstError;
  const value = wallet.mobileAuthUrl;
  return typeof value === 'string' && value && !/[\u0000-\u001f\u007f]/.test(value) ? { kind: 'value', value } : undefined;
}

function formFields(postData: unknown, options: ClassifyOptions): FormField[] {
  if (postData != null && (typeof postData !== 'object' || Array.isArray(postData))) refuse('unknown_action', 'action.postData');
  const entries = Object.entries(postData ?? {});
  const encoder = new TextEncoder();
  let bytes = 0;
  if (entries.length > (options.maxPostDataFields ?? 100)) refuse('post_data_too_large', 'action.postData');
  return entries.map(([name, value]) => {
    if (value === null || typeof value === 'object') refuse('unknown_action', `action.postData.${name}`);
    bytes += encoder.encode(name + value).length;
    if (bytes > (options.maxPostDataBytes ?? 65_536)) refuse('post_data_too_large', 'action.postData');
    return { name, value: String(value) };
  });
}
