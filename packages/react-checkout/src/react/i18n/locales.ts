import type { CheckoutMessages } from './messages.js';
import { en } from './locales/en.js';
import { fil } from './locales/fil.js';
import { id } from './locales/id.js';
import { ko } from './locales/ko.js';
import { ms } from './locales/ms.js';
import { th } from './locales/th.js';
import { zhCN } from './locales/zh-CN.js';
import { zhTW } from './locales/zh-TW.js';

/** Locales with built-in messages. */
export type CheckoutLocale = 'en' | 'zh-CN' | 'zh-TW' | 'th' | 'id' | 'ms' | 'ko' | 'fil';

/** Built-in messages per locale. */
export const messagesByLocale: Readonly<Record<CheckoutLocale, CheckoutMessages>> = {
  en,
  'zh-CN': zhCN,
  'zh-TW': zhTW,
  th,
  id,
  ms,
  ko,
  fil,
};

/**
 * Picks the built-in locale for a BCP 47 tag: `zh-Hant`, `zh-HK` and `zh-MO` read Traditional Chinese,
 * other `zh` tags Simplified; `tl` is Filipino, `in` is Indonesian (legacy tag); anything else unknown is English.
 */
export function resolveLocale(tag: string | undefined): CheckoutLocale {
  const parts = (tag ?? '').toLowerCase().split(/[-_]/);
  const language = parts[0];
  if (language === 'zh') return parts.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo') ? 'zh-TW' : 'zh-CN';
  if (language === 'tl' || language === 'fil') return 'fil';
  if (language === 'in') return 'id';
  return language && language in messagesByLocale ? (language as CheckoutLocale) : 'en';
}

/** The messages for `locale` with `overrides` applied per key. */
export function resolveMessages(locale: string | undefined, overrides?: Partial<CheckoutMessages>): CheckoutMessages {
  const base = messagesByLocale[resolveLocale(locale)];
  return overrides ? { ...base, ...overrides } : base;
}
