import { formatCountdown } from '../../core/index.js';

interface DurationFormatLike {
  format(duration: { minutes?: number; seconds?: number }): string;
}
type DurationFormatConstructor = new (locale: string, options: { style: 'long' }) => DurationFormatLike;

/**
 * A remaining time as words for screen readers ("2 minutes, 5 seconds"): `Intl.DurationFormat` when the
 * browser has it, else unit-formatted numbers joined with `Intl.ListFormat`.
 */
export function formatSpokenDuration(totalSeconds: number, locale: string): string {
  const seconds = Math.max(0, Math.ceil(totalSeconds));
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  const DurationFormat = (Intl as unknown as { DurationFormat?: DurationFormatConstructor }).DurationFormat;
  try {
    if (DurationFormat) {
      return new DurationFormat(locale, { style: 'long' }).format(
        minutes > 0 ? (rest > 0 ? { minutes, seconds: rest } : { minutes }) : { seconds: rest },
      );
    }
    const unit = (value: number, name: 'minute' | 'second') =>
      new Intl.NumberFormat(locale, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
    const parts = [minutes > 0 ? unit(minutes, 'minute') : '', rest > 0 || minutes === 0 ? unit(rest, 'second') : ''];
    return new Intl.ListFormat(locale, { style: 'long', type: 'unit' }).format(parts.filter(Boolean));
  } catch {
    // An engine without these Intl parts (or an invalid locale tag): digits still carry the meaning.
    return formatCountdown(seconds);
  }
}
