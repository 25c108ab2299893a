import { describe, expect, it } from 'vitest';
import { detectCryptoBackend, webCryptoBackend } from './crypto.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('crypto backends', () => {
  it('uses node:crypto on Node without importing it', () => {
    expect(detectCryptoBackend().name).toBe('node');
  });

  describe.each([detectCryptoBackend(), webCryptoBackend])('$name', (backend) => {
    it('computes HMAC-SHA256 (RFC 4231 test case 2)', async () => {
      const mac = await backend.hmacSha256('Jefe').sign(bytes('what do ya want for nothing?'));
      expect(hex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    });

    it('verifies only the matching MAC', async () => {
      const hmac = backend.hmacSha256('secret');
      const mac = await hmac.sign(bytes('message'));
      const flipped = Uint8Array.from(mac);
      flipped[0] = flipped[0]! ^ 1;
      expect(await hmac.verify(mac, bytes('message'))).toBe(true);
      expect(await hmac.verify(flipped, bytes('message'))).toBe(false);
      expect(await hmac.verify(mac.slice(0, 16), bytes('message'))).toBe(false);
      expect(await hmac.verify(mac, bytes('other'))).toBe(false);
    });

    it('computes SHA-256 as hex', async () => {
      expect(await backend.sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    });
  });
});
