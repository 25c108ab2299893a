'use client';
import { useEffect, useRef, type ReactNode } from 'react';
import { navigateTop, useFramed } from '../dom.js';
import type { CheckoutMessages } from '../i18n/messages.js';

export interface RedirectActionProps {
  /** A URL already checked by `classifyAction` (`plan.url`). */
  url: string;
  messages: Pick<CheckoutMessages, 'redirecting' | 'continueToPayment'>;
  /** How to leave the page. @default the top window's `location.assign` */
  navigate?: (url: string) => void;
  className?: string;
}

/** Sends the page to `url` once on mount, with a visible link in case the browser blocks the navigation. */
export function RedirectAction({ url, messages, navigate = navigateTop, className }: RedirectActionProps): ReactNode {
  const framed = useFramed();
  const navigated = useRef<string | null>(null);
  useEffect(() => {
    // StrictMode runs effects twice on the same instance, and a new `navigate` function re-runs it too:
    // the ref keeps it to one navigation per URL.
    if (navigated.current === url) return;
    navigated.current = url;
    navigate(url);
  }, [url, navigate]);
  return (
    <div className={className ? `clink-redirect ${className}` : 'clink-redirect'} data-state="redirecting">
      <p className="clink-redirect__message" role="status">
        {messages.redirecting}
      </p>
      <a className="clink-link clink-redirect__link" href={url} target={framed ? '_top' : undefined}>
        {messages.continueToPayment}
      </a>
    </div>
  );
}
