import type { ClinkQrRefreshData } from '@clink-checkout/protocol';
import { buildAction } from './actions.js';
import { TIMESTAMP_TOLERANCE_MS } from './constants.js';
import { constantTimeEqual, decodePathSegment, envelope, success, unauthorized } from './http.js';
import type { SandboxState } from './state.js';
import { validateCreateInstrument, validateCreatePayment } from './validation.js';
import type { AnswerShapes } from './variants.js';
import { createPaymentData, instrumentAnswer, orderForRead } from './wire.js';

export interface ApiContext {
  state: SandboxState;
  shapes: AnswerShapes;
  apiKeys: readonly string[];
  baseUrl: string;
}

/**
 * A refusal in Clink's envelope. Clink may answer a failure with HTTP 200 and the failure only in `code`;
 * the varied sandbox sometimes does, the default one never.
 */
export function refuse(shapes: AnswerShapes, httpStatus: number, msg: string): Response {
  return envelope(shapes.refusal().http200 ? 200 : httpStatus, httpStatus, msg);
}

/** Serves `/api/*` exactly as Clink's merchant API would, after faults have had their turn. */
export async function handleApi(request: Request, path: string, context: ApiContext): Promise<Response> {
  const authProblem = checkAuth(request, context);
  if (authProblem) return unauthorized(authProblem);

  if (path === '/api/payment') {
    if (request.method !== 'POST') return methodNotAllowed(request, context);
    return createPayment(request, context);
  }
  if (path === '/api/payment-instrument') {
    if (request.method !== 'POST') return methodNotAllowed(request, context);
    return createInstrument(request, context);
  }
  const refresh = /^\/api\/payment\/([^/]+)\/qrcode\/refresh$/.exec(path);
  if (refresh) {
    if (request.method !== 'POST') return methodNotAllowed(request, context);
    return refreshQr(decodePathSegment(refresh[1]!), context);
  }
  const order = /^\/api\/order\/([^/]+)$/.exec(path);
  if (order) {
    if (request.method !== 'GET') return methodNotAllowed(request, context);
    const record = context.state.get(decodePathSegment(order[1]!));
    return record ? success(orderForRead(record)) : orderNotFound(decodePathSegment(order[1]!), context);
  }
  return refuse(context.shapes, 404, `no such endpoint: ${request.method} ${path}`);
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
  if (!read.ok) return refuse(context.shapes, 400, 'request body must be valid JSON');
  const result = validateCreatePayment(read.body);
  if (!result.ok) return refuse(context.shapes, 400, result.message);
  const created = context.state.create(result.value, context.baseUrl);
  if (!created.ok) return refuse(context.shapes, 400, created.message);
  return success(createPaymentData(created.record, context.state.now));
}

/** `POST /payment-instrument`: wallets only; the customer is found or created first. */
async function createInstrument(request: Request, context: ApiContext): Promise<Response> {
  const read = await readJsonBody(request);
  if (!read.ok) return refuse(context.shapes, 400, 'request body must be valid JSON');
  const result = validateCreateInstrument(read.body);
  if (!result.ok) return refuse(context.shapes, 400, result.message);
  const { paymentInstrumentType, ...rest } = result.value;
  const created = context.state.createInstrument({ ...rest, type: paymentInstrumentType }, 'refuse');
  if (!created.ok) return refuse(context.shapes, 400, created.message);
  return success(instrumentAnswer(created.instrument, context.shapes.instrument()));
}

function refreshQr(orderId: string, context: ApiContext): Response {
  const record = context.state.get(orderId);
  if (!record) return orderNotFound(orderId, context);
  const result = context.state.refreshQr(record);
  if (!result.ok) return refuse(context.shapes, 400, result.message);
  const data: ClinkQrRefreshData = { orderId, action: buildAction(record, context.state.now) };
  return success(data);
}

function orderNotFound(orderId: string, context: ApiContext): Response {
  return refuse(context.shapes, 404, `ORDER_NOT_FOUND: no order with id ${orderId}`);
}

function methodNotAllowed(request: Request, context: ApiContext): Response {
  return refuse(context.shapes, 405, `method ${request.method} is not allowed here`);
}
