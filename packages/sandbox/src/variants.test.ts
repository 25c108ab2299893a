import { createHmac } from 'node:crypto';
import {
  checkSchema,
  createPaymentDataSchema,
  envelopeSchema,
  orderEventSchema,
  orderSchema,
  paymentInstrumentSchema,
  qrRefreshDataSchema,
  type Schema,
} from '@clink-checkout/protocol/schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from './sandbox.js';
import { START } from './test-support/api.js';
import { sweep, WEBHOOK_SECRET, type Exchange, type SweepResult } from './test-support/sweep.js';
import { MADE_UP_APP_SCHEMES, OMITTABLE_ORDER_FIELDS, UNKNOWN_ORDER_STATUSES } from './variants.js';

const SEEDS = Array.from({ length: 20 }, (_, index) => `sweep-${index}`);

/** Every shape the varied sandbox must produce somewhere over the sweep, as read from the answers themselves. */
const VARIED_SHAPES = [
  'create: no sessionId',
  'create: no amount or currency',
  'create: no status',
  'action: GET redirect without method',
  'action: type only, no paymentMethodType',
  'action: paymentMethodType in free text',
  'imageUrlPng: URL',
  'imageUrlPng: data: URL',
  'imageUrlPng: bare Base64',
  'imageUrlSvg: URL',
  'imageUrlSvg: data: URL',
  'imageUrlSvg: bare Base64',
  'no QR image at all: QR drawn from mobileAuthUrl',
  'redirect and QR in one answer',
  'app link kakaopay://',
  'app link alipayhk://',
  'app link to a made-up bank',
  'wallet: expiresAt only',
  'wallet: expiresSecond only',
  'GET /order: undocumented status before a final one',
  ...OMITTABLE_ORDER_FIELDS.map((field) => `order: no ${field}`),
  'instrument: no wallet',
  'instrument: no created',
  'refusal inside HTTP 200',
  'webhook created: ISO string',
  'webhook created: integer ms',
  'webhook created: integer s',
  'webhook: order under data.object',
  'webhook: X-Clink-Timestamp in seconds',
  'webhook: no X-Clink-SignType',
] as const;

const results = new Map<string, SweepResult>();
let defaults: SweepResult;

beforeAll(async () => {
  for (const seed of SEEDS) results.set(seed, await sweep({ seed, variants: true }));
  defaults = await sweep({ seed: 'default', variants: false });
}, 180_000);

describe('the varied sandbox, over a sweep of seeds', () => {
  it('answers only what the protocol schema allows, inventing no field', () => {
    const problems = [...results.entries()].flatMap(([seed, result]) => schemaProblems(result).map((problem) => `${seed}: ${problem}`));
    expect(problems).toEqual([]);
  });

  it('produces every varied shape', () => {
    const seen = new Set([...results.values()].flatMap((result) => [...shapesOf(result)]));
    expect(VARIED_SHAPES.filter((shape) => !seen.has(shape))).toEqual([]);
  });

  it('stays payable: every method on desktop, Android and iOS ends as a correct client would expect', () => {
    const wrong = [...results.entries()].flatMap(([seed, result]) => outcomeProblems(result).map((problem) => `${seed}: ${problem}`));
    expect(wrong).toEqual([]);
    const paid = [...results.values()].flatMap((result) => result.payments).filter((run) => run.paidThrough);
    expect(paid.length).toBeGreaterThan(SEEDS.length * 25);
  });

  it('signs every webhook over its raw body, whatever its shape', () => {
    const webhooks = [...results.values()].flatMap((result) => result.webhooks);
    expect(webhooks.length).toBeGreaterThan(SEEDS.length * 50);
    for (const { headers, body } of webhooks) {
      const timestamp = headers['x-clink-timestamp']!;
      expect(headers['x-clink-signature']).toBe(createHmac('sha256', WEBHOOK_SECRET).update(`${timestamp}.${body}`).digest('hex'));
      expect([String(START), String(START / 1000)]).toContain(timestamp);
    }
  });

  it('gives the same answers for the same seed, and other answers for another', async () => {
    const again = await sweep({ seed: 'sweep-3', variants: true });
    expect(again).toEqual(results.get('sweep-3'));
    expect(again).not.toEqual(results.get('sweep-4'));
  });
});

