import { PAYMENT_METHODS } from '@clink-checkout/protocol';
import { links } from './links.js';
import type { CardFlow } from './cards.js';
import type { SandboxCustomer } from './customers.js';
import { describeInstrument, type SandboxInstrument } from './instruments.js';
import { isHttpUrl } from './validation.js';
import type { OrderRecord } from './orders.js';
import type { SandboxOrder } from './types.js';

/** Whether the QR (or app link) a customer arrived with can still be paid. */
export type QrCheck = 'valid' | 'expired' | 'replaced' | 'not_applicable';

// Colours are variables so the pages follow the device's light or dark preference.
const STYLE = `
:root{color-scheme:light dark;--text:#1a1a1a;--muted:#4a4a4a;--page:#f4f5f7;--card:#fff;--line:#ddd;--link:#1d4ed8;
--info:#eef2ff;--ok:#e7f6ec;--bad:#fdecec;--decline:#8a1111;--focus:#1d4ed8;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--text);background:var(--page)}
@media (prefers-color-scheme:dark){:root{--text:#ececec;--muted:#b8b8b8;--page:#111214;--card:#1d1f23;--line:#3a3d44;--link:#9db8ff;
--info:#1f2a48;--ok:#163d25;--bad:#4a1c1c;--decline:#ff9b9b;--focus:#9db8ff}}
a{color:var(--link)}
main{max-width:28rem;margin:2rem auto;padding:1.5rem;background:var(--card);border-radius:12px;box-shadow:0 1px 4px rgba(0,0,0,.12)}
main.wide{max-width:72rem}
h1{font-size:1.35rem;margin:0 0 .75rem}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;margin:1rem 0}dt{color:var(--muted)}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.actions{display:flex;gap:.75rem;margin-top:1rem}form{margin:0}
button,.button{font:inherit;padding:.65rem 1.25rem;border-radius:8px;border:2px solid var(--text);color:var(--text);background:var(--card);cursor:pointer;text-decoration:none;display:inline-block}
.approve{background:#0b6b2f;border-color:#0b6b2f;color:#fff}.decline{color:var(--decline);border-color:var(--decline)}
button:focus-visible,a:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.status{padding:.75rem;border-radius:8px;background:var(--info)}
.status[data-status=success]{background:var(--ok)}.status[data-status=failed]{background:var(--bad)}
.note{color:var(--muted);font-size:.9rem}img{display:block;margin:1rem auto;width:12rem;height:12rem;image-rendering:pixelated}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
caption{text-align:left;font-weight:600;padding:.5rem 0}code{overflow-wrap:anywhere}
.records{margin:1rem 0}.records td{overflow-wrap:anywhere}.records .id{white-space:nowrap}
.label{display:none}
@media (max-width:48rem){main.wide{margin:1rem .5rem;padding:1rem}
.records thead{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}
.records table,.records tbody,.records tr,.records td{display:block}
.records tr{border-bottom:1px solid var(--line);padding:.5rem 0}.records td{border:0;padding:.15rem 0;display:grid;grid-template-columns:5.5rem minmax(0,1fr);gap:.5rem}
.records .label{display:block;color:var(--muted)}.records .id{white-space:normal;overflow-wrap:anywhere}}
`;

export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/** Where the pages' icon is served (browsers also ask for `/favicon.ico`, which gets the same icon). */
export const FAVICON_PATH = '/_sandbox/favicon.svg';

