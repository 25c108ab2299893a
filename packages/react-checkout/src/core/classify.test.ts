import { describe, expect, it } from 'vitest';
import { classifyAction } from './classify.js';
import { CheckoutActionError } from './errors.js';
import type { ClinkAction, ClinkWalletDetails, PaymentMethodType } from '@clink-checkout/protocol';
import type { ClassifiableResponse } from './classify.js';
import type { DeviceInfo } from './device.js';

// Shapes modelled on what the sandbox (packages/sandbox/src/actions.ts) returns through the checkout handler.
const BASE = 'http://127.0.0.1:4010';
const ORDER = 'ord_123';
const PHONE_PAGE = `${BASE}/_sandbox/pay/${ORDER}?qr=tok`;
const INSTRUCTIONS = `${BASE}/_sandbox/instructions/${ORDER}`;
const THREE_DS = `${BASE}/_sandbox/3ds/${ORDER}`;
const PNG_DATA_URL = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgABSK+kcQAAAABJRU5ErkJggg==';
const RECEIVED_AT = 1_790_000_000_000;

const WEB: DeviceInfo = { platformType: 'WEB', coarsePointer: false };
const ANDROID: DeviceInfo = { platformType: 'WAP', deviceType: 'Android', coarsePointer: true };
const IOS: DeviceInfo = { platformType: 'WAP', deviceType: 'iOS', coarsePointer: true };

const APPS = {
  ALIPAY: { link: `alipays://platformapi/startapp?appId=20000067&url=${encodeURIComponent(PHONE_PAGE)}`, pkg: 'com.eg.android.AlipayGphone' },
  WECHAT: { link: 'weixin://wxpay/bizpayurl?pr=tok', pkg: 'com.tencent.mm' },
  GCASH: { link: `gcash://pay?orderId=${ORDER}&token=tok`, pkg: 'com.globe.gcash.android' },
  KAKAO: { link: `kakaotalk://kakaopay/pg?url=${encodeURIComponent(PHONE_PAGE)}`, pkg: 'com.kakao.talk' },
  TNG: { link: `tngdwallet://pay?orderId=${ORDER}&token=tok`, pkg: 'my.com.tngdigital.ewallet' },
  CASHAPP: { link: PHONE_PAGE, pkg: 'com.squareup.cash' },
} as const;

const expiry = { expiresAt: Math.floor(RECEIVED_AT / 1000) + 900, expiresSecond: 900 };
const qrImages = {
  imageUrlPng: `${BASE}/_sandbox/qr/${ORDER}.png?qr=tok`,
  imageUrlSvg: `${BASE}/_sandbox/qr/${ORDER}.svg?qr=tok`,
  imageDataUrl: PNG_DATA_URL,
};

function response(method: PaymentMethodType, action: ClinkAction | undefined, status = 'requires_action' as const): ClassifiableResponse {
  return { status, paymentMethodType: method, action, serverTime: RECEIVED_AT, receivedAt: RECEIVED_AT };
}

function walletAction(method: PaymentMethodType, wallet: ClinkWalletDetails, extra: Partial<ClinkAction> = {}): ClinkAction {
  return { type: method, paymentMethodType: method, walletHandleRedirectOrDisplayQrCode: wallet, ...extra };
}

/** The sandbox's wallet action for WECHAT, CASHAPP, GCASH, KAKAO and TNG. */
function qrWallet(method: keyof typeof APPS, device: DeviceInfo): ClinkAction {
  const phone = device.platformType === 'WAP';
  return walletAction(method, {
    ...qrImages,
    hostedInstructionsUrl: INSTRUCTIONS,
    ...(phone
      ? { mobileAuthUrl: APPS[method].link, fallbackUrl: PHONE_PAGE, ...(device.deviceType === 'Android' && { packageName: APPS[method].pkg }) }
      : { mobileAuthUrl: PHONE_PAGE }),
    ...expiry,
  });
}

