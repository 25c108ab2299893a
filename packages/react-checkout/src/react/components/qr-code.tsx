'use client';
import { memo, type ReactNode, type RefObject } from 'react';
import type { QrSource } from '../../core/index.js';
import { cx } from '../dom.js';
import { useQrEncoder } from '../qr-encoder.js';

export interface QrCodeProps {
  source: QrSource;
  /** Names the wallet and the amount, e.g. "WeChat Pay QR code for ¥12.00". */
  label: string;
  /** Size in CSS pixels of the drawn code (the stylesheet may scale it). @default 208 */
  size?: number;
  /** Receives the wrapper element, e.g. to save a drawn code as an image. */
  frameRef?: RefObject<HTMLDivElement | null>;
  className?: string;
}

/**
 * A QR code: the server's image, or one drawn as SVG from a value (a placeholder until the encoder is loaded).
 * Memoised so the countdown next to it never re-renders it (screen readers and screenshots see a stable element).
 */
export const QrCode = /* @__PURE__ */ memo(function QrCode({ source, label, size = 208, frameRef, className }: QrCodeProps): ReactNode {
  const Encoder = useQrEncoder(source.kind === 'value');
  return (
    <div ref={frameRef} className={cx('clink-qr__code', className)}>
      {source.kind === 'image' ? (
        <img className="clink-qr__image" src={source.src} alt={label} width={size} height={size} />
      ) : Encoder ? (
        <Encoder className="clink-qr__svg" value={source.value} size={size} title={label} marginSize={2} level="M" />
      ) : (
        <div className="clink-qr__placeholder" role="img" aria-label={label} />
      )}
    </div>
  );
});
