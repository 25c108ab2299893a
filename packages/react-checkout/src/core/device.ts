/** In-app browsers that often block custom-scheme launches or need their own instructions. */
export type InAppBrowser = 'wechat' | 'facebook' | 'instagram' | 'line';

/** What the checkout needs to know about the customer's browser. */
export interface DeviceInfo {
  /** `WEB` for a desktop browser, `WAP` for a phone or tablet browser (Clink's terms). */
  platformType: 'WEB' | 'WAP';
  /** Set on phones and tablets only. */
  deviceType?: 'Android' | 'iOS';
  /** Set when the page runs inside a known app's embedded browser. */
  inAppBrowser?: InAppBrowser;
  /** `true` when the primary pointer is a finger (touch screen). */
  coarsePointer: boolean;
}

/** Inputs of `detectDevice`; when omitted, values are read from `navigator` / `matchMedia` if they exist. */
export interface DeviceEnv {
  userAgent?: string;
  userAgentData?: { mobile?: boolean; platform?: string };
  coarsePointer?: boolean;
  /** `navigator.maxTouchPoints`; tells an iPad with a desktop user agent apart from a Mac. */
  maxTouchPoints?: number;
}

const IN_APP_BROWSERS: ReadonlyArray<[InAppBrowser, RegExp]> = [
  ['wechat', /MicroMessenger/i],
  // Before Facebook: some Instagram builds also carry FBAN/FBAV.
  ['instagram', /Instagram/i],
  ['facebook', /FBAN|FBAV|FB_IAB|FBIOS/],
  ['line', /\bLine\//],
];

function readEnvironment(): DeviceEnv {
  const nav = globalThis.navigator as
    | (Navigator & { userAgentData?: { mobile?: boolean; platform?: string } })
    | undefined;
  if (!nav) return {};
  return {
    userAgent: nav.userAgent,
    userAgentData: nav.userAgentData,
    coarsePointer: globalThis.matchMedia?.('(pointer: coarse)').matches,
    maxTouchPoints: nav.maxTouchPoints,
  };
}

/**
 * What kind of browser the customer uses, from `env` or, when `env` is not given, from `navigator` and
 * `matchMedia` if they exist. Without either (server rendering) the result is a desktop: `{ platformType: 'WEB' }`.
 *
 * Android and iOS (including an iPad that sends a desktop Safari user agent but has a touch screen) are
 * phones (`WAP`); so is any other user agent marked `Mobi` or `userAgentData.mobile`. In-app browsers of
 * WeChat (`MicroMessenger`), Facebook (`FBAN`/`FBAV`), Instagram and LINE (`Line/`) are recognised.
 */
export function detectDevice(env: DeviceEnv = readEnvironment()): DeviceInfo {
  const ua = env.userAgent ?? '';
  const platform = env.userAgentData?.platform?.toLowerCase() ?? '';
  const touch = env.coarsePointer === true || (env.maxTouchPoints ?? 0) > 1;
  let deviceType: DeviceInfo['deviceType'];
  if (/Android/i.test(ua) || platform === 'android') deviceType = 'Android';
  else if (/iPhone|iPad|iPod/.test(ua) || platform === 'ios' || (/Macintosh/.test(ua) && touch)) deviceType = 'iOS';
  const mobile = deviceType !== undefined || env.userAgentData?.mobile === true || /Mobi/.test(ua);
  const device: DeviceInfo = {
    platformType: mobile ? 'WAP' : 'WEB',
    coarsePointer: env.coarsePointer ?? mobile,
  };
  if (deviceType) device.deviceType = deviceType;
  const inApp = IN_APP_BROWSERS.find(([, pattern]) => pattern.test(ua))?.[0];
  if (inApp) device.inAppBrowser = inApp;
  return device;
}
