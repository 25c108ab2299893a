/** Calls to the store's own server (never to Clink: the secret key stays on the server). */

/** What the customer sees; decided by the server from Clink's order record or a verified webhook. */
export type OrderOutcome = 'paid' | 'failed' | 'pending';

/** `GET /api/orders/{orderId}`. */
export interface OrderOutcomeResponse {
  orderId: string;
  outcome: OrderOutcome;
  /** Unknown for an order first learnt of from a webhook that did not carry it. */
  productName?: string;
  quantity?: number;
  amount?: number;
  currency?: string;
  paymentMethodType: string;
}

/** `GET /api/config`: what the page needs to know about the backend. */
export interface StoreConfig {
  /** `local-sandbox`: offline sandbox on this machine; `clink`: Clink's own API. */
  backend: 'local-sandbox' | 'clink';
  environment: 'sandbox' | 'production';
  /** The local sandbox lets the shop choose how a card payment continues. */
  cardFlows: boolean;
  /** Methods the shop cannot take right now, with the reason to show next to them. */
  unavailableMethods: Partial<Record<string, string>>;
}

export class OrderLookupError extends Error {
  override readonly name = 'OrderLookupError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' }, signal });
  const body = (await response.json().catch(() => undefined)) as { error?: { message?: string } } | undefined;
  if (!response.ok) {
    throw new OrderLookupError(response.status, body?.error?.message ?? `The shop answered ${response.status}.`);
  }
  return body as T;
}

export function fetchOrderOutcome(orderId: string, signal?: AbortSignal): Promise<OrderOutcomeResponse> {
  return getJson(`/api/orders/${encodeURIComponent(orderId)}`, signal);
}

export function fetchStoreConfig(signal?: AbortSignal): Promise<StoreConfig> {
  return getJson('/api/config', signal);
}
