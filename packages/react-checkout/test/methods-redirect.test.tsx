/**
 * CARD (3-D Secure by redirect and by POST form) and Alipay on desktop, end to end: <ClinkPayButton> → the real
 * checkout handler → the real Clink client → the sandbox. The page leaves for the sandbox exactly once; the
 * merchant's return page then shows the outcome through the handler's status route.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { advance, createShop, expectedOutcome, openSandboxPage, pressSandboxButton, RETURN_URL, SANDBOX_ORIGIN } from './support/e2e.js';
import { expectCreatedForDevice, expectReturnPageShows, MATRIX, payWith, SANDBOX_KINDS, useMethodTestSetup } from './support/methods.js';

useMethodTestSetup();

describe.each(SANDBOX_KINDS)('$name sandbox', (sandbox) => {
  describe.each(MATRIX.filter(([, , kind]) => kind === 'redirect'))('%s on %s: redirect', (method, device, _kind, outcome) => {
    it(`sends the page to the sandbox once, then the return page shows the outcome (${outcome})`, async () => {
      const rendered = await payWith(method, device, createShop({ sandbox }));
      const { shop, navigate } = rendered;
      expectCreatedForDevice(rendered, method, device);
      const { orderId, action } = shop.lastCreated();
      // The page Clink named: the redirect, else (a wallet) its hosted instructions.
      const expectedUrl = action?.redirectUrl ?? action?.walletHandleRedirectOrDisplayQrCode?.hostedInstructionsUrl;
      expect(expectedUrl).toMatch(new RegExp(`^${SANDBOX_ORIGIN}/_sandbox/(3ds|instructions)/${orderId}$`));

      expect(navigate).toHaveBeenCalledTimes(1);
      expect(navigate).toHaveBeenCalledWith(expectedUrl);
      expect(screen.getByRole('link', { name: 'Continue to payment' })).toHaveAttribute('href', expectedUrl);
      expect(screen.getByText('Taking you to the payment page…')).toBeInTheDocument();
      expect(document.querySelector('img, svg')).toBeNull();
      // The page is leaving: it neither checks the status nor navigates again.
      await advance(10_000);
      expect(shop.statusChecks()).toHaveLength(0);
      expect(navigate).toHaveBeenCalledTimes(1);

      // The customer's browser arrives at the sandbox's page.
      const landed = await openSandboxPage(shop, expectedUrl!);
      expect(landed.status).toBe(200);
      if (method === 'CARD') {
        const decided = await pressSandboxButton(shop, landed, expectedUrl!, outcome === 'succeed' ? 'Approve' : 'Decline');
        expect(decided.status).toBe(303);
        expect(decided.location).toBe(`${RETURN_URL}?orderId=${orderId}`);
      } else if (outcome === 'succeed') {
        shop.sandbox.succeed(orderId);
      } else {
        shop.sandbox.fail(orderId);
      }
      expect(shop.sandbox.getOrder(orderId)!.status).toBe(outcome === 'succeed' ? 'success' : 'failed');

      await expectReturnPageShows(rendered, device, outcome);
    });
  });

  describe.each(['desktop', 'android', 'ios'] as const)('CARD with a POST-form 3-D Secure on %s', (device) => {
    it('submits one form with every postData field to the sandbox, which accepts it', async () => {
      const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
      try {
        const rendered = await payWith('CARD', device, createShop({ sandbox, cardFlow: 'post_form' }));
        const { shop, navigate } = rendered;
        expectCreatedForDevice(rendered, 'CARD', device);
        const { orderId, action } = shop.lastCreated();
        const threeDsUrl = `${SANDBOX_ORIGIN}/_sandbox/3ds/${orderId}`;
        expect(action?.method).toBe('POST');
        const postData = action!.postData!;
        expect(Object.keys(postData).sort()).toEqual(['MD', 'PaReq', 'TermUrl']);

        const continueButton = screen.getByRole('button', { name: 'Continue' });
        expect(continueButton).toBeVisible();
        const form = continueButton.closest('form')!;
        expect(form).toHaveAttribute('method', 'post');
        expect(form).toHaveAttribute('action', threeDsUrl);
        const inputs = [...form.querySelectorAll('input')];
        expect(inputs).toHaveLength(Object.keys(postData).length);
        for (const input of inputs) expect(input.type).toBe('hidden');
        expect(Object.fromEntries(inputs.map((input) => [input.name, input.value]))).toEqual(postData);

        expect(submit).toHaveBeenCalledTimes(1);
        expect(submit.mock.contexts[0]).toBe(form);
        expect(navigate).not.toHaveBeenCalled();
        await advance(10_000);
        expect(submit).toHaveBeenCalledTimes(1);
        expect(shop.statusChecks()).toHaveLength(0);

        // What the browser would post: the sandbox's 3-D Secure page accepts exactly these fields.
        const landed = await openSandboxPage(shop, threeDsUrl, new FormData(form) as unknown as Iterable<[string, string]>);
        expect(landed.status).toBe(200);
        const decided = await pressSandboxButton(shop, landed, threeDsUrl, 'Approve');
        expect(decided.location).toBe(`${RETURN_URL}?orderId=${orderId}`);
        expect(shop.sandbox.getOrder(orderId)!.status).toBe('success');
      } finally {
        submit.mockRestore();
      }
    });
  });

  describe.each([
    ['frictionless', 'succeed'],
    ['declined', 'fail'],
  ] as const)('CARD decided at once by the issuer (%s)', (cardFlow, outcome) => {
    it('shows the outcome without leaving the page or checking the status', async () => {
      const submit = vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(() => {});
      try {
        const rendered = await payWith('CARD', 'desktop', createShop({ sandbox, cardFlow }));
        const { shop, navigate, onSuccess, onFailure } = rendered;
        const { status } = shop.lastCreated();
        expect(status).toBe(outcome === 'succeed' ? 'succeeded' : 'failed');
        expect(screen.getByRole('status')).toHaveTextContent(outcome === 'succeed' ? 'Payment successful' : 'Payment failed');
        if (outcome === 'succeed') {
          expect(onSuccess).toHaveBeenCalledTimes(1);
          expect(onSuccess).toHaveBeenCalledWith(expectedOutcome(shop, 'succeeded'));
          expect(onFailure).not.toHaveBeenCalled();
        } else {
          expect(onFailure).toHaveBeenCalledTimes(1);
          expect(onFailure).toHaveBeenCalledWith(expectedOutcome(shop, 'failed'));
          expect(onSuccess).not.toHaveBeenCalled();
        }
        await advance(10_000);
        expect(navigate).not.toHaveBeenCalled();
        expect(submit).not.toHaveBeenCalled();
        expect(shop.statusChecks()).toHaveLength(0);
        expect(onSuccess.mock.calls.length + onFailure.mock.calls.length).toBe(1);
      } finally {
        submit.mockRestore();
      }
    });
  });
});
