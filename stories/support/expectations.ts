import { PAYMENT_METHODS, type PaymentMethodType } from '@clink-checkout/protocol';
import { expect, waitFor, within } from 'storybook/test';
import { PRICES } from './backend.js';
import type { NavigationRecorder } from './navigation.js';
import type { StoryBackend } from './backend.js';

/** Names customers know the methods by, as the components print them (the one payment method table). */
export const WALLET_NAMES = Object.fromEntries(
  Object.values(PAYMENT_METHODS).map((method) => [method.type, method.displayName]),
) as Record<PaymentMethodType, string>;

/** The amount of a method's story payment as a customer reads it in `locale`. */
export function shownAmount(method: PaymentMethodType, locale = 'en'): string {
  const { amount, currency } = PRICES[method];
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(amount);
}

/**
 * Text as Testing Library matches it: `getByText` collapses every run of white space (including the
 * no-break spaces `Intl` puts in amounts) into one plain space, so expected texts must too.
 */
export const asShown = (text: string): string => text.replace(/\s+/g, ' ');

/** Waits until the QR image is on screen, named for the wallet and amount, and actually decoded by the browser. */
export async function expectQrImage(canvasElement: HTMLElement, name: string | RegExp): Promise<HTMLImageElement> {
  const canvas = within(canvasElement);
  const image = (await canvas.findByRole('img', { name }, { timeout: 5000 })) as HTMLImageElement;
  await expect(image).toBeVisible();
  // Decoded by the browser: loaded, with a real width (a broken image is complete too, at width 0).
  await waitFor(() => expect(image).toHaveProperty('complete', true));
  await expect(image.naturalWidth).toBeGreaterThan(0);
  return image;
}

/** The visible countdown, e.g. "Expires in 14:59". */
export async function expectCountdown(canvasElement: HTMLElement, pattern: RegExp): Promise<HTMLElement> {
  const timer = await within(canvasElement).findByRole('timer');
  await expect(timer).toHaveTextContent(pattern);
  return timer;
}

/** Asserts the story intercepted a navigation to a URL matching `pattern`, and shows it. */
export async function expectNavigation(
  canvasElement: HTMLElement,
  navigation: NavigationRecorder,
  pattern: RegExp,
  kind: 'navigate' | 'form_post' = 'navigate',
): Promise<void> {
  await waitFor(() => expect(navigation.entries()).toContainEqual(expect.objectContaining({ kind, url: expect.stringMatching(pattern) })));
  const log = within(canvasElement).getByRole('region', { name: 'Intercepted navigation' });
  await expect(within(log).getAllByText(pattern)[0]).toBeVisible();
}

/** Polling runs every 2 s, so an outcome set in the sandbox shows within a few seconds. */
export const OUTCOME_TIMEOUT = { timeout: 6000 };

/**
 * The customer comes back to this tab from their wallet app: the page's `visibilitychange` makes the
 * components check the payment at once instead of at the next 2-second poll.
 */
export function customerReturnsToPage(): void {
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

/** The `PaymentOutcome` that `onSuccess` / `onFailure` receive for the story's latest payment. */
export function expectedOutcome(backend: StoryBackend, status: 'succeeded' | 'failed') {
  const { orderId, paymentMethodType, amount, currency } = backend.latestPayment();
  return {
    status,
    orderId,
    paymentMethodType,
    ...(amount === undefined ? {} : { amount }),
    ...(currency === undefined ? {} : { currency }),
  };
}
