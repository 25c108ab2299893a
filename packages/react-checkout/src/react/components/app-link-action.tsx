'use client';
import { useEffect, useState, type ReactNode } from 'react';
import type { AppLinkPlan, InAppBrowser } from '../../core/index.js';
import type { AppLinkDataState } from '../data-state.js';
import { cx, navigateTop } from '../dom.js';
import { formatMessage, type CheckoutMessages } from '../i18n/messages.js';
import { useLatest } from '../use-latest.js';
import { CopyLink } from './copy-link.js';
import { Countdown } from './countdown.js';
import { PaymentTitle } from './payment-title.js';
import { QrAction } from './qr-action.js';

export interface AppLinkActionProps {
  plan: AppLinkPlan;
  /** The wallet's name, e.g. "GCash". */
  wallet: string;
  /** The formatted amount; without it the texts do not mention one. */
  amount?: string | undefined;
  locale: string;
  messages: CheckoutMessages;
  /** Set inside an in-app browser, which often cannot open wallet apps. */
  inAppBrowser?: InAppBrowser;
  /** How to open the app. @default the top window's `location.assign` */
  navigate?: (url: string) => void;
  /** How long the page must stay visible after "Open" before the fallback shows. @default 2500 */
  fallbackDelayMs?: number;
  onExpire?: () => void;
  className?: string;
}

const APP_NAMES: Record<InAppBrowser, string> = { wechat: 'WeChat', facebook: 'Facebook', instagram: 'Instagram', line: 'LINE' };

/**
 * Opens the wallet app on the customer's click. When the page is still visible ~2.5 s later the app evidently
 * did not open, so the fallback page and the hosted instructions are offered; a QR code serves another device.
 */
export function AppLinkAction({
  plan,
  wallet,
  amount,
  locale,
  messages,
  inAppBrowser,
  navigate = navigateTop,
  fallbackDelayMs = 2500,
  onExpire,
  className,
}: AppLinkActionProps): ReactNode {
  const [phase, setPhase] = useState<AppLinkDataState>('ready');
  const [attempt, setAttempt] = useState(0);
  // The QR code for another device is drawn once the customer opens its section, not with the Open button.
  const [otherDevice, setOtherDevice] = useState(false);
  const go = useLatest(navigate);
  const values = { wallet, amount };

  useEffect(() => {
    if (attempt === 0) return;
    // The page was visible when the customer clicked, so any visibility change or page hide since means the app took
    // over the screen.
    let left = false;
    const leave = () => {
      left = true;
    };
    document.addEventListener('visibilitychange', leave);
    window.addEventListener('pagehide', leave);
    const timer = setTimeout(() => {
      if (!left && document.visibilityState === 'visible') setPhase('fallback');
    }, fallbackDelayMs);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', leave);
      window.removeEventListener('pagehide', leave);
    };
  }, [attempt, fallbackDelayMs]);

  const open = () => {
    setPhase((current) => (current === 'fallback' ? current : 'opening'));
    setAttempt((count) => count + 1);
    go.current(plan.launchUrl);
  };

  return (
    <div className={cx('clink-app', className)} data-state={phase}>
      <PaymentTitle wallet={wallet} amount={amount} />
      {inAppBrowser && (
        <div className="clink-app__in-app" role="note">
          <p>{formatMessage(messages.inAppBrowser, values)}</p>
          <p>{formatMessage(messages.inAppBrowserSteps, { app: APP_NAMES[inAppBrowser] })}</p>
          <CopyLink text={() => window.location.href} messages={messages} />
        </div>
      )}
      <button type="button" className="clink-button clink-app__open" onClick={open}>
        {formatMessage(messages.openApp, values)}
      </button>
      <div className="clink-app__fallback" role="status">
        {phase === 'fallback' && (
          <>
            <p>{formatMessage(messages.appDidNotOpen, values)}</p>
            {plan.fallbackUrl && (
              <a className="clink-link" href={plan.fallbackUrl}>
                {messages.continueInBrowser}
              </a>
            )}
            {plan.hostedInstructionsUrl && (
              <a className="clink-link" href={plan.hostedInstructionsUrl}>
                {messages.viewInstructions}
              </a>
            )}
          </>
        )}
      </div>
      {plan.expiry && <Countdown deadline={plan.expiry.deadline} locale={locale} messages={messages} onExpire={onExpire} />}
      {plan.qr && (
        <details className="clink-app__other-device" onToggle={(event) => setOtherDevice(event.currentTarget.open)}>
          <summary>{messages.payWithAnotherDevice}</summary>
          {otherDevice && (
            <QrAction
              plan={{ qr: plan.qr, copyText: plan.copyText, expiry: null, savable: plan.savable }}
              wallet={wallet}
              amount={amount}
              locale={locale}
              messages={messages}
              titled={false}
            />
          )}
        </details>
      )}
    </div>
  );
}
