import { describe, expect, it } from 'vitest';
import { buildAndroidIntentUrl, isAndroidPackageName } from './deep-link.js';
import { CheckoutActionError } from './errors.js';

describe('buildAndroidIntentUrl', () => {
  it('moves the scheme into the intent and encodes the fallback', () => {
    expect(
      buildAndroidIntentUrl({
        deepLink: 'alipays://platformapi/startapp?saId=10000007&qrcode=https%3A%2F%2Fqr.alipay.com%2Fx',
        packageName: 'com.eg.android.AlipayGphone',
        fallbackUrl: 'https://pay.example.com/fallback?a=1&b=2;c',
      }),
    ).toBe(
      'intent://platformapi/startapp?saId=10000007&qrcode=https%3A%2F%2Fqr.alipay.com%2Fx' +
        '#Intent;scheme=alipays;package=com.eg.android.AlipayGphone;' +
        'S.browser_fallback_url=https%3A%2F%2Fpay.example.com%2Ffallback%3Fa%3D1%26b%3D2%3Bc;end',
    );
  });

  it('leaves out the package and fallback when there are none', () => {
    expect(buildAndroidIntentUrl({ deepLink: 'weixin://wxpay/bizpayurl?pr=abc' })).toBe(
      'intent://wxpay/bizpayurl?pr=abc#Intent;scheme=weixin;end',
    );
  });

  it('handles a deep link without // and drops its fragment', () => {
    expect(buildAndroidIntentUrl({ deepLink: 'GCash:pay?id=1#frag', packageName: 'com.globe.gcash.android' })).toBe(
      'intent://pay?id=1#Intent;scheme=gcash;package=com.globe.gcash.android;end',
    );
  });

  it('refuses a package name that could inject intent parameters', () => {
    const run = () =>
      buildAndroidIntentUrl({ deepLink: 'alipays://x', packageName: 'com.x;S.browser_fallback_url=javascript:alert(1)' });
    expect(run).toThrow(CheckoutActionError);
    expect(run).toThrow(/package/);
    expect(() => buildAndroidIntentUrl({ deepLink: 'no-scheme-here' })).toThrow(CheckoutActionError);
  });

  it('recognises package names', () => {
    expect(isAndroidPackageName('my.com.tngdigital.ewallet')).toBe(true);
    expect(isAndroidPackageName('com.kakao.talk')).toBe(true);
    expect(isAndroidPackageName('single')).toBe(false);
    expect(isAndroidPackageName('com..x')).toBe(false);
    expect(isAndroidPackageName('com.x;end')).toBe(false);
  });
});
