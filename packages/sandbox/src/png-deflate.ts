/**
 * zlib data for a PNG whose rows often repeat the row above, as a QR code's do (each module row is
 * drawn six pixels high): a row equal to the one before is one back-reference, any other row goes as
 * literals, all with deflate's fixed Huffman codes. A 41-module code shrinks from 11 KB to under 3 KB,
 * which every answer that carries the image as a `data:` URL is spared. Written by hand, as the rest of
 * the PNG is, so the sandbox needs no zlib and runs in the browser too.
 */

// Deflate's length and distance codes (RFC 1951, 3.2.5): the smallest value of each, and its extra bits.
const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DISTANCE_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289,
  16385, 24577,
];
const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const MAX_MATCH = 258;
const MAX_DISTANCE = 32768;

/** Writes bits least significant first, as deflate packs them. */
class BitWriter {
  #bytes: Uint8Array;
  #length = 0;
  #pending = 0;
  #pendingBits = 0;

  constructor(capacity: number) {
    this.#bytes = new Uint8Array(capacity);
  }

  bits(value: number, count: number): void {
    this.#pending |= value << this.#pendingBits;
    this.#pendingBits += count;
    while (this.#pendingBits >= 8) {
      this.#push(this.#pending & 0xff);
      this.#pending >>>= 8;
      this.#pendingBits -= 8;
    }
  }

  /** A Huffman code goes most significant bit first. */
  code(code: number, count: number): void {
    this.bits(reverseBits(code, count), count);
  }

  byte(value: number): void {
    this.#push(value);
  }

  finish(): Uint8Array {
    if (this.#pendingBits > 0) this.#push(this.#pending & 0xff);
    this.#pending = 0;
    this.#pendingBits = 0;
    return this.#bytes.subarray(0, this.#length);
  }

  #push(value: number): void {
    if (this.#length === this.#bytes.length) {
      const grown = new Uint8Array(this.#bytes.length * 2);
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes[this.#length++] = value;
  }
}

function reverseBits(code: number, count: number): number {
  let reversed = 0;
  for (let i = 0; i < count; i += 1) reversed |= ((code >>> i) & 1) << (count - 1 - i);
  return reversed;
}

/** Each byte's fixed Huffman code, bit-reversed ready to write, and its length: most of the output is literals. */
const LITERAL_BITS = Array.from({ length: 256 }, (_, value) => (value < 144 ? reverseBits(0x30 + value, 8) : reverseBits(0x190 + value - 144, 9)));
const LITERAL_LENGTH = Array.from({ length: 256 }, (_, value) => (value < 144 ? 8 : 9));

function literal(out: BitWriter, value: number): void {
  out.bits(LITERAL_BITS[value]!, LITERAL_LENGTH[value]!);
}

function lengthSymbol(out: BitWriter, symbol: number): void {
  if (symbol < 280) out.code(symbol - 256, 7);
  else out.code(0xc0 + symbol - 280, 8);
}

function match(out: BitWriter, length: number, distance: number): void {
  let code = LENGTH_BASE.length - 1;
  while (LENGTH_BASE[code]! > length) code -= 1;
  lengthSymbol(out, 257 + code);
  if (LENGTH_EXTRA[code]! > 0) out.bits(length - LENGTH_BASE[code]!, LENGTH_EXTRA[code]!);
  let distanceCode = DISTANCE_BASE.length - 1;
  while (DISTANCE_BASE[distanceCode]! > distance) distanceCode -= 1;
  out.code(distanceCode, 5);
  if (DISTANCE_EXTRA[distanceCode]! > 0) out.bits(distance - DISTANCE_BASE[distanceCode]!, DISTANCE_EXTRA[distanceCode]!);
}

function sameRow(data: Uint8Array, start: number, rowLength: number): boolean {
  for (let i = start; i < start + rowLength; i += 1) if (data[i] !== data[i - rowLength]) return false;
  return true;
}

/** A zlib stream of `data`, a PNG's filtered rows of `rowLength` bytes each. */
export function zlibRows(data: Uint8Array, rowLength: number): Uint8Array {
  const out = new BitWriter(64 + (data.length >> 2));
  out.byte(0x78); // deflate, 32 KB window
  out.byte(0x01); // no dictionary, fastest; 0x7801 is a multiple of 31, as the header check asks
  out.bits(1, 1); // the last block
  out.bits(1, 2); // fixed Huffman codes
  const repeatable = rowLength <= MAX_MATCH && rowLength <= MAX_DISTANCE && rowLength >= 3;
  for (let start = 0; start < data.length; start += rowLength) {
    const end = Math.min(data.length, start + rowLength);
    if (repeatable && start > 0 && end - start === rowLength && sameRow(data, start, rowLength)) {
      match(out, rowLength, rowLength);
    } else {
      for (let i = start; i < end; i += 1) literal(out, data[i]!);
    }
  }
  out.code(0, 7); // end of block (256)
  const deflated = out.finish();
  const zlib = new Uint8Array(deflated.length + 4);
  zlib.set(deflated);
  new DataView(zlib.buffer).setUint32(deflated.length, adler32(data));
  return zlib;
}

export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 bytes is the most that can be summed before the sums could pass 2^32 (zlib's NMAX).
  for (let start = 0; start < data.length; start += 5552) {
    const end = Math.min(data.length, start + 5552);
    for (let i = start; i < end; i += 1) {
      a += data[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
