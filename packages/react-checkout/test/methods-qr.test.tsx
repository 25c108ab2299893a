/**
 * QR-code payments end to end (desktop wallets; PromptPay and QRIS everywhere): the sandbox's code named for
 * the wallet and the amount, its countdown, "Save QR image" where customers pay from their gallery, and the
 * outcome the sandbox decides. Expectations come from what Clink answered, so any shape its contract allows
 * passes (image fields, a bare Base64 image, no amount, a redirect next to the QR code on a phone).
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { advance, createShop, openOtherDevice } from './support/e2e.js';
import {
  expectCreatedForDevice,
  expectedQrImage,
  expectOutcomeShown,
  expectReturnPageShows,
  FULL_COUNTDOWN,
  hasExpiry,
  MATRIX,
  payWith,
  qrTexts,
  SANDBOX_KINDS,
  SAVABLE,
  useMethodTestSetup,
  walletOf,
} from './support/methods.js';

useMethodTestSetup();

describe.each(SANDBOX_KINDS)('$name sandbox', (sandbox) => {
  describe.each(MATRIX.filter(([, , kind]) => kind === 'qr'))('%s on %s: QR code', (method, device, _kind, outcome) => {
    it(`shows the sandbox's QR code with a countdown, then the outcome (${outcome})`, async () => {
      const rendered = await payWith(method, device, createShop({ sandbox }));
      const { shop, navigate } = rendered;
      expectCreatedForDevice(rendered, method, device);
      const created = shop.lastCreated();
      const wallet = walletOf(created);

      const redirectUrl = created.action?.redirectUrl;
      if (device !== 'desktop' && redirectUrl?.startsWith('https:')) {
        // A redirect next to the QR code: a phone cannot scan its own screen, so it follows the redirect.
        expect(navigate).toHaveBeenCalledTimes(1);
        expect(navigate).toHaveBeenCalledWith(redirectUrl);
        expect(document.querySelector('img, svg')).toBeNull();
        if (outcome === 'succeed') shop.sandbox.succeed(created.orderId);
        else shop.sandbox.fail(created.orderId);
        await expectReturnPageShows(rendered, device, outcome);
        return;
      }

      const { label, instructions } = qrTexts(method, created);
      // A link Clink sends for a phone is opened from a button, with the QR code in "Pay with another device".
      if (device !== 'desktop' && wallet?.mobileAuthUrl) await openOtherDevice(rendered.user);
      const image = expectedQrImage(wallet);
      let shownSrc: string | null = null;
      if (image) {
        shownSrc = screen.getByAltText(label).getAttribute('src');
        expect(image.matches(shownSrc)).toBe(true);
      } else {
        // No image from Clink: the browser draws the wallet link as a QR code.
        expect(document.querySelector('.clink-qr svg title')).toHaveTextContent(label);
      }
      expect(screen.getByText(instructions)).toBeInTheDocument();
      if (hasExpiry(wallet)) {
        const before = screen.getByRole('timer').textContent;
        expect(before).toMatch(FULL_COUNTDOWN);
        await advance(1_000);
        expect(screen.getByRole('timer').textContent).not.toBe(before);
      } else {
        expect(screen.queryByRole('timer')).toBeNull();
      }

      // (Found by text: role queries are slow on a link whose href is a data: URL of several KB.)
      const save = screen.queryByText('Save QR image');
      if (SAVABLE.has(method)) {
        expect(save!.tagName).toBe('A');
        if (shownSrc) expect(save).toHaveAttribute('href', shownSrc);
        expect(save).toHaveAttribute('download');
      } else {
        expect(save).toBeNull();
      }
      // A link Clink sends for a phone is opened from a button next to the QR code, even for a QR-only method.
      const openButton = screen.queryByRole('button', { name: /^Open / });
      if (device !== 'desktop' && wallet?.mobileAuthUrl) expect(openButton).toBeInTheDocument();
      else expect(openButton).toBeNull();
      expect(navigate).not.toHaveBeenCalled();

      await expectOutcomeShown(rendered, outcome);
      expect(navigate).not.toHaveBeenCalled();
    });
  });
});
