/**
 * The one table of Clink's payment methods. Every package reads names, app details and QR behaviour
 * from here, so a method is described in exactly one place.
 */

/** Every payment method Clink accepts for `POST /payment`, uppercase as on the wire (Clink's `paymentMethodType` enum). */
export const PAYMENT_METHOD_TYPES = ['ALIPAY', 'CARD', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT'] as const;
export type PaymentMethodType = (typeof PAYMENT_METHOD_TYPES)[number];

/** Methods `POST /payment-instrument` can create an instrument for (`paymentInstrumentType`): every wallet, never `CARD`. */
export type WalletMethodType = Exclude<PaymentMethodType, 'CARD'>;

/** What we know about one payment method. */
export interface PaymentMethodInfo {
  type: PaymentMethodType;
  /** The name customers know it by; a brand name, never translated. */
  displayName: string;
  /** `card`: a saved card (3-D Secure redirect or form post). `wallet`: a QR code and/or a wallet app. */
  kind: 'card' | 'wallet';
  /**
   * Custom URL schemes the wallet's apps are known to register. For information and tests only: Clink
   * documents no list of schemes, so navigation safety never depends on this (it refuses dangerous
   * schemes instead of allowing known ones).
   */
  appSchemes: readonly string[];
  /** Android package of the wallet app, used for `intent://` launches when Clink sends no `packageName`. */
  androidPackage?: string;
  /** Clink renews an expired QR code (`POST /payment/{orderId}/qrcode/refresh`); others need a new payment. */
  refreshableQr: boolean;
  /** Customers often pay from a saved QR image (scanned from the phone's gallery in their bank app). */
  savableQr: boolean;
}

/** Payment methods by type. */
export const PAYMENT_METHODS: Readonly<Record<PaymentMethodType, PaymentMethodInfo>> = {
  ALIPAY: {
    type: 'ALIPAY',
    displayName: 'Alipay',
    kind: 'wallet',
    appSchemes: ['alipays', 'alipay', 'alipayhk'],
    androidPackage: 'com.eg.android.AlipayGphone',
    refreshableQr: false,
    savableQr: false,
  },
  CARD: { type: 'CARD', displayName: 'Card', kind: 'card', appSchemes: [], refreshableQr: false, savableQr: false },
  CASHAPP: {
    type: 'CASHAPP',
    displayName: 'Cash App Pay',
    kind: 'wallet',
    appSchemes: ['cashme', 'squarecash'],
    androidPackage: 'com.squareup.cash',
    // Clink's reference: "Currently only supports CASHAPP wallet payments".
    refreshableQr: true,
    savableQr: false,
  },
  GCASH: {
    type: 'GCASH',
    displayName: 'GCash',
    kind: 'wallet',
    appSchemes: ['gcash'],
    androidPackage: 'com.globe.gcash.android',
    refreshableQr: false,
    savableQr: true,
  },
  KAKAO: {
    type: 'KAKAO',
    displayName: 'KakaoPay',
    kind: 'wallet',
    appSchemes: ['kakaotalk', 'kakaopay'],
    androidPackage: 'com.kakao.talk',
    refreshableQr: false,
    savableQr: false,
  },
  // PromptPay and QRIS are national QR standards paid from any bank app: no app of their own to open.
  PROMPTPAY: { type: 'PROMPTPAY', displayName: 'PromptPay', kind: 'wallet', appSchemes: [], refreshableQr: false, savableQr: true },
  QRIS: { type: 'QRIS', displayName: 'QRIS', kind: 'wallet', appSchemes: [], refreshableQr: false, savableQr: true },
  TNG: {
    type: 'TNG',
    displayName: "Touch 'n Go eWallet",
    kind: 'wallet',
    appSchemes: ['tngdwallet'],
    androidPackage: 'my.com.tngdigital.ewallet',
    refreshableQr: false,
    savableQr: false,
  },
  WECHAT: {
    type: 'WECHAT',
    displayName: 'WeChat Pay',
    kind: 'wallet',
    appSchemes: ['weixin'],
    androidPackage: 'com.tencent.mm',
    refreshableQr: false,
    savableQr: false,
  },
};

/** `true` when `value` is one of Clink's payment method types, exactly as spelled on the wire. */
export function isPaymentMethodType(value: unknown): value is PaymentMethodType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(PAYMENT_METHODS, value);
}

/** `true` for the methods `POST /payment-instrument` can create instruments of (every wallet, not `CARD`). */
export function isWalletMethod(method: PaymentMethodType): method is WalletMethodType {
  return PAYMENT_METHODS[method].kind === 'wallet';
}
