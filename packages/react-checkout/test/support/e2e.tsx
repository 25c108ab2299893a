/**
 * End-to-end wiring for jsdom tests: the real sandbox (Clink look-alike), the real Clink client and
 * checkout handler from `@clink-checkout/server`, and the React components talking to that handler
 * through an injected `fetch`, exactly as a merchant's page talks to its own server.
 *
 *   <ClinkPayButton> ──fetch──▶ shop.fetch ──▶ createCheckoutHandler ──▶ createClinkClient ──▶ sandbox.fetch
 *
 * Every browser ↔ handler exchange is recorded so tests can count creates, status checks and refreshes,
 * and measure how many status checks were in flight at once.
 */
import { SANDBOX_API_KEY, type CardFlow, type Sandbox, type SandboxFault } from '@clink-checkout/sandbox';
import { createCheckoutHandler, createClinkClient, type CheckoutHandler, type ResolvedPayment } from '@clink-checkout/server';
import { act, screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';
import { StrictMode, type ReactNode } from 'react';
import { vi } from 'vitest';
import type { DeviceInfo, PaymentMethodType } from '../../src/index.js';
import { ClinkCheckoutProvider, usePaymentStatus } from '../../src/index.js';
import { en } from '../../src/locales.js';
import { PaymentStatusView } from '../../src/parts.js';
import { DEFAULT_SANDBOX, makeSandbox, paymentInstrumentFor, TEST_CUSTOMER, type SandboxKind } from './sandbox.js';

export const SHOP_ORIGIN = 'http://shop.test';
export const ENDPOINT = `${SHOP_ORIGIN}/api/checkout`;
// https: the Clink client refuses plain http anywhere but localhost, since the secret key travels in a header.
export const SANDBOX_ORIGIN = 'https://sandbox.test';
export const TOKEN_SECRET = 'e2e_order_token_secret_0123456789abcdef';
export const RETURN_URL = `${SHOP_ORIGIN}/checkout/return`;

/** What the merchant's server charges, whatever the browser sends. */
export const SERVER_PRICE = { amount: 12.5, currency: 'USD' } as const;
/** `SERVER_PRICE` as the English UI shows it. */
export const SHOWN_AMOUNT = '$12.50';

export const WALLETS = ['ALIPAY', 'CASHAPP', 'GCASH', 'KAKAO', 'PROMPTPAY', 'QRIS', 'TNG', 'WECHAT'] as const satisfies readonly PaymentMethodType[];

/** Display names the English UI uses. */
export const WALLET_NAMES: Record<PaymentMethodType, string> = {
  ALIPAY: 'Alipay',
  CARD: 'Card',
  CASHAPP: 'Cash App Pay',
  GCASH: 'GCash',
  KAKAO: 'KakaoPay',
  PROMPTPAY: 'PromptPay',
  QRIS: 'QRIS',
  TNG: "Touch 'n Go eWallet",
  WECHAT: 'WeChat Pay',
};

export type DeviceName = 'desktop' | 'android' | 'ios';
export const DEVICES: Record<DeviceName, DeviceInfo> = {
  desktop: { platformType: 'WEB', coarsePointer: false },
  android: { platformType: 'WAP', deviceType: 'Android', coarsePointer: true },
  ios: { platformType: 'WAP', deviceType: 'iOS', coarsePointer: true },
};

/** One request the browser sent to the checkout handler, and what came back. */
export interface Exchange {
  method: string;
  /** Path below the endpoint: `/payments`, `/payments/{id}`, `/payments/{id}/refresh`. */
  route: string;
  /** `Idempotency-Key` of a create. */
  idempotencyKey?: string | null;
  requestBody?: unknown;
  status?: number;
  responseBody?: unknown;
  /** The body as the browser received it: `responseBody`, or what a `rewrite…` option made of it. */
  receivedBody?: unknown;
}

/** One answer of Clink's API (the sandbox) on its way to the merchant's Clink client. */
export interface ClinkAnswer {
  /** e.g. `POST /payment`, `GET /order/ord_1` (below the API base). */
  route: string;
  /** The JSON envelope `{ code, msg, data }`. */
  body: Record<string, unknown>;
}

export interface ShopOptions {
  /** Which sandbox answers. @default the default sandbox */
  sandbox?: SandboxKind;
  seed?: number | string;
  qrExpiresInSeconds?: number;
  /** How the sandbox runs CARD payments. @default 'redirect' */
  cardFlow?: CardFlow;
  /**
   * A malicious or broken "server": rewrites the handler's JSON answer to a create before the browser
   * sees it. Return the new body.
   */
  rewriteCreate?: (body: Record<string, unknown>) => unknown;
  /** The same for the answer to a QR refresh. */
  rewriteRefresh?: (body: Record<string, unknown>) => unknown;
  /** The same for every answer to a status check. */
  rewriteStatus?: (body: Record<string, unknown>) => unknown;
  /**
   * Clink answering in a shape the sandbox does not produce (yet): rewrites each JSON answer of the sandbox
   * before the merchant's Clink client reads it. Return the new envelope.
   */
  rewriteClink?: (answer: ClinkAnswer) => unknown | Promise<unknown>;
  /** Delays every status answer by this many ms (timer-based, so fake timers control it). @default 0 */
  statusLatencyMs?: number;
  /**
   * Delays every create answer by this many ms on its way back to the browser, after the handler (and Clink)
   * made the order: a slow network, so the browser's countdown starts later than Clink's. @default 0
   */
  createLatencyMs?: number;
  /**
   * Loses this many create answers on the way back: the handler (and Clink) did the work, but the
   * browser sees a network error, as when a connection drops. @default 0
   */
  loseCreateAnswers?: number;
  /** How far the server's clock (handler and sandbox) runs ahead of the browser's. @default 0 */
  serverClockOffsetMs?: number;
}

export interface Shop {
  sandbox: Sandbox;
  handler: CheckoutHandler;
  /** What the components use as `fetch`. */
  fetch: typeof fetch;
  exchanges: Exchange[];
  creates(): Exchange[];
  statusChecks(): Exchange[];
  refreshes(): Exchange[];
  /** Highest number of status checks in flight at the same moment. */
  maxStatusInFlight(): number;
  /** The latest create answer as the browser received it (before any rewrite). */
  lastCreated(): CreatedPayment;
  /** Makes every Clink API call fail this way (`http-500`, `hang`, …) until set back to `undefined`. */
  setClinkFault(fault: SandboxFault | undefined): void;
}

/** The parts of the handler's create answer the tests look at (optional where Clink's answer may leave them out). */
export interface CreatedPayment {
  orderId: string;
  status: string;
  amount?: number;
  currency?: string;
  action?: {
    redirectUrl?: string;
    method?: string;
    postData?: Record<string, string>;
    type?: string;
    paymentMethodType?: string;
    walletHandleRedirectOrDisplayQrCode?: {
      imageDataUrl?: string;
      imageUrlPng?: string;
      imageUrlSvg?: string;
      mobileAuthUrl?: string;
      fallbackUrl?: string;
      packageName?: string;
      hostedInstructionsUrl?: string;
      expiresAt?: number;
      expiresSecond?: number;
    };
  };
}

/** Timer-based delay: under fake timers it waits for fake time, like a slow network would. */
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The sandbox, the real client and handler, and a recording `fetch` for the components. */
export function createShop(options: ShopOptions = {}): Shop {
  let clinkFault: SandboxFault | undefined;
  const offset = options.serverClockOffsetMs ?? 0;
  const serverNow = () => Date.now() + offset;
  const sandbox = makeSandbox(options.sandbox ?? DEFAULT_SANDBOX, {
    fault: () => clinkFault,
    seed: options.seed ?? 'react-e2e',
    publicUrl: SANDBOX_ORIGIN,
    // The page's clock (plus any skew): fake timers move both.
    now: serverNow,
    ...(options.qrExpiresInSeconds === undefined ? {} : { qrExpiresInSeconds: options.qrExpiresInSeconds }),
  });
  const client = createClinkClient({
    apiKey: SANDBOX_API_KEY,
    environment: 'sandbox',
    baseUrl: `${SANDBOX_ORIGIN}/api`,
    maxRetries: 0,
    now: serverNow,
    logger: () => {},
    fetch: async (input, init) => {
      const response = await sandbox.fetch(new Request(input, init));
      if (!options.rewriteClink || !response.headers.get('Content-Type')?.includes('json')) return response;
      const { pathname } = new URL(String(input instanceof Request ? input.url : input));
      const route = `${init?.method ?? 'GET'} ${pathname.replace(/^\/api/, '')}`;
      const body = await options.rewriteClink({ route, body: (await response.json()) as Record<string, unknown> });
      return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
    },
  });
  const cardFlow = options.cardFlow ?? 'redirect';
  const handler = createCheckoutHandler({
    client,
    tokenSecret: TOKEN_SECRET,
    now: serverNow,
    logger: () => {},
    // The server decides the price and the customer; the browser only picks the method.
    resolvePayment: (input): ResolvedPayment => ({
      ...paymentInstrumentFor(input.paymentMethodType, cardFlow),
      ...TEST_CUSTOMER,
      returnUrl: RETURN_URL,
      amount: SERVER_PRICE.amount,
      currency: SERVER_PRICE.currency,
    }),
  });

  const exchanges: Exchange[] = [];
  let statusInFlight = 0;
  let maxStatusInFlight = 0;
  let lastCreated: CreatedPayment | undefined;
  let answersToLose = options.loseCreateAnswers ?? 0;

  const shopFetch: typeof fetch = async (input, init) => {
    const request = new Request(input instanceof Request ? input : new URL(String(input), SHOP_ORIGIN), init);
    const url = new URL(request.url);
    if (url.origin !== SHOP_ORIGIN || !url.pathname.startsWith('/api/checkout/')) {
      throw new TypeError(`The page fetched an unexpected URL: ${request.url}`);
    }
    const exchange: Exchange = { method: request.method, route: url.pathname.slice('/api/checkout'.length) };
    if (request.method === 'POST' && exchange.route === '/payments') {
      exchange.idempotencyKey = request.headers.get('Idempotency-Key');
      exchange.requestBody = await request.clone().json();
    }
    exchanges.push(exchange);
    const isStatus = request.method === 'GET';
    if (isStatus) {
      statusInFlight += 1;
      maxStatusInFlight = Math.max(maxStatusInFlight, statusInFlight);
    }
    try {
      if (isStatus && options.statusLatencyMs) await delay(options.statusLatencyMs);
      const response = await handler(request);
      exchange.status = response.status;
      const text = await response.text();
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // not JSON: kept as text
      }
      exchange.responseBody = body;
      exchange.receivedBody = body;
      if (exchange.route === '/payments' && response.ok) {
        lastCreated = body as CreatedPayment;
        if (options.createLatencyMs) await delay(options.createLatencyMs);
        if (answersToLose > 0) {
          answersToLose -= 1;
          throw new TypeError('Failed to fetch');
        }
        if (options.rewriteCreate) {
          const rewritten = options.rewriteCreate(structuredClone(body) as Record<string, unknown>);
          exchange.receivedBody = rewritten;
          return new Response(typeof rewritten === 'string' ? rewritten : JSON.stringify(rewritten), {
            status: response.status,
            headers: { 'Content-Type': 'application/json' },
          });
        }
      }
      const rewrite = exchange.route.endsWith('/refresh') ? options.rewriteRefresh : isStatus ? options.rewriteStatus : undefined;
      if (response.ok && rewrite) {
        const rewritten = rewrite(structuredClone(body) as Record<string, unknown>);
        exchange.receivedBody = rewritten;
        return new Response(JSON.stringify(rewritten), { status: response.status, headers: { 'Content-Type': 'application/json' } });
      }
      return new Response(text, { status: response.status, headers: response.headers });
    } finally {
      if (isStatus) statusInFlight -= 1;
    }
  };

  return {
    sandbox,
    handler,
    fetch: shopFetch,
    exchanges,
    creates: () => exchanges.filter((e) => e.method === 'POST' && e.route === '/payments'),
    statusChecks: () => exchanges.filter((e) => e.method === 'GET'),
    refreshes: () => exchanges.filter((e) => e.method === 'POST' && e.route.endsWith('/refresh')),
    maxStatusInFlight: () => maxStatusInFlight,
    setClinkFault: (fault) => {
      clinkFault = fault;
    },
    lastCreated: () => {
      if (!lastCreated) throw new Error('No payment was created yet');
      return lastCreated;
    },
  };
}

