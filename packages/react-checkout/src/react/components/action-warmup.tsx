'use client';
import type { PaymentMethodType } from '@clink-checkout/protocol';
import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { classifyAction, walletName, type DeviceInfo } from '../../core/index.js';
import { sampleAnswer } from '../../core/prepare.js';
import type { CheckoutMessages } from '../i18n/messages.js';
import { AppLinkAction } from './app-link-action.js';
import { QrAction } from './qr-action.js';

/**
 * The characters of a text in reverse order: the same letters and script, so the same fonts, but no words a
 * customer's tools or a merchant's tests could find (`findByText('Payment successful')` must not match here).
 */
const lettersOf = (text: string) => [...text].reverse().join('');

export interface ActionWarmupProps {
  paymentMethodType: PaymentMethodType;
  device: DeviceInfo;
  locale: string;
  messages: CheckoutMessages;
}

/**
 * The view of a made-up answer of the payment's method, rendered hidden while the real answer is on its way. On a
 * low-end phone the first run of every check, component and type style costs milliseconds (compiling code and
 * regular expressions, resolving fonts) that the customer would otherwise wait for once the answer is there. It
 * renders in a transition after the click's own render, so "Processing…" shows first, and it is gone with the
 * answer.
 */
export function ActionWarmup({ paymentMethodType, device, locale, messages }: ActionWarmupProps): ReactNode {
  const [started, setStarted] = useState(false);
  useEffect(() => startTransition(() => setStarted(true)), []);
  if (!started) return null;
  let plan;
  try {
    plan = classifyAction(sampleAnswer(paymentMethodType), device, { receivedAt: Date.now() });
  } catch {
    return null;
  }
  const hidden = Object.fromEntries(Object.entries(messages).map(([key, text]) => [key, lettersOf(text)])) as unknown as CheckoutMessages;
  const wallet = lettersOf(walletName(paymentMethodType));
  const view = { wallet, amount: '0123456789.,:', locale, messages: hidden };
  return (
    // A 1 px box that clips what it holds, and nothing in it is seen, focused or read out.
    <div className="clink-visually-hidden" aria-hidden="true">
      <div className="clink-renderer" style={{ visibility: 'hidden' }}>
        {plan.kind === 'qr' ? <QrAction plan={plan} {...view} /> : plan.kind === 'app_link' ? <AppLinkAction plan={plan} {...view} /> : null}
        <p className="clink-status__message">{wallet}</p>
      </div>
    </div>
  );
}
