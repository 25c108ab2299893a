import type { OrderRecord } from './orders.js';

/** URLs of the sandbox's own pages for one order. */
export const links = {
  /** The "customer's phone" page; every QR payload and wallet fallback leads here. */
  phonePage(record: OrderRecord): string {
    const token = record.qr ? `?qr=${encodeURIComponent(record.qr.token)}` : '';
    return `${record.baseUrl}/_sandbox/pay/${encodeURIComponent(record.order.orderId)}${token}`;
  },
  threeDsPage(record: OrderRecord): string {
    return `${record.baseUrl}/_sandbox/3ds/${encodeURIComponent(record.order.orderId)}`;
  },
  instructionsPage(record: OrderRecord): string {
    return `${record.baseUrl}/_sandbox/instructions/${encodeURIComponent(record.order.orderId)}`;
  },
  qrImage(record: OrderRecord, format: 'png' | 'svg'): string {
    const token = record.qr ? `?qr=${encodeURIComponent(record.qr.token)}` : '';
    return `${record.baseUrl}/_sandbox/qr/${encodeURIComponent(record.order.orderId)}.${format}${token}`;
  },
  /** `returnUrl` with `orderId` appended, where the 3-D Secure page sends the browser. */
  returnUrl(record: OrderRecord): string {
    const url = new URL(record.returnUrl);
    url.searchParams.set('orderId', record.order.orderId);
    return url.toString();
  },
};
