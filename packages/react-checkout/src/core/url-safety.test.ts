import { describe, expect, it } from 'vitest';
import { CheckoutActionError } from './errors.js';
import { isSafeSvg, safeDeepLink, safeNavigationUrl, safeQrImageSource } from './url-safety.js';

function refusal(run: () => unknown): CheckoutActionError {
  try {
    run();
  } catch (error) {
    if (error instanceof CheckoutActionError) return error;
    throw error;
  }
  throw new Error('expected a CheckoutActionError, nothing was thrown');
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');
const svgDataUrl = (svg: string) => `data:image/svg+xml;base64,${b64(svg)}`;
// What the sandbox draws (see packages/sandbox/src/qr.ts).
const SANDBOX_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 29 29" width="174" height="174" shape-rendering="crispEdges" ' +
  'role="img"><title>Pay &amp; scan</title><rect width="100%" height="100%" fill="#fff"/>' +
  '<path fill="#000" d="M4 4h1v1h-1zM5 4h1v1h-1z"/></svg>';

describe('safeNavigationUrl', () => {
  it('accepts absolute http and https URLs and returns them normalised', () => {
    expect(safeNavigationUrl('https://pay.example.com/3ds?id=1', 'action.redirectUrl')).toBe('https://pay.example.com/3ds?id=1');
    expect(safeNavigationUrl('http://127.0.0.1:4010/_sandbox/3ds/o_1', 'f')).toBe('http://127.0.0.1:4010/_sandbox/3ds/o_1');
    expect(safeNavigationUrl('HTTPS://Pay.Example.com', 'f')).toBe('https://pay.example.com/');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['data:text/html,<script>alert(1)</script>'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
    ['alipays://platformapi/startapp'],
    ['ftp://example.com/file'],
  ])('refuses %s with unsafe_url and the field path', (url) => {
    const error = refusal(() => safeNavigationUrl(url, 'action.redirectUrl'));
    expect(error.code).toBe('unsafe_url');
    expect(error.field).toBe('action.redirectUrl');
    expect(error.message).toContain('action.redirectUrl');
  });

  it.each([
    ['/relative/path'],
    ['//evil.example.com/x'],
    ['not a url'],
    ['https://'],
    ['java\nscript:alert(1)'],
    ['https://pay.example.com/\u0000'],
    ['https://pay.example.com/\tx'],
    [' https://pay.example.com/'],
    ['https://user:secret@pay.example.com/'],
    ['https://user@pay.example.com/'],
  ])('refuses relative, garbage, credential-bearing or control-character URL %j', (url) => {
    expect(refusal(() => safeNavigationUrl(url, 'f')).code).toBe('unsafe_url');
  });

  it('reports a missing or non-string URL', () => {
    expect(refusal(() => safeNavigationUrl(undefined, 'action.redirectUrl')).code).toBe('missing_field');
    expect(refusal(() => safeNavigationUrl('', 'action.redirectUrl')).code).toBe('missing_field');
    expect(refusal(() => safeNavigationUrl(42, 'action.redirectUrl')).code).toBe('unsafe_url');
  });
});

describe('safeQrImageSource', () => {
  it('accepts http(s) image URLs', () => {
    expect(safeQrImageSource('https://cdn.example.com/qr.png', 'f')).toBe('https://cdn.example.com/qr.png');
  });

  it.each(['png', 'jpeg', 'gif', 'webp'])('accepts a base64 data:image/%s URL', (type) => {
    const src = `data:image/${type};base64,iVBORw0KGgo=`;
    expect(safeQrImageSource(src, 'f')).toBe(src);
  });

  it('accepts the SVG the sandbox draws, base64 or percent-encoded', () => {
    expect(safeQrImageSource(svgDataUrl(SANDBOX_SVG), 'f')).toBe(svgDataUrl(SANDBOX_SVG));
    const encoded = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(SANDBOX_SVG)}`;
    expect(safeQrImageSource(encoded, 'f')).toBe(encoded);
    const raw = `data:image/svg+xml;utf8,${SANDBOX_SVG.replace('#fff', 'white').replace('#000', 'black')}`;
    expect(safeQrImageSource(raw, 'f')).toBe(raw);
  });

  it.each([
    ['data:text/html,<h1>x</h1>'],
    ['data:image/png,rawbytes'],
    ['data:image/png;base64,<script>'],
    ['data:image/bmp;base64,Qk0='],
    ['data:application/octet-stream;base64,AAAA'],
    ['javascript:alert(1)'],
    ['/qr.png'],
    [svgDataUrl('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['data:image/svg+xml;base64,@@@not-base64@@@'],
  ])('refuses %s with unsafe_image', (src) => {
    const error = refusal(() => safeQrImageSource(src, 'action.walletHandleRedirectOrDisplayQrCode.imageDataUrl'));
    expect(error.code).toBe('unsafe_image');
    expect(error.field).toBe('action.walletHandleRedirectOrDisplayQrCode.imageDataUrl');
  });

  // The first bytes of each format, as Clink's "Base64-encoded image string" would carry them (no data: prefix).
  const PNG_BYTES = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108000000003a7e9b55', 'hex');
  const JPEG_BYTES = Buffer.from('ffd8ffe000104a46494600010100000100010000ffdb', 'hex');
  const GIF_BYTES = Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00', 'latin1');
  const WEBP_BYTES = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8L\x0d\x00\x00\x00', 'latin1')]);

  it.each([
    ['png', PNG_BYTES],
    ['jpeg', JPEG_BYTES],
    ['gif', GIF_BYTES],
    ['webp', WEBP_BYTES],
  ])('shows a bare Base64 %s as a data URL of the type its bytes show', (type, bytes) => {
    const bare = bytes.toString('base64');
    expect(safeQrImageSource(bare, 'f')).toBe(`data:image/${type};base64,${bare}`);
  });

  it('reads the type from the bytes, not the field: a JPEG in imageUrlPng stays a JPEG', () => {
    const bare = JPEG_BYTES.toString('base64');
    expect(safeQrImageSource(bare, 'action.walletHandleRedirectOrDisplayQrCode.imageUrlPng')).toBe(`data:image/jpeg;base64,${bare}`);
  });

  it('joins a bare Base64 image wrapped over several lines', () => {
    const bare = PNG_BYTES.toString('base64');
    const wrapped = `${bare.slice(0, 20)}\r\n${bare.slice(20, 40)}\n${bare.slice(40)}\n`;
    expect(safeQrImageSource(wrapped, 'f')).toBe(`data:image/png;base64,${bare}`);
  });

  it('shows a bare Base64 SVG only when the SVG check accepts it', () => {
    expect(safeQrImageSource(b64(SANDBOX_SVG), 'f')).toBe(`data:image/svg+xml;base64,${b64(SANDBOX_SVG)}`);
    expect(safeQrImageSource(b64(`<?xml version="1.0"?>\n${SANDBOX_SVG}`), 'f')).toMatch(/^data:image\/svg\+xml;base64,/);
    const scripted = b64('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(refusal(() => safeQrImageSource(scripted, 'f')).code).toBe('unsafe_image');
    expect(refusal(() => safeQrImageSource(b64('<html><script>alert(1)</script></html>'), 'f')).code).toBe('unsafe_image');
  });

  it.each([
    ['bytes of no image format', Buffer.from('%PDF-1.7 not an image').toString('base64')],
    ['a bare HTML text', b64('hello <b>world</b>')],
    ['text that only looks like Base64', 'qrcode'],
    ['broken Base64', 'iVBORw0KGgo@@@@'],
  ])('refuses %s', (_, src) => {
    expect(refusal(() => safeQrImageSource(src, 'f')).code).toBe('unsafe_image');
  });

  it('refuses an image source larger than 1 MB', () => {
    expect(refusal(() => safeQrImageSource(`data:image/png;base64,${'A'.repeat(1_000_001)}`, 'f')).code).toBe('unsafe_image');
  });
});

describe('isSafeSvg', () => {
  it('accepts the allow-listed elements and attributes', () => {
    expect(isSafeSvg(SANDBOX_SVG)).toBe(true);
    expect(
      isSafeSvg(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1">' +
          '<desc>QR</desc><g transform="translate(2,2) scale(4)"><rect x="0" y="0" width="1" height="1"/></g></svg>\n',
      ),
    ).toBe(true);
  });

  it.each([
    ['script element', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['script with CDATA', '<svg xmlns="http://www.w3.org/2000/svg"><script><![CDATA[alert(1)]]></script></svg>'],
    ['namespaced script', '<svg xmlns="http://www.w3.org/2000/svg"><svg:script>alert(1)</svg:script></svg>'],
    ['foreignObject', '<svg xmlns="http://www.w3.org/2000/svg"><foreignObject><p>x</p></foreignObject></svg>'],
    ['onload handler', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>'],
    ['onclick on a path', '<svg><path d="M0 0" onclick="alert(1)"/></svg>'],
    ['href', '<svg><a href="javascript:alert(1)"><rect width="1" height="1"/></a></svg>'],
    ['xlink:href on an allowed element', '<svg><rect xlink:href="https://evil.example.com/x" width="1"/></svg>'],
    ['external image', '<svg><image href="https://tracker.example.com/p.png"/></svg>'],
    ['use element', '<svg><use href="#x"/></svg>'],
    ['style attribute', '<svg><rect style="fill:url(https://evil.example.com)"/></svg>'],
    ['style element', '<svg><style>@import url(https://evil.example.com/x.css)</style></svg>'],
    ['url() in fill', '<svg><rect fill="url(#grad)"/></svg>'],
    ['javascript: in a value', '<svg><rect fill="javascript:alert(1)"/></svg>'],
    ['entity-encoded value', '<svg><rect fill="&#106;avascript"/></svg>'],
    ['DOCTYPE with entities', '<!DOCTYPE svg [<!ENTITY x "y">]><svg></svg>'],
    ['wrong namespace', '<svg xmlns="http://www.w3.org/1999/xhtml"></svg>'],
    ['attribute without a value', '<svg onload></svg>'],
    ['unquoted attribute', '<svg width=10></svg>'],
    ['not an svg root', '<g><rect/></g>'],
    ['html after the root', '<svg></svg><script>alert(1)</script>'],
    ['unterminated comment', '<svg><!-- </svg>'],
    ['a comment (HTML would end <!--> early)', '<svg><!--><img src=x onerror=alert(1)>--></svg>'],
    ['a comment ended by --!> in HTML', '<svg><!-- --!><img src=x onerror=alert(1)> --></svg>'],
    ['an innocent comment', '<svg><!-- generator --></svg>'],
    ['single-quoted attributes', "<svg xmlns='http://www.w3.org/2000/svg'></svg>"],
    ['processing instruction inside', '<svg><?xml-stylesheet href="x.css"?></svg>'],
    ['unknown entity', '<svg><title>&nbsp;</title></svg>'],
    ['empty text', ''],
  ])('refuses %s', (_, svg) => {
    expect(isSafeSvg(svg)).toBe(false);
  });
});

describe('safeDeepLink', () => {
  it.each([
    ['alipays://platformapi/startapp?saId=10000007&qrcode=x'],
    ['alipayhk://platformapi/startapp?appId=1'],
    ['weixin://wxpay/bizpayurl?pr=abc'],
    ['gcash://pay?id=1'],
    ['kakaotalk://kakaopay/pg?url=x'],
    ['kakaopay://pg?token=1'],
    ['tngdwallet://pay?id=1'],
    ['cashme://pay/1'],
    ['scbeasy://payments/promptpay?ref=1'],
    ['bankbca:qris?data=00020101'],
    ['My.Bank+App-2://pay'],
  ])('opens %s: any well-formed scheme that is not denied (Clink documents no list of wallet schemes)', (url) => {
    expect(safeDeepLink(url, 'f')).toBe(url);
  });

  it('passes http(s) universal links through the navigation check', () => {
    expect(safeDeepLink('https://cash.app/pay/abc', 'f')).toBe('https://cash.app/pay/abc');
    expect(refusal(() => safeDeepLink('https://user:pw@cash.app/pay', 'f')).code).toBe('unsafe_url');
  });

  it.each([
    ['javascript:alert(1)'],
    ['JavaScript:alert(1)'],
    ['vbscript:msgbox(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['data:image/png;base64,iVBORw0KGgo='],
    ['file:///sdcard/x'],
    ['blob:https://shop.example/4f1c'],
    ['about:blank'],
    ['filesystem:https://shop.example/temporary/x'],
    ['intent://x#Intent;scheme=evil;package=com.evil.app;end'],
    ['INTENT:#Intent;action=android.intent.action.VIEW;end'],
    ['android-app://com.evil.app/https/evil.example'],
    ['chrome://settings'],
    ['chrome-extension://abcdef/page.html'],
    ['chrome-untrusted://print'],
    ['edge://settings'],
    ['view-source:https://shop.example'],
    ['moz-extension://abc/x'],
    ['resource://gre/x'],
  ])('refuses the denied scheme of %s', (url) => {
    const error = refusal(() => safeDeepLink(url, 'action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl'));
    expect(error.code).toBe('unsafe_deep_link');
    expect(error.field).toBe('action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl');
  });

  it('applies a merchant allow list as a stricter policy, in any spelling', () => {
    expect(safeDeepLink('mywallet://pay/1', 'f', ['MyWallet://'])).toBe('mywallet://pay/1');
    expect(safeDeepLink('mywallet://pay/1', 'f', ['mywallet'])).toBe('mywallet://pay/1');
    expect(safeDeepLink('mywallet://pay/1', 'f', ['mywallet:'])).toBe('mywallet://pay/1');
    expect(refusal(() => safeDeepLink('kakaopay://pg', 'f', ['kakaotalk'])).code).toBe('unsafe_deep_link');
    // http(s) is a navigation, not an app scheme: the allow list does not apply to it.
    expect(safeDeepLink('https://cash.app/pay/abc', 'f', ['weixin'])).toBe('https://cash.app/pay/abc');
  });

  it.each([
    ['javascript:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:x'],
    ['file:///sdcard/x'],
    ['intent://x#Intent;scheme=javascript;end'],
  ])('refuses %s even when the merchant lists its scheme', (url) => {
    const allowed = ['javascript', 'data', 'vbscript', 'file', 'intent'];
    expect(refusal(() => safeDeepLink(url, 'f', allowed)).code).toBe('unsafe_deep_link');
  });

  it('refuses relative links, malformed schemes, spaces and control characters', () => {
    expect(refusal(() => safeDeepLink('platformapi/startapp', 'f')).code).toBe('unsafe_deep_link');
    expect(refusal(() => safeDeepLink('1bank://pay', 'f')).code).toBe('unsafe_deep_link');
    expect(refusal(() => safeDeepLink('://pay', 'f')).code).toBe('unsafe_deep_link');
    expect(refusal(() => safeDeepLink('alipays://x\ny', 'f')).code).toBe('unsafe_deep_link');
    expect(refusal(() => safeDeepLink('alipays://x y', 'f')).code).toBe('unsafe_deep_link');
    expect(refusal(() => safeDeepLink(' javascript:alert(1)', 'f')).code).toBe('unsafe_deep_link');
    expect(refusal(() => safeDeepLink('https://evil.example.com\n', 'f')).code).toBe('unsafe_deep_link');
    expect(refusal(() => safeDeepLink(undefined, 'f')).code).toBe('missing_field');
  });
});
