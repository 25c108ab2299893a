/**
 * HMAC-SHA256 and SHA-256 for order tokens and idempotency fingerprints.
 *
 * Web Crypto runs everywhere, but on Node every `crypto.subtle` call is a round trip through the
 * thread pool (tens of microseconds), paid several times per request. Where Node exposes its
 * built-in modules without an import (`process.getBuiltinModule`, Node >= 20.16), the synchronous
 * `node:crypto` functions are used instead; elsewhere (edge runtimes, browsers) Web Crypto is. No
 * static `node:*` import, so bundles for other runtimes stay clean.
 */

export interface HmacSha256 {
  sign(message: Uint8Array): Promise<Uint8Array>;
  /** Constant-time check of `mac` against the HMAC of `message`. */
  verify(mac: Uint8Array, message: Uint8Array): Promise<boolean>;
}

export interface CryptoBackend {
  name: 'node' | 'webcrypto';
  hmacSha256(secret: string): HmacSha256;
  sha256Hex(text: string): Promise<string>;
}

interface NodeCryptoSubset {
  createHmac(algorithm: 'sha256', key: string): { update(data: Uint8Array): { digest(): Uint8Array } };
  createHash(algorithm: 'sha256'): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
}

const encoder = new TextEncoder();

export const webCryptoBackend: CryptoBackend = {
  name: 'webcrypto',
  hmacSha256(secret) {
    const key = globalThis.crypto.subtle.importKey(
      'raw',
      encoder.encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['sign', 'verify'],
    );
    return {
      async sign(message) {
        return new Uint8Array(await globalThis.crypto.subtle.sign('HMAC', await key, message as Uint8Array<ArrayBuffer>));
      },
      async verify(mac, message) {
        return globalThis.crypto.subtle.verify(
          'HMAC',
          await key,
          mac as Uint8Array<ArrayBuffer>,
          message as Uint8Array<ArrayBuffer>,
        );
      },
    };
  },
  async sha256Hex(text) {
    const digest = await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
    let hex = '';
    for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
    return hex;
  },
};

function nodeBackend(nodeCrypto: NodeCryptoSubset): CryptoBackend {
  return {
    name: 'node',
    hmacSha256(secret) {
      const sign = (message: Uint8Array) => nodeCrypto.createHmac('sha256', secret).update(message).digest();
      return {
        async sign(message) {
          return sign(message);
        },
        async verify(mac, message) {
          const expected = sign(message);
          return mac.byteLength === expected.byteLength && nodeCrypto.timingSafeEqual(mac, expected);
        },
      };
    },
    async sha256Hex(text) {
      return nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex');
    },
  };
}

/** The fastest backend this runtime offers. */
export function detectCryptoBackend(): CryptoBackend {
  const getBuiltinModule = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule;
  if (typeof getBuiltinModule === 'function') {
    const nodeCrypto = getBuiltinModule('node:crypto') as Partial<NodeCryptoSubset> | undefined;
    if (
      typeof nodeCrypto?.createHmac === 'function' &&
      typeof nodeCrypto.createHash === 'function' &&
      typeof nodeCrypto.timingSafeEqual === 'function'
    ) {
      return nodeBackend(nodeCrypto as NodeCryptoSubset);
    }
  }
  return webCryptoBackend;
}
