import { formatCountdown } from '../../core/index.js';

/**
 * A remaining time as words for screen readers ("2 minutes, 5 seconds"): unit-formatted numbers joined with
 * `Intl.ListFormat`, in the customer's language.
 */
export function formatSpokenDuration(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  try {
    const unit = (value: number, name: string) => new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
    const parts = [minutes > 0 ? unit(minutes, 'minute') : '', rest > 0 || minutes === 0 ? unit(rest, 'second') : ''];
    return new Intl.ListFormat(locale, { style: 'long', type: 'unit' }).format(parts.filter(Boolean));
  } catch {
    // An engine without these Intl parts (or an invalid locale tag): digits still carry the meaning.
    return formatCountdown(seconds);
  }
}
