// Kept apart from the main entry so an app ships only the languages it imports. Plain data and functions, no
// React: callable from React Server Components (no 'use client').
export { messagesByLocale, resolveLocale, resolveMessages, type CheckoutLocale } from './react/i18n/locales.js';
export { en } from './react/i18n/locales/en.js';
export { zhCN } from './react/i18n/locales/zh-CN.js';
export { zhTW } from './react/i18n/locales/zh-TW.js';
export { th } from './react/i18n/locales/th.js';
export { id } from './react/i18n/locales/id.js';
export { ms } from './react/i18n/locales/ms.js';
export { ko } from './react/i18n/locales/ko.js';
export { fil } from './react/i18n/locales/fil.js';
export type { CheckoutMessages } from './react/i18n/messages.js';
