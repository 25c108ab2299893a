import { isPaymentMethodType, PAYMENT_METHOD_APPS, PAYMENT_METHOD_QR_CODES, type ClinkAction, type ClinkWalletDetails, type PaymentMethodType, type PaymentStatus } from '@clink-checkout/protocol';
import { computeExpiry } from './countdown.js';
import { buildAndroidIntentUrl, isAndroidPackageName } from './deep-link.js';
import { CheckoutActionError, refuse } from './errors.js';
import type { DeviceInfo } from './device.js';
import type { ActionPlan, FormField, QrSource } from './plan.js';
import { safeDeepLink, safeNavigationUrl, safeQrImageSource } from './url-safety.js';

/** Anything `classifyAction` can read: a create response, a refresh response (plus the method), or the like. */
export interface ClassifiableResponse {
  status?: PaymentStatus;
  action?: ClinkAction;
  /**
   * The method the browser created the payment with; used when `action.type` is not one of Clink's methods
   * (a refresh response carries none).
   */
  paymentMethodType?: PaymentMethodType;
  /** Server clock (ms) when the response was produced. */
  serverTime?: number;
  /** Browser clock (ms) when the response arrived (set by `createCheckoutApi`). */
  receivedAt?: number;
}

export interface ClassifyOptions {
  /**
   * Browser clock (ms) when the response arrived; expiry countdowns start from here.
   * @default payment.receivedAt, else Date.now()
   */
  receivedAt?: number;
  /**
   * A stricter policy for app links: when not empty, only these custom schemes open (e.g. `['weixin', 'gcash:']`);
   * `http(s)` links are always allowed, denied schemes (`javascript:`, `intent:`…) never are. A link outside the
   * list is set aside like any unusable link (fallback page, hosted instructions or QR code instead).
   * @default [] (no allow list: every well-formed scheme that is not denied)
   */
  allowedDeepLinkSchemes?: readonly string[];
  /** @default 100 */
  maxPostDataFields?: number;
  /** Sum of UTF-8 bytes of all names and values. @default 65536 */
  maxPostDataBytes?: number;
}

const WALLET = 'action.walletHandleRedirectOrDisplayQrCode.';
/** QR images in order of preference: inline data first (no extra request), then PNG, then SVG. */
const QR_IMAGE_FIELDS = ['imageDataUrl', 'imageUrlPng', 'imageUrlSvg'] as const;

const isHttp = (url: unknown) => typeof url === 'string' && /^https?:/i.test(url);

/**
 * Decides, once, what the browser must do with a payment response: redirect, submit a form, show a QR
 * code, open a wallet app, or nothing. Every URL is checked before it lands in the plan.
 *
 * - A POST form when `action.method` is `POST` or `action.postData` has fields.
 * - Desktop (`WEB`): the QR code when there is one (an image, else `mobileAuthUrl` drawn as a QR), else a
 *   redirect to `redirectUrl` or the hosted instructions.
 * - Phone (`WAP`): an app link from `mobileAuthUrl` or a custom-scheme `redirectUrl` (on Android an `intent://`
 *   URL with the wallet's package and fallback; on iOS the link as is), with the QR for paying on another
 *   device. Else an `http(s)` `redirectUrl` (a phone cannot scan its own screen); else, when the app link cannot
 *   be used, its fallback page or the hosted instructions; else the QR (PromptPay and QRIS are QR-only).
 * - No action and status `succeeded` / `failed` / `pending` (or no status): `none`.
 *
 * The method comes from `action.type` when it is one of Clink's methods, else from the response's
 * `paymentMethodType`; `action.paymentMethodType` is free text in Clink's API and never decides anything.
 *
 * Tolerant of what Clink may send: a link or image that fails its check is set aside and the plan is built
 * from what remains. Throws `CheckoutActionError` with the offending field's path only when nothing usable is
 * left (the first refusal), for a missing or unknown payment method or action shape, and for oversized `postData`.
 */
