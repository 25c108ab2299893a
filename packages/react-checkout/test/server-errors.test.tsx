/**
 * Clink failing behind the real handler: the customer sees a typed error, nothing is opened, and a new
 * attempt works once Clink is back.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { CheckoutRequestError, ClinkPayButton } from '../src/index.js';
import { createShop, page, settle } from './support/e2e.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

it('a create Clink refuses shows a typed error; "Try again" after Clink recovers creates the payment', async () => {
  const shop = createShop();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  const navigate = vi.fn<(url: string) => void>();
  const onError = vi.fn<(error: Error) => void>();
  render(page(shop, <ClinkPayButton paymentMethodType="CARD" navigate={navigate} onError={onError} />));
  shop.setClinkFault('http-500');
  await user.click(screen.getByRole('button', { name: 'Pay with Card' }));
  await settle();

  expect(shop.creates()).toHaveLength(1);
  expect(shop.creates()[0]!.status).toBe(502);
  const alert = screen.getByRole('alert');
  expect(alert).toHaveAttribute('data-code', 'api_error');
  expect(alert).toHaveTextContent('We could not start the payment. Please try again.');
  expect(onError).toHaveBeenCalledTimes(1);
  expect(onError.mock.calls[0]![0]).toBeInstanceOf(CheckoutRequestError);
  expect(onError.mock.calls[0]![0]).toMatchObject({ type: 'api_error', status: 502 });
  // Nothing about the secret key or Clink's internals reaches the page.
  expect(document.body.innerHTML).not.toMatch(/sk_test|X-API-KEY|Internal Server Error/);
  expect(navigate).not.toHaveBeenCalled();
  expect(shop.sandbox.listOrders()).toHaveLength(0);

  shop.setClinkFault(undefined);
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  await settle();
  expect(shop.creates()).toHaveLength(2);
  // The handler answered the first attempt, and remembers that answer for its idempotency key, so only a
  // new key can reach Clink again.
  expect(shop.creates()[1]!.status).toBe(201);
  expect(shop.sandbox.listOrders()).toHaveLength(1);
  expect(navigate).toHaveBeenCalledTimes(1);
  expect(navigate).toHaveBeenCalledWith(expect.stringMatching(/^https:\/\/sandbox\.test\/_sandbox\/3ds\//));
  expect(screen.queryByRole('alert')).toBeNull();
});

it('pressing the pay button again after Clink recovers also creates the payment', async () => {
  const shop = createShop();
  const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
  render(page(shop, <ClinkPayButton paymentMethodType="WECHAT" />));
  shop.setClinkFault('http-500');
  const button = screen.getByRole('button', { name: 'Pay with WeChat Pay' });
  await user.click(button);
  await settle();
  expect(screen.getByRole('alert')).toHaveAttribute('data-code', 'api_error');
  expect(button).toBeEnabled();

  shop.setClinkFault(undefined);
  await user.click(button);
  await settle();
  expect(shop.creates()).toHaveLength(2);
  expect(shop.sandbox.listOrders()).toHaveLength(1);
  expect(screen.getByAltText(/WeChat Pay QR code/)).toBeInTheDocument();
  expect(screen.queryByRole('alert')).toBeNull();
});
