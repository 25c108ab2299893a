import { ClinkCheckoutProvider, ClinkPayButton } from '@clink-checkout/react';
import { messagesByLocale } from '@clink-checkout/react/locales';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { CHECKOUT_ENDPOINT } from '../support/backend.js';
import { checkoutParameters, deviceFor, loadedOf, stayOnPage, type CheckoutGlobals } from '../support/environment.js';
import { asShown, expectQrImage, shownAmount } from '../support/expectations.js';

/**
 * `<ClinkCheckoutProvider endpoint="/api/checkout">` shares the endpoint, language, texts, fetch and
 * device with every Clink component below it; each component may still override a setting by prop.
 * (The other stories get one from the Storybook frame; these render their own.)
 */
const meta = {
  title: 'Components/ClinkCheckoutProvider',
  component: ClinkCheckoutProvider,
  tags: ['autodocs'],
  parameters: checkoutParameters({ provider: false }),
  args: { endpoint: CHECKOUT_ENDPOINT, locale: 'fil', messages: messagesByLocale.fil },
  argTypes: {
    locale: { control: 'select', options: ['en', 'zh-CN', 'zh-TW', 'th', 'id', 'ms', 'ko', 'fil'] },
    fetch: { control: false },
    messages: { control: 'object' },
    queryClient: { control: false },
  },
  render: (args, context) => {
    const { backend } = loadedOf(context);
    const { device } = context.globals as CheckoutGlobals;
    return (
      <ClinkCheckoutProvider {...args} fetch={backend.fetch} device={deviceFor(device)}>
        <div className="story-stack">
          <ClinkPayButton paymentMethodType="GCASH" {...stayOnPage(context)} />
          <ClinkPayButton paymentMethodType="QRIS" {...stayOnPage(context)} />
        </div>
      </ClinkCheckoutProvider>
    );
  },
} satisfies Meta<typeof ClinkCheckoutProvider>;
export default meta;
type Story = StoryObj<typeof meta>;

/** One provider, two buttons: both speak Filipino and format amounts for the Philippines. */
export const SharedSettings: Story = {
  name: 'Shared settings',
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Magbayad gamit ang QRIS' })).toBeEnabled();
    await userEvent.click(canvas.getByRole('button', { name: 'Magbayad gamit ang GCash' }));
    const amount = shownAmount('GCASH', 'fil');
    await expectQrImage(canvasElement, `GCash QR code para sa ${amount}`);
    await expect(canvas.getByText(asShown(`I-scan ang QR code gamit ang GCash para magbayad ng ${amount}.`))).toBeVisible();
  },
};

/** `messages` changes single texts over a language's built-in ones. */
export const CustomMessages: Story = {
  name: 'Custom messages',
  args: { locale: 'en', messages: { ...messagesByLocale.en, payWith: 'Checkout with {wallet}' } },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Checkout with GCash' })).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Checkout with QRIS' })).toBeVisible();
  },
};

/** A component's own `locale` and `messages` win over the provider's. */
export const ComponentOverride: Story = {
  name: 'Component override',
  args: { locale: 'en', messages: messagesByLocale.en },
  render: (args, context) => {
    const { backend } = loadedOf(context);
    return (
      <ClinkCheckoutProvider {...args} fetch={backend.fetch} device={deviceFor('desktop')}>
        <div className="story-stack">
          <ClinkPayButton paymentMethodType="GCASH" {...stayOnPage(context)} />
          <ClinkPayButton paymentMethodType="KAKAO" locale="ko" messages={messagesByLocale.ko} {...stayOnPage(context)} />
        </div>
      </ClinkCheckoutProvider>
    );
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('button', { name: 'Pay with GCash' })).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: 'KakaoPay(으)로 결제' }));
    await expectQrImage(canvasElement, `${shownAmount('KAKAO', 'ko')} 결제용 KakaoPay QR 코드`);
  },
};
