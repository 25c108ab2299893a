import { PAYMENT_METHOD_TYPES, type PaymentMethodType } from '@clink-checkout/protocol';
import { SANDBOX_CARD_CUSTOMER, SANDBOX_CARD_INSTRUMENTS, type CardFlow } from '../cards.js';
import { createSandbox, type Sandbox } from '../sandbox.js';
import { apiRequest, authHeaders, formsOf, getPage, manualClock, ORIGIN, postForm, readJson, validPayment, type Json } from './api.js';
import { decodePng, decodeSvg } from './qr-decode.js';

/** The three places a customer pays from, as the checkout sends them. */
export const DEVICES = {
  desktop: { platformType: 'WEB' },
  android: { platformType: 'WAP', deviceType: 'Android' },
  ios: { platformType: 'WAP', deviceType: 'iOS' },
} as const;
export type DeviceName = keyof typeof DEVICES;

export const WEBHOOK_URL = 'https://merchant.example/clink/webhooks';
export const WEBHOOK_SECRET = 'whsec_sweep';
const SHOPPER = 'shopper@example.com';

/** One request and the sandbox's answer. */
export interface Exchange extends Json {
  what: string;
}

/** Everything said about one payment, and how it was paid. */
export interface PaymentRun {
  method: PaymentMethodType;
  device: DeviceName;
  cardFlow?: CardFlow;
  instrument?: Exchange;
  create: Exchange;
  refresh?: Exchange;
  orderBefore: Exchange;
  orderAfter: Exchange;
  /** The QR texts of every image field, decoded. */
  qrTexts: string[];
  /** The pages the customer went through to approve, or undefined when the answer needed no customer. */
  paidThrough: string[] | undefined;
  /** Why a correct client could not pay, if it could not. */
  unpayable?: string;
}

export interface SentWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface SweepResult {
  payments: PaymentRun[];
  refusals: Exchange[];
  webhooks: SentWebhook[];
}

/**
 * Every method on desktop, Android and iOS (cards: a 3-D Secure flow per device, plus a frictionless and
 * a declined card), each paid as a correct client would; then a set of requests the sandbox refuses.
 * Wallet instruments are saved through `POST /payment-instrument`, as a merchant's server does.
 */
