import { PaymentActionRenderer, type PaymentActionRendererProps } from '@clink-checkout/react';
import type { ComponentType } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { CreatedPayment } from '../support/created-payment.js';
import { checkoutParameters, deviceGlobals, loadedOf, stayOnPage, type CheckoutGlobals } from '../support/environment.js';
import {
  customerReturnsToPage,
  expectCountdown,
  expectNavigation,
  expectQrImage,
  OUTCOME_TIMEOUT,
  shownAmount,
  expectedOutcome,
} from '../support/expectations.js';

/** The renderer's props a story controls; `payment` comes from the payment the story creates. */
type RendererStoryArgs = Omit<PaymentActionRendererProps, 'payment'>;

/**
 * `<PaymentActionRenderer payment={…}>` performs whatever a created payment needs next — a redirect,
 * a form post, a QR code with its countdown, a wallet app launch — and follows the payment to its
 * outcome. Use it when your own code creates the payment (here: `createCheckoutApi` from
 * `@clink-checkout/react/core` against the in-page sandbox); `<ClinkPayButton>` uses it for you.
 */
const meta = {
  title: 'Components/PaymentActionRenderer',
  // The same component, typed without `payment` (the story supplies it), so the props table stays complete.
  component: PaymentActionRenderer as ComponentType<RendererStoryArgs>,
  tags: ['autodocs'],
  args: { onSuccess: fn(), onFailure: fn(), onExpire: fn(), onError: fn(), onStatusChange: fn() },
  parameters: { paymentMethodType: 'WECHAT' },
  render: (args, context) => {
    const { backend } = loadedOf(context);
    const { device } = context.globals as CheckoutGlobals;
    return (
      <CreatedPayment backend={backend} paymentMethodType={context.parameters.paymentMethodType} device={device}>
        {(payment, restart) => (
          <PaymentActionRenderer {...args} payment={payment} {...stayOnPage(context)} onRestart={restart} />
        )}
      </CreatedPayment>
    );
  },
} satisfies Meta<RendererStoryArgs>;
export default meta;
type Story = StoryObj<typeof meta>;

/** A desktop QR code: scanned and approved on the customer's phone, the outcome arrives by polling. */
export const QrCode: Story = {
  name: 'QR code',
  play: async ({ canvasElement, args, loaded }) => {
    const { backend } = loadedOf({ loaded });
    const canvas = within(canvasElement);
    await expectQrImage(canvasElement, `WeChat Pay QR code for ${shownAmount('WECHAT')}`);
    await expectCountdown(canvasElement, /^Expires in 1[45]:\d\d$/);
    await expect(canvas.getByRole('link', { name: 'See payment instructions' })).toHaveAttribute(
      'href',
      `https://sandbox.local/_sandbox/instructions/${backend.latestOrderId()}`,
    );
    backend.sandbox.succeed(backend.latestOrderId());
    await expect(await canvas.findByText('Payment successful', {}, OUTCOME_TIMEOUT)).toBeVisible();
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expectedOutcome(backend, 'succeeded')));
  },
};

/** A card's 3-D Secure page: one navigation (intercepted here), and a link in case the browser blocks it. */
export const Redirect: Story = {
  parameters: { paymentMethodType: 'CARD' },
  play: async ({ canvasElement, loaded }) => {
    const { backend, navigation } = loadedOf({ loaded });
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Taking you to the payment page…')).toBeVisible();
    await expectNavigation(canvasElement, navigation, /^https:\/\/sandbox\.local\/_sandbox\/3ds\//);
    await expect(navigation.entries()).toHaveLength(1);
    await expect(canvas.getByRole('link', { name: 'Continue to payment' })).toHaveAttribute(
      'href',
      `https://sandbox.local/_sandbox/3ds/${backend.latestOrderId()}`,
    );
  },
};

/** On an Android phone: "Open Touch 'n Go eWallet" launches the app through an intent with its package. */
export const AppLink: Story = {
  name: 'App link (Android)',
  parameters: { paymentMethodType: 'TNG' },
  globals: deviceGlobals('android'),
  play: async ({ canvasElement, userEvent, args, loaded }) => {
    const { backend, navigation } = loadedOf({ loaded });
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: "Open Touch 'n Go eWallet" }));
    await expectNavigation(canvasElement, navigation, /^intent:\/\/pay\?.*#Intent;scheme=tngdwallet;package=my\.com\.tngdigital\.ewallet;/);
    backend.sandbox.succeed(backend.latestOrderId());
    customerReturnsToPage();
    await expect(await canvas.findByText('Payment successful', {}, OUTCOME_TIMEOUT)).toBeVisible();
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce());
  },
};

/** The QR code runs out: `onExpire` fires, and "Start again" calls `onRestart` (here: a new payment). */
export const ExpiredWithRestart: Story = {
  name: 'Expired, with onRestart',
  parameters: { paymentMethodType: 'PROMPTPAY', ...checkoutParameters({ backend: { qrExpiresInSeconds: 2 } }) },
  play: async ({ canvasElement, userEvent, args, loaded }) => {
    const { backend } = loadedOf({ loaded });
    const canvas = within(canvasElement);
    const name = `PromptPay QR code for ${shownAmount('PROMPTPAY')}`;
    await expectQrImage(canvasElement, name);
    const first = backend.latestOrderId();
    await expect(await canvas.findByText('This QR code has expired.', {}, { timeout: 6000 })).toBeVisible();
    await waitFor(() => expect(args.onExpire).toHaveBeenCalledOnce());
    await userEvent.click(canvas.getByRole('button', { name: 'Start again' }));
    await expectQrImage(canvasElement, name);
    await expect(backend.latestOrderId()).not.toBe(first);
  },
};
