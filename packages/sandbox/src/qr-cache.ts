import { links } from './links.js';
import type { OrderRecord } from './orders.js';
import { encodeQr, type QrMatrix } from './qr.js';

/** Enough for the codes of a burst of payments whose images are fetched right after they are created. */
const MAX_CACHED = 256;

// Keyed by the link itself, which names the sandbox, the order and its QR token: one cache can serve
// every sandbox in the process, and a refreshed QR (a new token) is a new code.
const cached = new Map<string, QrMatrix>();

/**
 * The QR code of an order's current link, encoded once: an answer that carries the image and the image
 * URL the page loads next share one encoding. Only the latest codes are kept, so memory does not grow
 * with the orders.
 */
export function orderQr(record: OrderRecord): QrMatrix {
  const payload = links.phonePage(record);
  let matrix = cached.get(payload);
  if (matrix === undefined) {
    matrix = encodeQr(payload);
    if (cached.size >= MAX_CACHED) cached.delete(cached.keys().next().value!);
    cached.set(payload, matrix);
  }
  return matrix;
}
