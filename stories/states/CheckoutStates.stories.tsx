import { ClinkPayButton } from '@clink-checkout/react';
import { SANDBOX_API_KEY } from '@clink-checkout/sandbox';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { checkoutParameters, deviceGlobals, loadedOf, stayOnPage } from '../support/environment.js';
import {
  customerReturnsToPage,
  expectCountdown,
  expectNavigation,
  expectQrImage,
  OUTCOME_TIMEOUT,
  shownAmount,
  expectedOutcome,
} from '../support/expectations.js';

/**
 * Every state a customer can meet, each driven by the sandbox running in this page: its test
 * controls (`sandbox.succeed`, `fail`, `expire`), short QR lifetimes, and, where the sandbox never
 * answers that way, a rewritten Clink answer.
 */
const meta = {
  title: 'Checkout states',
  component: ClinkPayButton,
  args: { paymentMethodType: 'WECHAT', onSuccess: fn(), onFailure: fn(), onError: fn() },
  render: (args, context) => <ClinkPayButton {...args} {...stayOnPage(context)} />,
} satisfies Meta<typeof ClinkPayButton>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Clink answered "pending" with no action (a payment still being processed); the page waits, then succeeds. */
export const Pending: Story = {
  args: { paymentMethodType: 'CARD' },
  parameters: checkoutParameters({
    backend: {
      // The sandbox always asks for 3-D Secure here; Clink may instead answer status 2 with no action.
      rewriteClinkAnswer: (path, envelope) =>
        path === '/api/payment' && envelope.data
          ? { ...envelope, data: { ...envelope.data, status: 2, action: undefined } }
          : envelope,
    },
  }),
  play: async ({ canvas, userEvent, args, loaded }) => {
    const { backend, navigation } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with Card' }));
    await expect(await canvas.findByText('Waiting for payment confirmation…')).toBeVisible();
    await expect(navigation.entries()).toEqual([]);
    backend.sandbox.succeed(backend.latestOrderId());
    await expect(await canvas.findByText('Payment successful', {}, OUTCOME_TIMEOUT)).toBeVisible();
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce());
  },
};

/** A QR code with 15 minutes to go: the visible timer ticks every second. */
export const QrCountingDown: Story = {
  name: 'QR counting down',
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with WeChat Pay' }));
    await expectQrImage(canvasElement, `WeChat Pay QR code for ${shownAmount('WECHAT')}`);
    const timer = await expectCountdown(canvasElement, /^Expires in 1[45]:\d\d$/);
    await expect(timer.closest('.clink-countdown')).toHaveAttribute('data-state', 'counting');
    const first = timer.textContent;
    await waitFor(() => expect(timer.textContent).not.toBe(first), { timeout: 3000 });
    await expect(timer).toHaveTextContent(/^Expires in 14:5\d$/);
    // Screen readers hear the time left at calm intervals, not every second.
    await expect(canvas.getByText(/left to pay$/)).toBeInTheDocument();
  },
};

/** Under a minute left: the countdown turns to its `expiring` state. */
export const AboutToExpire: Story = {
  name: 'About to expire',
  args: { paymentMethodType: 'PROMPTPAY' },
  parameters: checkoutParameters({ backend: { qrExpiresInSeconds: 45 } }),
  play: async ({ canvasElement, userEvent }) => {
    await userEvent.click(within(canvasElement).getByRole('button', { name: 'Pay with PromptPay' }));
    await expectQrImage(canvasElement, `PromptPay QR code for ${shownAmount('PROMPTPAY')}`);
    const timer = await expectCountdown(canvasElement, /^Expires in 0:4\d$/);
    await expect(timer.closest('.clink-countdown')).toHaveAttribute('data-state', 'expiring');
    await expect(within(canvasElement).getByRole('link', { name: 'Save QR image' })).toHaveAttribute('download');
  },
};

/**
 * Cash App Pay is the one method whose QR code Clink refreshes: after expiry the customer gets a new
 * code for the same order, scans it and pays.
 */
