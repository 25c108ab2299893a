import qrcode from 'qrcode-generator';
import { describe, expect, it } from 'vitest';
import { encodeQrModules } from './qr-encode.js';

/** The modules qrcode-generator draws for `text` (byte mode, level M, smallest version): the encoder the sandbox used before. */
function reference(text: string): { size: number; modules: Uint8Array } {
  const code = qrcode(0, 'M');
  code.addData(text, 'Byte');
  code.make();
  const size = code.getModuleCount();
  const modules = new Uint8Array(size * size);
  for (let row = 0; row < size; row += 1) for (let col = 0; col < size; col += 1) modules[row * size + col] = code.isDark(row, col) ? 1 : 0;
  return { size, modules };
}

/** Byte capacity of each version at level M: the longest text that still fits in it. */
const LEVEL_M_BYTES = [
  14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412, 450, 504, 560, 624, 666, 711, 779, 857, 911, 997, 1059,
  1125, 1190, 1264, 1370, 1452, 1538, 1628, 1722, 1809, 1911, 1989, 2099, 2213, 2331,
];

function text(length: number, seed: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += String.fromCharCode(33 + ((seed * 31 + i * 7 + ((i * i) % 13)) % 94));
  return out;
}

describe('encodeQrModules', () => {
  it('draws the same modules as qrcode-generator for sandbox links', () => {
    for (let n = 0; n < 50; n += 1) {
      const link = `http://127.0.0.1:${4000 + n}/_sandbox/pay/ord_${text(26, n)}?qr=${encodeURIComponent(text(26, n + 100))}`;
      expect(encodeQrModules(link)).toEqual(reference(link));
    }
  });

  it('draws the same modules as qrcode-generator at the edge of every version (1-40), masks of every kind', () => {
    const masksSeen = new Set<string>();
    LEVEL_M_BYTES.forEach((capacity, index) => {
      for (const length of [capacity, capacity + 1]) {
        if (length > LEVEL_M_BYTES[39]!) continue;
        const sample = text(length, index + length);
        const expected = reference(sample);
        const actual = encodeQrModules(sample);
        expect(actual.size, `${length} bytes`).toBe(expected.size);
        expect(actual.modules, `${length} bytes`).toEqual(expected.modules);
        // The format bits next to the top-left finder name the mask.
        masksSeen.add(Array.from({ length: 5 }, (_, i) => actual.modules[8 * actual.size + actual.size - 1 - i]).join(''));
      }
      expect(encodeQrModules(text(capacity, 1)).size).toBe((index + 1) * 4 + 17);
    });
    expect(masksSeen.size).toBeGreaterThan(4);
  });

  it('refuses a text longer than the largest code holds, saying how much fits', () => {
    expect(() => encodeQrModules('x'.repeat(2332))).toThrow(/at most 2331 bytes/);
  });
});
