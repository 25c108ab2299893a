import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { adler32, zlibRows } from './png-deflate.js';
import { encodeQr, qrToPng } from './qr.js';
import { decodePng } from './test-support/qr-decode.js';

/** Rows of `rowLength` bytes where most rows repeat the one above, as a drawn QR code's do. */
function rows(count: number, rowLength: number, seed: number): Uint8Array {
  const data = new Uint8Array(count * rowLength);
  let state = seed;
  for (let row = 0; row < count; row += 1) {
    const start = row * rowLength;
    if (row > 0 && row % 3 !== 0) data.copyWithin(start, start - rowLength, start);
    else for (let i = start; i < start + rowLength; i += 1) data[i] = (state = (state * 1103515245 + 12345) >>> 0) >>> 24;
  }
  return data;
}

describe('zlibRows', () => {
  it('compresses rows that any zlib inflates back to the same bytes', () => {
    for (const rowLength of [1, 2, 3, 38, 140, 258, 259, 600]) {
      const data = rows(50, rowLength, rowLength);
      const compressed = zlibRows(data, rowLength);
      expect(new Uint8Array(inflateSync(compressed)), `rows of ${rowLength}`).toEqual(data);
      if (rowLength >= 38 && rowLength <= 258) expect(compressed.length).toBeLessThan(data.length / 2);
    }
    expect(new Uint8Array(inflateSync(zlibRows(new Uint8Array(0), 10)))).toEqual(new Uint8Array(0));
  });

  it('keeps a last row that is shorter than the others', () => {
    const data = rows(7, 40, 3).subarray(0, 7 * 40 - 13);
    expect(new Uint8Array(inflateSync(zlibRows(data, 40)))).toEqual(data);
  });

  it('ends with the Adler-32 of the uncompressed bytes', () => {
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    const data = rows(400, 200, 9); // past 5552 bytes, where the sums are reduced
    const compressed = zlibRows(data, 200);
    expect(new DataView(compressed.buffer, compressed.byteOffset).getUint32(compressed.length - 4)).toBe(adler32(data));
  });
});

describe('qrToPng', () => {
  it('draws a PNG any decoder reads, a few kilobytes for a sandbox link, that scans back to the link', () => {
    const link = 'http://127.0.0.1:4010/_sandbox/pay/ord_01JABCDEFGHJKMNPQRSTVWXYZ0?qr=qr_01JABCDEFGHJKMNPQRSTVWXYZ1';
    const matrix = encodeQr(link);
    const png = qrToPng(matrix);
    expect(png.length).toBeLessThan(4096);
    const image = PNG.sync.read(Buffer.from(png));
    expect(image.width).toBe((matrix.size + 8) * 6);
    for (let row = 0; row < matrix.size; row += 1) {
      for (let col = 0; col < matrix.size; col += 1) {
        const pixel = (((row + 4) * 6 + 3) * image.width + (col + 4) * 6 + 3) * 4;
        expect(image.data[pixel] === 0, `module ${row},${col}`).toBe(matrix.isDark(row, col));
      }
    }
    expect(decodePng(png)).toBe(link);
  });
});
