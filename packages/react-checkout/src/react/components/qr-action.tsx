'use client';
import { useRef, type ReactNode } from 'react';
import type { QrPlan } from '../../core/index.js';
import { formatMessage, type CheckoutMessages } from '../i18n/messages.js';
import { CopyLink } from './copy-link.js';
import { PaymentTitle } from './payment-title.js';
import { Countdown } from './countdown.js';
import { QrCode } from './qr-code.js';
import { SaveQr } from './save-qr.js';
import { cx } from '../dom.js';

export interface QrActionProps {
  plan: Pick<QrPlan, 'qr' | 'copyText' | 'expiry' | 'savable' | 'hostedInstructionsUrl'>;
  /** The wallet's name, e.g. "WeChat Pay". */
  wallet: string;
  /** The formatted amount, e.g. "¥12.00"; without it the texts do not mention one. */
  amount?: string | undefined;
  locale: string;
  messages: CheckoutMessages;
  /** Show the wallet and amount above the code; off where the surrounding view already does. @default true */
  titled?: boolean;
  /** Called once when the QR code expires. */
  onExpire?: () => void;
  className?: string;
}

/** A QR code to scan with the wallet, with its countdown, copy and save controls. */
export function QrAction({ plan, wallet, amount, locale, messages, titled = true, onExpire, className }: QrActionProps): ReactNode {
  const frame = useRef<HTMLDivElement>(null);
  const values = { wallet, amount };
  return (
    <div className={cx('clink-qr', className)}>
      {titled && <PaymentTitle wallet={wallet} amount={amount} />}
      <p className="clink-qr__instructions">{formatMessage(amount ? messages.scanQr : messages.scanQrNoAmount, values)}</p>
      <QrCode source={plan.qr} label={formatMessage(amount ? messages.qrAlt : messages.qrAltNoAmount, values)} frameRef={frame} />
      {plan.expiry && <Countdown deadline={plan.expiry.deadline} locale={locale} messages={messages} onExpire={onExpire} />}
      <ol className="clink-qr__steps">
        <li>{formatMessage(messages.qrStepOpen, values)}</li>
        <li>{formatMessage(messages.qrStepConfirm, values)}</li>
      </ol>
      <div className="clink-actions">
        {plan.copyText && <CopyLink text={plan.copyText} messages={messages} />}
        {plan.savable && <SaveQr source={plan.qr} frameRef={frame} label={messages.saveQr} />}
        {plan.hostedInstructionsUrl && (
          <a className="clink-link" href={plan.hostedInstructionsUrl} target="_blank" rel="noopener noreferrer">
            {messages.viewInstructions}
          </a>
        )}
      </div>
    </div>
  );
}
