import { describe, expect, it } from 'vitest';
import { detectCryptoBackend, hmacSha256, probeCryptoBackend, webCryptoBackend } from './crypto.js';

const hex = (bytes: Uint8Array) => Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
const bytes = (text: string) => new TextEncoder().encode(text);

describe('crypto backends', () => {
  it('uses node:crypto on Node without importing it', () => {
    expect(detectCryptoBackend().name).toBe('node');
  });

  it('uses Web Crypto on an edge runtime without touching its emulated process', () => {
    // Next.js' edge sandbox throws "A Node.js API is used (process.getBuiltinModule)…" on such a read.
    const refusingProcess = new Proxy({}, {
      get() {
        throw new Error('A Node.js API is used which is not supported in the Edge Runtime.');
      },
    });
    expect(probeCryptoBackend({ EdgeRuntime: 'edge-runtime', process: refusingProcess }).name).toBe('webcrypto');
    expect(probeCryptoBackend({ process: refusingProcess }).name).toBe('webcrypto');
    expect(probeCryptoBackend({}).name).toBe('webcrypto');
  });

  it('makes one key per secret and reuses it', () => {
    expect(hmacSha256('secret-a')).toBe(hmacSha256('secret-a'));
    expect(hmacSha256('secret-a')).not.toBe(hmacSha256('secret-b'));
  });

  describe.each([detectCryptoBackend(), webCryptoBackend])('$name', (backend) => {
    it('computes HMAC-SHA256 (RFC 4231 test case 2)', async () => {
      const key = backend.hmacSha256('Jefe');
      const mac = await key.sign(bytes('what do ya want for nothing?'));
      expect(hex(mac)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
      expect(await key.signHex('what do ya want for nothing?')).toBe(hex(mac));
      expect(await key.signBase64url('what do ya want for nothing?')).toBe(Buffer.from(mac).toString('base64url'));
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
