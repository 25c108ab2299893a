/**
 * QR code encoding (byte mode, error correction level M) on flat typed arrays.
 *
 * The sandbox draws a QR code for every wallet payment it creates, so encoding is on the path of
 * every create. A general-purpose encoder that builds eight nested-array matrices to choose a mask
 * took milliseconds per code; this one builds the function patterns once, writes each mask into one
 * reused byte array and scores it in tight loops. It chooses the mask with the same penalty rules as
 * qrcode-generator (the encoder the sandbox used before), so every code it draws is module for module
 * the one drawn before (qr-encode.test.ts compares them).
 */

/** Error correction codewords per block, level M, versions 1-40 (ISO/IEC 18004 table 9). */
const ECC_PER_BLOCK = [
  10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
  28, 28, 28, 28, 28, 28, 28, 28, 28,
];
/** Error correction blocks, level M, versions 1-40 (same table). */
const BLOCKS = [
  1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23, 25, 26, 28, 29, 31, 33, 35, 37, 38,
  40, 43, 45, 47, 49,
];
/** Format information's error correction level bits for M. */
const LEVEL_M_BITS = 0;
const BYTE_MODE = 0b0100;
const MAX_VERSION = 40;

// Module states while a code is built: function-pattern modules are fixed, data modules are written per mask.
const LIGHT = 0;
const DARK = 1;
const DATA = 2;

/** A finished code: `size` × `size` modules, row-major, 1 = dark. */
export interface EncodedQr {
  size: number;
  modules: Uint8Array;
}

/** Encodes `text` (each UTF-16 unit's low byte, as qrcode-generator's default does) in the smallest version that holds it. */
export function encodeQrModules(text: string): EncodedQr {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) bytes[i] = text.charCodeAt(i) & 0xff;
  const version = smallestVersion(bytes.length);
  const size = version * 4 + 17;
  const codewords = withErrorCorrection(dataCodewords(bytes, version), version);

  const base = functionPatterns(version, size);
  const work = new Uint8Array(size * size);
  const rowSums = new Uint8Array(size * size);
  let bestMask = 0;
  let bestPenalty = 0;
  for (let mask = 0; mask < 8; mask += 1) {
    // Scored as qrcode-generator scores: format and version areas all light while choosing.
    work.set(base);
    placeData(work, size, codewords, mask);
    const score = penalty(work, size, rowSums);
    if (mask === 0 || score < bestPenalty) {
      bestPenalty = score;
      bestMask = mask;
    }
  }
  work.set(base);
  placeData(work, size, codewords, bestMask);
  placeFormatAndVersion(work, size, version, bestMask);
  return { size, modules: work };
}

function lengthBits(version: number): number {
  return version < 10 ? 8 : 16;
}

function totalCodewords(version: number): number {
  let modules = (16 * version + 128) * version + 64;
  if (version >= 2) {
    const alignments = Math.floor(version / 7) + 2;
    modules -= (25 * alignments - 10) * alignments - 55;
    if (version >= 7) modules -= 36;
  }
  return Math.floor(modules / 8);
}

function dataCapacity(version: number): number {
  return totalCodewords(version) - ECC_PER_BLOCK[version - 1]! * BLOCKS[version - 1]!;
}

function smallestVersion(byteCount: number): number {
  for (let version = 1; version < MAX_VERSION; version += 1) {
    if (4 + lengthBits(version) + 8 * byteCount <= dataCapacity(version) * 8) return version;
  }
  if (4 + lengthBits(MAX_VERSION) + 8 * byteCount <= dataCapacity(MAX_VERSION) * 8) return MAX_VERSION;
  throw new RangeError(`a QR code holds at most ${dataCapacity(MAX_VERSION) - 3} bytes at level M, got ${byteCount}`);
}

/** Mode, length, the bytes, a terminator when it fits, then the pad bytes 0xEC 0x11 … */
function dataCodewords(bytes: Uint8Array, version: number): Uint8Array {
  const capacity = dataCapacity(version);
  const out = new Uint8Array(capacity);
  let bitLength = 0;
  const put = (value: number, bits: number): void => {
    for (let i = bits - 1; i >= 0; i -= 1) {
      if ((value >>> i) & 1) out[bitLength >>> 3]! |= 0x80 >>> (bitLength & 7);
      bitLength += 1;
    }
  };
  put(BYTE_MODE, 4);
  put(bytes.length, lengthBits(version));
  for (const byte of bytes) put(byte, 8);
  if (bitLength + 4 <= capacity * 8) bitLength += 4;
  let index = Math.ceil(bitLength / 8);
  for (let pad = 0xec; index < capacity; index += 1, pad ^= 0xec ^ 0x11) out[index] = pad;
  return out;
}

const GF_EXP = new Uint8Array(512);
const GF_LOG = new Uint8Array(256);
{
  let x = 1;
  for (let i = 0; i < 255; i += 1) {
    GF_EXP[i] = x;
    GF_LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i += 1) GF_EXP[i] = GF_EXP[i - 255]!;
}

function gfMultiply(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : GF_EXP[GF_LOG[a]! + GF_LOG[b]!]!;
}

