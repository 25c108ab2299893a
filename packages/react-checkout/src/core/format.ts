import type { PaymentMethodType } from './protocol.js';

const WALLET_NAMES: Record<PaymentMethodType, string> = {
  ALIPAY: 'Alipay',
  CARD: 'Card',
  CASHAPP: 'Cash App Pay',
  GCASH: 'GCash',
  KAKAO: 'KakaoPay',
  PROMPTPAY: 'PromptPay',
  QRIS: 'QRIS',
  TNG: "Touch 'n Go eWallet",
  WECHAT: 'WeChat Pay',
};

/** The name customers know a payment method by (`WECHAT` → `WeChat Pay`); brand names are not translated. */
export function walletName(method: PaymentMethodType): string {
  return WALLET_NAMES[method] ?? method;
}

/**
 * `9.99, 'USD', 'en-US'` → `$9.99`, with `Intl.NumberFormat` (amounts are major units, as in Clink's API).
 * An unknown currency code falls back to `9.99 XYZ` instead of throwing.
 * @param locale @default the runtime's default locale
 */
export function formatAmount(amount: number, currency: string, locale?: string | readonly string[]): string {
  try {
    return new Intl.NumberFormat(locale as string | string[] | undefined, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}
