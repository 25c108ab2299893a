/** The secret key the sandbox accepts by default (`X-API-KEY`). Not a real Clink key. */
export const SANDBOX_API_KEY = 'sk_test_clink_sandbox';

/** The secret the sandbox signs webhooks with by default. */
export const SANDBOX_WEBHOOK_SECRET = 'whsec_clink_sandbox';

/** Every payment method Clink accepts for a one-time payment, uppercase as on the wire. */
export const PAYMENT_METHOD_TYPES = [
  'ALIPAY',
  'CARD',
  'CASHAPP',
  'GCASH',
  'KAKAO',
  'PROMPTPAY',
  'QRIS',
  'TNG',
  'WECHAT',
] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

/** `WEB` is a desktop browser, `WAP` a mobile browser. */
export const PLATFORM_TYPES = ['WEB', 'WAP'] as const;
export type PlatformType = (typeof PLATFORM_TYPES)[number];

/** Exactly this casing, as Clink requires. */
export const DEVICE_TYPES = ['Android', 'iOS'] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

/** How far `X-Timestamp` may be from the sandbox clock before a request is refused. */
export const TIMESTAMP_TOLERANCE_MS = 5 * 60 * 1000;

/** @default 900 seconds, as the sandbox's QR codes live by default. */
export const DEFAULT_QR_EXPIRES_IN_SECONDS = 900;

/** Default port of `listen()` and the CLI. */
export const DEFAULT_PORT = 4010;

/** Default host of `listen()` and the CLI. */
export const DEFAULT_HOST = '127.0.0.1';