export const ExpiredThenRefreshed: Story = {
  name: 'Expired, then refreshed (Cash App Pay)',
  args: { paymentMethodType: 'CASHAPP' },
  parameters: checkoutParameters({ backend: { qrExpiresInSeconds: 5 } }),
  play: async ({ canvasElement, userEvent, args, loaded }) => {
    const canvas = within(canvasElement);
    const { backend } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with Cash App Pay' }));
    const name = `Cash App Pay QR code for ${shownAmount('CASHAPP')}`;
    const firstCode = (await expectQrImage(canvasElement, name)).src;
    await expect(await canvas.findByText('This QR code has expired.', {}, { timeout: 8000 })).toBeVisible();
    await expect(canvas.queryByRole('img', { name })).toBeNull();

    await userEvent.click(canvas.getByRole('button', { name: 'Refresh QR code' }));
    const secondCode = await expectQrImage(canvasElement, name);
    await expect(secondCode.src).not.toBe(firstCode);
    await expectCountdown(canvasElement, /^Expires in 0:0[1-5]$/);
    await expect(backend.calls.map((call) => `${call.method} ${call.path.replace(/ord_\w+/, '{id}')}`)).toContain(
      'POST /api/checkout/payments/{id}/refresh',
    );

    // Same order, new code: the customer scans it and approves; the next status check (2 s) brings it.
    backend.sandbox.succeed(backend.latestOrderId());
    await expect(await canvas.findByText('Payment successful', {}, OUTCOME_TIMEOUT)).toBeVisible();
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expectedOutcome(backend, 'succeeded')));
  },
};

/** Other wallets cannot refresh a QR code: after expiry, "Start again" creates a new payment. */
export const ExpiredStartAgain: Story = {
  name: 'Expired, start again (QRIS)',
  args: { paymentMethodType: 'QRIS' },
  parameters: checkoutParameters({ backend: { qrExpiresInSeconds: 3 } }),
  play: async ({ canvasElement, userEvent, loaded }) => {
    const canvas = within(canvasElement);
    const { backend } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with QRIS' }));
    const name = `QRIS QR code for ${shownAmount('QRIS')}`;
    await expectQrImage(canvasElement, name);
    const expiredOrder = backend.latestOrderId();
    await expect(await canvas.findByText('This QR code has expired.', {}, { timeout: 6000 })).toBeVisible();
    await expect(canvas.queryByRole('button', { name: 'Refresh QR code' })).toBeNull();

    await userEvent.click(canvas.getByRole('button', { name: 'Start again' }));
    await expectQrImage(canvasElement, name);
    await expect(backend.latestOrderId()).not.toBe(expiredOrder);
    await expectCountdown(canvasElement, /^Expires in 0:0[1-3]$/);
  },
};

/**
 * The countdown ran out: the QR code goes, "Start again" is the one primary action and the pay button steps back
 * to the secondary look.
 */
export const Expired: Story = {
  args: { paymentMethodType: 'PROMPTPAY' },
  parameters: checkoutParameters({ backend: { qrExpiresInSeconds: 2 } }),
  tags: ['visual'],
  play: async ({ canvasElement, userEvent }) => {
    const canvas = within(canvasElement);
    const button = canvas.getByRole('button', { name: 'Pay with PromptPay' });
    await userEvent.click(button);
    const name = `PromptPay QR code for ${shownAmount('PROMPTPAY')}`;
    await expectQrImage(canvasElement, name);
    await expect(await canvas.findByText('This QR code has expired.', {}, { timeout: 6000 })).toBeVisible();
    await expect(canvas.queryByRole('img', { name })).toBeNull();
    await expect(canvas.getByRole('button', { name: 'Start again' })).not.toHaveClass('clink-button--secondary');
    await expect(button).toHaveAttribute('data-emphasis', 'secondary');
  },
};

/**
 * The server says the order is over (the sandbox's expire control) while the page's countdown still shows
 * minutes: the QR code goes at the next status check, whatever the countdown says.
 */
function expiredOnServer(method: 'WECHAT' | 'CASHAPP', label: string): Story {
  return {
    args: { paymentMethodType: method },
    play: async ({ canvasElement, userEvent, loaded }) => {
      const canvas = within(canvasElement);
      const { backend } = loadedOf({ loaded });
      await userEvent.click(canvas.getByRole('button', { name: `Pay with ${label}` }));
      const name = `${label} QR code for ${shownAmount(method)}`;
      await expectQrImage(canvasElement, name);
      await expectCountdown(canvasElement, /^Expires in 1[45]:\d\d$/);
      backend.sandbox.expire(backend.latestOrderId());
      await waitFor(() => expect(canvas.queryByRole('img', { name })).toBeNull(), OUTCOME_TIMEOUT);
      await expect(canvas.queryByRole('timer')).toBeNull();
      await expect(canvas.getByRole('button', { name: 'Try again' })).toBeVisible();
    },
  };
}

