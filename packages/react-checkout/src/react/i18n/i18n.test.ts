import { describe, expect, it } from 'vitest';
import { formatSpokenDuration } from './duration.js';
import { messagesByLocale, resolveLocale, resolveMessages } from './locales.js';
import { formatMessage } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('built-in messages', () => {
  const english = messagesByLocale.en;
  for (const [locale, messages] of Object.entries(messagesByLocale)) {
    it(`${locale} translates every key with the same placeholders as English`, () => {
      expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(messages)) {
        expect(text.trim(), `${locale}.${key}`).not.toBe('');
        expect(placeholders(text), `${locale}.${key}`).toEqual(placeholders(english[key as keyof typeof english]));
        if (locale !== 'en' && !['continue', 'payWith', 'openApp', 'qrAlt', 'copyLink'].includes(key)) {
          // A copy of the English text means a missing translation (names of apps aside).
          expect(text, `${locale}.${key}`).not.toBe(english[key as keyof typeof english]);
        }
      }
    });
  }
});

describe('resolveLocale', () => {
  it.each([
    ['zh-Hant', 'zh-TW'],
    ['zh-HK', 'zh-TW'],
    ['zh-TW', 'zh-TW'],
    ['zh', 'zh-CN'],
    ['zh-Hans-SG', 'zh-CN'],
    ['th-TH', 'th'],
    ['in', 'id'],
    ['tl-PH', 'fil'],
    ['ms_MY', 'ms'],
    ['ko', 'ko'],
    ['de-DE', 'en'],
    [undefined, 'en'],
  ])('%s → %s', (tag, locale) => {
    expect(resolveLocale(tag)).toBe(locale);
  });

  it('applies overrides per key', () => {
    const messages = resolveMessages('th', { payWith: 'Jetzt zahlen' });
    expect(messages.payWith).toBe('Jetzt zahlen');
    expect(messages.tryAgain).toBe(messagesByLocale.th.tryAgain);
  });
});

describe('formatMessage', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('{wallet} QR code for {amount}', { wallet: 'WeChat Pay', amount: '¥12.00' })).toBe(
      'WeChat Pay QR code for ¥12.00',
    );
    expect(formatMessage('Hello {name}', {})).toBe('Hello {name}');
  });
});

describe('formatSpokenDuration', () => {
  it('speaks minutes and seconds in the locale', () => {
    expect(formatSpokenDuration(125, 'en')).toMatch(/2 minutes.*5 seconds/);
    expect(formatSpokenDuration(60, 'en')).toMatch(/^1 minute$/);
    expect(formatSpokenDuration(9, 'en')).toMatch(/^9 seconds$/);
    expect(formatSpokenDuration(125, 'ko')).toMatch(/2분.*5초/);
  });
});