function refusal(run: () => unknown): CheckoutActionError {
  try {
    run();
  } catch (error) {
    if (error instanceof CheckoutActionError) return error;
    throw error;
  }
  throw new Error('expected a CheckoutActionError, nothing was thrown');
}

describe('classifyAction: CARD', () => {
  it('redirects to the 3-D Secure page on every device', () => {
    const action: ClinkAction = { type: 'CARD', paymentMethodType: 'CARD', redirectUrl: THREE_DS, method: 'GET' };
    for (const device of [WEB, ANDROID, IOS]) {
      expect(classifyAction(response('CARD', action), device)).toEqual({ kind: 'redirect', url: THREE_DS, paymentMethodType: 'CARD' });
    }
  });

  it('treats a missing method as GET', () => {
    const plan = classifyAction(response('CARD', { paymentMethodType: 'CARD', redirectUrl: THREE_DS }), WEB);
    expect(plan.kind).toBe('redirect');
  });

  it('builds a form post for method POST, keeping field order', () => {
    const action: ClinkAction = {
      type: 'CARD',
      paymentMethodType: 'CARD',
      redirectUrl: THREE_DS,
      method: 'POST',
      postData: { MD: ORDER, PaReq: 'eJzLSM3JyVcozy/KSQEAGgQEXQ==', TermUrl: 'https://shop.example.com/return?orderId=ord_123' },
    };
    expect(classifyAction(response('CARD', action), ANDROID)).toEqual({
      kind: 'form_post',
      url: THREE_DS,
      paymentMethodType: 'CARD',
      fields: [
        { name: 'MD', value: ORDER },
        { name: 'PaReq', value: 'eJzLSM3JyVcozy/KSQEAGgQEXQ==' },
        { name: 'TermUrl', value: 'https://shop.example.com/return?orderId=ord_123' },
      ],
    });
  });

  it('posts a form when postData is non-empty even without method POST, and with method POST even without postData', () => {
    const withData = classifyAction(response('CARD', { paymentMethodType: 'CARD', redirectUrl: THREE_DS, postData: { a: '1' } }), WEB);
    expect(withData).toMatchObject({ kind: 'form_post', fields: [{ name: 'a', value: '1' }] });
    const lowercase = classifyAction(response('CARD', { paymentMethodType: 'CARD', redirectUrl: THREE_DS, method: 'post' as 'POST' }), WEB);
    expect(lowercase).toMatchObject({ kind: 'form_post', fields: [] });
    const emptyData = classifyAction(response('CARD', { paymentMethodType: 'CARD', redirectUrl: THREE_DS, postData: {} }), WEB);
    expect(emptyData.kind).toBe('redirect');
  });

  it('has no action for a frictionless success, a decline or a pending payment', () => {
    expect(classifyAction(response('CARD', undefined, 'succeeded' as 'requires_action'), WEB)).toEqual({ kind: 'none', status: 'succeeded' });
    expect(classifyAction(response('CARD', undefined, 'failed' as 'requires_action'), WEB)).toEqual({ kind: 'none', status: 'failed' });
    expect(classifyAction(response('CARD', undefined, 'pending' as 'requires_action'), WEB)).toEqual({ kind: 'none', status: 'pending' });
    expect(classifyAction({ paymentMethodType: 'CARD' }, WEB)).toEqual({ kind: 'none', status: 'pending' });
  });

  it('lets a final status win over a stale action', () => {
    const action: ClinkAction = { paymentMethodType: 'CARD', redirectUrl: THREE_DS };
    expect(classifyAction(response('CARD', action, 'succeeded' as 'requires_action'), WEB)).toEqual({ kind: 'none', status: 'succeeded' });
  });
});

