// The least Clink itself could do for the demo store's bursts, for bench/demo-store.bench.mjs
// (BENCH_CLINK=floor): plain node:http, a fixed answer per `POST /payment` (a QR code's image for wallets,
// a redirect for cards, with a fresh order id), and the two webhooks Clink sends for a new order
// (order.created, order.next_action), signed, on a kept-alive connection. Nothing is validated or stored.
// With it and demo-store.floor.mjs, what is left of a create is the HTTP exchanges and the load generator:
// the lowest figures this machine can show.
//
//   node bench/clink.floor.mjs --port <port> --webhook-url <url> --webhook-secret <secret>   (prints "listening on …")
import { createHmac } from 'node:crypto';
import http from 'node:http';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' }, 'webhook-url': { type: 'string' }, 'webhook-secret': { type: 'string' } } });
const webhookUrl = new URL(values['webhook-url']);
const secret = values['webhook-secret'];
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
// A QR code image of the size the sandbox sends (about 2.4 KB of PNG as a data: URL).
const QR_IMAGE = `data:image/png;base64,${Buffer.alloc(2400, 7).toString('base64')}`;

let count = 0;
function webhook(type, data) {
  const body = JSON.stringify({ id: `evt_floor_${process.pid}_${(count += 1)}`, object: 'event', created: Date.now(), type, data });
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  const request = http.request(webhookUrl, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'x-clink-timestamp': timestamp, 'x-clink-signature': signature },
  });
  request.on('response', (response) => response.resume());
  request.on('error', () => {});
  request.end(body);
}

function answer(response, status, data) {
  const text = JSON.stringify({ code: 200, msg: 'success', data });
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

const server = http.createServer({ keepAliveTimeout: 10_000 }, (request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
    if (request.url.endsWith('/payment-instrument')) return answer(response, 200, { paymentInstrumentId: `pi_floor_${body.paymentInstrumentType}` });
    if (!request.url.endsWith('/payment')) return answer(response, 404, null);
    const method = body.paymentMethodType;
    const orderId = `ord_floor_${process.pid}_${(count += 1)}`;
    const action =
      method === 'CARD'
        ? { type: 'CARD', paymentMethodType: 'CARD', method: 'GET', redirectUrl: `https://3ds.floor.example/${orderId}` }
        : { type: method, paymentMethodType: method, walletHandleRedirectOrDisplayQrCode: { imageDataUrl: QR_IMAGE, expiresSecond: 900 } };
    const order = { orderId, status: 5, amount: body.amount, currency: body.currency, merchantReferenceId: body.merchantReferenceId, metadata: body.metadata };
    answer(response, 200, { ...order, action, serverTime: Date.now() });
    const event = { orderId, type: 'onetime', merchantReferenceId: body.merchantReferenceId, status: 'requires_action', amountTotal: body.amount, paymentCurrency: body.currency, createTime: Date.now(), paymentMethod: { paymentMethodType: method, paymentInstrumentId: body.paymentInstrumentId }, metadata: body.metadata };
    webhook('order.created', event);
    webhook('order.next_action', event);
  });
});
server.listen(Number(values.port), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${server.address().port}`));
process.on('SIGTERM', () => process.exit(0));
