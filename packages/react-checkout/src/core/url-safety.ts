import { CheckoutActionError } from './errors.js';
import type { PaymentMethodType } from './protocol.js';

/** A wallet's app, as far as launching it from a phone browser goes. */
export interface WalletApp {
  /** Custom schemes the wallet's deep links use, without `:` (e.g. `alipays`). */
  schemes: readonly string[];
  /** Android package, for `intent://` launches. */
  androidPackage?: string;
}

/** Deep-link schemes and Android packages of the wallets Clink supports (PromptPay and QRIS have no app). */
export const KNOWN_WALLET_APPS: Readonly<Partial<Record<PaymentMethodType, WalletApp>>> = {
  ALIPAY: { schemes: ['alipays'], androidPackage: 'com.eg.android.AlipayGphone' },
  WECHAT: { schemes: ['weixin'], androidPackage: 'com.tencent.mm' },
  GCASH: { schemes: ['gcash'], androidPackage: 'com.globe.gcash.android' },
  KAKAO: { schemes: ['kakaotalk'], androidPackage: 'com.kakao.talk' },
  TNG: { schemes: ['tngdwallet'], androidPackage: 'my.com.tngdigital.ewallet' },
  CASHAPP: { schemes: ['cashme'], androidPackage: 'com.squareup.cash' },
};

// C0 and C1 control characters (including tab and newline, which browsers silently drop: `java\nscript:`).
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// Schemes that run code or read local data; never launched, even when a merchant lists them.
const FORBIDDEN_SCHEMES = /^(javascript|vbscript|data|file|blob|about|filesystem|intent|view-source)$/;

const fail = (code: 'unsafe_url' | 'unsafe_image' | 'unsafe_deep_link', field: string, why: string): never => {
  throw new CheckoutActionError(code, field, why);
};

function requireString(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') {
    throw new CheckoutActionError('missing_field', field, 'Required URL is missing');
  }
  return typeof value === 'string' ? value : fail('unsafe_url', field, 'URL is not a string');
}

function parseHttpUrl(raw: string, field: string, code: 'unsafe_url' | 'unsafe_image'): string {
  if (CONTROL.test(raw) || raw.trim() !== raw) fail(code, field, 'URL contains control characters or spaces');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return fail(code, field, 'Not an absolute URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail(code, field, `Refused ${url.protocol} URL`);
  if (url.username || url.password) fail(code, field, 'URL carries credentials');
  return url.href;
}

/**
 * Returns `url` (normalised) when the browser may navigate to it: an absolute `http(s)` URL without
 * credentials or control characters. Throws `CheckoutActionError` (`unsafe_url`, or `missing_field` when
 * empty) naming `field` otherwise.
 */
export function safeNavigationUrl(url: unknown, field: string): string {
  return parseHttpUrl(requireString(url, field), field, 'unsafe_url');
}

const RASTER_DATA_URL = /^data:image\/(png|jpeg|gif|webp);base64,[a-z0-9+/]+={0,2}$/i;
const SVG_DATA_URL = /^data:image\/svg\+xml(;charset=utf-?8|;utf8)?(;base64)?,/i;
/** Larger than any QR image we expect; stops a hostile response from making us decode megabytes. */
const MAX_IMAGE_SOURCE_LENGTH = 1_000_000;

/**
 * Returns `src` when it may be shown as a QR image: an `http(s)` URL, a base64 PNG/JPEG/GIF/WebP data URL,
 * or an SVG data URL that `isSafeSvg` accepts. Throws `CheckoutActionError` (`unsafe_image`) otherwise.
 */
export function safeQrImageSource(src: unknown, field: string): string {
  const raw = requireString(src, field);
  if (raw.length > MAX_IMAGE_SOURCE_LENGTH) fail('unsafe_image', field, 'Image is too large');
  if (!/^data:/i.test(raw)) return parseHttpUrl(raw, field, 'unsafe_image');
  if (RASTER_DATA_URL.test(raw)) return raw;
  const svg = SVG_DATA_URL.exec(raw);
  if (!svg) return fail('unsafe_image', field, 'Only PNG, JPEG, GIF, WebP or SVG images are allowed');
  const body = raw.slice(svg[0].length);
  let text: string | undefined;
  try {
    text = svg[2]
      ? new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(atob(body), (c) => c.charCodeAt(0)))
      : // Lenient like the browser's data: URL parser: a stray `%` (as in `width="100%"`) stays as it is.
        body.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } catch {
    // undecodable: refused below
  }
  if (text === undefined || !isSafeSvg(text)) fail('unsafe_image', field, 'SVG contains content that is not allowed');
  return raw;
}

