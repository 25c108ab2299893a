import { isPaymentMethodType } from '@clink-checkout/protocol';
import { SANDBOX_CARD_CUSTOMER, SANDBOX_CARD_INSTRUMENTS, type CardFlow } from '../cards.js';
import { SANDBOX_API_KEY } from '../constants.js';
import type { Sandbox } from '../sandbox.js';
import type { SandboxTimers } from '../timers.js';

export const ORIGIN = 'http://sandbox.test';
export const START = 1_780_000_000_000;

/** A clock tests move by hand. */
export function manualClock(start = START): { now: () => number; advance: (ms: number) => void; set: (ms: number) => void } {
  let current = start;
  return {
    now: () => current,
    advance: (ms) => {
      current += ms;
    },
    set: (ms) => {
      current = ms;
    },
  };
}

/**
 * Timers that record every requested delay and run short ones (<= `runAtOrBelowMs`) on the next
 * macrotask, so retry schedules can be asserted without waiting for them.
 */
export function recordingTimers(runAtOrBelowMs = 60_000): SandboxTimers & { requested: number[] } {
  const requested: number[] = [];
  const handles = new Set<ReturnType<typeof setTimeout>>();
  return {
    requested,
    setTimeout(callback, ms) {
      requested.push(ms);
      if (ms > runAtOrBelowMs) return undefined;
      const handle = setTimeout(() => {
        handles.delete(handle);
        callback();
      }, 0);
      handles.add(handle);
      return handle;
    },
    clearTimeout(handle) {
      if (handle === undefined) return;
      clearTimeout(handle as ReturnType<typeof setTimeout>);
      handles.delete(handle as ReturnType<typeof setTimeout>);
    },
  };
}

export function validPayment(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    paymentInstrumentId: 'pi_test_wallet',
    paymentMethodType: 'WECHAT',
    returnUrl: 'https://shop.example/return',
    customerId: 'cus_123',
    amount: 9.99,
    currency: 'USD',
    ...overrides,
  };
}

export function authHeaders(now: number, extra: Record<string, string> = {}): Record<string, string> {
  return { 'X-API-KEY': SANDBOX_API_KEY, 'X-Timestamp': String(now), 'Content-Type': 'application/json', ...extra };
}

export function apiRequest(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; now?: number; signal?: AbortSignal } = {},
): Request {
  const headers = init.headers ?? authHeaders(init.now ?? Date.now());
  return new Request(`${ORIGIN}/api${path}`, {
    method: init.method ?? 'GET',
    headers,
    ...(init.body !== undefined ? { body: typeof init.body === 'string' ? init.body : JSON.stringify(init.body) } : {}),
    ...(init.signal ? { signal: init.signal } : {}),
  });
}

export interface Json {
  status: number;
  body: { code: number; msg: string; data: any };
}

export async function readJson(response: Response): Promise<Json> {
  return { status: response.status, body: (await response.json()) as Json['body'] };
}

/**
 * Creates a payment through the API. Unless the test names a `paymentInstrumentId`, an instrument of the
 * payment's method is first saved for the payment's customer, as Clink requires.
 */
export async function createPayment(sandbox: Sandbox, now: number, overrides: Record<string, unknown> = {}): Promise<Json> {
  return readJson(await sandbox.fetch(apiRequest('/payment', { method: 'POST', body: paymentBody(sandbox, overrides), now })));
}

/** {@link validPayment}, paid with an instrument saved for it unless the test names one. */
export function paymentBody(sandbox: Sandbox, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const body = validPayment(overrides);
  if (!('paymentInstrumentId' in overrides)) body.paymentInstrumentId = instrumentFor(sandbox, body);
  return body;
}

/** Saves an instrument of the body's method for the body's customer and returns its id. */
export function instrumentFor(sandbox: Sandbox, body: Record<string, unknown>): string {
  const method = body.paymentMethodType;
  if (!isPaymentMethodType(method)) return 'pi_for_an_invalid_method';
  const text = (key: string) => (typeof body[key] === 'string' && body[key] !== '' ? (body[key] as string) : undefined);
  const customer = { customerId: text('customerId'), customerEmail: text('customerEmail'), referenceCustomerId: text('referenceCustomerId') };
  if (!customer.customerId && !customer.customerEmail && !customer.referenceCustomerId) return 'pi_without_a_customer';
  return sandbox.createInstrument({ ...customer, type: method }).id;
}

/** The fields that pay with one of the seeded card instruments. */
export function seededCard(flow: CardFlow): Record<string, unknown> {
  return { paymentMethodType: 'CARD', customerId: SANDBOX_CARD_CUSTOMER.customerId, paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS[flow] };
}

/** Submits an HTML form as a browser would, without following the redirect. */
export function postForm(sandbox: Sandbox, pathAndQuery: string, fields: Record<string, string> = {}): Promise<Response> {
  return sandbox.fetch(
    new Request(`${ORIGIN}${pathAndQuery}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
      redirect: 'manual',
    }),
  );
}

export function getPage(sandbox: Sandbox, url: string): Promise<Response> {
  return sandbox.fetch(new Request(url.startsWith('http') ? url : `${ORIGIN}${url}`));
}

/** The hidden fields and action paths of the forms on a sandbox page. */
export function formsOf(html: string): Array<{ action: string; fields: Record<string, string>; button: string }> {
  const forms: Array<{ action: string; fields: Record<string, string>; button: string }> = [];
  for (const match of html.matchAll(/<form method="post" action="([^"]+)">(.*?)<\/form>/g)) {
    const fields: Record<string, string> = {};
    for (const input of match[2]!.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) fields[input[1]!] = input[2]!;
    const button = /<button[^>]*>([^<]+)<\/button>/.exec(match[2]!)?.[1] ?? '';
    forms.push({ action: match[1]!, fields, button });
  }
  return forms;
}
