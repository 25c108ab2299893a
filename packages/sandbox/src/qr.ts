import { zlibRows } from './png-deflate.js';
import { encodeQrModules } from './qr-encode.js';

/** A QR code as a grid of dark/light modules, ready to be drawn as PNG or SVG. */
export interface QrMatrix {
  size: number;
  /** `size` × `size` modules, row-major, 1 = dark. */
  modules: Uint8Array;
  isDark(row: number, col: number): boolean;
}

/** Quiet zone of four modules, as the QR specification asks. */
const MARGIN_MODULES = 4;
const PNG_MODULE_PIXELS = 6;

export function encodeQr(payload: string): QrMatrix {
  // The smallest version that fits, level M: it survives a blurry phone camera.
  const { size, modules } = encodeQrModules(payload);
  return { size, modules, isDark: (row, col) => modules[row * size + col] === 1 };
}

export function qrToSvg(matrix: QrMatrix, title: string): string {
  const full = matrix.size + MARGIN_MODULES * 2;
  let path = '';
  for (let row = 0; row < matrix.size; row += 1) {
    for (let col = 0; col < matrix.size; col += 1) {
      if (matrix.isDark(row, col)) path += `M${col + MARGIN_MODULES} ${row + MARGIN_MODULES}h1v1h-1z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" width="${full * PNG_MODULE_PIXELS}" ` +
    `height="${full * PNG_MODULE_PIXELS}" shape-rendering="crispEdges" role="img">` +
    `<title>${escapeXml(title)}</title><rect width="100%" height="100%" fill="#fff"/>` +
    `<path fill="#000" d="${path}"/></svg>`
  );
}

/** A 1-bit greyscale PNG, written by hand (png-deflate.ts compresses it) so the sandbox needs neither zlib nor a canvas. */
export function qrToPng(matrix: QrMatrix): Uint8Array<ArrayBuffer> {
  const pixels = (matrix.size + MARGIN_MODULES * 2) * PNG_MODULE_PIXELS;
  const rowBytes = Math.ceil(pixels / 8);
  const stride = rowBytes + 1; // each row starts with its filter type, 0: none
  const raw = new Uint8Array(stride * pixels);
  // In 1-bit greyscale a set bit is white: a quiet-zone row is all ones, and each module row is
  // drawn once and copied for the module's height.
  const light = new Uint8Array(stride).fill(0xff);
  light[0] = 0;
  const tailBits = pixels % 8; // bits past the last pixel of a row stay clear
  if (tailBits !== 0) light[stride - 1] = (0xff << (8 - tailBits)) & 0xff;
  for (let y = 0; y < pixels; y += 1) raw.set(light, y * stride);
  const { size, modules } = matrix;
  for (let moduleRow = 0; moduleRow < size; moduleRow += 1) {
    const first = (moduleRow + MARGIN_MODULES) * PNG_MODULE_PIXELS * stride;
    for (let moduleCol = 0; moduleCol < size; moduleCol += 1) {
      if (modules[moduleRow * size + moduleCol] !== 1) continue;
      const left = (moduleCol + MARGIN_MODULES) * PNG_MODULE_PIXELS;
      for (let x = left; x < left + PNG_MODULE_PIXELS; x += 1) raw[first + 1 + (x >> 3)]! &= ~(0x80 >> (x & 7));
    }
    for (let copy = 1; copy < PNG_MODULE_PIXELS; copy += 1) raw.copyWithin(first + copy * stride, first, first + stride);
  }
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, pixels);
  view.setUint32(4, pixels);
  header[8] = 1; // bit depth
  header[9] = 0; // colour type: greyscale
  return concat([
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlibRows(raw, stride)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${toBase64(png)}`;
}

export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${toBase64(new TextEncoder().encode(svg))}`;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i += 1) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

let crcTable: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n += 1) {
      let c = n;
      for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i += 1) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}


function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Node's Buffer when there is one: its Base64 is native; browsers go through btoa. */
const nodeBuffer = (globalThis as { Buffer?: { from(bytes: Uint8Array): { toString(encoding: 'base64'): string } } }).Buffer;

export function toBase64(bytes: Uint8Array): string {
  if (nodeBuffer !== undefined) return nodeBuffer.from(bytes).toString('base64');
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
