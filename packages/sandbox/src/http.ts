import { PAGE_SECURITY_HEADERS } from './pages.js';

/**
 * A Clink envelope response. A refusal has no `data`: Clink's types mark it optional and never say it
 * may be `null`.
 */
export function envelope(httpStatus: number, code: number, msg: string, data?: unknown): Response {
  return new Response(JSON.stringify(data === undefined ? { code, msg } : { code, msg, data }), {
    status: httpStatus,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export function success(data: unknown): Response {
  return envelope(200, 200, 'success', data);
}

/** Clink answers a bad key or timestamp with HTTP 401 and a plain-text body. */
export function unauthorized(reason: string): Response {
  return new Response(`Unauthorized: ${reason}`, {
    status: 401,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

export function html(status: number, body: string): Response {
  return new Response(body, { status, headers: PAGE_SECURITY_HEADERS });
}

/** 303 so a form POST becomes a GET on the next page. */
export function seeOther(location: string): Response {
  return new Response(null, { status: 303, headers: { Location: location, 'Cache-Control': 'no-store' } });
}

/** Compares without an early exit, so response timing says nothing about how much of a key matched. */
export function constantTimeEqual(a: string, b: string): boolean {
  const encoder = new TextEncoder();
  const left = encoder.encode(a);
  const right = encoder.encode(b);
  let difference = left.length ^ right.length;
  for (let i = 0; i < left.length; i += 1) difference |= left[i]! ^ (right[i % Math.max(1, right.length)] ?? 0);
  return difference === 0;
}

/** A malformed escape (`%E0%A4%A`) is just an id that matches no order, not a crash. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
