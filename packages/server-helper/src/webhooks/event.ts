import type { ClinkOrder, ClinkRefund } from '@clink-checkout/protocol';
import type { ClinkUnusableWebhook, VerifiedClinkWebhook } from './types.js';

/** Below this a Unix time is read as seconds, at or above as milliseconds (1e12 ms is Sep 2001). */
export const MILLISECONDS_THRESHOLD = 1e12;

/** Unix seconds or milliseconds -> milliseconds. */
export function toMilliseconds(unixTime: number): number {
  return unixTime < MILLISECONDS_THRESHOLD ? unixTime * 1000 : unixTime;
}

/**
 * `created` in milliseconds: an ISO 8601 date-time string (Clink's published types), or an integer in
 * milliseconds or seconds (seen in integrations), also as a string of digits. `undefined` when unreadable.
 */
export function createdAtOf(created: unknown): number | undefined {
  if (typeof created === 'number') return Number.isFinite(created) && created >= 0 ? toMilliseconds(created) : undefined;
  if (typeof created !== 'string' || created.trim() === '') return undefined;
  if (/^\d+$/.test(created.trim())) return toMilliseconds(Number(created.trim()));
  const parsed = Date.parse(created);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function unusable(problem: string, id?: unknown, type?: unknown): ClinkUnusableWebhook {
  return {
    category: 'unusable',
    problem,
    ...(typeof id === 'string' && id !== '' ? { id } : {}),
    ...(typeof type === 'string' && type !== '' ? { type } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Clink documents the object under `data`; real traffic has also carried it under `data.object`. */
function innerObject(data: Record<string, unknown>, marker: string): Record<string, unknown> {
  return data[marker] === undefined && isRecord(data.object) ? data.object : data;
}

/**
 * Reads a verified webhook body. Never throws: a body that is not a usable event comes back as
 * `{ category: 'unusable', problem }`, because refusing it would only make Clink send it again.
 */
export function readWebhookEvent(text: string): VerifiedClinkWebhook {
  let body: unknown;
  try {
    body = JSON.parse(text) as unknown;
  } catch {
    return unusable('the body is not JSON');
  }
  if (!isRecord(body)) return unusable('the body is not an event object');
  const { id, type, created } = body;
  if (typeof id !== 'string' || id === '') return unusable('the event has no id', undefined, type);
  if (typeof type !== 'string' || type === '') return unusable('the event has no type', id);
  const createdAt = createdAtOf(created);
  const base = {
    id,
    object: 'event' as const,
    ...(typeof created === 'string' || typeof created === 'number' ? { created } : {}),
    ...(createdAt === undefined ? {} : { createdAt }),
  };

  if (type.startsWith('order.')) {
    if (!isRecord(body.data)) return unusable(`the ${type} event has no data object`, id, type);
    const order = innerObject(body.data, 'orderId');
    if (typeof order.orderId !== 'string' || order.orderId === '') return unusable(`the ${type} event carries no orderId`, id, type);
    return { ...base, category: 'order', type: type as `order.${string}`, data: order as unknown as ClinkOrder & { orderId: string } };
  }
  if (type.startsWith('refund.')) {
    if (!isRecord(body.data)) return unusable(`the ${type} event has no data object`, id, type);
    return { ...base, category: 'refund', type: type as `refund.${string}`, data: innerObject(body.data, 'refundId') as ClinkRefund };
  }
  return { ...base, category: 'other', type, data: body.data };
}