describe('the default sandbox', () => {
  it('answers only what the protocol schema allows, inventing no field', () => {
    expect(schemaProblems(defaults)).toEqual([]);
  });

  it('answers in the one documented shape', () => {
    expect([...shapesOf(defaults)].filter((shape) => !['imageUrlPng: URL', 'imageUrlSvg: URL', 'webhook created: ISO string'].includes(shape))).toEqual([]);
  });

  it('stays payable on every device', () => {
    expect(outcomeProblems(defaults)).toEqual([]);
  });
});

describe('variants option', () => {
  it('takes the sandbox seed with variants: true, or a random one it reports', async () => {
    const seeded = createSandbox({ seed: 'ids', variants: true });
    const random = createSandbox({ variants: true });
    const plain = createSandbox();
    expect(seeded.variantSeed).toBe('ids');
    expect(random.variantSeed).toMatch(/^[0-9a-f]{8}$/);
    expect(plain.variantSeed).toBeUndefined();
    expect(createSandbox({ seed: 'ids', variants: { seed: 7 } }).variantSeed).toBe('7');
    await Promise.all([seeded.close(), random.close(), plain.close()]);
  });
});

const SCHEMAS: Record<string, Schema> = {
  'save instrument': envelopeSchema(paymentInstrumentSchema),
  create: envelopeSchema(createPaymentDataSchema),
  refresh: envelopeSchema(qrRefreshDataSchema),
  'order before': envelopeSchema(orderSchema),
  'order after': envelopeSchema(orderSchema),
};

/**
 * Schema issues of every answer and webhook, unknown fields reported. The one allowed departure: `GET
 * /order` reporting a status Clink has not documented, which is outside the published enum by definition.
 */
function schemaProblems(result: SweepResult): string[] {
  const exchanges: Exchange[] = [
    ...result.payments.flatMap((run) => [run.instrument, run.create, run.refresh, run.orderBefore, run.orderAfter].filter((e): e is Exchange => e !== undefined)),
    ...result.refusals,
  ];
  const problems = exchanges.flatMap((exchange) => {
    const schema = SCHEMAS[exchange.what] ?? envelopeSchema(createPaymentDataSchema);
    return checkSchema(schema, exchange.body, { unknownFields: 'report' }).map((issue) => `${exchange.what}: ${issue.path} ${issue.message}`);
  });
  for (const { body } of result.webhooks) {
    problems.push(...checkSchema(orderEventSchema, JSON.parse(body), { unknownFields: 'report' }).map((issue) => `webhook: ${issue.path} ${issue.message}`));
  }
  return problems;
}

function isUnknownStatus(status: unknown): boolean {
  return (UNKNOWN_ORDER_STATUSES as readonly unknown[]).includes(status);
}

/** What a customer and a merchant would notice going wrong: a payment that cannot be paid, or a wrong outcome. */
function outcomeProblems(result: SweepResult): string[] {
  const problems: string[] = [];
  for (const run of result.payments) {
    const label = `${run.method} on ${run.device}${run.cardFlow ? ` (${run.cardFlow})` : ''}`;
    if (run.unpayable) problems.push(`${label}: ${run.unpayable}`);
    const expected = run.cardFlow === 'declined' ? 'failed' : 'success';
    if (run.create.status !== 200 || run.create.body.code !== 200) problems.push(`${label}: create answered ${run.create.status} ${run.create.body.msg}`);
    if (run.orderAfter.body.data?.status !== expected) problems.push(`${label}: ended ${run.orderAfter.body.data?.status}, not ${expected}`);
    const needsCustomer = run.cardFlow !== 'frictionless' && run.cardFlow !== 'declined';
    if (needsCustomer !== (run.paidThrough !== undefined)) problems.push(`${label}: ${needsCustomer ? 'offered no action' : 'asked the customer for nothing to do'}`);
    for (const text of run.qrTexts) {
      if (!text.startsWith(`http://sandbox.test/_sandbox/pay/${run.create.body.data.orderId}?qr=`)) problems.push(`${label}: the QR encodes ${text}`);
    }
  }
  for (const refusal of result.refusals) {
    if (refusal.body.code === 200) problems.push(`${refusal.what}: answered code 200`);
  }
  return problems;
}

