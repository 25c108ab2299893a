import { endedEarly, tooLarge } from './body.js';
import type { CheckoutAnswer, CheckoutExchange } from './exchange.js';

/** Stops reading a body the handler refuses unread, so a runtime can stop receiving a large upload. */
async function discardBody(request: Request): Promise<void> {
  if (request.body !== null && !request.bodyUsed) await request.body.cancel().catch(() => undefined);
}

function declaredLength(request: Request): number | undefined {
  const header = request.headers.get('content-length');
  return header !== null && /^\d{1,16}$/.test(header) ? Number(header) : undefined;
}

/** Reads chunk by chunk, counting: a body without a length (chunked) stops being read past `maxBytes`. */
async function readCounted(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw endedEarly();
    }
    const { done, value } = chunk;
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0]!;
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (request.bodyUsed) throw new Error('The request body was already read before it reached the checkout handler.');
  const declared = declaredLength(request);
  if (declared !== undefined && declared <= maxBytes) {
    // A length the runtime received the body with (HTTP holds a body to it): read at once, which
    // runtimes with their own Request (Hono's on Node) do without a stream. Checked again after,
    // in case a Request made in code announced less than it carries.
    let bytes: ArrayBuffer;
    try {
      bytes = await request.arrayBuffer();
    } catch {
      throw endedEarly();
    }
    if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
    return new Uint8Array(bytes);
  }
  if (request.body === null) return new Uint8Array(0);
  return readCounted(request.body, maxBytes);
}

/** The exchange of a Web `Request`: the `Request -> Response` entry of every runtime. */
export function exchangeFromRequest(request: Request): CheckoutExchange {
  const { pathname } = new URL(request.url);
  return {
    method: request.method,
    url: request.url,
    pathname,
    header: (name) => request.headers.get(name),
    headers: request.headers,
    readBody: (maxBytes) => readBody(request, maxBytes),
    discardBody: () => discardBody(request),
    request: () => request,
  };
}

export function answerToResponse(answer: CheckoutAnswer): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
