import { PAYMENT_METHOD_NAMES, type PaymentMethodType } from '@clink-checkout/protocol';

/** The name customers know a payment method by (`WECHAT` → `WeChat Pay`); brand names are not translated. */
export function walletName(method: PaymentMethodType): string {
  return PAYMENT_METHOD_NAMES[method]?.displayName ?? method;
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
