'use client';
import { useEffect, useRef, type RefObject } from 'react';

/**
 * Brings a view into sight and moves focus to it when what it shows changes (`view`: a key such as
 * `"order-1:action:qr"`; `null` while nothing is shown). The first view of a payment always takes focus: the button
 * that started it is now disabled, and a QR code below the fold would otherwise go unseen. Later changes (expired,
 * paid) take focus only when it was inside the view or lost with a removed button, so a customer who moved on is
 * not pulled back; their text is announced by the view's own live region, once.
 */
export function useReveal(target: RefObject<HTMLElement | null>, view: string | null, enabled: boolean): void {
  const shown = useRef<string | null>(null);
  const payment = view?.split(':')[0];
  useEffect(() => {
    const element = target.current;
    if (view === null) shown.current = null;
    if (!enabled || !element || view === null || shown.current === view) return;
    const first = shown.current?.split(':')[0] !== payment;
    shown.current = view;
    const { activeElement, body } = element.ownerDocument;
    const lost = !activeElement || activeElement === body;
    if (!first && !lost && !element.contains(activeElement)) return;
    const still = element.ownerDocument.defaultView?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    element.scrollIntoView?.({ block: 'nearest', behavior: still ? 'auto' : 'smooth' });
    element.focus({ preventScroll: true });
  }, [target, view, payment, enabled]);
}