describe.each(['WECHAT', 'GCASH', 'KAKAO', 'TNG'] as const)('classifyAction: %s', (method) => {
  it('shows the QR image on desktop, with the expiry from expiresSecond', () => {
    const plan = classifyAction(response(method, qrWallet(method, WEB)), WEB);
    expect(plan).toEqual({
      kind: 'qr',
      paymentMethodType: method,
      qr: { kind: 'image', src: PNG_DATA_URL },
      expiry: { deadline: RECEIVED_AT + 900_000, serverDeadline: RECEIVED_AT + 900_000 },
      refreshable: false,
      savable: method === 'GCASH',
      hostedInstructionsUrl: INSTRUCTIONS,
    });
  });

  it('launches the app through an intent on Android, falling back to fallbackUrl', () => {
    const plan = classifyAction(response(method, qrWallet(method, ANDROID)), ANDROID);
    const { link, pkg } = APPS[method];
    const [scheme, rest] = link.split('://') as [string, string];
    expect(plan).toEqual({
      kind: 'app_link',
      paymentMethodType: method,
      launchUrl: `intent://${rest}#Intent;scheme=${scheme};package=${pkg};S.browser_fallback_url=${encodeURIComponent(PHONE_PAGE)};end`,
      fallbackUrl: PHONE_PAGE,
      hostedInstructionsUrl: INSTRUCTIONS,
      qr: { kind: 'image', src: PNG_DATA_URL },
      expiry: { deadline: RECEIVED_AT + 900_000, serverDeadline: RECEIVED_AT + 900_000 },
      refreshable: false,
      savable: method === 'GCASH',
    });
  });

  it('opens the deep link directly on iOS, with the QR for another device', () => {
    const plan = classifyAction(response(method, qrWallet(method, IOS)), IOS);
    expect(plan).toMatchObject({
      kind: 'app_link',
      launchUrl: APPS[method].link,
      fallbackUrl: PHONE_PAGE,
      qr: { kind: 'image', src: PNG_DATA_URL },
    });
  });
});