export interface PageOptions {
  /** @default 'desktop' */
  device?: DeviceName;
  strict?: boolean;
  /** The merchant's stricter app-link policy. @default none */
  allowedDeepLinkSchemes?: readonly string[];
}

/** The page: a provider pointed at the shop's handler, optionally under StrictMode. */
export function page(shop: Shop, node: ReactNode, options: PageOptions = {}): ReactNode {
  const tree = (
    <ClinkCheckoutProvider
      endpoint={ENDPOINT}
      fetch={shop.fetch}
      device={DEVICES[options.device ?? 'desktop']}
      allowedDeepLinkSchemes={options.allowedDeepLinkSchemes}
    >
      {node}
    </ClinkCheckoutProvider>
  );
  return options.strict ? <StrictMode>{tree}</StrictMode> : tree;
}

/**
 * Lets every promise chain that is already running (handler, client, sandbox, React updates) finish,
 * without moving the fake clock. Several rounds, because each hop (fetch → handler → sandbox → body
 * reads → state update) queues the next.
 */
export async function settle(rounds = 20): Promise<void> {
  for (let i = 0; i < rounds; i += 1) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(0);
    });
  }
}

/** Opens "Pay with another device" as a customer does; returns its section, with the QR code drawn in it. */
export async function openOtherDevice(user: UserEvent): Promise<HTMLElement> {
  const summary = screen.getByText('Pay with another device');
  await user.click(summary);
  await settle();
  return summary.closest('details')!;
}

