import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox, SandboxControlError, type Sandbox } from './sandbox.js';
import { apiRequest, createPayment, formsOf, getPage, manualClock, ORIGIN, postForm, readJson } from './test-support/api.js';

let sandbox: Sandbox;

afterEach(async () => {
  await sandbox?.close();
});

describe('QR expiry (qrExpiresInSeconds: 3, injected clock)', () => {
  it('counts expiresSecond down and fails a WECHAT order once the QR runs out', async () => {
    const clock = manualClock();
    sandbox = createSandbox({ now: clock.now, qrExpiresInSeconds: 3 });
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'WECHAT' });
    const orderId = body.data.orderId as string;
    expect(body.data.action.walletHandleRedirectOrDisplayQrCode).toMatchObject({
      expiresAt: Math.floor(clock.now() / 1000) + 3,
      expiresSecond: 3,
    });

    clock.advance(2_999);
    expect(sandbox.getOrder(orderId)?.status).toBe('requires_action');

    clock.advance(1);
    const { body: order } = await readJson(await sandbox.fetch(apiRequest(`/order/${orderId}`, { now: clock.now() })));
    expect(order.data).toMatchObject({
      status: 'failed',
      paymentExecutionDetails: [
        { channelCode: 'WECHAT', originalFailureCode: 'EXPIRED', originalFailureMessage: 'The payment expired before the customer completed it' },
      ],
    });
    const phone = await (await getPage(sandbox, `/_sandbox/pay/${orderId}`)).text();
    expect(phone).toContain('The payment expired before the customer completed it');
    expect(formsOf(phone)).toEqual([]);
  });

  it('refuses an approval that arrives after expiry', async () => {
    const clock = manualClock();
    sandbox = createSandbox({ now: clock.now, qrExpiresInSeconds: 3 });
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'QRIS' });
    const orderId = body.data.orderId as string;
    const approve = formsOf(await (await getPage(sandbox, `/_sandbox/pay/${orderId}`)).text())[0]!;
    clock.advance(3_000);
    await postForm(sandbox, approve.action, approve.fields);
    expect(sandbox.getOrder(orderId)?.status).toBe('failed');
  });

  it('keeps a CASHAPP order waiting for a refresh, and the refresh after expiry issues a working QR', async () => {
    const clock = manualClock();
    sandbox = createSandbox({ now: clock.now, qrExpiresInSeconds: 3 });
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'CASHAPP' });
    const orderId = body.data.orderId as string;
    const oldPhonePage = body.data.action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl as string;

    clock.advance(5_000);
    expect(sandbox.getOrder(orderId)?.status).toBe('requires_action');
    const expiredPage = await (await getPage(sandbox, oldPhonePage)).text();
    expect(expiredPage).toContain('data-status="expired"');
    expect(formsOf(expiredPage)).toEqual([]);

    const refreshed = await readJson(
      await sandbox.fetch(apiRequest(`/payment/${orderId}/qrcode/refresh`, { method: 'POST', now: clock.now() })),
    );
    const wallet = refreshed.body.data.action.walletHandleRedirectOrDisplayQrCode;
    expect(wallet).toMatchObject({ expiresAt: Math.floor(clock.now() / 1000) + 3, expiresSecond: 3 });
    expect(wallet.mobileAuthUrl).not.toBe(oldPhonePage);

    const replaced = await (await getPage(sandbox, oldPhonePage)).text();
    expect(replaced).toContain('data-status="replaced"');

    const approve = formsOf(await (await getPage(sandbox, wallet.mobileAuthUrl)).text())[0]!;
    await postForm(sandbox, approve.action, approve.fields);
    expect(sandbox.getOrder(orderId)?.status).toBe('success');
  });

  it('counts 900 seconds by default', async () => {
    const clock = manualClock();
    sandbox = createSandbox({ now: clock.now });
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'TNG' });
    expect(body.data.action.walletHandleRedirectOrDisplayQrCode.expiresSecond).toBe(900);
  });

  it('expires by timer with the default clock and timers, and sends order.failed without any request', async () => {
    vi.useFakeTimers();
    try {
      const delivered: string[] = [];
      sandbox = createSandbox({
        qrExpiresInSeconds: 1,
        webhookUrl: 'https://merchant.example/webhooks',
        fetchWebhook: async (_url, init) => {
          delivered.push(JSON.parse(String(init?.body)).type);
          return new Response('ok');
        },
      });
      const { body } = await createPayment(sandbox, Date.now(), { paymentMethodType: 'GCASH' });
      await vi.advanceTimersByTimeAsync(500);
      await vi.waitFor(() => expect(delivered).toEqual(['order.created', 'order.next_action']));
      expect(delivered).toHaveLength(2);
      await vi.advanceTimersByTimeAsync(600);
      await vi.waitFor(() => expect(delivered).toEqual(['order.created', 'order.next_action', 'order.failed']));
      expect(sandbox.getOrder(body.data.orderId)?.status).toBe('failed');
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('test controls', () => {
  it.each([
    ['succeed', 'success'],
    ['fail', 'failed'],
    ['expire', 'failed'],
  ])('POST /_sandbox/orders/{id}/%s moves the order to %s', async (command, status) => {
    const clock = manualClock();
    sandbox = createSandbox({ now: clock.now });
    const { body } = await createPayment(sandbox, clock.now(), { paymentMethodType: 'KAKAO' });
    const orderId = body.data.orderId as string;
    const response = await readJson(await postForm(sandbox, `/_sandbox/orders/${orderId}/${command}`));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ code: 200, msg: 'success', data: { orderId, status } });
    expect(sandbox.getOrder(orderId)?.status).toBe(status);
  });

  it('answers 409 when the order is already final and 404 when it is unknown', async () => {
    sandbox = createSandbox();
    const { body } = await createPayment(sandbox, Date.now());
    const orderId = body.data.orderId as string;
    await postForm(sandbox, `/_sandbox/orders/${orderId}/succeed`);
    const again = await readJson(await postForm(sandbox, `/_sandbox/orders/${orderId}/fail`));
    expect(again.status).toBe(409);
    expect(again.body).toEqual({ code: 409, msg: `order ${orderId} is already success` });
    expect((await postForm(sandbox, '/_sandbox/orders/ord_missing/succeed')).status).toBe(404);
  });

  it('has programmatic twins that throw typed errors', async () => {
    sandbox = createSandbox();
    const { body } = await createPayment(sandbox, Date.now(), { paymentMethodType: 'CARD' });
    const orderId = body.data.orderId as string;
    expect(sandbox.fail(orderId).status).toBe('failed');
    expect(() => sandbox.succeed(orderId)).toThrow(SandboxControlError);
    expect(() => sandbox.expire('ord_missing')).toThrow(expect.objectContaining({ code: 'order_not_found' }));
  });

  it('expire on CASHAPP ends the order, so a status check tells the browser the code is over', async () => {
    sandbox = createSandbox();
    const { body } = await createPayment(sandbox, Date.now(), { paymentMethodType: 'CASHAPP' });
    const orderId = body.data.orderId as string;
    const expired = sandbox.expire(orderId);
    expect(expired.status).toBe('failed');
    expect(expired.paymentExecutionDetails?.[0]?.originalFailureCode).toBe('EXPIRED');
    const page = await (await getPage(sandbox, body.data.action.walletHandleRedirectOrDisplayQrCode.mobileAuthUrl)).text();
    expect(page).toContain('data-status="failed"');
    expect(page).not.toContain('Approve');
  });

  it('lists and reads orders as JSON', async () => {
    sandbox = createSandbox();
    const { body } = await createPayment(sandbox, Date.now());
    const list = await readJson(await getPage(sandbox, `${ORIGIN}/_sandbox/orders`));
    expect(list.body.data.map((order: { orderId: string }) => order.orderId)).toEqual([body.data.orderId]);
    const one = await readJson(await getPage(sandbox, `/_sandbox/orders/${body.data.orderId}`));
    expect(one.body.data.status).toBe('requires_action');
  });
});
