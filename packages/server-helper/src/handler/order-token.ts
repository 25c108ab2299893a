import { isPaymentMethodType, type PaymentMethodType } from '@clink-checkout/protocol';
import { hmacSha256, toHex, type CryptoBackend } from '../crypto.js';

/**
 * Order tokens let the browser that created a payment (and only it) read the status and refresh the
 * QR code, without a session or a database. A token is
 *
 *   v1.<paymentMethodType>.<expiresAt seconds>.<nonce>.<mac>
 *
 * where `mac` = HMAC-SHA256(tokenSecret, orderId, method, expiry, nonce, binding). The random nonce
 * makes every token unique to the create response it was issued in; `binding` is an optional value
 * from the merchant (e.g. a session id) that must match again when the token is used, so a token
 * copied to another session is refused. Verification compares MACs in constant time.
 */
const VERSION = 'v1';
const NONCE_BYTES = 16;

export type OrderTokenCheck =
  | { valid: true; paymentMethodType: PaymentMethodType }
  | { valid: false; reason: 'malformed' | 'signature' | 'expired' };

export interface OrderTokenSigner {
  issue(input: { orderId: string; paymentMethodType: PaymentMethodType; binding: string }): Promise<string>;
  verify(input: { orderId: string; token: string; binding: string }): Promise<OrderTokenCheck>;
}

// Random bytes are drawn and written as hex in blocks: one call per 256 tokens instead of one per token.
const NONCE_HEX_LENGTH = NONCE_BYTES * 2;
const noncePool = new Uint8Array(NONCE_BYTES * 256);
let noncePoolHex = '';
let noncePoolOffset = 0;

/** A fresh nonce as lowercase hex; no part of the pool is handed out twice. */
function randomNonceHex(): string {
  if (noncePoolOffset >= noncePoolHex.length) {
    globalThis.crypto.getRandomValues(noncePool);
    noncePoolHex = toHex(noncePool);
    noncePoolOffset = 0;
  }
  const nonce = noncePoolHex.slice(noncePoolOffset, noncePoolOffset + NONCE_HEX_LENGTH);
  noncePoolOffset += NONCE_HEX_LENGTH;
  return nonce;
}

/** Decodes unpadded base64url; `undefined` for anything else (a forged token is not an error). */
function fromBase64url(text: string): Uint8Array | undefined {
  // A length of 4n+1 is not base64 at all: atob would throw on it.
  if (!/^[A-Za-z0-9_-]+$/.test(text) || text.length % 4 === 1) return undefined;
  try {
    const binary = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return Uint8Array.from(binary, (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

function signedMessage(orderId: string, method: string, expiresAt: string, nonce: string, binding: string): string {
  // Length-prefixing every part keeps ("ab","c") and ("a","bc") from signing the same bytes.
  return (
    `${VERSION.length}:${VERSION}|${orderId.length}:${orderId}|${method.length}:${method}|` +
    `${expiresAt.length}:${expiresAt}|${nonce.length}:${nonce}|${binding.length}:${binding}`
  );
}

export function createOrderTokenSigner(options: {
  secret: string;
  ttlSeconds: number;
  now: () => number;
  /** @default the fastest backend of the runtime */
  crypto?: CryptoBackend;
}): OrderTokenSigner {
  const hmac = options.crypto === undefined ? hmacSha256(options.secret) : options.crypto.hmacSha256(options.secret);

  return {
    async issue({ orderId, paymentMethodType, binding }) {
      const expiresAt = String(Math.floor(options.now() / 1000) + options.ttlSeconds);
      const nonce = randomNonceHex();
      const message = signedMessage(orderId, paymentMethodType, expiresAt, nonce, binding);
      const mac = hmac.signBase64urlSync?.(message) ?? (await hmac.signBase64url(message));
      return `${VERSION}.${paymentMethodType}.${expiresAt}.${nonce}.${mac}`;
    },

    async verify({ orderId, token, binding }) {
      const parts = token.split('.');
      if (parts.length !== 5) return { valid: false, reason: 'malformed' };
      const [version, method, expiresAt, nonce, mac] = parts as [string, string, string, string, string];
      const macBytes = fromBase64url(mac);
      if (
        version !== VERSION ||
        !isPaymentMethodType(method) ||
        !/^\d{1,12}$/.test(expiresAt) ||
        !/^[A-Za-z0-9_-]{16,64}$/.test(nonce) ||
        macBytes === undefined
      ) {
        return { valid: false, reason: 'malformed' };
      }
      const authentic = await hmac.verify(macBytes, signedMessage(orderId, method, expiresAt, nonce, binding));
      if (!authentic) return { valid: false, reason: 'signature' };
      if (Number(expiresAt) * 1000 <= options.now()) return { valid: false, reason: 'expired' };
      return { valid: true, paymentMethodType: method as PaymentMethodType };
    },
  };
}
