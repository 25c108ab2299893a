'use client';
import type { MouseEvent, ReactNode, RefObject } from 'react';
import type { QrSource } from '../../core/index.js';
import { cx } from '../dom.js';

export interface SaveQrProps {
  source: QrSource;
  /** The element that holds the drawn QR code (needed for `value` sources). */
  frameRef: RefObject<HTMLDivElement | null>;
  label: string;
  /** @default 'payment-qr' */
  fileName?: string;
  className?: string;
}

/** An SVG element as a self-contained `data:` URL, so a drawn QR code can be downloaded like an image. */
export function svgDataUrl(svg: SVGElement): string {
  const markup = new XMLSerializer().serializeToString(svg);
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
}

/** A download link for the QR code, so customers can pay from their phone's gallery. */
export function SaveQr({ source, frameRef, label, fileName = 'payment-qr', className }: SaveQrProps): ReactNode {
  const classes = cx('clink-button clink-button--secondary clink-qr__save', className);
  if (source.kind === 'image') {
    return (
      <a className={classes} href={source.src} download={fileName}>
        {label}
      </a>
    );
  }
  const serialize = (event: MouseEvent<HTMLAnchorElement>) => {
    const svg = frameRef.current?.querySelector('svg');
    if (!svg) return event.preventDefault(); // The encoder is still loading.
    event.currentTarget.href = svgDataUrl(svg);
  };
  return (
    <a className={classes} href="#qr" download={`${fileName}.svg`} onClick={serialize}>
      {label}
    </a>
  );
}