export const ExpiredOnServer: Story = {
  ...expiredOnServer('WECHAT', 'WeChat Pay'),
  name: 'Expired on the server, countdown still running',
};

/** Cash App Pay's code can be refreshed, yet an order the server has ended takes its code away all the same. */
export const ExpiredOnServerCashApp: Story = {
  ...expiredOnServer('CASHAPP', 'Cash App Pay'),
  name: 'Expired on the server, Cash App Pay',
};

/** A card that needs no challenge: Clink answers "succeeded" at once. */
export const Succeeded: Story = {
  tags: ['visual'],
  args: { paymentMethodType: 'CARD' },
  parameters: checkoutParameters({ backend: { cardFlow: 'frictionless' } }),
  play: async ({ canvas, userEvent, args, loaded }) => {
    const { backend, navigation } = loadedOf({ loaded });
    const button = canvas.getByRole('button', { name: 'Pay with Card' });
    await userEvent.click(button);
    await expect(await canvas.findByText('Payment successful')).toBeVisible();
    await expect(button).toHaveAttribute('data-state', 'succeeded');
    await expect(button).toBeDisabled();
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledWith(expectedOutcome(backend, 'succeeded')));
    await expect(navigation.entries()).toEqual([]);
  },
};

/** The customer declines in their wallet: the page shows the failure and offers a new attempt. */
export const Failed: Story = {
  play: async ({ canvasElement, userEvent, args, loaded }) => {
    const canvas = within(canvasElement);
    const { backend } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with WeChat Pay' }));
    await expectQrImage(canvasElement, `WeChat Pay QR code for ${shownAmount('WECHAT')}`);
    const declined = backend.latestOrderId();
    backend.sandbox.fail(declined);
    await expect(await canvas.findByText('Payment failed', {}, OUTCOME_TIMEOUT)).toBeVisible();
    await waitFor(() => expect(args.onFailure).toHaveBeenCalledWith({ ...expectedOutcome(backend, 'failed'), orderId: declined }));

    await userEvent.click(canvas.getByRole('button', { name: 'Try again' }));
    await expectQrImage(canvasElement, `WeChat Pay QR code for ${shownAmount('WECHAT')}`);
    await expect(backend.latestOrderId()).not.toBe(declined);
  },
};

/** The card issuer declines without a challenge: Clink answers "failed" at once. */
export const CardDeclined: Story = {
  name: 'Card declined',
  tags: ['visual'],
  args: { paymentMethodType: 'CARD' },
  parameters: checkoutParameters({ backend: { cardFlow: 'declined' } }),
  play: async ({ canvas, userEvent, args }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with Card' }));
    await expect(await canvas.findByText('Payment failed')).toBeVisible();
    await expect(canvas.getByRole('button', { name: 'Try again' })).toBeEnabled();
    await waitFor(() => expect(args.onFailure).toHaveBeenCalledOnce());
  },
};

/** 3-D Secure reached by an HTML form POST: the form is submitted (here: recorded) with Clink's fields. */
export const CardFormPost: Story = {
  name: 'Card 3-D Secure form post',
  args: { paymentMethodType: 'CARD' },
  parameters: checkoutParameters({ backend: { cardFlow: 'post_form' } }),
  play: async ({ canvasElement, userEvent, loaded }) => {
    const canvas = within(canvasElement);
    const { backend, navigation } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with Card' }));
    await expect(await canvas.findByText('Taking you to the payment page… If nothing happens, select Continue.')).toBeVisible();
    await expectNavigation(canvasElement, navigation, /^https:\/\/sandbox\.local\/_sandbox\/3ds\//, 'form_post');
    const post = navigation.entries().find((entry) => entry.kind === 'form_post');
    const fields = post?.kind === 'form_post' ? Object.fromEntries(post.fields.map((field) => [field.name, field.value])) : {};
    await expect(fields.MD).toBe(backend.latestOrderId());
    await expect(fields.PaReq).toMatch(/^pareq_/);
    await expect(fields.TermUrl).toBe(`https://shop.example/checkout/complete?orderId=${backend.latestOrderId()}`);
    // The visible fallback button posts the same form.
    await userEvent.click(canvas.getByRole('button', { name: 'Continue' }));
    await waitFor(() => expect(navigation.entries().filter((entry) => entry.kind === 'form_post')).toHaveLength(2));
  },
};

/** On Android the wallet app is not installed: after "Open GCash" the page is still here, so the fallback shows. */
export const AppNotInstalled: Story = {
  name: 'App not installed (fallback)',
  args: { paymentMethodType: 'GCASH' },
  globals: deviceGlobals('android'),
  play: async ({ canvasElement, userEvent, loaded }) => {
    const canvas = within(canvasElement);
    const { backend, navigation } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with GCash' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Open GCash' }));
    await expectNavigation(canvasElement, navigation, /^intent:\/\/pay\?.*;package=com\.globe\.gcash\.android;/);
    // Nothing took the page away, so about 2.5 s later the app evidently did not open.
    await expect(await canvas.findByText('GCash did not open?', {}, { timeout: 5000 })).toBeVisible();
    const orderId = backend.latestOrderId();
    const continueLink = canvas.getByRole('link', { name: 'Continue in the browser' });
    await expect(continueLink).toHaveAttribute('href', expect.stringMatching(new RegExp(`^https://sandbox\\.local/_sandbox/pay/${orderId}`)));
    await expect(canvas.getByRole('link', { name: 'See payment instructions' })).toHaveAttribute(
      'href',
      `https://sandbox.local/_sandbox/instructions/${orderId}`,
    );
    await userEvent.click(continueLink);
    await expectNavigation(canvasElement, navigation, /^https:\/\/sandbox\.local\/_sandbox\/pay\//);

    // The customer pays on the fallback page and comes back.
    backend.sandbox.succeed(orderId);
    customerReturnsToPage();
    await expect(await canvas.findByText('Payment successful', {}, OUTCOME_TIMEOUT)).toBeVisible();
  },
};

