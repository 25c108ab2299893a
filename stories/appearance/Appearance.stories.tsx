import { ClinkPayButton, type CheckoutMessages } from '@clink-checkout/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { stayOnPage } from '../support/environment.js';
import { expectCountdown, expectQrImage, shownAmount } from '../support/expectations.js';

/**
 * The package's styles are opt-in and driven by `--clink-*` CSS variables: a dark theme under
 * `[data-theme="dark"]` (or the system's dark mode), logical properties for right-to-left pages, and
 * any brand colour a merchant sets.
 */
const meta = {
  title: 'Appearance',
  component: ClinkPayButton,
  args: { paymentMethodType: 'WECHAT' },
  render: (args, context) => <ClinkPayButton {...args} {...stayOnPage(context)} />,
} satisfies Meta<typeof ClinkPayButton>;
export default meta;
type Story = StoryObj<typeof meta>;

const style = (element: Element) => getComputedStyle(element);

/** `data-theme="dark"` on an ancestor switches the variables; axe checks the contrast of the result. */
export const DarkTheme: Story = {
  name: 'Dark theme',
  tags: ['visual'],
  globals: { theme: 'dark' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Pay with WeChat Pay' });
    await expect(style(button).getPropertyValue('--clink-color-primary').trim()).toBe('#76a9fa');
    await expect(style(button).backgroundColor).toBe('rgb(118, 169, 250)');
    await expect(style(button).color).toBe('rgb(17, 24, 39)');
    await userEvent.click(button);
    await expectQrImage(canvasElement, `WeChat Pay QR code for ${shownAmount('WECHAT')}`);
    const timer = await expectCountdown(canvasElement, /^Expires in 1[45]:\d\d$/);
    await expect(style(timer).color).not.toBe('rgb(31, 41, 55)');
    await expect(style(canvasElement.querySelector('.clink-renderer')!).color).toBe('rgb(243, 244, 246)');
  },
};

/**
 * A merchant's own Arabic texts, passed through `messages` (Arabic is not a built-in locale): on a right-to-left
 * page the text reads from the right and the layout mirrors, with the amount in Arabic digits from `locale="ar"`.
 */
const ARABIC: Partial<CheckoutMessages> = {
  payWith: 'ادفع باستخدام {wallet}',
  processing: 'جارٍ المعالجة…',
  scanQr: 'امسح رمز QR باستخدام {wallet} لدفع {amount}.',
  qrAlt: 'رمز QR من {wallet} لدفع {amount}',
  qrStepOpen: 'افتح {wallet} على هاتفك واضغط على «مسح».',
  qrStepConfirm: 'وجّه الكاميرا إلى هذا الرمز، ثم أكّد الدفع في التطبيق.',
  expiresIn: 'تنتهي الصلاحية خلال {time}',
  timeLeft: 'متبقٍ {time} للدفع',
  viewInstructions: 'عرض تعليمات الدفع',
  saveQr: 'حفظ صورة الرمز',
  copyLink: 'نسخ الرابط',
};

export const RightToLeft: Story = {
  name: 'Right to left (Arabic messages)',
  args: { paymentMethodType: 'KAKAO', locale: 'ar', messages: ARABIC },
  globals: { direction: 'rtl' },
  render: (args, context) => (
    <div lang="ar">
      <ClinkPayButton {...args} {...stayOnPage(context)} />
    </div>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'ادفع باستخدام KakaoPay' });
    const column = canvasElement.querySelector('.story-canvas')!;
    await expect(style(button).direction).toBe('rtl');
    // The button hugs the right edge of its column, as start is on the right.
    await expect(Math.abs(column.getBoundingClientRect().right - button.getBoundingClientRect().right)).toBeLessThan(2);
    await userEvent.click(button);
    // The amount as `Intl` writes it for "ar" (with direction marks), so only its digits are matched.
    await expectQrImage(canvasElement, /^رمز QR من KakaoPay لدفع .*33[,٬]000/);
    await expect(canvas.getByText(/^امسح رمز QR باستخدام KakaoPay لدفع .*33[,٬]000/)).toBeVisible();
    const renderer = canvasElement.querySelector('.clink-renderer')!;
    await expect(style(renderer).direction).toBe('rtl');
    // The numbered steps start at the right edge, their numbers on the right.
    const steps = canvasElement.querySelector('.clink-qr__steps')!;
    await expect(style(steps).paddingRight).not.toBe('0px');
    await expectCountdown(canvasElement, /^تنتهي الصلاحية خلال 1[45]:\d\d$/);
  },
};

/** A merchant's brand: three variables on any ancestor (`.story-brand` in story.css) restyle the button and the action. */
export const CustomBrand: Story = {
  name: 'Custom brand',
  args: { paymentMethodType: 'GCASH' },
  render: (args, context) => (
    <div className="story-brand">
      <ClinkPayButton {...args} {...stayOnPage(context)} />
    </div>
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Pay with GCash' });
    // The variables are inherited from the merchant's wrapper, past the package defaults.
    await expect(style(button).backgroundColor).toBe('rgb(15, 118, 110)');
    await expect(style(button).borderTopLeftRadius).toBe('999px');
    await userEvent.click(button);
    await expectQrImage(canvasElement, `GCash QR code for ${shownAmount('GCASH')}`);
    const save = canvas.getByRole('link', { name: 'Save QR image' });
    await expect(style(save).color).toBe('rgb(15, 118, 110)');
  },
};
