// qrcode.react's QRCodeSVG with a render counter, so the benchmark can tell whether the countdown re-renders the QR.
import { createElement, type ComponentProps } from 'react';
import { QRCodeSVG as Original } from 'qrcode.react-original';

export * from 'qrcode.react-original';

export function QRCodeSVG(props: ComponentProps<typeof Original>) {
  const counter = window as unknown as { __qrRenders?: number };
  counter.__qrRenders = (counter.__qrRenders ?? 0) + 1;
  return createElement(Original, props);
}