export function classifyAction(
  payment: ClassifiableResponse,
  device: DeviceInfo,
  options: ClassifyOptions = {},
): ActionPlan {
  const { status, action } = payment;
  if (status === 'succeeded' || status === 'failed') return { kind: 'none', status };
  if (!action) return status === 'requires_action' ? refuse('missing_field', 'action') : { kind: 'none', status: 'pending' };

  const paymentMethodType = isPaymentMethodType(action.type) ? action.type : payment.paymentMethodType;
  if (!isPaymentMethodType(paymentMethodType)) return refuse('unsupported_payment_method', 'paymentMethodType');
  const apps = PAYMENT_METHOD_APPS[paymentMethodType];
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

  const refusals: CheckoutActionError[] = [];
  const usable: Usable = (check, value, field) => {
    if (!value) return undefined;
    try {
      return check(value, field, options.allowedDeepLinkSchemes);
    } catch (error) {
      if (!(error instanceof CheckoutActionError)) throw error;
      refusals.push(error);
      return undefined;
    }
  };
  const wallet: ClinkWalletDetails = action.walletHandleRedirectOrDisplayQrCode ?? {};
  const page = (field: 'hostedInstructionsUrl' | 'fallbackUrl') => usable(safeNavigationUrl, wallet[field], WALLET + field);
  const phone = device.platformType === 'WAP';
  const hostedInstructionsUrl = page('hostedInstructionsUrl');
  const fallbackUrl = page('fallbackUrl') ?? hostedInstructionsUrl;
  // On a phone, a custom-scheme redirectUrl is an app link too (never a page).
  const [link, linkField] = wallet.mobileAuthUrl
    ? [wallet.mobileAuthUrl, WALLET + 'mobileAuthUrl']
    : phone && redirectUrl && !isHttp(redirectUrl)
      ? [redirectUrl, 'action.redirectUrl']
      : [];
  const launch = phone ? usable(safeDeepLink, link, linkField!) : undefined;
  const redirect = phone && link === redirectUrl ? undefined : usable(safeNavigationUrl, redirectUrl, 'action.redirectUrl');
  const qr = qrSource(wallet, usable);
  // Optional fields stay undefined rather than absent: smaller code, same meaning for every reader.
  const expiry = computeExpiry(wallet, {
    receivedAt: options.receivedAt ?? payment.receivedAt ?? Date.now(),
    serverTime: payment.serverTime,
  });
  const shared = {
    paymentMethodType,
    qr,
    copyText: qr?.kind === 'value' ? qr.value : undefined,
    expiry,
    refreshable: PAYMENT_METHOD_QR_CODES[paymentMethodType].refreshableQr,
    savable: PAYMENT_METHOD_QR_CODES[paymentMethodType].savableQr,
    hostedInstructionsUrl,
  };

  if (launch) {
    let launchUrl = launch;
    if (device.deviceType === 'Android' && !isHttp(launch)) {
      // Clink's package when it is a valid one; the table's only for the wallet's own schemes (another app,
      // such as a bank's, would not open under the wallet's package).
      const scheme = /^[^:]+/.exec(launch)![0].toLowerCase();
      const packageName = [wallet.packageName, apps.appSchemes.includes(scheme) ? apps.androidPackage : undefined].find(
        (name) => typeof name === 'string' && isAndroidPackageName(name),
      );
      launchUrl = buildAndroidIntentUrl({ deepLink: launch, packageName, fallbackUrl });
    }
    return { kind: 'app_link', ...shared, launchUrl, fallbackUrl };
  }
  // A phone cannot scan its own screen: an https page comes first, then the page for an app that cannot open.
  const leave = phone ? (redirect ?? (link ? fallbackUrl : undefined)) : undefined;
  if (leave) return { kind: 'redirect', url: leave, paymentMethodType };
  if (qr) return { kind: 'qr', ...shared, qr };
  const url = redirect ?? hostedInstructionsUrl;
  if (url) return { kind: 'redirect', url, paymentMethodType };
  throw refusals[0] ?? new CheckoutActionError('unknown_action', 'action');
}

/**
 * `value` when `check` accepts it (each check gets the app-link allow list; only `safeDeepLink` reads it), else
 * `undefined`: for an empty value, or a refused one (the refusal is kept, in case nothing usable is left).
 */
type Usable = (
  check: (value: unknown, field: string, allowedSchemes?: readonly string[]) => string,
  value: unknown,
  field: string,
) => string | undefined;

/** The first usable QR image, else `mobileAuthUrl` to draw in the browser (when it is a link a phone may open). */
function qrSource(wallet: ClinkWalletDetails, usable: Usable): QrSource | undefined {
  for (const name of QR_IMAGE_FIELDS) {
    const src = usable(safeQrImageSource, wallet[name], WALLET + name);
    if (src) return { kind: 'image', src };
  }
  const value = usable(safeDeepLink, wallet.mobileAuthUrl, WALLET + 'mobileAuthUrl');
  return value ? { kind: 'value', value } : undefined;
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
