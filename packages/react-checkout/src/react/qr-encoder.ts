'use client';
import { useEffect, useSyncExternalStore } from 'react';
import type { QRCodeSVG } from 'qrcode.react';

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
    },
    () => {
      loading = null;
    },
  );
  return loading;
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
  const current = useSyncExternalStore(subscribe, getEncoder, getServerEncoder);
  useEffect(() => {
    if (needed && !current) void preloadQrEncoder();
  }, [needed, current]);
  return current;
}
