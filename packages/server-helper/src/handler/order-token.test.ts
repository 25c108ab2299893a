import { describe, expect, it } from 'vitest';
import { detectCryptoBackend, webCryptoBackend } from '../crypto.js';
import { createOrderTokenSigner } from './order-token.js';

const SECRET = 'a'.repeat(32);

describe.each([detectCryptoBackend(), webCryptoBackend])('order tokens with $name crypto', (backend) => {
  function signerAt(time: { now: number }, secret = SECRET) {
    return createOrderTokenSigner({ secret, ttlSeconds: 60, now: () => time.now, crypto: backend });
  }

  it('accept the token issued for the order and report its payment method', async () => {
    const signer = signerAt({ now: 1_700_000_000_000 });
    const token = await signer.issue({ orderId: 'ord_1', paymentMethodType: 'CASHAPP', binding: '' });
    expect(await signer.verify({ orderId: 'ord_1', token, binding: '' })).toEqual({
      valid: true,
      paymentMethodType: 'CASHAPP',
    });
  });

  it('are unique per issue, even for the same order', async () => {
    const signer = signerAt({ now: 1_700_000_000_000 });
    const first = await signer.issue({ orderId: 'ord_1', paymentMethodType: 'CARD', binding: '' });
    const second = await signer.issue({ orderId: 'ord_1', paymentMethodType: 'CARD', binding: '' });
    expect(first).not.toBe(second);
  });

  it('carry a nonce of 32 hex digits that no other token repeats, also past a refill of the random pool', async () => {
    const signer = signerAt({ now: 1_700_000_000_000 });
    const tokens = await Promise.all(
      Array.from({ length: 600 }, () => signer.issue({ orderId: 'ord_1', paymentMethodType: 'CARD', binding: '' })),
    );
    const nonces = tokens.map((token) => token.split('.')[3]!);
    expect(nonces.every((nonce) => /^[0-9a-f]{32}$/.test(nonce))).toBe(true);
    expect(new Set(nonces).size).toBe(600);
  });

  it("refuse another order's token", async () => {
    const signer = signerAt({ now: 1_700_000_000_000 });
    const token = await signer.issue({ orderId: 'ord_1', paymentMethodType: 'CARD', binding: '' });
    expect(await signer.verify({ orderId: 'ord_2', token, binding: '' })).toEqual({ valid: false, reason: 'signature' });
  });

  it('refuse a token whose payment method was edited, or whose expiry was pushed back', async () => {
    const signer = signerAt({ now: 1_700_000_000_000 });
    const token = await signer.issue({ orderId: 'ord_1', paymentMethodType: 'ALIPAY', binding: '' });
    const [version, , expiresAt, nonce, mac] = token.split('.');
    const otherMethod = [version, 'CASHAPP', expiresAt, nonce, mac].join('.');
    const laterExpiry = [version, 'ALIPAY', String(Number(expiresAt) + 3600), nonce, mac].join('.');
    expect(await signer.verify({ orderId: 'ord_1', token: otherMethod, binding: '' })).toMatchObject({ valid: false });
    expect(await signer.verify({ orderId: 'ord_1', token: laterExpiry, binding: '' })).toMatchObject({ valid: false });
  });

  it('refuse a token signed with another secret', async () => {
    const time = { now: 1_700_000_000_000 };
    const token = await signerAt(time, 'b'.repeat(32)).issue({ orderId: 'ord_1', paymentMethodType: 'CARD', binding: '' });
    expect(await signerAt(time).verify({ orderId: 'ord_1', token, binding: '' })).toEqual({
      valid: false,
      reason: 'signature',
    });
  });

  it('refuse a token used with a different binding (another session)', async () => {
    const signer = signerAt({ now: 1_700_000_000_000 });
    const token = await signer.issue({ orderId: 'ord_1', paymentMethodType: 'CARD', binding: 'session-a' });
    expect(await signer.verify({ orderId: 'ord_1', token, binding: 'session-a' })).toMatchObject({ valid: true });
    expect(await signer.verify({ orderId: 'ord_1', token, binding: 'session-b' })).toMatchObject({ valid: false });
  });

  it('expire after their lifetime', async () => {
    const time = { now: 1_700_000_000_000 };
    const signer = signerAt(time);
    const token = await signer.issue({ orderId: 'ord_1', paymentMethodType: 'CARD', binding: '' });
    time.now += 59_000;
    expect(await signer.verify({ orderId: 'ord_1', token, binding: '' })).toMatchObject({ valid: true });
    time.now += 1_000;
    expect(await signer.verify({ orderId: 'ord_1', token, binding: '' })).toEqual({ valid: false, reason: 'expired' });
  });

  it.each(['', 'garbage', 'v1.CARD.1.2', 'v2.CARD.9999999999.AAAAAAAAAAAAAAAAAAAAAA.AAAA', 'v1.PAYPAL.9999999999.AAAAAAAAAAAAAAAAAAAAAA.AAAA'])(
    'refuse the malformed token %j',
    async (token) => {
      const signer = signerAt({ now: 1_700_000_000_000 });
      expect(await signer.verify({ orderId: 'ord_1', token, binding: '' })).toEqual({ valid: false, reason: 'malformed' });
    },
  );
});
