import type { ClinkAction, PaymentMethodType, PaymentStatus } from '../../core/index.js';

export interface FakeCheckoutOptions {
  /** The action of each new order (by creation index). @default a WeChat QR image with 300 s left */
  action?: (index: number, body: { paymentMethodType: PaymentMethodType }) => ClinkAction | undefined;
  /** Status of a new order. @default 'requires_action' */
  status?: PaymentStatus;
  /** Action returned by the refresh route. */
  refreshAction?: () => ClinkAction;
  /** Server clock. @default Date.now */
  serverNow?: () => number;
  amount?: number;
  currency?: string;
  /** Makes the status route wait until `release()` is called. @default false */
  holdStatus?: boolean;
  /** Makes create calls fail with a network error this many times first. @default 0 */
  failCreatesWithNetworkError?: number;
}

interface Order {
  orderId: string;
  orderToken: string;
  status: PaymentStatus;
  paymentMethodType: PaymentMethodType;
  action?: ClinkAction;
}

export const QR_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

/** An in-memory stand-in for `createCheckoutHandler`, speaking the same HTTP contract, counting every call. */
export function createFakeCheckout(options: FakeCheckoutOptions = {}) {
  const serverNow = options.serverNow ?? Date.now;
  const orders = new Map<string, Order>();
  const byKey = new Map<string, Order>();
  const creates: Array<{ key: string | null; body: Record<string, unknown> }> = [];
  const statusCalls: string[] = [];
  const refreshCalls: string[] = [];
  const held: Array<() => void> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let networkFailures = options.failCreatesWithNetworkError ?? 0;

  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(new URL(String(input instanceof Request ? input.url : input), 'http://localhost'), init);
    const url = new URL(request.url);
    const path = url.pathname.replace(/^\/api\/checkout/, '');
    if (request.method === 'POST' && path === '/payments') {
      const key = request.headers.get('Idempotency-Key');
      const body = (await request.json()) as Record<string, unknown> & { paymentMethodType: PaymentMethodType };
      creates.push({ key, body });
      if (networkFailures > 0) {
        networkFailures -= 1;
        throw new TypeError('Failed to fetch');
      }
      let order = key ? byKey.get(key) : undefined;
      if (!order) {
        const index = orders.size;
        const action = options.action
          ? options.action(index, body)
          : { paymentMethodType: body.paymentMethodType, walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_PNG, expiresSecond: 300 } };
        order = {
          orderId: `ord_${index + 1}`,
          orderToken: `tok_${index + 1}`,
          status: options.status ?? (action ? 'requires_action' : 'pending'),
          paymentMethodType: body.paymentMethodType,
          ...(action ? { action } : {}),
        };
        orders.set(order.orderId, order);
        if (key) byKey.set(key, order);
      }
      return json(
        {
          orderId: order.orderId,
          orderToken: order.orderToken,
          status: order.status,
          paymentMethodType: order.paymentMethodType,
          ...(order.action ? { action: order.action } : {}),
          amount: options.amount ?? 12,
          currency: options.currency ?? 'CNY',
          serverTime: serverNow(),
        },
        201,
      );
    }
    const match = /^\/payments\/([^/]+)(\/refresh)?$/.exec(path);
    const order = match ? orders.get(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !order || request.headers.get('X-Order-Token') !== order.orderToken) {
      return json({ error: { type: 'not_found', message: 'No such order' } }, 404);
    }
    if (match[2]) {
      refreshCalls.push(order.orderId);
      order.action = options.refreshAction?.() ?? order.action;
      return json({ orderId: order.orderId, status: order.status, action: order.action, serverTime: serverNow() });
    }
    statusCalls.push(order.orderId);
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      if (options.holdStatus) {
        await new Promise<void>((resolve, reject) => {
          held.push(resolve);
          request.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')));
        });
      }
      return json({
        orderId: order.orderId,
        status: order.status,
        amount: options.amount ?? 12,
        currency: options.currency ?? 'CNY',
        orderStatus: order.status === 'succeeded' ? 'success' : order.status,
        serverTime: serverNow(),
      });
    } finally {
      inFlight -= 1;
    }
  };

  return {
    fetch: fetch as typeof globalThis.fetch,
    creates,
    statusCalls,
    refreshCalls,
    get maxInFlight() {
      return maxInFlight;
    },
    /** Lets every held status request answer. */
    release() {
      for (const resolve of held.splice(0)) resolve();
    },
    setStatus(orderId: string, status: PaymentStatus) {
      const order = orders.get(orderId);
      if (!order) throw new Error(`no order ${orderId}`);
      order.status = status;
    },
    order(orderId: string) {
      return orders.get(orderId);
    },
  };
}

/** A create response as `createCheckoutApi` returns it. */
export function paymentResponse(action: ClinkAction | undefined, overrides: Record<string, unknown> = {}) {
  return {
    orderId: 'ord_1',
    orderToken: 'tok_1',
    status: (action ? 'requires_action' : 'pending') as PaymentStatus,
    paymentMethodType: (action?.paymentMethodType ?? 'WECHAT') as PaymentMethodType,
    ...(action ? { action } : {}),
    amount: 12,
    currency: 'CNY',
    serverTime: Date.now(),
    receivedAt: Date.now(),
    ...overrides,
  };
}

/** `fetch` that holds every request until `release()`: the state while a create is on its way, for as long as needed. */
export function heldFetch(target: typeof fetch): { fetch: typeof fetch; release: () => void } {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  return {
    fetch: async (input, init) => {
      await gate;
      return target(input, init);
    },
    release,
  };
}
