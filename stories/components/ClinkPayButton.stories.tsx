import { ClinkPayButton } from '@clink-checkout/react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { loadedOf, stayOnPage } from '../support/environment.js';
import { expectCountdown, expectedOutcome, expectQrImage, OUTCOME_TIMEOUT, shownAmount } from '../support/expectations.js';

/**
 * `<ClinkPayButton paymentMethodType="…">` creates the payment through your checkout handler on click,
 * then shows or performs its action inline (or wherever `renderAction` puts it) and follows it to an
 * outcome. Every story here talks to a real `createCheckoutHandler` and the sandbox, both running in
 * this page; redirects and app launches are recorded below the story instead of leaving it.
 */
const meta = {
  title: 'Components/ClinkPayButton',
  component: ClinkPayButton,
  tags: ['autodocs'],
  args: {
    paymentMethodType: 'GCASH',
    onSuccess: fn(),
    onFailure: fn(),
    onError: fn(),
    onStatusChange: fn(),
  },
  argTypes: {
    paymentMethodType: {
      control: 'select',
      options: ['ALIPAY', 'CARD', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT'],
    },
  },
  render: (args, context) => <ClinkPayButton {...args} {...stayOnPage(context)} />,
} satisfies Meta<typeof ClinkPayButton>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Before the click: a real `<button type="button">` named after the wallet. */
export const Default: Story = {
  play: async ({ canvas, args }) => {
    const button = canvas.getByRole('button', { name: 'Pay with GCash' });
    await expect(button).toHaveAttribute('type', 'button');
    await expect(button).toHaveAttribute('data-state', 'idle');
    await expect(button).toHaveAttribute('data-method', 'GCASH');
    await expect(button).toBeEnabled();
    await expect(args.onStatusChange).not.toHaveBeenCalled();
  },
};

/** The click creates the payment; the button reports each state and stays disabled while the QR code is live. */
export const AfterClick: Story = {
  name: 'After click',
  play: async ({ canvasElement, userEvent, args, loaded }) => {
    const canvas = within(canvasElement);
    const { backend } = loadedOf({ loaded });
    const button = canvas.getByRole('button', { name: 'Pay with GCash' });
    await userEvent.click(button);
    await expectQrImage(canvasElement, `GCash QR code for ${shownAmount('GCASH')}`);
    await expect(button).toHaveAttribute('data-state', 'active');
    await expect(button).toBeDisabled();
    // A second click cannot create a second payment.
    await userEvent.click(button);
    await expect(backend.calls.filter((call) => call.method === 'POST' && call.path.endsWith('/payments'))).toHaveLength(1);
    await expect(args.onStatusChange).toHaveBeenCalledWith(expect.objectContaining({ status: 'creating' }));
  },
};

/** Your own label, e.g. with the amount. */
export const CustomLabel: Story = {
  name: 'Custom label',
  args: { paymentMethodType: 'QRIS', children: 'Bayar Rp 399.000 dengan QRIS' },
  play: async ({ canvas }) => {
    await expect(canvas.getByRole('button', { name: 'Bayar Rp 399.000 dengan QRIS' })).toBeEnabled();
  },
};

/** `asChild`: your own element becomes the button, with the payment's props and handlers merged in. */
export const AsChild: Story = {
  name: 'With asChild',
  args: {
    paymentMethodType: 'WECHAT',
    asChild: true,
    children: (
      <button type="button" className="story-merchant-button">
        Checkout with WeChat Pay
      </button>
    ),
  },
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Checkout with WeChat Pay' });
    await expect(button).toHaveClass('story-merchant-button');
    await expect(button).toHaveClass('clink-pay-button');
    await userEvent.click(button);
    await expectQrImage(canvasElement, `WeChat Pay QR code for ${shownAmount('WECHAT')}`);
    await expect(button).toHaveAttribute('data-state', 'active');
  },
};

/** `renderAction` places the action yourself, here in a dialog that the customer can close (`cancel`). */
export const RenderActionInDialog: Story = {
  name: 'renderAction in a dialog',
  args: { paymentMethodType: 'KAKAO' },
  render: (args, context) => (
    <ClinkPayButton
      {...args}
      {...stayOnPage(context)}
      renderAction={({ state, view, cancel }) =>
        // Closing cancels the payment; the dialog goes away with it.
        state.status === 'cancelled' ? null : (
          <section role="dialog" aria-modal="false" aria-labelledby="story-pay-dialog-title" className="story-dialog">
            <h2 id="story-pay-dialog-title">Pay with KakaoPay</h2>
            {view}
            <button type="button" onClick={cancel}>
              Close
            </button>
          </section>
        )
      }
    />
  ),
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Pay with KakaoPay' });
    await userEvent.click(button);
    const dialog = await canvas.findByRole('dialog', { name: 'Pay with KakaoPay' });
    await expectQrImage(dialog, `KakaoPay QR code for ${shownAmount('KAKAO')}`);
    await expectCountdown(dialog, /^Expires in 1[45]:\d\d$/);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Close' }));
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    // Closed before paying: the customer may start over.
    await expect(button).toBeEnabled();
  },
};

/** `onSuccess` fires once with the order id: confirm it on your server before shipping. */
export const OnSuccess: Story = {
  name: 'With onSuccess',
  args: { paymentMethodType: 'CASHAPP' },
  play: async ({ canvasElement, userEvent, args, loaded }) => {
    const canvas = within(canvasElement);
    const { backend } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with Cash App Pay' }));
    await expectQrImage(canvasElement, `Cash App Pay QR code for ${shownAmount('CASHAPP')}`);
    backend.sandbox.succeed(backend.latestOrderId());
    await expect(await canvas.findByText('Payment successful', {}, OUTCOME_TIMEOUT)).toBeVisible();
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce());
    await expect(args.onSuccess).toHaveBeenCalledWith(expectedOutcome(backend, 'succeeded'));
    // The server's own record agrees.
    await expect(backend.sandbox.getOrder(backend.latestOrderId())?.status).toBe('success');
  },
};
