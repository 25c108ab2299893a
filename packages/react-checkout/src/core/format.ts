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
    return cachedNumberFormat(locale, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

const numberFormats = new Map<string, Intl.NumberFormat>();

/**
 * An `Intl.NumberFormat`, built once per locale and options: the first one of a locale loads its data and costs
 * tens of milliseconds on a slow phone, so a view must not build it on every render.
 */
export function cachedNumberFormat(locale: string | readonly string[] | undefined, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = JSON.stringify([locale, options]);
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale as string | string[] | undefined, options)));
  return format;
}
