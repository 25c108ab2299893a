const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ID_LENGTH = 24;

/** Produces ids like `ord_3k9…`; the same seed always yields the same sequence. */
export interface IdGenerator {
  next(prefix: string): string;
}

/**
 * With a seed, ids come from a small deterministic PRNG (sfc32) so test snapshots and
 * recorded fixtures stay stable; without one, from Web Crypto.
 */
export function createIdGenerator(seed?: number | string): IdGenerator {
  const nextByte = seed === undefined ? cryptoBytes() : seededBytes(seed);
  return {
    next(prefix) {
      let id = '';
      for (let i = 0; i < ID_LENGTH; i += 1) id += ALPHABET[nextByte() % ALPHABET.length];
      return `${prefix}_${id}`;
    },
  };
}

function cryptoBytes(): () => number {
  let pool = new Uint8Array(0);
  let index = 0;
  const nextRaw = (): number => {
    if (index >= pool.length) {
      pool = globalThis.crypto.getRandomValues(new Uint8Array(256));
      index = 0;
    }
    return pool[index++] ?? 0;
  };
  return () => {
    // 252 is the largest multiple of 36 not above 256; larger bytes would bias the alphabet.
    for (;;) {
      const byte = nextRaw();
      if (byte < 252) return byte;
    }
  };
}

function seededBytes(seed: number | string): () => number {
  const [a0, b0, c0, d0] = hashSeed(String(seed));
  let a = a0;
  let b = b0;
  let c = c0;
  let d = d0;
  const next = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const result = (t + d) | 0;
    c = (c + result) | 0;
    return result >>> 0;
  };
  for (let i = 0; i < 12; i += 1) next();
  return () => next() % 252;
}

/** A number in [0, 1) that depends only on `text`: the same text always gives the same number. */
export function hashToUnit(text: string): number {
  return hashSeed(text)[0] / 2 ** 32;
}

/** A short random seed, for runs that must be reproducible afterwards. */
export function randomSeed(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(4)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** cyrb128: spreads a seed string over four 32-bit words. */
function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i += 1) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [(h1 ^ h2 ^ h3 ^ h4) >>> 0, (h2 ^ h1) >>> 0, (h3 ^ h1) >>> 0, (h4 ^ h1) >>> 0];
}