/** Inside Facebook's in-app browser, which often cannot open wallet apps: guidance to open a real browser. */
export const InAppBrowser: Story = {
  name: 'In-app browser guidance',
  args: { paymentMethodType: 'GCASH' },
  globals: deviceGlobals('android'),
  parameters: checkoutParameters({ device: { inAppBrowser: 'facebook' } }),
  play: async ({ canvas, userEvent }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with GCash' }));
    const note = await canvas.findByRole('note');
    await expect(note).toHaveTextContent('To pay with GCash, open this page in your browser.');
    await expect(note).toHaveTextContent('In Facebook, tap the menu (⋯) at the top right, then choose “Open in browser”.');
    // "Copy link" copies this page's address, or shows it in a field where the clipboard is refused.
    await userEvent.click(within(note).getByRole('button', { name: 'Copy link' }));
    await waitFor(() => {
      const field = within(note).queryByRole('textbox', { name: 'Copy this link' });
      if (field) return expect(field).toHaveValue(window.location.href);
      return expect(within(note).getByText('Link copied')).toBeVisible();
    });
    // Opening the app stays possible for customers whose in-app browser allows it.
    await expect(canvas.getByRole('button', { name: 'Open GCash' })).toBeVisible();
  },
};

/** Clink's answer (or whatever sits in between) asks for a `javascript:` redirect: nothing is opened. */
export const HostileRedirectRefused: Story = {
  name: 'Hostile redirect refused',
  args: { paymentMethodType: 'CARD' },
  parameters: checkoutParameters({
    backend: {
      rewriteClinkAnswer: (path, envelope) =>
        path === '/api/payment' && envelope.data
          ? { ...envelope, data: { ...envelope.data, action: { ...(envelope.data.action as object), redirectUrl: 'javascript:alert(document.domain)' } } }
          : envelope,
    },
  }),
  play: async ({ canvas, userEvent, args, loaded }) => {
    const { navigation } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with Card' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This payment cannot be opened safely. Please try again or choose another payment method.');
    await expect(alert).toHaveAttribute('data-code', 'unsafe_url');
    await expect(canvas.queryByRole('link', { name: 'Continue to payment' })).toBeNull();
    await expect(navigation.entries()).toEqual([]);
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'CheckoutActionError', code: 'unsafe_url' })));
  },
};

/** QR "images" that are really an HTML page, a script URL and a scripted SVG are refused instead of shown. */
export const HostileQrImageRefused: Story = {
  name: 'Hostile QR image refused',
  args: { paymentMethodType: 'QRIS' },
  parameters: checkoutParameters({
    backend: {
      rewriteClinkAnswer: (path, envelope) => {
        if (path !== '/api/payment' || !envelope.data) return envelope;
        const action = envelope.data.action as { walletHandleRedirectOrDisplayQrCode?: object };
        return {
          ...envelope,
          data: {
            ...envelope.data,
            action: {
              ...action,
              walletHandleRedirectOrDisplayQrCode: {
                ...action.walletHandleRedirectOrDisplayQrCode,
                imageDataUrl: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
                imageUrlPng: 'javascript:alert(document.domain)',
                imageUrlSvg: 'data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
              },
            },
          },
        };
      },
    },
  }),
  play: async ({ canvas, userEvent, loaded }) => {
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with QRIS' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveAttribute('data-code', 'unsafe_image');
    await expect(alert).toHaveTextContent('This payment cannot be opened safely.');
    await expect(canvas.queryByRole('img')).toBeNull();
    await expect(loadedOf({ loaded }).navigation.entries()).toEqual([]);
  },
};

