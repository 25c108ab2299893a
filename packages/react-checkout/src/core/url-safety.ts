import { refuse } from './errors.js';
import type { CheckoutActionErrorCode } from './errors.js';

// Browsers silently drop tab and newline (`java\nscript:`); no real URL from Clink holds a control character.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/;
/**
 * Schemes a link from the network never opens: they run code, read local data or open the browser's own
 * pages. `intent:` (and `android-app:`, the same launch in another spelling) names any app and component
 * with any extras: we build intent URLs ourselves, from a checked package name.
 */
const DENIED_SCHEME =
  /^(javascript|vbscript|data|file|blob|about|filesystem|intent|android-app|view-source|jar|resource|devtools|(chrome|edge|brave|opera|vivaldi|moz|safari|ms-browser)(-[a-z-]+)?)$/;
const SCHEME = /^([a-z][a-z\d+.-]*):/i;

function required(value: unknown, field: string, code: CheckoutActionErrorCode): string {
  if (!value) refuse('missing_field', field);
  if (typeof value !== 'string' || CONTROL_CHARACTER.test(value)) refuse(code, field);
  return value as string;
}

function httpUrl(raw: string, field: string, code: CheckoutActionErrorCode): string {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    // refused below
  }
  // Spaces would be escaped by a real server; leading ones hide what the URL really is.
  if (!url || /\s/.test(raw) || !/^https?:$/.test(url.protocol) || url.username || url.password) {
    refuse(code, field);
  }
  return url!.href;
}

/**
 * Returns `url` (normalised) when the browser may navigate to it: an absolute `http(s)` URL without
 * credentials, spaces or control characters. Throws `CheckoutActionError` (`unsafe_url`, or `missing_field`
 * when empty) naming `field` otherwise.
 */
export function safeNavigationUrl(url: unknown, field: string): string {
  return httpUrl(required(url, field, 'unsafe_url'), field, 'unsafe_url');
}

/** Larger than any QR image we expect; stops a hostile response from making us decode megabytes. */
const MAX_IMAGE_LENGTH = 1_000_000;

/** The first bytes of each image type a QR code may come in. */
const IMAGE_SIGNATURES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^\x89PNG/, 'png'],
  [/^\xff\xd8\xff/, 'jpeg'],
  [/^GIF8[79]a/, 'gif'],
  [/^RIFF[^]{4}WEBP/, 'webp'],
  [/^(\xef\xbb\xbf)?\s*</, 'svg+xml'],
];

/**
 * Clink's types say `imageUrlPng` / `imageUrlSvg` may hold a Base64 image without a `data:` prefix. The
 * image type is read from its first bytes (never from the field's name), so the result is checked like any
 * data URL: an SVG still has to pass `isSafeSvg`.
 */
function bareBase64Image(text: string): string | undefined {
  const body = text.replace(/\s+/g, '');
  if (!/^[a-z\d+/]{8,}={0,2}$/i.test(body)) return undefined;
  let head: string;
  try {
    head = atob(body.slice(0, 16));
  } catch {
    return undefined;
  }
  const type = IMAGE_SIGNATURES.find(([signature]) => signature.test(head))?.[1];
  return type && `data:image/${type};base64,${body}`;
}

/**
 * Returns an image source that may be shown as a QR code: an `http(s)` URL, a base64 PNG/JPEG/GIF/WebP data
 * URL, or an SVG data URL that `isSafeSvg` accepts. A bare Base64 image (no `data:` prefix) comes back as the
 * data URL of the type its bytes show. Throws `CheckoutActionError` (`unsafe_image`) otherwise.
 */