/** A white card on the sandbox's blue: the sandbox stands in for Clink's pages. */
export const FAVICON_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><title>Clink sandbox</title>' +
  '<rect width="32" height="32" rx="7" fill="#1d4ed8"/>' +
  '<rect x="6" y="9" width="20" height="14" rx="2.5" fill="#fff"/><rect x="6" y="12" width="20" height="3" fill="#1d4ed8"/>' +
  '<rect x="9" y="18" width="6" height="2" rx="1" fill="#1d4ed8"/></svg>';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function layout(title: string, body: string, width: 'narrow' | 'wide' = 'narrow'): string {
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)} · Clink sandbox</title><link rel="icon" href="${FAVICON_PATH}" type="image/svg+xml">` +
    `<style>${STYLE}</style></head>` +
    `<body><main${width === 'wide' ? ' class="wide"' : ''}>${body}</main></body></html>`
  );
}

function formatAmount(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

/** The name customers know the method by, from the shared method table. */
function methodName(order: SandboxOrder): string {
  return PAYMENT_METHODS[order.paymentMethod.paymentMethodType].displayName;
}

function orderSummary({ order, instrument }: OrderRecord): string {
  return (
    `<dl><dt>Order</dt><dd>${escapeHtml(order.orderId)}</dd>` +
    `<dt>Amount</dt><dd>${escapeHtml(formatAmount(order.amountTotal, order.paymentCurrency))}</dd>` +
    `<dt>Method</dt><dd>${escapeHtml(methodName(order))}</dd>` +
    `<dt>Paying with</dt><dd>${escapeHtml(describeInstrument(instrument))}</dd></dl>`
  );
}

/** What the orders table says of a status: the words a tester uses, not the API's value. */
const STATUS_NAME: Record<SandboxOrder['status'], string> = {
  requires_action: 'Waiting for the customer',
  pending: 'Pending',
  success: 'Paid',
  failed: 'Failed',
  partial_refunded: 'Partly refunded',
  refunded: 'Refunded',
};

/** Why a failed order failed, as the payment channel put it. */
function failureMessage(order: SandboxOrder): string | undefined {
  return order.paymentExecutionDetails[0]?.originalFailureMessage;
}

function statusName(order: SandboxOrder): string {
  const failure = failureMessage(order);
  return order.status === 'failed' && failure ? `${STATUS_NAME.failed}: ${failure}` : STATUS_NAME[order.status];
}

const STATUS_TEXT: Record<SandboxOrder['status'], string> = {
  success: 'Payment approved. You can close this page.',
  failed: 'Payment not completed.',
  requires_action: 'Waiting for your approval.',
  pending: 'Payment pending.',
  partial_refunded: 'Payment partially refunded.',
  refunded: 'Payment refunded.',
};

function statusLine(order: SandboxOrder): string {
  const failure = failureMessage(order);
  const text = order.status === 'failed' && failure ? `${STATUS_TEXT.failed} ${failure}.` : STATUS_TEXT[order.status];
  return `<p class="status" role="status" data-status="${order.status}">${escapeHtml(text)}</p>`;
}

/**
 * The way back to `returnUrl`. Clink takes any absolute URL there; the sandbox links only to a web page,
 * so a `javascript:` address can never run from its pages.
 */
function returnLink(record: OrderRecord): string {
  const target = links.returnUrl(record);
  if (!isHttpUrl(target)) return `<p class="note">Return to the merchant's app to continue.</p>`;
  return `<p><a class="button" href="${escapeHtml(target)}">Return to the merchant</a></p>`;
}

function decisionButtons(action: string, hidden: Record<string, string>): string {
  const fields = Object.entries(hidden)
    .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
    .join('');
  return (
    `<div class="actions">` +
    `<form method="post" action="${escapeHtml(action)}/approve">${fields}<button class="approve" type="submit">Approve</button></form>` +
    `<form method="post" action="${escapeHtml(action)}/decline">${fields}<button class="decline" type="submit">Decline</button></form>` +
    `</div>`
  );
}

/** The "customer's phone": what the wallet app would show after scanning the QR. */
export function renderPhonePage(record: OrderRecord, qrCheck: QrCheck): string {
  const { order } = record;
  const path = `/_sandbox/pay/${encodeURIComponent(order.orderId)}`;
  let body = `<h1>Confirm payment</h1><p class="note">Sandbox stand-in for the customer's ${escapeHtml(methodName(order))} app.</p>${orderSummary(record)}`;
  if (order.status !== 'requires_action') {
    body += statusLine(order);
    body += returnLink(record);
  } else if (qrCheck === 'expired') {
    body += `<p class="status" role="status" data-status="expired">This code has expired. Ask the merchant for a new one.</p>`;
  } else if (qrCheck === 'replaced') {
    body += `<p class="status" role="status" data-status="replaced">This code was replaced by a newer one. Scan the new code.</p>`;
  } else {
    body += statusLine(order);
    body += decisionButtons(path, record.qr ? { qr: record.qr.token } : {});
  }
  return layout('Confirm payment', body);
}

/** The issuer's 3-D Secure challenge for a CARD payment. */
export function renderThreeDsPage(record: OrderRecord): string {
  const { order } = record;
  const path = `/_sandbox/3ds/${encodeURIComponent(order.orderId)}`;
  let body = `<h1>3-D Secure check</h1><p class="note">Sandbox stand-in for the card issuer's verification page.</p>${orderSummary(record)}`;
  if (order.status === 'requires_action') {
    body += `<p>Approve to authenticate the payment, or decline to refuse it.</p>`;
    body += decisionButtons(path, {});
  } else {
    body += statusLine(order);
    body += returnLink(record);
  }
  return layout('3-D Secure check', body);
}