const generators = new Map<number, Uint8Array>();

/** Coefficients (highest power first, leading 1 left out) of (x - α⁰)(x - α¹)…(x - α^(degree-1)). */
function generator(degree: number): Uint8Array {
  let poly = generators.get(degree);
  if (poly === undefined) {
    poly = new Uint8Array(degree);
    poly[degree - 1] = 1;
    let root = 1;
    for (let i = 0; i < degree; i += 1) {
      for (let j = 0; j < degree; j += 1) {
        poly[j] = gfMultiply(poly[j]!, root) ^ (j + 1 < degree ? poly[j + 1]! : 0);
      }
      root = gfMultiply(root, 2);
    }
    generators.set(degree, poly);
  }
  return poly;
}

function remainder(data: Uint8Array, degree: number): Uint8Array {
  const poly = generator(degree);
  const result = new Uint8Array(degree);
  for (const byte of data) {
    const factor = byte ^ result[0]!;
    result.copyWithin(0, 1);
    result[degree - 1] = 0;
    for (let i = 0; i < degree; i += 1) result[i]! ^= gfMultiply(poly[i]!, factor);
  }
  return result;
}

/** Splits the data into blocks, adds each block's error correction, and interleaves them. */
function withErrorCorrection(data: Uint8Array, version: number): Uint8Array {
  const blockCount = BLOCKS[version - 1]!;
  const eccLength = ECC_PER_BLOCK[version - 1]!;
  const shortBlocks = blockCount - (data.length % blockCount);
  const shortLength = Math.floor(data.length / blockCount);
  const blocks: Uint8Array[] = [];
  const eccs: Uint8Array[] = [];
  for (let i = 0, offset = 0; i < blockCount; i += 1) {
    const length = shortLength + (i < shortBlocks ? 0 : 1);
    const block = data.subarray(offset, offset + length);
    offset += length;
    blocks.push(block);
    eccs.push(remainder(block, eccLength));
  }
  const out = new Uint8Array(totalCodewords(version));
  let index = 0;
  for (let i = 0; i <= shortLength; i += 1) {
    for (const block of blocks) if (i < block.length) out[index++] = block[i]!;
  }
  for (let i = 0; i < eccLength; i += 1) {
    for (const ecc of eccs) out[index++] = ecc[i]!;
  }
  return out;
}

function alignmentPositions(version: number, size: number): number[] {
  if (version === 1) return [];
  const count = Math.floor(version / 7) + 2;
  const step = Math.floor((version * 8 + count * 3 + 5) / (count * 4 - 4)) * 2;
  const positions = [6];
  for (let pos = size - 7; positions.length < count; pos -= step) positions.splice(1, 0, pos);
  return positions;
}