describe('classifyAction: ALIPAY', () => {
  it('redirects on desktop (the sandbox sends no QR for Alipay)', () => {
    const action = walletAction('ALIPAY', { hostedInstructionsUrl: INSTRUCTIONS, ...expiry }, { redirectUrl: INSTRUCTIONS, method: 'GET' });
    expect(classifyAction(response('ALIPAY', action), WEB)).toEqual({ kind: 'redirect', url: INSTRUCTIONS, paymentMethodType: 'ALIPAY' });
  });

  it('launches Alipay on Android through an intent with its package', () => {
    const wallet = { hostedInstructionsUrl: INSTRUCTIONS, mobileAuthUrl: APPS.ALIPAY.link, fallbackUrl: PHONE_PAGE, packageName: APPS.ALIPAY.pkg, ...expiry };
    const plan = classifyAction(response('ALIPAY', walletAction('ALIPAY', wallet, { redirectUrl: PHONE_PAGE, method: 'GET' })), ANDROID);
    expect(plan.kind).toBe('app_link');
    if (plan.kind !== 'app_link') return;
    expect(plan.launchUrl).toMatch(/^intent:\/\/platformapi\/startapp\?appId=20000067&url=.*#Intent;scheme=alipays;package=com\.eg\.android\.AlipayGphone;S\.browser_fallback_url=.*;end$/);
    expect(plan.fallbackUrl).toBe(PHONE_PAGE);
    // No QR image: the deep link itself is offered as a QR value for another device.
    expect(plan.qr).toEqual({ kind: 'value', value: APPS.ALIPAY.link });
  });

  it('uses the known package when the server sends none, and the hosted page as the fallback', () => {
    const wallet = { hostedInstructionsUrl: INSTRUCTIONS, mobileAuthUrl: APPS.ALIPAY.link };
    const plan = classifyAction(response('ALIPAY', walletAction('ALIPAY', wallet)), ANDROID);
    expect(plan).toMatchObject({
      kind: 'app_link',
      fallbackUrl: INSTRUCTIONS,
      launchUrl: expect.stringContaining(`;package=com.eg.android.AlipayGphone;S.browser_fallback_url=${encodeURIComponent(INSTRUCTIONS)};end`),
    });
  });
});

describe('classifyAction: CASHAPP', () => {
  it('shows a refreshable QR on desktop', () => {
    expect(classifyAction(response('CASHAPP', qrWallet('CASHAPP', WEB)), WEB)).toMatchObject({ kind: 'qr', refreshable: true, savable: false });
  });

  it('navigates to the https universal link on phones, without an intent', () => {
    for (const device of [ANDROID, IOS]) {
      expect(classifyAction(response('CASHAPP', qrWallet('CASHAPP', device)), device)).toMatchObject({
        kind: 'app_link',
        launchUrl: PHONE_PAGE,
        refreshable: true,
        qr: { kind: 'image', src: PNG_DATA_URL },
      });
    }
  });

  it('launches the cashme: scheme through an intent with the Cash App package when no package is sent', () => {
    const plan = classifyAction(response('CASHAPP', walletAction('CASHAPP', { mobileAuthUrl: 'cashme://pay/1' })), ANDROID);
    expect(plan).toMatchObject({ kind: 'app_link', launchUrl: 'intent://pay/1#Intent;scheme=cashme;package=com.squareup.cash;end' });
  });
});

describe.each(['PROMPTPAY', 'QRIS'] as const)('classifyAction: %s', (method) => {
  it.each([
    ['desktop', WEB],
    ['Android', ANDROID],
    ['iOS', IOS],
  ])('shows a savable QR on %s (there is no app to open)', (_, device) => {
    const plan = classifyAction(response(method, walletAction(method, { ...qrImages, ...expiry })), device);
    expect(plan).toEqual({
      kind: 'qr',
      paymentMethodType: method,
      qr: { kind: 'image', src: PNG_DATA_URL },
      expiry: { deadline: RECEIVED_AT + 900_000, serverDeadline: RECEIVED_AT + 900_000 },
      refreshable: false,
      savable: true,
    });
  });
});

describe('classifyAction: QR choice', () => {
  it('prefers imageDataUrl, then imageUrlPng, then imageUrlSvg', () => {
    const urls = { imageUrlPng: qrImages.imageUrlPng, imageUrlSvg: qrImages.imageUrlSvg };
    expect(classifyAction(response('QRIS', walletAction('QRIS', urls)), WEB)).toMatchObject({ qr: { kind: 'image', src: urls.imageUrlPng } });
    expect(classifyAction(response('QRIS', walletAction('QRIS', { imageUrlSvg: urls.imageUrlSvg })), WEB)).toMatchObject({
      qr: { kind: 'image', src: urls.imageUrlSvg },
    });
  });

  it('draws mobileAuthUrl as a QR value (with copy text) when there is no image', () => {
    expect(classifyAction(response('WECHAT', walletAction('WECHAT', { mobileAuthUrl: PHONE_PAGE })), WEB)).toMatchObject({
      kind: 'qr',
      qr: { kind: 'value', value: PHONE_PAGE },
      copyText: PHONE_PAGE,
      expiry: null,
    });
  });

  it('skips an unsafe image when a safe one follows', () => {
    const wallet = { imageDataUrl: 'data:text/html,<script>alert(1)</script>', imageUrlPng: qrImages.imageUrlPng };
    expect(classifyAction(response('QRIS', walletAction('QRIS', wallet)), WEB)).toMatchObject({ qr: { kind: 'image', src: qrImages.imageUrlPng } });
  });

  it('draws mobileAuthUrl when no image is usable, and refuses only when nothing is', () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const wallet = { imageUrlSvg: `data:image/svg+xml;base64,${svg}`, imageUrlPng: 'not an image', mobileAuthUrl: PHONE_PAGE };
    expect(classifyAction(response('WECHAT', walletAction('WECHAT', wallet)), WEB)).toMatchObject({
      kind: 'qr',
      qr: { kind: 'value', value: PHONE_PAGE },
    });
    const error = refusal(() => classifyAction(response('WECHAT', walletAction('WECHAT', { imageUrlSvg: wallet.imageUrlSvg })), WEB));
    expect(error.code).toBe('unsafe_image');
    expect(error.field).toBe('action.walletHandleRedirectOrDisplayQrCode.imageUrlSvg');
  });

  it('shows a bare Base64 image (no data: prefix) as a data URL of the type its bytes show', () => {
    const png = PNG_DATA_URL.slice('data:image/png;base64,'.length);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>').toString('base64');
    expect(classifyAction(response('QRIS', walletAction('QRIS', { imageUrlPng: png })), WEB)).toMatchObject({
      qr: { kind: 'image', src: PNG_DATA_URL },
    });
    expect(classifyAction(response('QRIS', walletAction('QRIS', { imageUrlSvg: svg })), WEB)).toMatchObject({
      qr: { kind: 'image', src: `data:image/svg+xml;base64,${svg}` },
    });
  });

  it('does not draw a denied link as a QR code', () => {
    const error = refusal(() => classifyAction(response('WECHAT', walletAction('WECHAT', { mobileAuthUrl: 'javascript:alert(1)' })), WEB));
    expect([error.code, error.field]).toEqual(['unsafe_deep_link', 'action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl']);
  });
});

