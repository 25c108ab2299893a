'use client';
import { useSyncExternalStore } from 'react';

/** Joins class names, skipping empty ones. */
export const cx = (...names: Array<string | false | null | undefined>): string => names.filter(Boolean).join(' ');

/** A `useSyncExternalStore` subscription to a store that never changes while the page lives. */
export const noSubscription = () => () => {};
const isFramedNow = (): boolean => {
  try {
    return window.top !== window.self;
  } catch {
    return true; // Reading a cross-origin `top` can throw: then we are certainly framed.
  }
};

/** `true` inside an iframe (so navigation must target the top window); `false` on the server and in hydration. */
export function useFramed(): boolean {
  return useSyncExternalStore(noSubscription, isFramedNow, () => false);
}

/** Navigates the whole tab: the top window when framed, so 3-D Secure and wallet pages never load inside the iframe. */
export function navigateTop(url: string): void {
  try {
    // `top` is the page itself when not framed. A cross-origin parent's Location allows only the `href` setter
    // (and replace), not assign().
    window.top!.location.href = url;
  } catch {
    // The frame may not navigate its parent without a click: the visible `target="_top"` link remains.
  }
}