/** The varied shapes one sweep produced, read from the answers (never from the sandbox's own choices). */
function shapesOf(result: SweepResult): Set<string> {
  const seen = new Set<string>();
  for (const run of result.payments) {
    const created = run.create.body.data;
    if (!('sessionId' in created)) seen.add('create: no sessionId');
    if (!('amount' in created) && !('currency' in created)) seen.add('create: no amount or currency');
    if (!('status' in created)) seen.add('create: no status');
    for (const action of [created.action, run.refresh?.body.data.action].filter(Boolean)) {
      if (action.redirectUrl && !action.postData && !('method' in action)) seen.add('action: GET redirect without method');
      if (!('paymentMethodType' in action)) seen.add('action: type only, no paymentMethodType');
      else if (action.paymentMethodType !== action.type) seen.add('action: paymentMethodType in free text');
      const wallet = action.walletHandleRedirectOrDisplayQrCode;
      if (!wallet) continue;
      for (const field of ['imageUrlPng', 'imageUrlSvg'] as const) {
        const value = wallet[field];
        if (typeof value === 'string') seen.add(`${field}: ${/^https?:/.test(value) ? 'URL' : value.startsWith('data:') ? 'data: URL' : 'bare Base64'}`);
      }
      const hasImage = ['imageUrlPng', 'imageUrlSvg', 'imageDataUrl'].some((field) => field in wallet);
      if (!hasImage && run.method !== 'ALIPAY' && /^https?:/.test(wallet.mobileAuthUrl ?? '')) seen.add('no QR image at all: QR drawn from mobileAuthUrl');
      if (action.redirectUrl && hasImage) seen.add('redirect and QR in one answer');
      const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(wallet.mobileAuthUrl ?? '')?.[1];
      if (scheme === 'kakaopay') seen.add('app link kakaopay://');
      if (scheme === 'alipayhk') seen.add('app link alipayhk://');
      if ((MADE_UP_APP_SCHEMES as readonly string[]).includes(scheme ?? '')) seen.add('app link to a made-up bank');
      if ('expiresAt' in wallet && !('expiresSecond' in wallet)) seen.add('wallet: expiresAt only');
      if (!('expiresAt' in wallet) && 'expiresSecond' in wallet) seen.add('wallet: expiresSecond only');
    }
    if (isUnknownStatus(run.orderBefore.body.data.status)) seen.add('GET /order: undocumented status before a final one');
    for (const field of OMITTABLE_ORDER_FIELDS) if (!(field in run.orderAfter.body.data)) seen.add(`order: no ${field}`);
    if (run.instrument && !('wallet' in run.instrument.body.data)) seen.add('instrument: no wallet');
    if (run.instrument && !('created' in run.instrument.body.data)) seen.add('instrument: no created');
  }
  for (const refusal of result.refusals) if (refusal.status === 200 && refusal.body.code !== 200) seen.add('refusal inside HTTP 200');
  for (const { headers, body } of result.webhooks) {
    const event = JSON.parse(body);
    if (typeof event.created === 'string') seen.add('webhook created: ISO string');
    else seen.add(`webhook created: integer ${event.created >= 1e12 ? 'ms' : 's'}`);
    if (event.data && 'object' in event.data) seen.add('webhook: order under data.object');
    if (Number(headers['x-clink-timestamp']) < 1e12) seen.add('webhook: X-Clink-Timestamp in seconds');
    if (!('x-clink-signtype' in headers)) seen.add('webhook: no X-Clink-SignType');
  }
  return seen;
}
