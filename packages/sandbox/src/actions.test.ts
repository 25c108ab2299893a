import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './sandbox.js';
import { createPayment, manualClock, ORIGIN, seededCard } from './test-support/api.js';

const clock = manualClock();
let sandbox: Sandbox;

afterEach(async () => {
  await sandbox?.close();
});

const METHODS = ['ALIPAY', 'CARD', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT'] as const;
const PLATFORMS = ['WEB', 'WAP', undefined] as const;
const DEVICES = ['Android', 'iOS', undefined] as const;

/** The shared scheme table: what a phone gets as mobileAuthUrl, and the Android package. */
const APPS: Record<string, { link: (phonePage: string) => string; packageName: string }> = {
  ALIPAY: { link: () => 'alipays://', packageName: 'com.eg.android.AlipayGphone' },
  WECHAT: { link: () => 'weixin://', packageName: 'com.tencent.mm' },
  GCASH: { link: () => 'gcash://', packageName: 'com.globe.gcash.android' },
  KAKAO: { link: () => 'kakaotalk://', packageName: 'com.kakao.talk' },
  TNG: { link: () => 'tngdwallet://', packageName: 'my.com.tngdigital.ewallet' },
  CASHAPP: { link: (phonePage) => phonePage, packageName: 'com.squareup.cash' },
};

const combinations = METHODS.flatMap((method) =>
  PLATFORMS.flatMap((platformType) => DEVICES.map((deviceType) => ({ method, platformType, deviceType }))),
);

describe('the action table', () => {
  it.each(combinations)('$method on platform $platformType, device $deviceType', async ({ method, platformType, deviceType }) => {
    sandbox = createSandbox({ now: clock.now, seed: 'actions', qrExpiresInSeconds: 900 });
    const { body } = await createPayment(sandbox, clock.now(), {
      paymentMethodType: method,
      ...(platformType ? { platformType } : {}),
      ...(deviceType ? { deviceType } : {}),
    });
    const { orderId, action } = body.data;
    expect(body.data.status).toBe(5);
    expect(action.type).toBe(method);
    expect(action.paymentMethodType).toBe(method);

    const phone = platformType === 'WAP' || (platformType === undefined && deviceType !== undefined);
    const threeDs = `${ORIGIN}/_sandbox/3ds/${orderId}`;
    const instructions = `${ORIGIN}/_sandbox/instructions/${orderId}`;
    const expiry = { expiresAt: Math.floor(clock.now() / 1000) + 900, expiresSecond: 900 };

    if (method === 'CARD') {
      expect(action).toEqual({ type: 'CARD', paymentMethodType: 'CARD', redirectUrl: threeDs, method: 'GET' });
      return;
    }

    const wallet = action.walletHandleRedirectOrDisplayQrCode;
    const phonePage = expect.stringMatching(new RegExp(`^${ORIGIN}/_sandbox/pay/${orderId}\\?qr=qr_[a-z0-9]+$`));
    const qrImages = {
      imageUrlPng: expect.stringMatching(new RegExp(`^${ORIGIN}/_sandbox/qr/${orderId}\\.png\\?qr=`)),
      imageUrlSvg: expect.stringMatching(new RegExp(`^${ORIGIN}/_sandbox/qr/${orderId}\\.svg\\?qr=`)),
      imageDataUrl: expect.stringMatching(/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/),
    };

    if (method === 'PROMPTPAY' || method === 'QRIS') {
      expect(action.redirectUrl).toBeUndefined();
      expect(wallet).toEqual({ ...qrImages, ...expiry });
      return;
    }

    const app = APPS[method]!;
    const appLaunch = phone
      ? {
          mobileAuthUrl: expect.stringMatching(new RegExp(`^${escapeRegExp(app.link(`${ORIGIN}/_sandbox/pay/${orderId}?qr=`))}`)),
          fallbackUrl: phonePage,
          ...(deviceType === 'iOS' ? {} : { packageName: app.packageName }),
        }
      : {};

    if (method === 'ALIPAY') {
      expect(action.method).toBe('GET');
      expect(action.redirectUrl).toEqual(phone ? phonePage : instructions);
      expect(wallet).toEqual({ hostedInstructionsUrl: instructions, ...appLaunch, ...expiry });
      return;
    }

    expect(action.redirectUrl).toBeUndefined();
    expect(wallet).toEqual({
      ...qrImages,
      hostedInstructionsUrl: instructions,
      ...(phone ? appLaunch : { mobileAuthUrl: phonePage }),
      ...expiry,
    });
    if (phone && method !== 'CASHAPP') expect(wallet.mobileAuthUrl).not.toMatch(/^https?:/);
  });
});

describe('CARD flows', () => {
  it('uses a POST form with postData for the seeded post_form card', async () => {
    sandbox = createSandbox({ now: clock.now, seed: 'card' });
    const { body } = await createPayment(sandbox, clock.now(), { ...seededCard('post_form'), returnUrl: 'https://shop.example/return?step=2' });
    const { orderId, action } = body.data;
    expect(action).toEqual({
      type: 'CARD',
      paymentMethodType: 'CARD',
      redirectUrl: `${ORIGIN}/_sandbox/3ds/${orderId}`,
      method: 'POST',
      postData: {
        MD: orderId,
        PaReq: expect.stringMatching(/^pareq_/),
        TermUrl: `https://shop.example/return?step=2&orderId=${orderId}`,
      },
    });
  });

  it('uses a GET redirect for the seeded redirect card', async () => {
    sandbox = createSandbox({ now: clock.now });
    const { body } = await createPayment(sandbox, clock.now(), seededCard('redirect'));
    expect(body.data.action).toEqual({
      type: 'CARD',
      paymentMethodType: 'CARD',
      redirectUrl: `${ORIGIN}/_sandbox/3ds/${body.data.orderId}`,
      method: 'GET',
    });
  });

  it('succeeds at once without an action for the seeded frictionless card', async () => {
    sandbox = createSandbox({ now: clock.now });
    const { body } = await createPayment(sandbox, clock.now(), seededCard('frictionless'));
    expect(body.data.status).toBe(1);
    expect(body.data.action).toBeUndefined();
    expect(sandbox.getOrder(body.data.orderId)?.status).toBe('success');
  });

  it('fails at once without an action for the seeded declined card', async () => {
    sandbox = createSandbox({ now: clock.now });
    const { body } = await createPayment(sandbox, clock.now(), seededCard('declined'));
    expect(body.data.status).toBe(3);
    expect(body.data.action).toBeUndefined();
    expect(sandbox.getOrder(body.data.orderId)).toMatchObject({
      status: 'failed',
      paymentExecutionDetails: [{ originalFailureCode: 'DECLINED' }],
    });
  });

  it('follows the flow of a card saved by a test, whatever its id says', async () => {
    sandbox = createSandbox({ now: clock.now });
    const card = sandbox.createInstrument({ type: 'CARD', customerId: 'cus_123', id: 'pi_card_post_declined', cardFlow: 'frictionless' });
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CARD', paymentInstrumentId: card.id });
    expect(body.data.status).toBe(1);
  });

  it('ignores the old metadata switch: the instrument decides', async () => {
    sandbox = createSandbox({ now: clock.now });
    const { body } = await createPayment(sandbox, clock.now(), { ...seededCard('redirect'), metadata: { sandboxCardFlow: 'declined' } });
    expect(body.data.status).toBe(5);
    expect(body.data.action.method).toBe('GET');
  });
});

describe('publicUrl', () => {
  it('puts the configured origin in every link', async () => {
    sandbox = createSandbox({ now: clock.now, publicUrl: 'https://pay.sandbox.example/' });
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'WECHAT' });
    const wallet = body.data.action.walletHandleRedirectOrDisplayQrCode;
    for (const key of ['imageUrlPng', 'imageUrlSvg', 'hostedInstructionsUrl', 'mobileAuthUrl']) {
      expect(wallet[key]).toMatch(/^https:\/\/pay\.sandbox\.example\/_sandbox\//);
    }
  });
});

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