/** Finders with separators, alignment and timing patterns, the dark module, and the format and version areas (light). */
function functionPatterns(version: number, size: number): Uint8Array {
  const grid = new Uint8Array(size * size).fill(DATA);
  const set = (row: number, col: number, dark: boolean): void => {
    grid[row * size + col] = dark ? DARK : LIGHT;
  };
  for (const [top, left] of [
    [0, 0],
    [size - 7, 0],
    [0, size - 7],
  ] as const) {
    for (let r = -1; r <= 7; r += 1) {
      for (let c = -1; c <= 7; c += 1) {
        const row = top + r;
        const col = left + c;
        if (row < 0 || row >= size || col < 0 || col >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(row, col, ring !== 2 && ring !== 4);
      }
    }
  }
  const positions = alignmentPositions(version, size);
  for (const row of positions) {
    for (const col of positions) {
      if (grid[row * size + col] !== DATA) continue; // under a finder
      for (let r = -2; r <= 2; r += 1) {
        for (let c = -2; c <= 2; c += 1) set(row + r, col + c, Math.max(Math.abs(r), Math.abs(c)) !== 1);
      }
    }
  }
  for (let i = 8; i < size - 8; i += 1) {
    if (grid[i * size + 6] === DATA) set(i, 6, i % 2 === 0);
    if (grid[6 * size + i] === DATA) set(6, i, i % 2 === 0);
  }
  forEachFormatModule(size, (row, col) => set(row, col, false));
  set(size - 8, 8, false);
  if (version >= 7) forEachVersionModule(size, (row, col) => set(row, col, false));
  return grid;
}

/** Calls `visit(row, col, bit)` for the 15 format bits, in both copies, as qrcode-generator places them. */
function forEachFormatModule(size: number, visit: (row: number, col: number, bit: number) => void): void {
  for (let i = 0; i < 15; i += 1) {
    if (i < 6) visit(i, 8, i);
    else if (i < 8) visit(i + 1, 8, i);
    else visit(size - 15 + i, 8, i);
    if (i < 8) visit(8, size - i - 1, i);
    else if (i < 9) visit(8, 15 - i, i);
    else visit(8, 14 - i, i);
  }
}

function forEachVersionModule(size: number, visit: (row: number, col: number, bit: number) => void): void {
  for (let i = 0; i < 18; i += 1) {
    visit(Math.floor(i / 3), (i % 3) + size - 11, i);
    visit((i % 3) + size - 11, Math.floor(i / 3), i);
  }
}

/** Remainder of `value` shifted by the generator's degree, divided by `generator` over GF(2) (BCH codes). */
function bchRemainder(value: number, generatorBits: number): number {
  const degree = 31 - Math.clz32(generatorBits);
  let rest = value << degree;
  for (let bit = 31 - Math.clz32(rest); bit >= degree; bit = 31 - Math.clz32(rest)) {
    rest ^= generatorBits << (bit - degree);
  }
  return rest;
}

function placeFormatAndVersion(grid: Uint8Array, size: number, version: number, mask: number): void {
  const data = (LEVEL_M_BITS << 3) | mask;
  const format = ((data << 10) | bchRemainder(data, 0b101_0011_0111)) ^ 0b101_0100_0001_0010;
  forEachFormatModule(size, (row, col, bit) => {
    grid[row * size + col] = (format >>> bit) & 1;
  });
  grid[(size - 8) * size + 8] = DARK;
  if (version >= 7) {
    const bits = (version << 12) | bchRemainder(version, 0b1_1111_0010_0101);
    forEachVersionModule(size, (row, col, bit) => {
      grid[row * size + col] = (bits >>> bit) & 1;
    });
  }
}

function masked(mask: number, row: number, col: number): boolean {
  switch (mask) {
    case 0:
      return (row + col) % 2 === 0;
    case 1:
      return row % 2 === 0;
    case 2:
      return col % 3 === 0;
    case 3:
      return (row + col) % 3 === 0;
    case 4:
      return (Math.floor(row / 2) + Math.floor(col / 3)) % 2 === 0;
    case 5:
      return ((row * col) % 2) + ((row * col) % 3) === 0;
    case 6:
      return (((row * col) % 2) + ((row * col) % 3)) % 2 === 0;
    default:
      return (((row * col) % 3) + ((row + col) % 2)) % 2 === 0;
  }
}

/** Writes the codewords into the data modules in the zigzag order, the mask applied (left-over modules are light before masking). */
function placeData(grid: Uint8Array, size: number, codewords: Uint8Array, mask: number): void {
  let bit = 0;
  const totalBits = codewords.length * 8;
  let upward = true;
  for (let right = size - 1; right > 0; right -= 2) {
    if (right === 6) right = 5;
    for (let step = 0; step < size; step += 1) {
      const row = upward ? size - 1 - step : step;
      for (let c = 0; c < 2; c += 1) {
        const col = right - c;
        const index = row * size + col;
        if (grid[index] !== DATA) continue;
        let dark = bit < totalBits && ((codewords[bit >>> 3]! >>> (7 - (bit & 7))) & 1) === 1;
        bit += 1;
        if (masked(mask, row, col)) dark = !dark;
        grid[index] = dark ? DARK : LIGHT;
      }
    }
    upward = !upward;
  }
}

/** qrcode-generator's penalty: same-coloured neighbours, 2×2 blocks, finder-like runs, and the balance of dark modules. */
function penalty(grid: Uint8Array, size: number, rowSums: Uint8Array): number {
  let points = 0;
  let darkCount = 0;
  // One pass across each row: sums of three for the neighbour rule, the dark count, and the last seven
  // modules as bits for the finder-like rule (dark, light, dark, dark, dark, light, dark).
  for (let row = 0; row < size; row += 1) {
    const start = row * size;
    let window = 0;
    for (let i = start; i < start + size; i += 1) {
      const dark = grid[i]!;
      darkCount += dark;
      window = ((window << 1) | dark) & 0x7f;
      if (window === FINDER_LIKE && i - start >= 6) points += 40;
      if (i > start && i < start + size - 1) rowSums[i] = grid[i - 1]! + dark + grid[i + 1]!;
    }
  }
  for (let col = 0; col < size; col += 1) {
    let window = 0;
    for (let row = 0, i = col; row < size; row += 1, i += size) {
      window = ((window << 1) | grid[i]!) & 0x7f;
      if (window === FINDER_LIKE && row >= 6) points += 40;
    }
  }
  for (let row = 0; row < size - 1; row += 1) {
    for (let i = row * size, end = i + size - 1; i < end; i += 1) {
      // Same-coloured neighbours: more than five is only possible with all eight neighbours on the grid,
      // so only inner modules count; their 3×3 sum of dark modules comes from the row sums.
      if (row > 0 && i > row * size) {
        const darkAround = rowSums[i - size]! + rowSums[i]! + rowSums[i + size]!;
        const same = grid[i] === DARK ? darkAround - 1 : 8 - darkAround;
        if (same > 5) points += 3 + same - 5;
      }
      const block = grid[i]! + grid[i + 1]! + grid[i + size]! + grid[i + size + 1]!;
      if (block === 0 || block === 4) points += 3;
    }
  }
  // The same floating-point steps as qrcode-generator, so ties and near-ties resolve alike.
  const ratio = Math.abs((100 * darkCount) / size / size - 50) / 5;
  return points + ratio * 10;
}

const FINDER_LIKE = 0b1011101;
