import { ClinkConfigurationError } from '../errors.js';

const encoder = new TextEncoder();

function subtle(): SubtleCrypto {
  const crypto = (globalThis as { crypto?: Crypto }).crypto;
  if (crypto?.subtle === undefined) {
    throw new ClinkConfigurationError(
      'Web Crypto (globalThis.crypto.subtle) is not available: use Node 20+ (or Node 18 with --experimental-global-webcrypto); in a browser, serve the page over https or from localhost (a secure context).',
    );
  }
  return crypto.subtle;
}

/** Lowercase hex HMAC-SHA256 of `<timestamp>.<body bytes>`; bytes are hashed as received, never re-decoded. */
export async function signatureHex(secret: string, timestamp: string, body: Uint8Array): Promise<string> {
  const key = await subtle().importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const prefix = encoder.encode(`${timestamp}.`);
  const message = new Uint8Array(prefix.length + body.length);
  message.set(prefix, 0);
  message.set(body, prefix.length);
  const digest = new Uint8Array(await subtle().sign('HMAC', key, message));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Compares without an early exit, so the time taken says nothing about where strings differ. */
export function timingSafeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let index = 0; index < a.length; index += 1) difference |= a.charCodeAt(index) ^ b.charCodeAt(index);
  return difference === 0;
}

export function toBytes(body: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof body === 'string') return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  return body;
}
