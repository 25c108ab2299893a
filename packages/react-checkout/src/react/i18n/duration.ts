import { cachedNumberFormat, formatAmount, formatCountdown } from '../../core/index.js';

const listFormats = new Map<string, Intl.ListFormat>();

/**
 * A remaining time as words for screen readers ("2 minutes, 5 seconds"): unit-formatted numbers joined with
 * `Intl.ListFormat`, in the customer's language. `seconds` is whole and positive: the countdown announces only
 * such times.
 */
export function formatSpokenDuration(seconds: number, locale: string): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  try {
    const unit = (value: number, name: string) => cachedNumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
    const parts = [minutes > 0 ? unit(minutes, 'minute') : '', rest > 0 ? unit(rest, 'second') : ''];
    let list = listFormats.get(locale);
    if (!list) listFormats.set(locale, (list = new Intl.ListFormat(locale, { style: 'long', type: 'unit' })));
    return list.format(parts.filter(Boolean));
  } catch {
    // An engine without these Intl parts (or an invalid locale tag): digits still carry the meaning.
    return formatCountdown(seconds);
  }
}

/**
 * Builds the formatters a payment's view needs (amounts, the spoken countdown) ahead of time, e.g. while the
 * payment is being created: the first formatter of a locale is slow to build on a low-end phone.
 */
export function prepareFormatters(locale: string): void {
  formatAmount(0, 'USD', locale);
  formatSpokenDuration(61, locale);
}
