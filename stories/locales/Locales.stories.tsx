import { ClinkPayButton, type PaymentMethodType } from '@clink-checkout/react';
import { formatMessage } from '@clink-checkout/react/parts';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { loadedOf, stayOnPage, type LocaleName } from '../support/environment.js';
import {
  asShown,
  customerReturnsToPage,
  expectCountdown,
  expectNavigation,
  expectQrImage,
  OUTCOME_TIMEOUT,
  shownAmount,
  WALLET_NAMES,
} from '../support/expectations.js';

/**
 * The checkout in each built-in language, with the wallet its customers most likely use: texts,
 * the amount in the local format, the countdown, and the success message.
 */
const meta = {
  title: 'Locales',
  component: ClinkPayButton,
  render: (args, context) => <ClinkPayButton {...args} {...stayOnPage(context)} />,
} satisfies Meta<typeof ClinkPayButton>;
export default meta;
type Story = StoryObj<typeof meta>;

/** What a customer reads, per language (wallet names stay brand names). */
interface LocaleTexts {
  method: PaymentMethodType;
  payWith: string;
  scanQr: string;
  qrAlt: string;
  expiresIn: string;
  succeeded: string;
  /** The app button, for the locale whose story runs on a phone. */
  openApp?: string;
}

const TEXTS: Record<LocaleName, LocaleTexts> = {
  en: {
    method: 'CASHAPP',
    payWith: 'Pay with {wallet}',
    scanQr: 'Scan the QR code with {wallet} to pay {amount}.',
    qrAlt: '{wallet} QR code for {amount}',
    expiresIn: 'Expires in {time}',
    succeeded: 'Payment successful',
  },
  'zh-CN': {
    method: 'ALIPAY',
    payWith: '使用{wallet}支付',
    scanQr: '请使用{wallet}扫描二维码，支付{amount}。',
    qrAlt: '{wallet}付款二维码，金额{amount}',
    expiresIn: '{time}后过期',
    succeeded: '支付成功',
    openApp: '打开{wallet}',
  },
  'zh-TW': {
    method: 'WECHAT',
    payWith: '使用{wallet}付款',
    scanQr: '請使用{wallet}掃描 QR 碼，支付{amount}。',
    qrAlt: '{wallet}付款 QR 碼，金額{amount}',
    expiresIn: '{time}後到期',
    succeeded: '付款成功',
  },
  th: {
    method: 'PROMPTPAY',
    payWith: 'ชำระด้วย {wallet}',
    scanQr: 'สแกนคิวอาร์โค้ดด้วย {wallet} เพื่อชำระ {amount}',
    qrAlt: 'คิวอาร์โค้ด {wallet} สำหรับ {amount}',
    expiresIn: 'หมดอายุใน {time}',
    succeeded: 'ชำระเงินสำเร็จ',
  },
  id: {
    method: 'QRIS',
    payWith: 'Bayar dengan {wallet}',
    scanQr: 'Pindai kode QR dengan {wallet} untuk membayar {amount}.',
    qrAlt: 'Kode QR {wallet} untuk {amount}',
    expiresIn: 'Kedaluwarsa dalam {time}',
    succeeded: 'Pembayaran berhasil',
  },
  ms: {
    method: 'TNG',
    payWith: 'Bayar dengan {wallet}',
    scanQr: 'Imbas kod QR dengan {wallet} untuk membayar {amount}.',
    qrAlt: 'Kod QR {wallet} untuk {amount}',
    expiresIn: 'Tamat tempoh dalam {time}',
    succeeded: 'Pembayaran berjaya',
  },
  ko: {
    method: 'KAKAO',
    payWith: '{wallet}(으)로 결제',
    scanQr: '{wallet}(으)로 QR 코드를 스캔하여 {amount}을(를) 결제하세요.',
    qrAlt: '{amount} 결제용 {wallet} QR 코드',
    expiresIn: '{time} 후 만료',
    succeeded: '결제가 완료되었습니다',
  },
  fil: {
    method: 'GCASH',
    payWith: 'Magbayad gamit ang {wallet}',
    scanQr: 'I-scan ang QR code gamit ang {wallet} para magbayad ng {amount}.',
    qrAlt: '{wallet} QR code para sa {amount}',
    expiresIn: 'Mag-e-expire sa loob ng {time}',
    succeeded: 'Matagumpay ang pagbabayad',
  },
};

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A locale's story (named where it is exported, so the sidebar reads the name), played through to the success, or stopped at the QR code or app screen (`action`). */
function localeStory(locale: LocaleName, end: 'action' | 'paid' = 'paid'): Story {
  const texts = TEXTS[locale];
  const wallet = WALLET_NAMES[texts.method];
  const amount = shownAmount(texts.method, locale);
  // Alipay on a desktop redirects to its own page, so the Chinese story shows the phone's QR flow.
  const device = texts.method === 'ALIPAY' ? 'ios' : 'desktop';
  return {
    args: { paymentMethodType: texts.method },
    globals: { locale, device },
    play: async ({ canvasElement, userEvent, loaded }) => {
      const canvas = within(canvasElement);
      const { backend } = loadedOf({ loaded });
      await userEvent.click(canvas.getByRole('button', { name: formatMessage(texts.payWith, { wallet }) }));
      const [before, after] = texts.expiresIn.split('{time}') as [string, string];
      await expectCountdown(canvasElement, new RegExp(`^${escape(before)}1[45]:\\d\\d${escape(after)}$`));
      if (device === 'desktop') {
        await expectQrImage(canvasElement, formatMessage(texts.qrAlt, { wallet, amount }));
        await expect(canvas.getByText(asShown(formatMessage(texts.scanQr, { wallet, amount })))).toBeVisible();
      } else {
        await userEvent.click(canvas.getByRole('button', { name: formatMessage(texts.openApp ?? '', { wallet }) }));
        await expectNavigation(canvasElement, loadedOf({ loaded }).navigation, /^alipays:\/\//);
      }
      if (end === 'action') return;
      backend.sandbox.succeed(backend.latestOrderId());
      if (device !== 'desktop') customerReturnsToPage();
      await expect(await canvas.findByText(texts.succeeded, {}, OUTCOME_TIMEOUT)).toBeVisible();
      await expect(canvasElement.querySelector('.story-frame')).toHaveAttribute('lang', locale);
    },
  };
}

export const English: Story = { ...localeStory('en'), name: 'English (en)' };
export const SimplifiedChinese: Story = { ...localeStory('zh-CN'), name: '简体中文 (zh-CN)' };
export const TraditionalChinese: Story = { ...localeStory('zh-TW'), name: '繁體中文 (zh-TW)' };
export const Thai: Story = { ...localeStory('th'), name: 'ไทย (th)' };
export const Indonesian: Story = { ...localeStory('id'), name: 'Bahasa Indonesia (id)' };
export const Malay: Story = { ...localeStory('ms'), name: 'Bahasa Melayu (ms)' };
export const Korean: Story = { ...localeStory('ko'), name: '한국어 (ko)' };
export const Filipino: Story = { ...localeStory('fil'), name: 'Filipino (fil)' };
// The QR screens of a CJK and the Thai locale, compared with their reference screenshots: the fonts must draw them.
export const TraditionalChineseQr: Story = { ...localeStory('zh-TW', 'action'), name: '繁體中文 (zh-TW), QR code', tags: ['visual'] };
export const ThaiQr: Story = { ...localeStory('th', 'action'), name: 'ไทย (th), QR code', tags: ['visual'] };