export async function sweep(options: { seed: string; variants: boolean }): Promise<SweepResult> {
  const clock = manualClock();
  const webhooks: SentWebhook[] = [];
  const sandbox = createSandbox({
    seed: options.seed,
    now: clock.now,
    variants: options.variants ? { seed: options.seed } : false,
    webhookUrl: WEBHOOK_URL,
    webhookSecret: WEBHOOK_SECRET,
    fetchWebhook: async (_url, init) => {
      webhooks.push({ headers: Object.fromEntries(new Headers(init?.headers).entries()), body: String(init?.body) });
      return new Response('ok');
    },
  });
  const call = async (what: string, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Exchange> => ({
    what,
    ...(await readJson(await sandbox.fetch(apiRequest(path, { ...init, now: clock.now() })))),
  });

  try {
    const payments: PaymentRun[] = [];
    const cardRuns: Array<[DeviceName, CardFlow]> = [
      ['desktop', 'redirect'],
      ['android', 'post_form'],
      ['ios', 'redirect'],
      ['desktop', 'frictionless'],
      ['ios', 'declined'],
    ];
    for (const method of PAYMENT_METHOD_TYPES) {
      const runs: Array<[DeviceName, CardFlow | undefined]> =
        method === 'CARD' ? cardRuns : (Object.keys(DEVICES) as DeviceName[]).map((device) => [device, undefined]);
      for (const [device, cardFlow] of runs) payments.push(await payOnce(sandbox, call, method, device, cardFlow));
    }

    const refusals = [
      await call('unknown instrument', '/payment', { method: 'POST', body: validPayment({ customerId: undefined, customerEmail: SHOPPER, paymentInstrumentId: 'pi_made_up' }) }),
      await call('body that is not JSON', '/payment', { method: 'POST', body: '{"amount":' }),
      await call('unknown order', '/order/ord_missing'),
      await call('CARD instrument', '/payment-instrument', { method: 'POST', body: { customerEmail: SHOPPER, paymentInstrumentType: 'CARD' } }),
      await call('wrong HTTP method', '/payment'),
      await call('unknown customerId', '/payment-instrument', { method: 'POST', body: { customerId: 'cus_nobody', paymentInstrumentType: 'TNG' } }),
      await call('injected server error', '/order/ord_missing', { headers: authHeaders(clock.now(), { 'X-Sandbox-Fault': 'http-500' }) }),
    ];
    await sandbox.webhooksIdle();
    return { payments, refusals, webhooks };
  } finally {
    await sandbox.close();
  }
}

type Call = (what: string, path: string, init?: { method?: string; body?: unknown }) => Promise<Exchange>;

async function payOnce(sandbox: Sandbox, call: Call, method: PaymentMethodType, device: DeviceName, cardFlow: CardFlow | undefined): Promise<PaymentRun> {
  let instrument: Exchange | undefined;
  let payer: Record<string, unknown>;
  if (cardFlow) {
    payer = { customerEmail: SANDBOX_CARD_CUSTOMER.customerEmail, paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS[cardFlow] };
  } else {
    instrument = await call('save instrument', '/payment-instrument', { method: 'POST', body: { customerEmail: SHOPPER, paymentInstrumentType: method } });
    payer = { customerEmail: SHOPPER, paymentInstrumentId: instrument.body.data.id };
  }
  const create = await call('create', '/payment', {
    method: 'POST',
    body: validPayment({ customerId: undefined, paymentMethodType: method, ...DEVICES[device], ...payer }),
  });
  const orderId = create.body.data.orderId as string;
  const orderBefore = await call('order before', `/order/${orderId}`);
  const refresh = method === 'CASHAPP' ? await call('refresh', `/payment/${orderId}/qrcode/refresh`, { method: 'POST' }) : undefined;
  const action = (refresh ?? create).body.data?.action;
  let qrTexts: string[] = [];
  let paidThrough: string[] | undefined;
  let unpayable: string | undefined;
  try {
    qrTexts = await qrTextsOf(sandbox, action?.walletHandleRedirectOrDisplayQrCode ?? {});
    paidThrough = action ? await approve(sandbox, action, device, qrTexts) : undefined;
  } catch (error) {
    unpayable = error instanceof Error ? error.message : String(error);
  }
  const orderAfter = await call('order after', `/order/${orderId}`);
  return {
    method,
    device,
    ...(cardFlow ? { cardFlow } : {}),
    ...(instrument ? { instrument } : {}),
    create,
    ...(refresh ? { refresh } : {}),
    orderBefore,
    orderAfter,
    qrTexts,
    paidThrough,
    ...(unpayable ? { unpayable } : {}),
  };
}

const isWebUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\//.test(value);

/**
 * Approves the payment the way the shared reference says a correct client proceeds: a card follows the
 * redirect (or submits the POST form); a phone follows an http(s) redirect, else opens `mobileAuthUrl`
 * (an app link that cannot open falls back to `fallbackUrl`, then the hosted instructions); a desktop
 * shows the QR (an image, or one drawn from `mobileAuthUrl`) and the customer scans it with a phone.
 */
async function approve(sandbox: Sandbox, action: Record<string, any>, device: DeviceName, qrTexts: string[]): Promise<string[]> {
  const pages: string[] = [];
  const wallet = action.walletHandleRedirectOrDisplayQrCode ?? {};
  let page: Response;
  if (action.type === 'CARD') {
    const postData = action.postData ?? {};
    if (!isWebUrl(action.redirectUrl)) throw new Error(`a card action without a web redirect: ${JSON.stringify(action)}`);
    pages.push(action.redirectUrl);
    page = action.method === 'POST' || Object.keys(postData).length > 0 ? await postForm(sandbox, pathOf(action.redirectUrl), postData) : await getPage(sandbox, action.redirectUrl);
  } else {
    const target = device === 'desktop' ? desktopTarget(action, wallet, qrTexts) : phoneTarget(action, wallet, qrTexts);
    if (!target) throw new Error(`no way to pay on ${device}: ${JSON.stringify(action)}`);
    pages.push(target);
    page = await getPage(sandbox, target);
  }
  let html = await page.text();
  const payHere = /<a class="button" href="([^"]+)">Pay on this device instead<\/a>/.exec(html)?.[1];
  if (payHere) {
    pages.push(payHere);
    html = await (await getPage(sandbox, payHere)).text();
  }
  const form = formsOf(html).find((candidate) => candidate.button === 'Approve');
  if (!form) throw new Error(`no Approve button on ${pages.at(-1)}`);
  const answered = await postForm(sandbox, form.action, form.fields);
  if (answered.status !== 303 && answered.status !== 200) throw new Error(`approving answered ${answered.status}`);
  return pages;
}

