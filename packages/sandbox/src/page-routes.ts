import { decodePathSegment, envelope, html, seeOther, success } from './http.js';
import { links } from './links.js';
import { snapshotOrder, type OrderRecord } from './orders.js';
import {
  FAVICON_SVG,
  renderIndexPage,
  renderInstructionsPage,
  renderMessagePage,
  renderPhonePage,
  renderThreeDsPage,
  type QrCheck,
} from './pages.js';
import { qrToPng, qrToSvg } from './qr.js';
import { orderQr } from './qr-cache.js';
import { isHttpUrl } from './validation.js';
import type { OrderCommand, SandboxState } from './state.js';

export interface PageContext {
  state: SandboxState;
  apiBase: string;
}

const CONTROL_COMMANDS: Record<string, OrderCommand> = { succeed: 'approve', fail: 'decline', expire: 'expire' };

/** Serves the sandbox's own pages, QR images and test controls (no API key needed). */
export async function handleSandboxRoute(request: Request, path: string, context: PageContext): Promise<Response> {
  const { state } = context;
  const method = request.method;

  if ((path === '/' || path === '/_sandbox') && method === 'GET') {
    return html(
      200,
      renderIndexPage({ records: state.list(), instruments: state.instruments.list(), customers: state.customers.list(), apiBase: context.apiBase }),
    );
  }
  if ((path === '/_sandbox/favicon.svg' || path === '/favicon.ico') && method === 'GET') {
    return new Response(FAVICON_SVG, {
      headers: { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400', 'X-Content-Type-Options': 'nosniff' },
    });
  }
  if (path === '/_sandbox/health' && method === 'GET') return success({ ok: true });
  if (path === '/_sandbox/orders' && method === 'GET') return success(state.list().map((r) => snapshotOrder(r.order)));
  if (path === '/_sandbox/instruments' && method === 'GET') return success(structuredClone(state.instruments.list()));
  if (path === '/_sandbox/customers' && method === 'GET') return success(structuredClone(state.customers.list()));

  const control = /^\/_sandbox\/orders\/([^/]+)(?:\/(succeed|fail|expire))?$/.exec(path);
  if (control) {
    const record = state.get(decodePathSegment(control[1]!));
    if (!record) return envelope(404, 404, `ORDER_NOT_FOUND: no order with id ${decodePathSegment(control[1]!)}`);
    if (!control[2]) return method === 'GET' ? success(snapshotOrder(record.order)) : envelope(405, 405, `method ${method} is not allowed here`);
    if (method !== 'POST') return envelope(405, 405, `method ${method} is not allowed here`);
    const result = state.apply(record, CONTROL_COMMANDS[control[2]]!);
    return result.ok ? success(snapshotOrder(record.order)) : envelope(409, 409, result.message);
  }

  const qrImage = /^\/_sandbox\/qr\/([^/]+)\.(png|svg)$/.exec(path);
  if (qrImage && method === 'GET') {
    const record = state.get(decodePathSegment(qrImage[1]!));
    if (!record?.qr) return html(404, renderMessagePage('Not found', 'This order has no QR code.'));
    const matrix = orderQr(record);
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    if (qrImage[2] === 'svg') {
      return new Response(qrToSvg(matrix, `QR code for order ${record.order.orderId}`), {
        headers: { ...headers, 'Content-Type': 'image/svg+xml' },
      });
    }
    return new Response(qrToPng(matrix), { headers: { ...headers, 'Content-Type': 'image/png' } });
  }

  const phone = /^\/_sandbox\/pay\/([^/]+)(?:\/(approve|decline))?$/.exec(path);
  if (phone) {
    const record = state.get(decodePathSegment(phone[1]!));
    if (!record) return notFoundPage();
    const decision = phone[2] as 'approve' | 'decline' | undefined;
    if (!decision) {
      if (method !== 'GET') return html(405, renderMessagePage('Not allowed', 'Open this page with GET.'));
      const token = new URL(request.url).searchParams.get('qr');
      return html(200, renderPhonePage(record, checkQr(record, token, state.now)));
    }
    if (method !== 'POST') return html(405, renderMessagePage('Not allowed', 'Use the Approve or Decline button.'));
    const form = await readForm(request);
    const token = form.get('qr');
    const qrCheck = checkQr(record, token, state.now);
    // A stale code cannot pay; the page it lands on explains why. A final order simply stays final.
    if (qrCheck === 'valid' || qrCheck === 'not_applicable') state.apply(record, decision);
    const query = token ? `?qr=${encodeURIComponent(token)}` : '';
    return seeOther(`/_sandbox/pay/${encodeURIComponent(record.order.orderId)}${query}`);
  }

  const threeDs = /^\/_sandbox\/3ds\/([^/]+)(?:\/(approve|decline))?$/.exec(path);
  if (threeDs) {
    const record = state.get(decodePathSegment(threeDs[1]!));
    if (!record || record.order.paymentMethod.paymentMethodType !== 'CARD') return notFoundPage();
    const decision = threeDs[2] as 'approve' | 'decline' | undefined;
    if (!decision) {
      if (method === 'GET') return html(200, renderThreeDsPage(record));
      if (method !== 'POST') return html(405, renderMessagePage('Not allowed', 'Open this page with GET or POST.'));
      // The POST-form variant: the browser arrives with the action's postData.
      const form = await readForm(request);
      if (form.get('MD') !== record.order.orderId || form.get('PaReq') !== record.challengeToken) {
        return html(400, renderMessagePage('Invalid 3-D Secure request', 'The form did not carry this order’s MD and PaReq.'));
      }
      return html(200, renderThreeDsPage(record));
    }
    if (method !== 'POST') return html(405, renderMessagePage('Not allowed', 'Use the Approve or Decline button.'));
    state.apply(record, decision);
    const returnUrl = links.returnUrl(record);
    return isHttpUrl(returnUrl) ? seeOther(returnUrl) : html(200, renderThreeDsPage(record));
  }

  const instructions = /^\/_sandbox\/instructions\/([^/]+)$/.exec(path);
  if (instructions && method === 'GET') {
    const record = state.get(decodePathSegment(instructions[1]!));
    return record ? html(200, renderInstructionsPage(record)) : notFoundPage();
  }

  return notFoundPage();
}

function checkQr(record: OrderRecord, token: string | null, now: number): QrCheck {
  if (!record.qr) return 'not_applicable';
  if (token !== null && token !== record.qr.token) return 'replaced';
  return now >= record.qr.expiresAtMs ? 'expired' : 'valid';
}

async function readForm(request: Request): Promise<URLSearchParams> {
  // Forms post as application/x-www-form-urlencoded; reading the text keeps this independent of FormData support.
  return new URLSearchParams(await request.text());
}

function notFoundPage(): Response {
  return html(404, renderMessagePage('Not found', 'The sandbox has no such page or order.'));
}