/** Moves the fake clock (and with it the page, the handler and the sandbox), then settles. */
export async function advance(ms: number): Promise<void> {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
  await settle();
}

/** A page of the sandbox (3-D Secure, phone, instructions) as the customer's browser would load it. */
export interface SandboxPage {
  status: number;
  /** `Location` of a redirect answer, absolute. */
  location: string | null;
  document: Document;
}

/**
 * The `PaymentOutcome` the callbacks must receive for the latest payment: its order and method, and the amount
 * of the latest status answer, else of the create answer (Clink's amount is optional: absent when neither had it).
 */
export function expectedOutcome(shop: Shop, status: 'succeeded' | 'failed') {
  const created = shop.creates().at(-1)?.receivedBody as CreatedPayment & { paymentMethodType: PaymentMethodType };
  const checked = shop.statusChecks().at(-1)?.receivedBody as { amount?: number; currency?: string } | undefined;
  const amount = checked?.amount ?? created.amount;
  const currency = checked?.currency ?? created.currency;
  return {
    status,
    orderId: created.orderId,
    paymentMethodType: created.paymentMethodType,
    ...(amount === undefined ? {} : { amount }),
    ...(currency === undefined ? {} : { currency }),
  };
}

/** Loads a sandbox URL the page navigated to (GET), or posts a form to it (POST). */
export async function openSandboxPage(shop: Shop, url: string, form?: Iterable<[string, string]>): Promise<SandboxPage> {
  const request = form
    ? new Request(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams([...form]).toString(),
      })
    : new Request(url);
  const response = await shop.sandbox.fetch(request);
  const location = response.headers.get('Location');
  const html = await response.text();
  return {
    status: response.status,
    location: location === null ? null : new URL(location, url).href,
    document: new DOMParser().parseFromString(html, 'text/html'),
  };
}

