import { TIMESTAMP_TOLERANCE_MS } from './constants.js';
import { buildAction } from './actions.js';
import { constantTimeEqual, decodePathSegment, envelope, success, unauthorized } from './http.js';
import { snapshotOrder } from './orders.js';
import type { SandboxState } from './state.js';
import type { ClinkCreatePaymentData, ClinkPaymentStatusCode, ClinkQrRefreshData } from '@clink-checkout/protocol';
import { validateCreateInstrument, validateCreatePayment } from './validation.js';
import { instrumentForWire } from './instruments.js';

export interface ApiContext {
  state: SandboxState;
  apiKeys: readonly string[];
  baseUrl: string;
}

const STATUS_CODES = { success: 1, pending: 2, failed: 3, requires_action: 5 } as const;

/** Serves `/api/*` exactly as Clink's merchant API would, after faults have had their turn. */
export async function handleApi(request: Request, path: string, context: ApiContext): Promise<Response> {
  const authProblem = checkAuth(request, context);
  if (authProblem) return unauthorized(authProblem);

  if (path === '/api/payment') {
    if (request.method !== 'POST') return methodNotAllowed(request);
    return createPayment(request, context);
  }
  if (path === '/api/payment-instrument') {
    if (request.method !== 'POST') return methodNotAllowed(request);
    return createInstrument(request, context);
  }
  const refresh = /^\/api\/payment\/([^/]+)\/qrcode\/refresh$/.exec(path);
  if (refresh) {
    if (request.method !== 'POST') return methodNotAllowed(request);
    return refreshQr(decodePathSegment(refresh[1]!), context);
  }
  const order = /^\/api\/order\/([^/]+)$/.exec(path);
  if (order) {
    if (request.method !== 'GET') return methodNotAllowed(request);
    const record = context.state.get(decodePathSegment(order[1]!));
    return record ? success(snapshotOrder(record.order)) : orderNotFound(decodePathSegment(order[1]!));
  }
  return envelope(404, 404, `no such endpoint: ${request.method} ${path}`);
}

/** Returns why the request is refused, or undefined. The reason never repeats the key. */
function checkAuth(request: Request, context: ApiContext): string | undefined {
  const key = request.headers.get('X-API-KEY');
  if (!key) return 'X-API-KEY header is missing';
  if (!context.apiKeys.some((accepted) => constantTimeEqual(key, accepted))) return 'X-API-KEY is not a valid key';
  const timestamp = request.headers.get('X-Timestamp');
  if (timestamp === null || timestamp.trim() === '') return 'X-Timestamp header is missing';
  const ms = Number(timestamp);
  if (!/^\d+$/.test(timestamp.trim()) || !Number.isFinite(ms)) return 'X-Timestamp must be a number of milliseconds';
  if (Math.abs(context.state.now - ms) > TIMESTAMP_TOLERANCE_MS) return 'X-Timestamp is more than 5 minutes away from the server clock';
  return undefined;
}

async function readJsonBody(request: Request): Promise<{ ok: true; body: unknown } | { ok: false }> {
  try {
    return { ok: true, body: JSON.parse(await request.text()) };
  } catch {
    return { ok: false };
  }
}

async function createPayment(request: Request, context: ApiContext): Promise<Response> {
  const read = await readJsonBody(request);
  if (!read.ok) return envelope(400, 400, 'request body must be valid JSON');
  const result = validateCreatePayment(read.body);
  if (!result.ok) return envelope(400, 400, result.message);

  const created = context.state.create(result.value, context.baseUrl);
  if (!created.ok) return envelope(400, 400, created.message);
  const { record } = created;
  const { order } = record;
  const status: ClinkPaymentStatusCode = STATUS_CODES[order.status as keyof typeof STATUS_CODES] ?? 2;
  const data: ClinkCreatePaymentData = {
    orderId: order.orderId,
    sessionId: order.sessionId,
    status,
    amount: order.amountTotal,
    currency: order.paymentCurrency,
    ...(order.status === 'requires_action' ? { action: buildAction(record, context.state.now) } : {}),
  };
  return success(data);
}

/** `POST /payment-instrument`: wallets only; the customer is found or created first. */
async function createInstrument(request: Request, context: ApiContext): Promise<Response> {
  const read = await readJsonBody(request);
  if (!read.ok) return envelope(400, 400, 'request body must be valid JSON');
  const result = validateCreateInstrument(read.body);
  if (!result.ok) return envelope(400, 400, result.message);
  const { paymentInstrumentType, ...rest } = result.value;
  const created = context.state.createInstrument({ ...rest, type: paymentInstrumentType }, 'refuse');
  if (!created.ok) return envelope(400, 400, created.message);
  return success(instrumentForWire(created.instrument));
}

function refreshQr(orderId: string, context: ApiContext): Response {
  const record = context.state.get(orderId);
  if (!record) return orderNotFound(orderId);
  const result = context.state.refreshQr(record);
  if (!result.ok) return envelope(400, 400, result.message);
  const data: ClinkQrRefreshData = { orderId, action: buildAction(record, context.state.now) };
  return success(data);
}

function orderNotFound(orderId: string): Response {
  return envelope(404, 404, `ORDER_NOT_FOUND: no order with id ${orderId}`);
}

function methodNotAllowed(request: Request): Response {
  return envelope(405, 405, `method ${request.method} is not allowed here`);
}
