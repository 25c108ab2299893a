'use client';
import { createElement, useEffect, useSyncExternalStore } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { QRCodeSVG } from 'qrcode.react';
import { noSubscription } from './dom.js';

/** The QR encoder's SVG component (qrcode.react, a chunk of its own that pages without a drawn QR never load). */
export type QrEncoder = typeof QRCodeSVG;

let encoder: QrEncoder | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

/**
 * Starts loading the QR encoder unless it is loaded or on its way. Called when a wallet's pay button is pressed,
 * so the encoder arrives while the payment is being created instead of after. Never rejects: a failed load is
 * tried again by the next caller.
 */
export function preloadQrEncoder(): Promise<void> {
  loading ??= import('qrcode.react').then(
    (module) => {
      encoder = module.QRCodeSVG;
      for (const listener of listeners) listener();
      warmUp(module.QRCodeSVG);
    },
    () => {
      loading = null;
    },
  );
  return loading;
}

/**
 * Draws three codes off screen, once: a slow phone runs the encoder's first codes several times slower than later
 * ones (cold JavaScript, then code the engine has not optimised yet), and the customer's code should not be one of
 * them. At 4× CPU slowdown the customer's code then showed in 45 ms instead of 71 ms after the answer (one code
 * drawn ahead). The two codes more take 50–80 ms at that speed, inside the create's round trip.
 */
function warmUp(Encoder: QrEncoder): void {
  // Only a speed-up: skipped without a DOM, and where every React update must happen inside act (tests).
  if (typeof document === 'undefined' || (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT) return;
  const root = createRoot(document.createElement('div'));
  for (const length of [40, 41, 42]) {
    flushSync(() => root.render(createElement(Encoder, { value: `https://checkout.example/qr/${'0'.repeat(length)}`, size: 208, level: 'M' })));
  }
  // At once, so nothing of it is left to update later (in a test, possibly outside act).
  root.unmount();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};
const getEncoder = () => encoder;
const getServerEncoder = () => null;

/**
 * The QR encoder once it is loaded, else `null` (and, when `needed`, loading starts). Always `null` on the server
 * and during hydration, so the markup matches. No Suspense: React holds a revealed Suspense boundary back for up
 * to 300 ms, long after the encoder arrived.
 */
export function useQrEncoder(needed: boolean): QrEncoder | null {
  // A view that does not draw its code does not render again when the encoder arrives.
  const current = useSyncExternalStore(needed ? subscribe : noSubscription, getEncoder, getServerEncoder);
  useEffect(() => {
    if (needed && !current) void preloadQrEncoder();
  }, [needed, current]);
  return current;
}

/**
 * Starts fetching and decoding a QR image the moment its answer arrives, while React renders the view: decoding
 * even a small image takes tens of milliseconds on a slow phone, and the `<img>` then finds it ready.
 */
export function preloadQrImage(src: string): void {
  // Called only with a create's answer, so always in a browser.
  const image = new Image();
  image.src = src;
  image.decode?.().catch(() => {});
}