export function safeQrImageSource(src: unknown, field: string): string {
  const raw = required(typeof src === 'string' && !SCHEME.test(src) ? (bareBase64Image(src) ?? src) : src, field, 'unsafe_image');
  if (raw.length > MAX_IMAGE_LENGTH) refuse('unsafe_image', field);
  if (!/^data:/i.test(raw)) return httpUrl(raw, field, 'unsafe_image');
  if (/^data:image\/(png|jpeg|gif|webp);base64,[a-z\d+/]+={0,2}$/i.test(raw)) return raw;
  const svg = /^data:image\/svg\+xml(;charset=utf-?8|;utf8)?(;base64)?,/i.exec(raw);
  let text: string | undefined;
  try {
    const body = raw.slice(svg![0].length);
    // Checked byte by byte, without UTF-8 decoding: bytes of multi-byte characters are all ≥ 0x80, so they can
    // never form markup. Percent-decoding is lenient like the browser's: a stray `%` (`width="100%"`) stays.
    text = svg![2] ? atob(body) : body.replace(/%([\da-f]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  } catch {
    // not an SVG data URL, or undecodable: refused below
  }
  return text !== undefined && isSafeSvg(text) ? raw : refuse('unsafe_image', field);
}

// An allowed element with double-quoted presentation and geometry attributes only (values without `:`, `/`,
// `&`, quotes or `url(`), or the SVG namespace.
const SVG_TAG =
  /^<\/?(svg|path|rect|g|title|desc)(\s+((fill|d|width|height|viewBox|x|y|shape-rendering|version|transform|role|fill-rule|stroke|stroke-width)\s*=\s*"((?!url\()[\w#.,%()+\s-])*"|xmlns\s*=\s*"http:\/\/www\.w3\.org\/2000\/svg"))*\s*\/?>$/i;

/**
 * `true` when `text` is an SVG document made only of an allow-list of harmless elements (`svg`, `path`,
 * `rect`, `g`, `title`, `desc`) and attributes whose values hold no URL, scheme or `url()` reference.
 * Anything it cannot prove harmless (scripts, `foreignObject`, `on*` handlers, `href`, styles, comments,
 * DOCTYPEs, CDATA, processing instructions, unknown entities) makes it return `false`.
 */
export function isSafeSvg(text: string): boolean {
  // Only a leading XML declaration is skipped. Comments are refused like any other markup: an HTML parser
  // (should the SVG ever be inlined) ends them differently from an XML one (`<!-->`, `--!>`).
  const body = text.replace(/^\ufeff?\s*(<\?xml[^<>]*\?>)?/, '');
  return (
    /^\s*<svg[\s/>]/.test(body) &&
    (body.match(/<[^>]*>?/g) ?? []).every((tag) => SVG_TAG.test(tag)) &&
    !/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-f]+);)/i.test(body)
  );
}

/**
 * Returns `url` when a phone may open it as an app link: an `http(s)` URL (universal / app link) as in
 * `safeNavigationUrl`, or any well-formed custom scheme (`kakaopay://…`, `alipayhk://…`, a bank's own) that is
 * not denied: `javascript:`, `vbscript:`, `data:`, `file:`, `blob:`, `about:`, `filesystem:`, browser-internal
 * schemes (`chrome:`, `edge:`, `view-source:`…) and `intent:` / `android-app:` (we build intent URLs ourselves)
 * never open. `allowedSchemes`, when not empty, is a stricter policy: then only custom schemes listed there open
 * (`'mywallet'`, `'mywallet:'` and `'mywallet://'` all work; denied schemes stay denied).
 * Throws `CheckoutActionError` (`unsafe_deep_link`) naming `field`.
 */
export function safeDeepLink(url: unknown, field: string, allowedSchemes: readonly string[] = []): string {
  const raw = required(url, field, 'unsafe_deep_link');
  const scheme = SCHEME.exec(raw)?.[1]?.toLowerCase() ?? '';
  if (/^https?$/.test(scheme)) return safeNavigationUrl(raw, field);
  const allowed =
    allowedSchemes.length === 0 || allowedSchemes.some((entry) => entry.toLowerCase().replace(/:(\/\/)?$/, '') === scheme);
  return allowed && scheme && !DENIED_SCHEME.test(scheme) && !/\s/.test(raw) ? raw : refuse('unsafe_deep_link', field);
}
