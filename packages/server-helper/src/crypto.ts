/**
 * The one place that computes HMAC-SHA256 and SHA-256: order tokens, idempotency fingerprints and
 * webhook signatures all come here.
 *
 * Web Crypto runs everywhere, but on Node every `crypto.subtle` call is a round trip through the
 * thread pool (tens of microseconds), and importing a key costs as much again. So:
 * - where Node's built-in modules are at hand (see `nodeBuiltin`), the synchronous `node:crypto`
 *   functions are used;
 * - elsewhere (edge runtimes, browsers) Web Crypto is, with one imported key per secret, kept.
 */
import { ClinkConfigurationError } from './errors.js';
import { nodeBuiltin, type RuntimeGlobals } from './node-builtins.js';

/** Bytes, or text that is hashed as its UTF-8 bytes. */
export type HmacMessage = string | Uint8Array;

export interface HmacSha256 {
  sign(message: HmacMessage): Promise<Uint8Array>;
  /** The MAC as lowercase hex. */
  signHex(message: HmacMessage): Promise<string>;
  /** The MAC as unpadded base64url. */
  signBase64url(message: HmacMessage): Promise<string>;
  /** Constant-time check of `mac` against the HMAC of `message`. */
  verify(mac: Uint8Array, message: HmacMessage): Promise<boolean>;
  /** `signBase64url` at once, where the runtime computes HMACs synchronously (Node). */
  signBase64urlSync?: (message: HmacMessage) => string;
}

export interface CryptoBackend {
  name: 'node' | 'webcrypto';
  hmacSha256(secret: string): HmacSha256;
  sha256Hex(text: string): Promise<string>;
  /** `sha256Hex` at once, where the runtime hashes synchronously (Node): no promise per hash. */
  sha256HexSync?: (text: string) => string;
}

interface NodeCryptoSubset {
  createHmac(algorithm: 'sha256', key: string | object): {
    update(data: HmacMessage): { digest(): Uint8Array; digest(encoding: 'hex' | 'base64url'): string };
  };
  createHash(algorithm: 'sha256'): { update(data: string, encoding: 'utf8'): { digest(encoding: 'hex'): string } };
  timingSafeEqual(a: Uint8Array, b: Uint8Array): boolean;
  /** One-shot hash (Node 20.12+): no Hash stream object per call. */
  hash?: (algorithm: 'sha256', data: string, encoding: 'hex') => string;
  /** A key prepared once, so each HMAC skips converting the secret. */
  createSecretKey?: (key: Uint8Array) => object;
}

const encoder = new TextEncoder();

export function toBytes(message: HmacMessage | ArrayBuffer): Uint8Array {
  if (typeof message === 'string') return encoder.encode(message);
  if (message instanceof ArrayBuffer) return new Uint8Array(message);
  return message;
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX_BYTES[byte];
  return hex;
}

export function toBase64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

/** Compares without an early exit, so the time taken says nothing about where the strings differ. */
export function timingSafeEqualText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

function subtle(): SubtleCrypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (crypto?.subtle === undefined) {
    throw new ClinkConfigurationError(
      'Web Crypto (globalThis.crypto.subtle) is not available: use Node 20.19+; in a browser, serve the page over https or from localhost (a secure context).',
    );
  }
  return crypto.subtle;
}

export const webCryptoBackend: CryptoBackend = {
  name: 'webcrypto',
  hmacSha256(secret) {
    let key: Promise<CryptoKey> | undefined;
    // Imported on first use, not here: a handler created at build time must not need Web Crypto yet.
    const importedKey = () =>
      (key ??= subtle().importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']));
    return {
      async sign(message) {
        return new Uint8Array(await subtle().sign('HMAC', await importedKey(), toBytes(message) as Uint8Array<ArrayBuffer>));
      },
      async signHex(message) {
        return toHex(await this.sign(message));
      },
      async signBase64url(message) {
        return toBase64url(await this.sign(message));
      },
      async verify(mac, message) {
        return subtle().verify('HMAC', await importedKey(), mac as Uint8Array<ArrayBuffer>, toBytes(message) as Uint8Array<ArrayBuffer>);
      },
    };
  },
  async sha256Hex(text) {
    return toHex(new Uint8Array(await subtle().digest('SHA-256', encoder.encode(text))));
  },
};

function nodeBackend(nodeCrypto: NodeCryptoSubset): CryptoBackend {
  const { hash } = nodeCrypto;
  const sha256HexSync =
    hash === undefined
      ? (text: string) => nodeCrypto.createHash('sha256').update(text, 'utf8').digest('hex')
      : (text: string) => hash('sha256', text, 'hex');
  return {
    name: 'node',
    hmacSha256(secret) {
      const key = nodeCrypto.createSecretKey?.(encoder.encode(secret)) ?? secret;
      const hmac = (message: HmacMessage) => nodeCrypto.createHmac('sha256', key).update(message);
      const sign = (message: HmacMessage) => hmac(message).digest();
      const signBase64url = (message: HmacMessage) => hmac(message).digest('base64url');
      return {
        async sign(message) {
          return sign(message);
        },
        async signHex(message) {
          return hmac(message).digest('hex');
        },
        async signBase64url(message) {
          return signBase64url(message);
        },
        async verify(mac, message) {
          const expected = sign(message);
          return mac.byteLength === expected.byteLength && nodeCrypto.timingSafeEqual(mac, expected);
        },
        signBase64urlSync: signBase64url,
      };
    },
    async sha256Hex(text) {
      return sha256HexSync(text);
    },
    sha256HexSync,
  };
}


function nodeCryptoModule(runtime: RuntimeGlobals): NodeCryptoSubset | undefined {
  const nodeCrypto = nodeBuiltin('node:crypto', runtime) as Partial<NodeCryptoSubset> | undefined;
  if (
    typeof nodeCrypto?.createHmac === 'function' &&
    typeof nodeCrypto.createHash === 'function' &&
    typeof nodeCrypto.timingSafeEqual === 'function'
  ) {
    return nodeCrypto as NodeCryptoSubset;
  }
  return undefined;
}

/** The fastest backend the runtime described by `runtime` offers. */
export function probeCryptoBackend(runtime: RuntimeGlobals = globalThis as RuntimeGlobals): CryptoBackend {
  const nodeCrypto = nodeCryptoModule(runtime);
  return nodeCrypto === undefined ? webCryptoBackend : nodeBackend(nodeCrypto);
}

let detected: CryptoBackend | undefined;

/** The fastest backend this runtime offers (probed once). */
export function detectCryptoBackend(): CryptoBackend {
  return (detected ??= probeCryptoBackend());
}

const MAX_CACHED_KEYS = 32;
const keysBySecret = new Map<string, HmacSha256>();

/**
 * The HMAC-SHA256 key for `secret` on the runtime's fastest backend, made once per secret: with Web
 * Crypto, importing the key costs as much as signing, so it is not done per call. A few secrets at
 * most are live in a server (a rotation keeps two); the oldest is dropped past 32.
 */
export function hmacSha256(secret: string): HmacSha256 {
  let key = keysBySecret.get(secret);
  if (key === undefined) {
    key = detectCryptoBackend().hmacSha256(secret);
    if (keysBySecret.size >= MAX_CACHED_KEYS) keysBySecret.delete(keysBySecret.keys().next().value as string);
    keysBySecret.set(secret, key);
  }
  return key;
}