function desktopTarget(action: Record<string, any>, wallet: Record<string, any>, qrTexts: string[]): string | undefined {
  if (qrTexts[0]) return qrTexts[0];
  if (isWebUrl(wallet.mobileAuthUrl)) return wallet.mobileAuthUrl; // the QR drawn from it encodes it
  return isWebUrl(action.redirectUrl) ? action.redirectUrl : undefined;
}

function phoneTarget(action: Record<string, any>, wallet: Record<string, any>, qrTexts: string[]): string | undefined {
  if (isWebUrl(action.redirectUrl)) return action.redirectUrl;
  if (isWebUrl(wallet.mobileAuthUrl)) return wallet.mobileAuthUrl;
  if (wallet.mobileAuthUrl !== undefined) {
    // An app link: in a test browser no app opens, so the client falls back.
    if (isWebUrl(wallet.fallbackUrl)) return wallet.fallbackUrl;
    if (isWebUrl(wallet.hostedInstructionsUrl)) return wallet.hostedInstructionsUrl;
    throw new Error(`an app link with no fallback: ${JSON.stringify(wallet)}`);
  }
  if (isWebUrl(wallet.hostedInstructionsUrl)) return wallet.hostedInstructionsUrl;
  return qrTexts[0]; // "pay with another phone": scan the QR
}

/** Every QR image in the wallet data, decoded; they must all encode the same page. */
async function qrTextsOf(sandbox: Sandbox, wallet: Record<string, any>): Promise<string[]> {
  const texts: string[] = [];
  const decoded = new Map<string, string>();
  for (const [field, format] of [['imageUrlPng', 'png'], ['imageUrlSvg', 'svg'], ['imageDataUrl', 'png']] as const) {
    const value = wallet[field];
    if (typeof value !== 'string') continue;
    const bytes = await imageBytes(sandbox, value);
    // The PNG fields usually hold the same image; decoding it once per answer keeps the sweep quick.
    const key = `${format}:${Buffer.from(bytes).toString('base64')}`;
    const text = decoded.get(key) ?? (format === 'png' ? decodePng(bytes) : decodeSvg(new TextDecoder().decode(bytes)));
    if (text) decoded.set(key, text);
    if (!text) throw new Error(`${field} holds no readable QR code: ${value.slice(0, 60)}…`);
    texts.push(text);
  }
  if (new Set(texts).size > 1) throw new Error(`the QR images disagree: ${texts.join(', ')}`);
  return texts;
}

async function imageBytes(sandbox: Sandbox, value: string): Promise<Uint8Array> {
  if (/^https?:\/\//.test(value)) return new Uint8Array(await (await getPage(sandbox, value)).arrayBuffer());
  const base64 = value.startsWith('data:') ? value.slice(value.indexOf(',') + 1) : value;
  return Buffer.from(base64, 'base64');
}

function pathOf(url: string): string {
  const parsed = new URL(url, ORIGIN);
  return parsed.pathname + parsed.search;
}