/** Clink's hosted instructions: how to pay, with the QR and a link for paying on this device. */
export function renderInstructionsPage(record: OrderRecord): string {
  const { order } = record;
  let body = `<h1>How to pay with ${escapeHtml(methodName(order))}</h1>${orderSummary(record)}${statusLine(order)}`;
  if (order.status === 'requires_action' && record.qr) {
    body +=
      `<ol><li>Open your ${escapeHtml(methodName(order))} app.</li>` +
      `<li>Scan this QR code.</li><li>Approve the payment in the app.</li></ol>` +
      `<img src="${escapeHtml(links.qrImage(record, 'png'))}" alt="QR code for order ${escapeHtml(order.orderId)}" width="192" height="192">` +
      `<p><a class="button" href="${escapeHtml(links.phonePage(record))}">Pay on this device instead</a></p>`;
  } else if (order.status !== 'requires_action') {
    body += returnLink(record);
  }
  return layout('Payment instructions', body);
}

/** Where a tester continues an order: the issuer's page for a card, the customer's phone for a wallet. */
function orderPagePath(order: SandboxOrder): string {
  const page = order.paymentMethod.paymentMethodType === 'CARD' ? '3ds' : 'pay';
  return `/_sandbox/${page}/${encodeURIComponent(order.orderId)}`;
}

/** What the index page lists. */
export interface IndexContent {
  records: OrderRecord[];
  instruments: SandboxInstrument[];
  customers: SandboxCustomer[];
  apiBase: string;
}

const CARD_FLOW_TEXT: Record<CardFlow, string> = {
  redirect: '3-D Secure page (GET redirect)',
  post_form: '3-D Secure page (form POST)',
  frictionless: 'succeeds at once',
  declined: 'declined at once',
};

/**
 * A table that fits its card at any width: on a phone each row becomes a block of "heading: value"
 * lines (the heading repeated in a `.label` that only shows there). The explicit roles keep it a
 * table for screen readers once CSS changes its `display`.
 */
function table(caption: string, headings: string[], rows: string[][]): string {
  const head = headings.map((heading) => `<th scope="col" role="columnheader">${escapeHtml(heading)}</th>`).join('');
  const body = rows
    .map((cells) => {
      const labelled = cells.map((cell, i) => `<td role="cell"><span class="label" aria-hidden="true">${escapeHtml(headings[i] ?? '')}</span><span>${cell}</span></td>`);
      return `<tr role="row">${labelled.join('')}</tr>`;
    })
    .join('');
  return (
    `<div class="records"><table role="table"><caption>${escapeHtml(caption)}</caption>` +
    `<thead role="rowgroup"><tr role="row">${head}</tr></thead><tbody role="rowgroup">${body}</tbody></table></div>`
  );
}

export function renderIndexPage({ records, instruments, customers, apiBase }: IndexContent): string {
  const emailOf = new Map(customers.map((customer) => [customer.customerId, customer.customerEmail]));
  const customerCell = (customerId: string): string => {
    const email = emailOf.get(customerId);
    return `<code class="id">${escapeHtml(customerId)}</code>${email ? `<br>${escapeHtml(email)}` : ''}`;
  };
  const orders = records.length
    ? table(
        'Orders',
        ['Order', 'Method', 'Amount', 'Status', 'Paid with', 'Customer'],
        records.map(({ order, instrument }) => [
          `<a class="id" href="${escapeHtml(orderPagePath(order))}">${escapeHtml(order.orderId)}</a>`,
          escapeHtml(methodName(order)),
          escapeHtml(formatAmount(order.amountTotal, order.paymentCurrency)),
          escapeHtml(statusName(order)),
          `<code class="id">${escapeHtml(instrument.id)}</code><br>${escapeHtml(describeInstrument(instrument))}`,
          customerCell(order.customerId),
        ]),
      )
    : `<p>No orders yet.</p>`;
  const saved = table(
    'Payment instruments',
    ['Instrument', 'Method', 'Customer', 'Details'],
    instruments.map((instrument) => [
      `<code class="id">${escapeHtml(instrument.id)}</code>`,
      escapeHtml(PAYMENT_METHODS[instrument.type].displayName),
      customerCell(instrument.customerId),
      escapeHtml(describeInstrument(instrument) + (instrument.cardFlow ? `: ${CARD_FLOW_TEXT[instrument.cardFlow]}` : '')),
    ]),
  );
  return layout(
    'Clink sandbox',
    `<h1>Clink sandbox</h1><p>A local look-alike of Clink's API. API base: <code class="id">${escapeHtml(apiBase)}</code></p>` +
      `<p class="note">Open an order to approve or decline it as the customer would. Test controls without a page: ` +
      `<code>POST /_sandbox/orders/{orderId}/succeed</code>, <code>/fail</code>, <code>/expire</code>; ` +
      `orders as JSON: <a href="/_sandbox/orders"><code>/_sandbox/orders</code></a>.</p>${orders}${saved}`,
    'wide',
  );
}

export function renderMessagePage(title: string, message: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>`);
}