/** Clink is down (HTTP 500): the customer is told, nothing is charged, and the button can be pressed again. */
export const ServerError: Story = {
  name: 'Server error',
  args: { paymentMethodType: 'TNG' },
  parameters: checkoutParameters({ backend: { fault: 'http-500' } }),
  play: async ({ canvas, userEvent, args, loaded }) => {
    const { backend } = loadedOf({ loaded });
    const button = canvas.getByRole('button', { name: "Pay with Touch 'n Go eWallet" });
    await userEvent.click(button);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('We could not start the payment. Please try again.');
    await expect(button).toBeEnabled();
    // The merchant's server logged the failure (the first call to Clink saves the customer's wallet), without the key.
    await expect(backend.serverLog.join('\n')).toMatch(/creating the customer's TNG instrument failed \(502\)/);
    await expect(backend.serverLog.join('\n')).not.toContain(SANDBOX_API_KEY);
    await waitFor(() => expect(args.onError).toHaveBeenCalledWith(expect.objectContaining({ name: 'CheckoutRequestError' })));
  },
};

/**
 * Clink names no list of wallet apps, so a phone opens whatever app its link names. This sandbox varies its
 * answers across Clink's contract (seeded): here WeChat Pay's link is a bank's own `sandboxbank://` app and no
 * QR image comes with it. The "Open" button launches that app, with the sandbox's page as the fallback, and the
 * QR for another device is drawn from the link.
 */
export const UnknownAppVariedAnswer: Story = {
  name: 'A bank app Clink names (varied answer, Android)',
  globals: deviceGlobals('android'),
  parameters: checkoutParameters({ backend: { variants: { seed: 'storybook-3' } } }),
  play: async ({ canvasElement, userEvent, args, loaded }) => {
    const canvas = within(canvasElement);
    const { backend, navigation } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with WeChat Pay' }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Open WeChat Pay' }));
    await expectNavigation(
      canvasElement,
      navigation,
      /^intent:\/\/pay\?.*#Intent;scheme=sandboxbank;S\.browser_fallback_url=https%3A%2F%2Fsandbox\.local%2F_sandbox%2Fpay%2F.*;end$/,
    );
    await userEvent.click(canvas.getByText('Pay with another device'));
    await waitFor(() =>
      expect(canvasElement.querySelector('svg title')).toHaveTextContent(`WeChat Pay QR code for ${shownAmount('WECHAT')}`),
    );

    backend.sandbox.succeed(backend.latestOrderId());
    customerReturnsToPage();
    await expect(await canvas.findByText('Payment successful', {}, OUTCOME_TIMEOUT)).toBeVisible();
    await waitFor(() => expect(args.onSuccess).toHaveBeenCalledOnce());
  },
};

/**
 * One answer with both a QR code and an https `redirectUrl` (seeded varied sandbox): a phone cannot scan its own
 * screen, so it follows the redirect to the payment page.
 */
export const RedirectAndQrVariedAnswer: Story = {
  name: 'Redirect and QR code in one answer (varied answer, Android)',
  args: { paymentMethodType: 'PROMPTPAY' },
  globals: deviceGlobals('android'),
  parameters: checkoutParameters({ backend: { variants: { seed: 'storybook-6' } } }),
  play: async ({ canvasElement, userEvent, loaded }) => {
    const canvas = within(canvasElement);
    const { backend, navigation } = loadedOf({ loaded });
    await userEvent.click(canvas.getByRole('button', { name: 'Pay with PromptPay' }));
    await expect(await canvas.findByText('Taking you to the payment page…')).toBeVisible();
    const redirectUrl = backend.latestPayment().action?.redirectUrl;
    await expect(redirectUrl).toMatch(/^https:\/\/sandbox\.local\/_sandbox\/pay\//);
    await expectNavigation(canvasElement, navigation, new RegExp(`^${redirectUrl!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
    await expect(canvasElement.querySelector('img, svg')).toBeNull();
  },
};
