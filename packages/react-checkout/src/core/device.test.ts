import { afterEach, describe, expect, it, vi } from 'vitest';
import { detectDevice } from './device.js';

const UA = {
  chromeWindows:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  safariMac:
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15',
  chromeAndroid:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36',
  androidTablet: 'Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36',
  safariIphone:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1',
  wechatAndroid:
    'Mozilla/5.0 (Linux; Android 13; V2055A) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36 XWEB/1160065 MMWEBSDK/20231202 MicroMessenger/8.0.47.2560(0x28002F30) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
  facebookIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 [FBAN/FBIOS;FBAV/470.0.0.43.108;FBBV/600000000;FBDV/iPhone15,2;FBMD/iPhone;FBSN/iOS;FBSV/17.5;FBSS/3;FBCR/;FBID/phone;FBLC/en_US;FBOP/80]',
  instagramAndroid:
    'Mozilla/5.0 (Linux; Android 14; SM-S918B Build/UP1A.231005.007; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 Instagram 330.0.0.40.92 Android (34/14; 480dpi; 1080x2115; samsung; SM-S918B; dm3q; qcom; en_US; 596227433)',
  lineIos:
    'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Safari Line/14.5.0',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('detectDevice', () => {
  it('sees desktops as WEB', () => {
    for (const userAgent of [UA.chromeWindows, UA.safariMac, UA.firefoxLinux]) {
      expect(detectDevice({ userAgent })).toEqual({ platformType: 'WEB', coarsePointer: false });
    }
  });

  it('sees Android and iPhone as WAP phones with a coarse pointer', () => {
    expect(detectDevice({ userAgent: UA.chromeAndroid })).toEqual({ platformType: 'WAP', deviceType: 'Android', coarsePointer: true });
    expect(detectDevice({ userAgent: UA.androidTablet })).toEqual({ platformType: 'WAP', deviceType: 'Android', coarsePointer: true });
    expect(detectDevice({ userAgent: UA.safariIphone })).toEqual({ platformType: 'WAP', deviceType: 'iOS', coarsePointer: true });
  });

  it('sees an iPad with a desktop user agent as iOS when it has a touch screen', () => {
    expect(detectDevice({ userAgent: UA.safariMac, coarsePointer: true })).toEqual({ platformType: 'WAP', deviceType: 'iOS', coarsePointer: true });
    expect(detectDevice({ userAgent: UA.safariMac, maxTouchPoints: 5 })).toMatchObject({ platformType: 'WAP', deviceType: 'iOS' });
    expect(detectDevice({ userAgent: UA.safariMac, maxTouchPoints: 0, coarsePointer: false }).platformType).toBe('WEB');
  });

  it('uses client hints', () => {
    expect(detectDevice({ userAgent: '', userAgentData: { mobile: true, platform: 'Android' } })).toMatchObject({
      platformType: 'WAP',
      deviceType: 'Android',
    });
    expect(detectDevice({ userAgentData: { mobile: true, platform: 'Unknown' } })).toEqual({ platformType: 'WAP', coarsePointer: true });
    expect(detectDevice({ userAgentData: { mobile: false, platform: 'Windows' } })).toEqual({ platformType: 'WEB', coarsePointer: false });
  });

  it('keeps an explicit coarsePointer', () => {
    expect(detectDevice({ userAgent: UA.chromeWindows, coarsePointer: true })).toEqual({ platformType: 'WEB', coarsePointer: true });
  });

  it.each([
    ['wechat', UA.wechatAndroid, 'Android'],
    ['facebook', UA.facebookIos, 'iOS'],
    ['instagram', UA.instagramAndroid, 'Android'],
    ['line', UA.lineIos, 'iOS'],
  ] as const)('recognises the %s in-app browser', (inAppBrowser, userAgent, deviceType) => {
    expect(detectDevice({ userAgent })).toEqual({ platformType: 'WAP', deviceType, inAppBrowser, coarsePointer: true });
  });

  it('does not mistake Linux for LINE', () => {
    expect(detectDevice({ userAgent: UA.firefoxLinux }).inAppBrowser).toBeUndefined();
  });

  it('falls back to a desktop without navigator (server rendering)', () => {
    vi.stubGlobal('navigator', undefined);
    expect(detectDevice()).toEqual({ platformType: 'WEB', coarsePointer: false });
  });

  it('reads navigator and matchMedia when no environment is given', () => {
    vi.stubGlobal('navigator', { userAgent: UA.safariMac, maxTouchPoints: 5 });
    const matchMedia = vi.fn(() => ({ matches: true }));
    vi.stubGlobal('matchMedia', matchMedia);
    expect(detectDevice()).toEqual({ platformType: 'WAP', deviceType: 'iOS', coarsePointer: true });
    expect(matchMedia).toHaveBeenCalledWith('(pointer: coarse)');
  });

  it('does not touch the globals when an environment is given', () => {
    const matchMedia = vi.fn(() => ({ matches: true }));
    vi.stubGlobal('matchMedia', matchMedia);
    expect(detectDevice({ userAgent: UA.chromeWindows })).toEqual({ platformType: 'WEB', coarsePointer: false });
    expect(matchMedia).not.toHaveBeenCalled();
  });
});