describe('classifyAction: expiry', () => {
  it('uses expiresAt with the clock skew when there is no expiresSecond', () => {
    const serverTime = RECEIVED_AT - 90_000;
    const payment: ClassifiableResponse = {
      ...response('QRIS', walletAction('QRIS', { ...qrImages, expiresAt: serverTime / 1000 + 300 })),
      serverTime,
    };
    expect(classifyAction(payment, WEB)).toMatchObject({ expiry: { deadline: RECEIVED_AT + 300_000 } });
  });

  it('takes receivedAt from the options first', () => {
    const plan = classifyAction(response('QRIS', walletAction('QRIS', { ...qrImages, expiresSecond: 10 })), WEB, { receivedAt: 5_000 });
    expect(plan).toMatchObject({ expiry: { deadline: 15_000 } });
  });
});

describe('classifyAction: a refresh response', () => {
  it('takes the method from the response when the action has none', () => {
    const refresh: ClassifiableResponse = {
      status: 'requires_action',
      paymentMethodType: 'CASHAPP',
      action: { walletHandleRedirectOrDisplayQrCode: { ...qrImages, expiresSecond: 60 } },
      serverTime: RECEIVED_AT,
      receivedAt: RECEIVED_AT,
    };
    expect(classifyAction(refresh, WEB)).toMatchObject({ kind: 'qr', paymentMethodType: 'CASHAPP', refreshable: true, expiry: { deadline: RECEIVED_AT + 60_000 } });
  });
});

