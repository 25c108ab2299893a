/**
 * The core against the real thing: the browser API client talks to `createCheckoutHandler`, whose Clink
 * client talks to the in-process sandbox. Every payment method on desktop, Android and iPhone must give a
 * plan the React layer can perform, and the status and refresh routes must round-trip.
 * (Source imports, so no build is needed first.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { SANDBOX_API_KEY, type CardFlow, type Sandbox } from '@clink-checkout/sandbox';
import { createCheckoutHandler, createClinkClient } from '../../../server-helper/src/index.js';
import { DEFAULT_SANDBOX, makeSandbox, paymentInstrumentFor, TEST_CUSTOMER } from '../../test/support/sandbox.js';
import { createCheckoutApi } from './api.js';
import { classifyAction } from './classify.js';
import { CheckoutRequestError } from './errors.js';
import type { PaymentMethodType } from '@clink-checkout/protocol';
import type { CheckoutApi } from './api.js';
import type { DeviceInfo } from './device.js';
import type { ActionPlan } from './plan.js';
import { paymentReducer, type PaymentState } from './state.js';

const SANDBOX = 'http://127.0.0.1:4010';
const BROWSER_CLOCK_AHEAD_MS = 90_000;

const DEVICES = {
  desktop: { platformType: 'WEB', coarsePointer: false },
  android: { platformType: 'WAP', deviceType: 'Android', coarsePointer: true },
  iphone: { platformType: 'WAP', deviceType: 'iOS', coarsePointer: true },
} satisfies Record<string, DeviceInfo>;

let sandbox: Sandbox;
let api: CheckoutApi;
let serverNow: number;

beforeEach(() => {
  serverNow = Date.UTC(2026, 10, 26, 11, 0, 0);
  sandbox = makeSandbox(DEFAULT_SANDBOX, { seed: 1, publicUrl: SANDBOX, now: () => serverNow });
  const client = createClinkClient({
    apiKey: SANDBOX_API_KEY,
    environment: 'sandbox',
    baseUrl: `${SANDBOX}/api`,
    maxRetries: 0,
    now: () => serverNow,
    fetch: (input, init) => sandbox.fetch(new Request(input, init)),
  });
  const handler = createCheckoutHandler({
    client,
    tokenSecret: 'token_secret_for_core_contract_tests_0123456789',
    now: () => serverNow,
    resolvePayment: (input) => ({
      ...paymentInstrumentFor(input.paymentMethodType, input.payload as CardFlow | undefined),
      ...TEST_CUSTOMER,
      returnUrl: 'https://shop.example/return',
      amount: 12.5,
      currency: 'USD',
    }),
    logger: () => {},
  });
  // The browser's clock runs 90 s ahead of the server's.
  api = createCheckoutApi({
    endpoint: 'https://shop.example/api/checkout',
    fetch: (input, init) => handler(new Request(input, init)),
    now: () => serverNow + BROWSER_CLOCK_AHEAD_MS,
  });
});

async function pay(method: PaymentMethodType, device: DeviceInfo, payload?: CardFlow) {
  const payment = await api.createPayment(
    { paymentMethodType: method, platformType: device.platformType, deviceType: device.deviceType, payload },
    { idempotencyKey: `${method}-${device.platformType}-${device.deviceType ?? ''}-${payload ?? ''}` },
  );
  return { payment, plan: classifyAction(payment, device) };
}

const isOnSandbox = (url: string | undefined) => url?.startsWith(`${SANDBOX}/_sandbox/`) ?? false;

function expectCountdownFromArrival(plan: ActionPlan, receivedAt: number) {
  if (plan.kind !== 'qr' && plan.kind !== 'app_link') throw new Error(`no expiry on a ${plan.kind} plan`);
  // The sandbox's QR codes live 900 s, counted from when the response arrived on the browser's clock.
  expect(plan.expiry?.deadline).toBe(receivedAt + 900_000);
}

describe('every method on every device gives a plan', () => {
  it.each(['WECHAT', 'GCASH', 'KAKAO', 'TNG', 'CASHAPP', 'PROMPTPAY', 'QRIS'] as const)('%s on desktop: a QR code', async (method) => {
    const { payment, plan } = await pay(method, DEVICES.desktop);
    expect(plan).toMatchObject({ kind: 'qr', paymentMethodType: method, qr: { kind: 'image' } });
    if (plan.kind !== 'qr') return;
    expect(plan.qr.kind === 'image' && plan.qr.src).toMatch(/^data:image\/png;base64,/);
    expect(plan.refreshable).toBe(method === 'CASHAPP');
    expect(plan.savable).toBe(['PROMPTPAY', 'QRIS', 'GCASH'].includes(method));
    expectCountdownFromArrival(plan, payment.receivedAt);
  });

  it.each(['WECHAT', 'GCASH', 'KAKAO', 'TNG', 'ALIPAY'] as const)('%s on Android: an intent with the package and fallback', async (method) => {
    const { plan } = await pay(method, DEVICES.android);
    expect(plan.kind).toBe('app_link');
    if (plan.kind !== 'app_link') return;
    expect(plan.launchUrl).toMatch(/^intent:\/\/.*#Intent;scheme=[a-z]+;package=[\w.]+;S\.browser_fallback_url=http[^;]+;end$/);
    expect(isOnSandbox(plan.fallbackUrl)).toBe(true);
  });

  it.each(['WECHAT', 'GCASH', 'KAKAO', 'TNG', 'ALIPAY'] as const)('%s on iPhone: the deep link itself', async (method) => {
    const { plan } = await pay(method, DEVICES.iphone);
    expect(plan.kind).toBe('app_link');
    if (plan.kind !== 'app_link') return;
    expect(plan.launchUrl).toMatch(/^(weixin|gcash|kakaotalk|tngdwallet|alipays):\/\//);
    expect(plan.launchUrl.startsWith('intent:')).toBe(false);
  });

  it.each([
    ['android', DEVICES.android],
    ['iphone', DEVICES.iphone],
  ] as const)('CASHAPP on %s: the https link, with the QR for another device', async (_, device) => {
    const { plan } = await pay('CASHAPP', device);
    expect(plan).toMatchObject({ kind: 'app_link', refreshable: true, qr: { kind: 'image' } });
    if (plan.kind === 'app_link') expect(isOnSandbox(plan.launchUrl)).toBe(true);
  });

  it.each(['PROMPTPAY', 'QRIS'] as const)('%s on a phone: a savable QR code (no app)', async (method) => {
    for (const device of [DEVICES.android, DEVICES.iphone]) {
      expect((await pay(method, device)).plan).toMatchObject({ kind: 'qr', savable: true });
    }
  });

  it('ALIPAY on desktop: a redirect to the hosted page', async () => {
    const { plan } = await pay('ALIPAY', DEVICES.desktop);
    expect(plan.kind).toBe('redirect');
    if (plan.kind === 'redirect') expect(isOnSandbox(plan.url)).toBe(true);
  });

  it('CARD: a 3-D Secure redirect, a POST form, or an immediate outcome', async () => {
    expect((await pay('CARD', DEVICES.desktop, 'redirect')).plan).toMatchObject({
      kind: 'redirect',
      url: expect.stringContaining('/_sandbox/3ds/'),
    });
    const form = (await pay('CARD', DEVICES.android, 'post_form')).plan;
    expect(form).toMatchObject({ kind: 'form_post', url: expect.stringContaining('/_sandbox/3ds/') });
    if (form.kind === 'form_post') expect(form.fields.map((field) => field.name)).toEqual(['MD', 'PaReq', 'TermUrl']);
    expect((await pay('CARD', DEVICES.desktop, 'frictionless')).plan).toEqual({ kind: 'none', status: 'succeeded' });
    expect((await pay('CARD', DEVICES.desktop, 'declined')).plan).toEqual({ kind: 'none', status: 'failed' });
  });
});

describe('following a payment', () => {
  it('reaches succeeded through the reducer once the customer approves', async () => {
    const { payment, plan } = await pay('WECHAT', DEVICES.desktop);
    let state: PaymentState = { status: 'creating', attempt: { paymentMethodType: 'WECHAT', idempotencyKey: 'k' } };
    state = paymentReducer(state, { type: 'created', payment, plan });
    const pending = await api.getStatus(payment.orderId, payment.orderToken);
    expect(pending.status).toBe('requires_action');
    expect(paymentReducer(state, { type: 'status', result: pending })).toBe(state);
    sandbox.succeed(payment.orderId);
    const done = await api.getStatus(payment.orderId, payment.orderToken);
    state = paymentReducer(state, { type: 'status', result: done });
    expect(state).toMatchObject({ status: 'succeeded', payment: { orderId: payment.orderId } });
  });

  it('refreshes a Cash App Pay QR code into a new plan with a new deadline', async () => {
    const { payment } = await pay('CASHAPP', DEVICES.desktop);
    serverNow += 60_000;
    const refresh = await api.refresh(payment.orderId, payment.orderToken);
    const plan = classifyAction({ ...refresh, paymentMethodType: payment.paymentMethodType }, DEVICES.desktop);
    expect(plan).toMatchObject({ kind: 'qr', refreshable: true });
    expectCountdownFromArrival(plan, refresh.receivedAt);
  });

  it('turns handler errors into typed request errors', async () => {
    const { payment } = await pay('WECHAT', DEVICES.desktop);
    const error = await api.getStatus(payment.orderId, 'forged-token').catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(CheckoutRequestError);
    expect(error).toMatchObject({ status: expect.any(Number), type: expect.any(String) });
    expect((error as CheckoutRequestError).status).toBeGreaterThanOrEqual(400);
  });
});
