import { ClinkPayButton } from '@clink-checkout/react';
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

/** In a right-to-left page the layout mirrors: the button and the QR view start at the right. */
export const RightToLeft: Story = {
  name: 'Right to left',
  args: { paymentMethodType: 'KAKAO' },
  globals: { direction: 'rtl' },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Pay with KakaoPay' });
    const column = canvasElement.querySelector('.story-canvas')!;
    await expect(style(button).direction).toBe('rtl');
    // The button hugs the right edge of its column, as start is on the right.
    await expect(Math.abs(column.getBoundingClientRect().right - button.getBoundingClientRect().right)).toBeLessThan(2);
    await userEvent.click(button);
    await expectQrImage(canvasElement, `KakaoPay QR code for ${shownAmount('KAKAO')}`);
    const renderer = canvasElement.querySelector('.clink-renderer')!;
    await expect(style(renderer).direction).toBe('rtl');
    await expectCountdown(canvasElement, /^Expires in 1[45]:\d\d$/);
  },
};

/** A merchant's brand: three variables on any ancestor (`.story-brand` in story.css) restyle the button and the action. */
export const CustomBrand: Story = {
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