describe('classifyAction: hostile or broken responses', () => {
  it.each([
    ['javascript:alert(document.cookie)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['vbscript:msgbox(1)'],
    ['file:///etc/passwd'],
    ['/relative'],
  ])('refuses the redirect %s', (url) => {
    const error = refusal(() => classifyAction(response('CARD', { paymentMethodType: 'CARD', redirectUrl: url }), WEB));
    expect(error.code).toBe('unsafe_url');
    expect(error.field).toBe('action.redirectUrl');
  });

  it('refuses a javascript: form target', () => {
    const action: ClinkAction = { paymentMethodType: 'CARD', redirectUrl: 'javascript:alert(1)', method: 'POST', postData: { a: 'b' } };
    expect(refusal(() => classifyAction(response('CARD', action), WEB)).field).toBe('action.redirectUrl');
  });

  it('refuses a javascript: mobileAuthUrl on a phone when nothing else is usable', () => {
    const error = refusal(() => classifyAction(response('WECHAT', walletAction('WECHAT', { mobileAuthUrl: 'javascript:alert(1)' })), IOS));
    expect(error.code).toBe('unsafe_deep_link');
    expect(error.field).toBe('action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl');
  });

  it('refuses a ready-made intent: URL from the network when nothing else is usable', () => {
    const wallet = { mobileAuthUrl: 'intent://x#Intent;scheme=evil;package=com.evil.app;end' };
    const error = refusal(() => classifyAction(response('TNG', walletAction('TNG', wallet)), ANDROID));
    expect([error.code, error.field]).toEqual(['unsafe_deep_link', 'action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl']);
  });

  it('drops an unsafe fallback or hosted instructions URL and keeps the rest', () => {
    const base = { mobileAuthUrl: APPS.WECHAT.link, imageDataUrl: PNG_DATA_URL };
    const android = classifyAction(
      response('WECHAT', walletAction('WECHAT', { ...base, fallbackUrl: 'javascript:x', hostedInstructionsUrl: INSTRUCTIONS })),
      ANDROID,
    );
    // The hosted instructions take the fallback's place.
    expect(android).toMatchObject({ kind: 'app_link', fallbackUrl: INSTRUCTIONS });
    expect(JSON.stringify(android)).not.toContain('javascript');
    const desktop = classifyAction(response('WECHAT', walletAction('WECHAT', { ...base, hostedInstructionsUrl: 'data:text/html,x' })), WEB);
    expect(desktop).toMatchObject({ kind: 'qr', qr: { kind: 'image', src: PNG_DATA_URL }, hostedInstructionsUrl: undefined });
  });

  it('builds the intent with the known package when Clink’s package name is malformed', () => {
    const wallet = { mobileAuthUrl: APPS.WECHAT.link, packageName: 'com.tencent.mm;S.browser_fallback_url=javascript:alert(1)' };
    const plan = classifyAction(response('WECHAT', walletAction('WECHAT', wallet)), ANDROID);
    expect(plan).toMatchObject({ kind: 'app_link', launchUrl: 'intent://wxpay/bizpayurl?pr=tok#Intent;scheme=weixin;package=com.tencent.mm;end' });
  });

  it('refuses a deep link as a desktop redirect', () => {
    const action = walletAction('ALIPAY', {}, { redirectUrl: APPS.ALIPAY.link });
    expect(refusal(() => classifyAction(response('ALIPAY', action), WEB)).code).toBe('unsafe_url');
    expect(classifyAction(response('ALIPAY', action), IOS)).toMatchObject({ kind: 'app_link', launchUrl: APPS.ALIPAY.link });
  });

  it('refuses postData with too many fields or too many bytes', () => {
    const many = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`f${i}`, 'x']));
    const huge = { PaReq: 'x'.repeat(70_000) };
    for (const postData of [many, huge]) {
      const error = refusal(() => classifyAction(response('CARD', { paymentMethodType: 'CARD', redirectUrl: THREE_DS, method: 'POST', postData }), WEB));
      expect([error.code, error.field]).toEqual(['post_data_too_large', 'action.postData']);
    }
    const limits = { maxPostDataFields: 2, maxPostDataBytes: 10 };
    const small = { paymentMethodType: 'CARD' as const, redirectUrl: THREE_DS, postData: { a: '1', b: '2', c: '3' } };
    expect(refusal(() => classifyAction(response('CARD', small), WEB, limits)).code).toBe('post_data_too_large');
    const multiByte = { paymentMethodType: 'CARD' as const, redirectUrl: THREE_DS, postData: { a: '€€€€' } };
    expect(refusal(() => classifyAction(response('CARD', multiByte), WEB, limits)).code).toBe('post_data_too_large');
  });

  it('refuses postData that is not a string map', () => {
    const nested = { paymentMethodType: 'CARD', redirectUrl: THREE_DS, method: 'POST', postData: { a: { b: 1 } } } as unknown as ClinkAction;
    expect(refusal(() => classifyAction(response('CARD', nested), WEB)).field).toBe('action.postData.a');
  });

  it('reports a missing redirect URL for a form post', () => {
    const error = refusal(() => classifyAction(response('CARD', { paymentMethodType: 'CARD', method: 'POST', postData: { a: 'b' } }), WEB));
    expect([error.code, error.field]).toEqual(['missing_field', 'action.redirectUrl']);
  });

  it('reports a payment that needs an action but has none', () => {
    const error = refusal(() => classifyAction(response('CARD', undefined), WEB));
    expect([error.code, error.field]).toEqual(['missing_field', 'action']);
  });

  it('refuses an action it cannot perform', () => {
    expect(refusal(() => classifyAction(response('WECHAT', walletAction('WECHAT', {})), WEB)).code).toBe('unknown_action');
    const put = { paymentMethodType: 'CARD', redirectUrl: THREE_DS, method: 'PUT' } as unknown as ClinkAction;
    expect(refusal(() => classifyAction(response('CARD', put), WEB)).field).toBe('action.method');
  });

  it('refuses a payment whose method is known nowhere', () => {
    const action = { type: 'BITCOIN', paymentMethodType: 'BITCOIN', redirectUrl: THREE_DS } as unknown as ClinkAction;
    const error = refusal(() => classifyAction({ status: 'requires_action', action }, WEB));
    expect([error.code, error.field]).toEqual(['unsupported_payment_method', 'paymentMethodType']);
    expect(refusal(() => classifyAction({ status: 'requires_action', action: { redirectUrl: THREE_DS } }, WEB)).code).toBe(
      'unsupported_payment_method',
    );
  });
});

