import {
  createSandbox,
  SANDBOX_API_KEY,
  SANDBOX_CARD_CUSTOMER,
  SANDBOX_CARD_INSTRUMENTS,
  type CardFlow,
  type Sandbox,
  type SandboxFault,
  type SandboxOptions,
} from '@clink-checkout/sandbox';
import {
  createCheckoutHandler,
  createClinkClient,
  type CheckoutHandler,
  type CheckoutPaymentResponse,
  type PaymentMethodType,
} from '@clink-checkout/server';

/**
 * A whole Clink checkout running inside the Storybook frame: the sandbox (Clink's API look-alike)
 * behind a real Clink client behind the real checkout handler. The components' `fetch` goes to the
 * handler, so every story really creates a payment and renders the action the sandbox answered.
 * The sandbox's URL never hits the network: its `fetch` is in-process. (It is https because the
 * Clink client allows plain http only for localhost.)
 */
export const SANDBOX_ORIGIN = 'https://sandbox.local';
/** Where the stories "mount" the checkout handler. */
export const CHECKOUT_ENDPOINT = '/api/checkout';
export const RETURN_URL = 'https://shop.example/checkout/complete';

/** Realistic amounts per method, so every locale story shows a currency its customers know. */
export const PRICES: Record<PaymentMethodType, { amount: number; currency: string }> = {
  ALIPAY: { amount: 88, currency: 'CNY' },
  CARD: { amount: 24.99, currency: 'USD' },
  CASHAPP: { amount: 24.99, currency: 'USD' },
  GCASH: { amount: 1450, currency: 'PHP' },
  KAKAO: { amount: 33000, currency: 'KRW' },
  PROMPTPAY: { amount: 890, currency: 'THB' },
  QRIS: { amount: 399000, currency: 'IDR' },
  TNG: { amount: 118, currency: 'MYR' },
  WECHAT: { amount: 88, currency: 'CNY' },
};

export interface StoryBackendOptions {
  /** Lifetime of the sandbox's QR codes; short in the expiry stories. @default 900 */
  qrExpiresInSeconds?: number;
  /** Applied by the sandbox to every API call (latency, errors). */
  fault?: SandboxFault;
  /**
   * Rewrites Clink's (the sandbox's) JSON answers before the server helper reads them: stands in for
   * answers the sandbox never gives (a pending payment) or for a compromised upstream, to show what
   * the components refuse to do. Gets the API path (e.g. `/api/payment`) and the parsed envelope.
   */
  rewriteClinkAnswer?: (path: string, envelope: ClinkEnvelope) => ClinkEnvelope;
  /** The card the customer saved, which picks the sandbox's card flow (3-D Secure redirect, POST form, …). @default 'redirect' */
  cardFlow?: CardFlow;
  /** Let the sandbox vary its answers across everything Clink's contract allows (seeded, so a story replays). */
  variants?: SandboxOptions['variants'];
}

/** Clink's response envelope, loosely typed for rewriting. */
export interface ClinkEnvelope {
  code: number;
  msg: string;
  data: Record<string, unknown> | null;
}

/** One call the browser made to the checkout handler, for the stories' assertions. */
export interface CheckoutCall {
  method: string;
  path: string;
  status: number;
}

export interface StoryBackend {
  sandbox: Sandbox;
  handler: CheckoutHandler;
  /** Give this to the components (`fetch` prop): it answers from the in-frame handler. */
  fetch: typeof fetch;
  calls: CheckoutCall[];
  /** What the checkout handler logged (failures worth a look), as a merchant's server log would show it. */
  serverLog: string[];
  /** The order the latest create made; throws when there is none yet. */
  latestOrderId(): string;
  /** The latest create response the browser received (the handler's `CheckoutPaymentResponse`). */
  latestPayment(): CheckoutPaymentResponse;
}

// Not a real secret: the whole backend runs in the Storybook page on purpose.
const STORY_TOKEN_SECRET = 'storybook-order-token-secret-000000000000';

export function createStoryBackend(options: StoryBackendOptions = {}): StoryBackend {
  const sandbox = createSandbox({
    publicUrl: SANDBOX_ORIGIN,
    ...(options.qrExpiresInSeconds === undefined ? {} : { qrExpiresInSeconds: options.qrExpiresInSeconds }),
    ...(options.fault === undefined ? {} : { fault: options.fault }),
    ...(options.variants === undefined ? {} : { variants: options.variants }),
  });
  const client = createClinkClient({
    apiKey: SANDBOX_API_KEY,
    environment: 'sandbox',
    baseUrl: `${SANDBOX_ORIGIN}/api`,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const answer = await sandbox.fetch(request);
      if (!options.rewriteClinkAnswer || !answer.headers.get('Content-Type')?.includes('json')) return answer;
      const envelope = options.rewriteClinkAnswer(new URL(request.url).pathname, (await answer.json()) as ClinkEnvelope);
      return new Response(JSON.stringify(envelope), { status: answer.status, headers: { 'Content-Type': 'application/json' } });
    },
    maxRetries: 0,
  });
  const payments: CheckoutPaymentResponse[] = [];
  const serverLog: string[] = [];
  const handler = createCheckoutHandler({
    client,
    tokenSecret: STORY_TOKEN_SECRET,
    // Wallet instruments are found or created by the handler; a card is one the customer saved earlier.
    resolvePayment: (input) => ({
      ...(input.paymentMethodType === 'CARD' ? { paymentInstrumentId: SANDBOX_CARD_INSTRUMENTS[options.cardFlow ?? 'redirect'] } : {}),
      customerEmail: SANDBOX_CARD_CUSTOMER.customerEmail,
      ...PRICES[input.paymentMethodType],
      returnUrl: RETURN_URL,
      merchantReferenceId: `storybook-${input.paymentMethodType.toLowerCase()}`,
    }),
    logger: (line) => serverLog.push(line),
  });
  const calls: CheckoutCall[] = [];

  const fetchCheckout: typeof fetch = async (input, init) => {
    const request =
      input instanceof Request ? new Request(input, init) : new Request(new URL(String(input), window.location.href), init);
    const path = new URL(request.url).pathname;
    const response = await handler(request);
    calls.push({ method: request.method, path, status: response.status });
    if (request.method === 'POST' && path.endsWith('/payments') && response.ok) {
      payments.push((await response.clone().json()) as CheckoutPaymentResponse);
    }
    return response;
  };

  const latestPayment = (): CheckoutPaymentResponse => {
    const payment = payments.at(-1);
    if (payment === undefined) throw new Error('No payment was created yet.');
    return payment;
  };

  return {
    sandbox,
    handler,
    fetch: fetchCheckout,
    calls,
    serverLog,
    latestOrderId: () => latestPayment().orderId,
    latestPayment,
  };
}
