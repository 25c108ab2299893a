import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';

// jsqr is CommonJS: Node's ESM loader hands over module.exports, bundlers sometimes the default export.
const jsQR = (typeof jsQRModule === 'function' ? jsQRModule : jsQRModule.default) as typeof jsQRModule.default;

/** The text of the QR code in a PNG, as a phone camera would read it. */
export function decodePng(bytes: Uint8Array): string | undefined {
  const png = PNG.sync.read(Buffer.from(bytes));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

/**
 * The text of the QR code in one of the sandbox's SVGs (`<path d="M{x} {y}h1v1h-1z…">` on a viewBox of
 * modules), rasterised at four pixels a module.
 */
export function decodeSvg(svg: string): string | undefined {
  const size = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)?.[1]);
  const path = /<path fill="#000" d="([^"]*)"/.exec(svg)?.[1];
  if (!size || path === undefined) return undefined;
  const scale = 4;
  const width = size * scale;
  const pixels = new Uint8ClampedArray(width * width * 4).fill(255);
  for (const [, x, y] of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
    for (let dy = 0; dy < scale; dy += 1) {
      for (let dx = 0; dx < scale; dx += 1) {
        const offset = ((Number(y) * scale + dy) * width + Number(x) * scale + dx) * 4;
        pixels.fill(0, offset, offset + 3);
      }
    }
  }
  return jsQR(pixels, width, width)?.data;
}