describe('classifyAction: the payment method', () => {
  it('never refuses an answer because of action.paymentMethodType, which is free text in Clink’s API', () => {
    for (const text of ['Cash App Pay', 'cashapp', 'WALLET', '']) {
      const plan = classifyAction(response('CASHAPP', { paymentMethodType: text, walletHandleRedirectOrDisplayQrCode: qrImages }), WEB);
      expect(plan).toMatchObject({ kind: 'qr', paymentMethodType: 'CASHAPP', refreshable: true });
    }
  });

  it('takes the method from action.type when it is one of Clink’s methods, else from the payment', () => {
    const typed = classifyAction(response('WECHAT', { type: 'GCASH', paymentMethodType: 'gcash-qr', walletHandleRedirectOrDisplayQrCode: qrImages }), WEB);
    expect(typed).toMatchObject({ paymentMethodType: 'GCASH', savable: true });
    const untyped = { type: 'gcash', walletHandleRedirectOrDisplayQrCode: qrImages } as unknown as ClinkAction;
    expect(classifyAction(response('PROMPTPAY', untyped), WEB)).toMatchObject({ paymentMethodType: 'PROMPTPAY', savable: true });
  });
});

describe('classifyAction: app links (a deny list, not a list of known apps)', () => {
  it.each([
    ['KAKAO', 'kakaopay://pg?token=1', 'com.kakao.talk'],
    ['ALIPAY', 'alipayhk://platformapi/startapp?appId=1', 'com.eg.android.AlipayGphone'],
  ] as const)('opens %s through a scheme Clink never documented (%s)', (method, link, pkg) => {
    const wallet = { mobileAuthUrl: link, packageName: pkg, fallbackUrl: PHONE_PAGE };
    expect(classifyAction(response(method, walletAction(method, wallet)), IOS)).toMatchObject({ kind: 'app_link', launchUrl: link });
    const android = classifyAction(response(method, walletAction(method, wallet)), ANDROID);
    expect(android).toMatchObject({ kind: 'app_link' });
    if (android.kind === 'app_link') expect(android.launchUrl).toContain(`;package=${pkg};`);
  });

  it('opens a bank’s own scheme without the wallet’s package (another app would not open under it)', () => {
    const plan = classifyAction(response('PROMPTPAY', walletAction('PROMPTPAY', { mobileAuthUrl: 'scbeasy://payments/promptpay?ref=1', imageDataUrl: PNG_DATA_URL })), ANDROID);
    expect(plan).toMatchObject({ kind: 'app_link', launchUrl: 'intent://payments/promptpay?ref=1#Intent;scheme=scbeasy;end' });
    const kakao = classifyAction(response('KAKAO', walletAction('KAKAO', { mobileAuthUrl: 'mybank://pay/1' })), ANDROID);
    expect(kakao).toMatchObject({ kind: 'app_link', launchUrl: 'intent://pay/1#Intent;scheme=mybank;end' });
  });

  it('falls back to the fallback page, then the hosted instructions, then the QR code, when the link cannot be used', () => {
    const link = { mobileAuthUrl: 'javascript:alert(1)' };
    const withAll = { ...link, fallbackUrl: PHONE_PAGE, hostedInstructionsUrl: INSTRUCTIONS, imageDataUrl: PNG_DATA_URL };
    expect(classifyAction(response('GCASH', walletAction('GCASH', withAll)), ANDROID)).toEqual({ kind: 'redirect', url: PHONE_PAGE, paymentMethodType: 'GCASH' });
    const noFallback = { ...link, hostedInstructionsUrl: INSTRUCTIONS, imageDataUrl: PNG_DATA_URL };
    expect(classifyAction(response('GCASH', walletAction('GCASH', noFallback)), IOS)).toEqual({ kind: 'redirect', url: INSTRUCTIONS, paymentMethodType: 'GCASH' });
    const qrOnly = { ...link, imageDataUrl: PNG_DATA_URL };
    expect(classifyAction(response('GCASH', walletAction('GCASH', qrOnly)), IOS)).toMatchObject({ kind: 'qr', qr: { kind: 'image', src: PNG_DATA_URL } });
  });

  it('keeps a merchant’s stricter allow list: a link outside it falls back like an unusable one', () => {
    const wallet = { mobileAuthUrl: 'kakaopay://pg?token=1', fallbackUrl: PHONE_PAGE, imageDataUrl: PNG_DATA_URL };
    const strict = { allowedDeepLinkSchemes: ['kakaotalk'] };
    expect(classifyAction(response('KAKAO', walletAction('KAKAO', wallet)), IOS, strict)).toEqual({ kind: 'redirect', url: PHONE_PAGE, paymentMethodType: 'KAKAO' });
    expect(classifyAction(response('KAKAO', walletAction('KAKAO', wallet)), IOS, { allowedDeepLinkSchemes: ['kakaopay'] })).toMatchObject({
      kind: 'app_link',
      launchUrl: wallet.mobileAuthUrl,
    });
    const error = refusal(() => classifyAction(response('KAKAO', walletAction('KAKAO', { mobileAuthUrl: wallet.mobileAuthUrl })), IOS, strict));
    expect([error.code, error.field]).toEqual(['unsafe_deep_link', 'action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl']);
  });
});

describe('classifyAction: a redirect and a QR code in one answer', () => {
  const action = walletAction('PROMPTPAY', { imageDataUrl: PNG_DATA_URL, ...expiry }, { redirectUrl: INSTRUCTIONS, method: 'GET' });

  it('shows the QR code on a desktop', () => {
    expect(classifyAction(response('PROMPTPAY', action), WEB)).toMatchObject({ kind: 'qr', qr: { kind: 'image', src: PNG_DATA_URL } });
  });

  it('follows the https redirect on a phone, which cannot scan its own screen', () => {
    for (const device of [ANDROID, IOS]) {
      expect(classifyAction(response('PROMPTPAY', action), device)).toEqual({ kind: 'redirect', url: INSTRUCTIONS, paymentMethodType: 'PROMPTPAY' });
    }
  });

  it('still opens the wallet app on a phone when there is one', () => {
    const withApp = walletAction('GCASH', { imageDataUrl: PNG_DATA_URL, mobileAuthUrl: APPS.GCASH.link }, { redirectUrl: INSTRUCTIONS });
    expect(classifyAction(response('GCASH', withApp), IOS)).toMatchObject({ kind: 'app_link', launchUrl: APPS.GCASH.link });
  });
});
