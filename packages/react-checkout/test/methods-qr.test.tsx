/**
 * QR-code payments end to end (desktop wallets; PromptPay and QRIS everywhere): the sandbox's code named for
 * the wallet and the amount, its countdown, "Save QR image" where customers pay from their gallery, and the
 * outcome the sandbox decides.
 */
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { advance, SHOWN_AMOUNT, WALLET_NAMES } from './support/e2e.js';
import { expectCreatedForDevice, expectOutcomeShown, FULL_COUNTDOWN, MATRIX, payWith, SAVABLE, useMethodTestSetup } from './support/methods.js';

useMethodTestSetup();

describe.each(MATRIX.filter(([, , kind]) => kind === 'qr'))('%s on %s: QR code', (method, device, _kind, outcome) => {
  it(`shows the sandbox's QR code with a countdown, then the outcome (${outcome})`, async () => {
    const rendered = await payWith(method, device);
    const { shop, navigate } = rendered;
    expectCreatedForDevice(rendered, method, device);
    const wallet = shop.lastCreated().action!.walletHandleRedirectOrDisplayQrCode!;

    const image = screen.getByAltText(`${WALLET_NAMES[method]} QR code for ${SHOWN_AMOUNT}`);
    expect(image).toHaveAttribute('src', wallet.imageDataUrl);
    expect(image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(screen.getByText(`Scan the QR code with ${WALLET_NAMES[method]} to pay ${SHOWN_AMOUNT}.`)).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(FULL_COUNTDOWN);
    await advance(1_000);
    expect(screen.getByRole('timer')).toHaveTextContent('Expires in 14:59');

    // (Found by text: role queries are slow on a link whose href is a data: URL of several KB.)
    const save = screen.queryByText('Save QR image');
    if (SAVABLE.has(method)) {
      expect(save!.tagName).toBe('A');
      expect(save).toHaveAttribute('href', wallet.imageDataUrl);
      expect(save).toHaveAttribute('download');
    } else {
      expect(save).toBeNull();
    }
    expect(screen.queryByRole('button', { name: /^Open / })).toBeNull();
    expect(navigate).not.toHaveBeenCalled();

    await expectOutcomeShown(rendered, outcome);
    expect(navigate).not.toHaveBeenCalled();
  });
});