const SVG_ELEMENTS = new Set(['svg', 'path', 'rect', 'g', 'title', 'desc']);
const SVG_ATTRIBUTES = new Set([
  'fill', 'd', 'width', 'height', 'viewBox', 'x', 'y', 'shape-rendering', 'xmlns', 'version', 'transform',
  'role', 'fill-rule', 'stroke', 'stroke-width',
]);
// No `:` (schemes), `/` (URLs), quotes, `&` or `<`; `url(` is checked separately.
const SAFE_ATTRIBUTE_VALUE = /^[\w#.,%()+\s-]*$/;
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const TAG = /^<(\/?)([a-zA-Z][\w-]*)((?:\s+[a-zA-Z][\w:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/;
const ATTRIBUTE = /([a-zA-Z][\w:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const TEXT = /^[^<]*/;
const ENTITY = /&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i;

/**
 * `true` when `text` is an SVG document made only of an allow-list of harmless elements (`svg`, `path`,
 * `rect`, `g`, `title`, `desc`) and attributes whose values hold no URL, scheme or `url()` reference.
 * Anything it cannot prove harmless (scripts, `foreignObject`, `on*` handlers, `href`, styles, DOCTYPEs,
 * CDATA) makes it return `false`.
 */
export function isSafeSvg(text: string): boolean {
  let rest = text.replace(/^\ufeff?\s*(<\?xml[^<>?]*\?>)?/, '');
  const open: string[] = [];
  let sawRoot = false;
  while (rest.length > 0) {
    if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->', 4);
      if (end < 0) return false;
      rest = rest.slice(end + 3);
      continue;
    }
    if (rest[0] !== '<') {
      const chunk = TEXT.exec(rest)![0];
      if (ENTITY.test(chunk) || (open.length === 0 && chunk.trim() !== '')) return false;
      rest = rest.slice(chunk.length);
      continue;
    }
    const tag = TAG.exec(rest);
    if (!tag) return false;
    const [whole, closing, name = '', attributes = '', selfClosing] = tag;
    if (!SVG_ELEMENTS.has(name) || (open.length === 0 && (name !== 'svg' || sawRoot))) return false;
    if (closing) {
      if (open.pop() !== name || attributes || selfClosing) return false;
    } else {
      for (const [, attribute = '', double, single] of attributes.matchAll(ATTRIBUTE)) {
        const value = double ?? single ?? '';
        if (!SVG_ATTRIBUTES.has(attribute)) return false;
        if (attribute === 'xmlns' ? value !== SVG_NAMESPACE : !SAFE_ATTRIBUTE_VALUE.test(value) || /url\s*\(/i.test(value)) {
          return false;
        }
      }
      sawRoot = true;
      if (!selfClosing) open.push(name);
    }
    rest = rest.slice(whole.length);
  }
  return sawRoot && open.length === 0;
}

const SCHEME = /^([a-z][a-z\d+.-]*):/i;

/** Normalises a merchant-listed scheme: `'MyWallet://'` → `'mywallet'`. */
const schemeName = (scheme: string) => scheme.toLowerCase().replace(/:(\/\/)?$/, '');

/** `true` when `url` uses a custom scheme known for `method`'s wallet app (see `KNOWN_WALLET_APPS`). */
export function isKnownWalletScheme(method: PaymentMethodType, url: string): boolean {
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  return scheme !== undefined && (KNOWN_WALLET_APPS[method]?.schemes.includes(scheme) ?? false);
}

/**
 * Returns `url` when a phone may open it to launch `method`'s wallet: an `http(s)` URL (universal / app
 * link) as in `safeNavigationUrl`, or a custom scheme known for the wallet or listed in `allowedSchemes`.
 * `javascript:`, `data:`, `file:`, `intent:` and similar are refused even when listed.
 * Throws `CheckoutActionError` (`unsafe_deep_link`).
 */
export function safeDeepLink(
  url: unknown,
  field: string,
  method: PaymentMethodType,
  allowedSchemes: readonly string[] = [],
): string {
  const raw = requireString(url, field);
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') return safeNavigationUrl(raw, field);
  if (CONTROL.test(raw) || /\s/.test(raw)) fail('unsafe_deep_link', field, 'Link contains control characters or spaces');
  if (scheme === undefined || FORBIDDEN_SCHEMES.test(scheme)) {
    return fail('unsafe_deep_link', field, `Refused ${scheme ?? 'relative'} link`);
  }
  if (!isKnownWalletScheme(method, raw) && !allowedSchemes.some((allowed) => schemeName(allowed) === scheme)) {
    fail('unsafe_deep_link', field, `Scheme ${scheme}: is not allowed for ${method}`);
  }
  return raw;
}
