'use client';
import type { ReactNode } from 'react';
import type { CheckoutMessages } from '../i18n/messages.js';
import { PaymentTitle } from './payment-title.js';

/**
 * Set, hidden, in each type style an action view uses, while the create is on its way. A browser resolves a font
 * for each weight and size the first time text needs it, inside the layout of the view that shows it: on a slow
 * phone that layout took twice as long. Done here, it happens during the wait for the answer instead.
 */
export function TypeWarmup({ wallet, messages }: { wallet: string; messages: CheckoutMessages }): ReactNode {
  return (
    // A 1 px box that clips what it holds: nothing shows, and nothing can widen or scroll the merchant's layout.
    <div className="clink-visually-hidden" aria-hidden="true">
      <div className="clink-renderer">
        <PaymentTitle wallet={wallet} amount="0123456789.,:" />
        <p>{messages.pending}</p>
        <p className="clink-countdown__timer">0123456789:</p>
        <p className="clink-status__message">{messages.succeeded}</p>
      </div>
    </div>
  );
}
