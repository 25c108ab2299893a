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

/*
 * The table, written column by column: each field of each method once. `PAYMENT_METHODS` joins the columns into
 * one record per method for every package to read; code that needs a single column (the browser's action
 * planning reads only how apps open and what QR codes allow) imports just that one, so a page that only
 * redirects does not carry every method's name.
 */

/** Names and kinds: the name customers know a method by (a brand name, never translated), card or wallet. */
export const PAYMENT_METHOD_NAMES: Readonly<Record<PaymentMethodType, Pick<PaymentMethodInfo, 'displayName' | 'kind'>>> = {
  ALIPAY: { displayName: 'Alipay', kind: 'wallet' },
  CARD: { displayName: 'Card', kind: 'card' },
  CASHAPP: { displayName: 'Cash App Pay', kind: 'wallet' },
  GCASH: { displayName: 'GCash', kind: 'wallet' },
  KAKAO: { displayName: 'KakaoPay', kind: 'wallet' },
  PROMPTPAY: { displayName: 'PromptPay', kind: 'wallet' },
  QRIS: { displayName: 'QRIS', kind: 'wallet' },
  TNG: { displayName: "Touch 'n Go eWallet", kind: 'wallet' },
  WECHAT: { displayName: 'WeChat Pay', kind: 'wallet' },
};

/** How each method's app opens: its URL schemes and Android package. */
export const PAYMENT_METHOD_APPS: Readonly<Record<PaymentMethodType, Pick<PaymentMethodInfo, 'appSchemes' | 'androidPackage'>>> = {
  ALIPAY: { appSchemes: ['alipays', 'alipay', 'alipayhk'], androidPackage: 'com.eg.android.AlipayGphone' },
  CARD: { appSchemes: [] },
  CASHAPP: { appSchemes: ['cashme', 'squarecash'], androidPackage: 'com.squareup.cash' },
  GCASH: { appSchemes: ['gcash'], androidPackage: 'com.globe.gcash.android' },
  KAKAO: { appSchemes: ['kakaotalk', 'kakaopay'], androidPackage: 'com.kakao.talk' },
  // PromptPay and QRIS are national QR standards paid from any bank app: no app of their own to open.
  PROMPTPAY: { appSchemes: [] },
  QRIS: { appSchemes: [] },
  TNG: { appSchemes: ['tngdwallet'], androidPackage: 'my.com.tngdigital.ewallet' },
  WECHAT: { appSchemes: ['weixin'], androidPackage: 'com.tencent.mm' },
};

const NO_QR_EXTRAS = { refreshableQr: false, savableQr: false } as const;
const SAVABLE = { refreshableQr: false, savableQr: true } as const;

/** What each method's QR codes allow: a refresh by Clink, saving the image. */
export const PAYMENT_METHOD_QR_CODES: Readonly<Record<PaymentMethodType, Pick<PaymentMethodInfo, 'refreshableQr' | 'savableQr'>>> = {
  ALIPAY: NO_QR_EXTRAS,
  CARD: NO_QR_EXTRAS,
  // Clink's reference: "Currently only supports CASHAPP wallet payments".
  CASHAPP: { refreshableQr: true, savableQr: false },
  GCASH: SAVABLE,
  KAKAO: NO_QR_EXTRAS,
  PROMPTPAY: SAVABLE,
  QRIS: SAVABLE,
  TNG: NO_QR_EXTRAS,
  WECHAT: NO_QR_EXTRAS,
};

function joinColumns(): Record<PaymentMethodType, PaymentMethodInfo> {
  const rows = PAYMENT_METHOD_TYPES.map((type) => [
    type,
    { type, ...PAYMENT_METHOD_NAMES[type], ...PAYMENT_METHOD_APPS[type], ...PAYMENT_METHOD_QR_CODES[type] },
  ]);
  return Object.fromEntries(rows) as Record<PaymentMethodType, PaymentMethodInfo>;
}

/** Payment methods by type: every column of the table joined. */
export const PAYMENT_METHODS: Readonly<Record<PaymentMethodType, PaymentMethodInfo>> = /* @__PURE__ */ joinColumns();

/** `true` when `value` is one of Clink's payment method types, exactly as spelled on the wire. */
export function isPaymentMethodType(value: unknown): value is PaymentMethodType {
  return (PAYMENT_METHOD_TYPES as readonly unknown[]).includes(value);
}

/** `true` for the methods `POST /payment-instrument` can create instruments of (every wallet, not `CARD`). */
export function isWalletMethod(method: PaymentMethodType): method is WalletMethodType {
  return PAYMENT_METHOD_NAMES[method].kind === 'wallet';
}