/** Presses a button (Approve / Decline) of a sandbox page: submits its form as a browser would. */
export async function pressSandboxButton(shop: Shop, page: SandboxPage, pageUrl: string, label: 'Approve' | 'Decline'): Promise<SandboxPage> {
  const button = [...page.document.querySelectorAll('form button')].find((element) => element.textContent?.trim() === label);
  if (!button) throw new Error(`The sandbox page has no "${label}" button`);
  const form = button.closest('form')!;
  const fields = [...form.querySelectorAll('input')].map((input): [string, string] => [input.name, input.value]);
  return openSandboxPage(shop, new URL(form.getAttribute('action')!, pageUrl).href, fields);
}

/**
 * The merchant's `returnUrl` page after a redirect or form post: it reads the order's status through the
 * handler with the order token it kept before leaving, and shows the outcome.
 */
export function ReturnPage({ orderId, orderToken }: { orderId: string; orderToken: string }): ReactNode {
  const { status } = usePaymentStatus(orderId, orderToken);
  const shown = status?.status === 'succeeded' || status?.status === 'failed' ? status.status : 'pending';
  return <PaymentStatusView status={shown} messages={en} />;
}

let visibility: DocumentVisibilityState = 'visible';
let visibilityInstalled = false;

/** What the browser does when the customer switches tabs or apps: `document.visibilityState` and a `visibilitychange` event. */
export function setVisibility(next: DocumentVisibilityState): void {
  if (!visibilityInstalled) {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => visibility === 'hidden' });
    visibilityInstalled = true;
  }
  if (visibility === next) return;
  visibility = next;
  // The page's own listeners (React Query's focus manager among them) update React state: inside act, as in a test.
  act(() => {
    document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
  });
}
