import { ClinkPayButton, type PaymentMethodType } from '@clink-checkout/react';
import { PAYMENT_METHODS } from '@clink-checkout/protocol';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, waitFor, within } from 'storybook/test';
import { deviceGlobals, loadedOf, stayOnPage, type DeviceName } from './environment.js';
import {
  expectCountdown,
  expectNavigation,
  expectQrImage,
  asShown,
  customerReturnsToPage,
  OUTCOME_TIMEOUT,
  shownAmount,
  WALLET_NAMES,
  expectedOutcome,
} from './expectations.js';

type MethodMeta = Meta<typeof ClinkPayButton>;
type MethodStory = StoryObj<typeof ClinkPayButton>;

/** What the sandbox answers for each method and device, and so what the customer must see. */
type Flow = 'three_ds_redirect' | 'instructions_redirect' | 'qr' | 'app_link';

function flowOf(method: PaymentMethodType, device: DeviceName): Flow {
  if (method === 'CARD') return 'three_ds_redirect';
  if (method === 'PROMPTPAY' || method === 'QRIS') return 'qr';
  if (device === 'desktop') return method === 'ALIPAY' ? 'instructions_redirect' : 'qr';
  return 'app_link';
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const SANDBOX_PAGE = (page: string) => new RegExp(`^https://sandbox\\.local/_sandbox/${page}/`);

/** The URL the "Open" button must launch on this device. */
function launchPattern(method: PaymentMethodType, device: DeviceName): RegExp {
  const { appSchemes, androidPackage } = PAYMENT_METHODS[method];
  // The sandbox opens Cash App through an https universal link, never through an intent.
  if (method === 'CASHAPP') return SANDBOX_PAGE('pay');
  const scheme = `(${appSchemes.join('|')})`;
  if (device === 'android') {
    return new RegExp(
      `^intent://.*#Intent;scheme=${scheme};package=${escape(androidPackage!)};` +
        `S\\.browser_fallback_url=${escape(encodeURIComponent('https://sandbox.local/_sandbox/pay/'))}`,
    );
  }
  return new RegExp(`^${scheme}://`);
}

/** The Clink payment button for `method`, with navigation kept inside the story. */
export function methodMeta(method: PaymentMethodType): Pick<MethodMeta, 'component' | 'args' | 'render'> {
  return {
    component: ClinkPayButton,
    args: { paymentMethodType: method, onSuccess: fn(), onError: fn() },
    render: (args, context) => <ClinkPayButton {...args} {...stayOnPage(context)} />,
  };
}

/** Where a method's story stops: at the action screen, or played through to "Payment successful". */
export type MethodStoryEnd = 'action' | 'paid';

/**
 * One story per device: the customer presses the button, the in-frame sandbox creates the payment,
 * and the play function checks what the customer sees. An `action` story stops there, so the canvas shows
 * the QR code, app link or redirect notice; a `paid` story then approves the payment in the sandbox
 * (where the flow waits for it) and checks the success. Each story file names its stories ("iOS", "Desktop, paid"):
 * the sidebar reads names from the file itself.
 */
export function methodStory(method: PaymentMethodType, device: DeviceName, end: MethodStoryEnd): MethodStory {
  const wallet = WALLET_NAMES[method];
  const amount = shownAmount(method);
  const flow = flowOf(method, device);
  return {
    globals: deviceGlobals(device),
    play: async ({ canvasElement, userEvent, args, loaded }) => {
      const canvas = within(canvasElement);
      const { backend, navigation } = loadedOf({ loaded });
      const button = canvas.getByRole('button', { name: `Pay with ${wallet}` });
      await userEvent.click(button);

      switch (flow) {
        case 'three_ds_redirect': {
          await expect(await canvas.findByText('Taking you to the payment page…')).toBeVisible();
          await expectNavigation(canvasElement, navigation, SANDBOX_PAGE('3ds'));
          const link = canvas.getByRole('link', { name: 'Continue to payment' });
          await expect(link).toHaveAttribute('href', `https://sandbox.local/_sandbox/3ds/${backend.latestOrderId()}`);
          // The page leaves for the bank: there is no "Payment successful" here, so no `paid` story either.
          return;
        }
        case 'instructions_redirect': {
          await expect(await canvas.findByText('Taking you to the payment page…')).toBeVisible();
          await expectNavigation(canvasElement, navigation, SANDBOX_PAGE('instructions'));
          return; // The page leaves for Alipay's page: no `paid` story.
        }
        case 'qr': {
          const image = await expectQrImage(canvasElement, `${wallet} QR code for ${amount}`);
          // Exactly the code Clink (the sandbox) sent, inline: no extra request, nothing altered.
          await expect(image.src).toBe(backend.latestPayment().action?.walletHandleRedirectOrDisplayQrCode?.imageDataUrl);
          await expect(canvas.getByText(asShown(`Scan the QR code with ${wallet} to pay ${amount}.`))).toBeVisible();
          await expectCountdown(canvasElement, /^Expires in 1[45]:\d\d$/);
          break;
        }
        case 'app_link': {
          const open = await canvas.findByRole('button', { name: `Open ${wallet}` });
          await expectCountdown(canvasElement, /^Expires in 1[45]:\d\d$/);
          // The action screen as the customer first sees it; the paid story goes on to open the app.
          if (end === 'action') return;
          await userEvent.click(open);
          await expectNavigation(canvasElement, navigation, launchPattern(method, device));
          // Paying from another phone: the QR code sits behind a disclosure.
          await userEvent.click(canvas.getByText('Pay with another device'));
          if (method === 'ALIPAY') {
            // Alipay sends no QR image: the browser draws the app link as a QR code.
            await waitFor(() => expect(canvasElement.querySelector('svg title')).toHaveTextContent(`${wallet} QR code for ${amount}`));
          } else {
            await expectQrImage(canvasElement, `${wallet} QR code for ${amount}`);
          }
          break;
        }
        default:
          flow satisfies never;
      }

      if (end === 'action') return;

      // The customer approves on their phone. On a phone they then come back from the wallet app, which
      // checks at once; on a desktop the next status poll (every 2 s) brings the outcome.
      backend.sandbox.succeed(backend.latestOrderId());
      if (device !== 'desktop') customerReturnsToPage();
      await expect(await canvas.findByText('Payment successful', {}, OUTCOME_TIMEOUT)).toBeVisible();
      await waitFor(() =>
        expect(args.onSuccess).toHaveBeenCalledWith(expectedOutcome(backend, 'succeeded')),
      );
      await expect(button).toHaveAttribute('data-state', 'succeeded');
    },
  };
}
