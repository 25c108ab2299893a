// The floor under the demo store's burst figures: the least any shop's server can do per create, measured the
// same way (`BENCH_STORE_PROCESS=bench/demo-store.floor.mjs node bench/demo-store.bench.mjs`). Plain node:http,
// no framework, no validation, no database, no session, no idempotency: it forwards each create to Clink (the
// local sandbox) as one `POST /payment` with a kept-alive connection, answers with Clink's `data` as it came,
// and answers every webhook 200 without reading it. A real store does all that and more, so its p50 can only be
// higher; on a machine where this floor misses a budget, no store meets it.
//
//   node bench/demo-store.floor.mjs <dataDir> <ordersToSeed>    (env: PORT, CLINK_API_KEY, CLINK_BASE_URL,
//                                                                CLINK_CARD_INSTRUMENT_ID; prints {"url"})
import http from 'node:http';

const { PORT = '0', CLINK_API_KEY, CLINK_BASE_URL, CLINK_CARD_INSTRUMENT_ID } = process.env;
if (!CLINK_API_KEY || !CLINK_BASE_URL || !CLINK_CARD_INSTRUMENT_ID) throw new Error('the floor store needs CLINK_API_KEY, CLINK_BASE_URL and CLINK_CARD_INSTRUMENT_ID (a sandbox in its own process)');

const clink = new URL(CLINK_BASE_URL.replace(/\/?$/, '/'));
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
// The same customer as the demo store's default, to whom the sandbox's seeded cards belong.
const CUSTOMER = process.env.CLINK_CUSTOMER_EMAIL || 'customer@example.com';

/** One request to Clink; resolves with the parsed envelope. */
function callClink(path, body) {
  return new Promise((resolve, reject) => {
    const text = JSON.stringify(body);
    const request = http.request(new URL(path, clink), {
      method: 'POST',
      agent,
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-api-key': CLINK_API_KEY, 'x-timestamp': String(Date.now()) },
    });
    request.on('response', (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        try {
          resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
        } catch (error) {
          reject(error);
        }
      });
    });
    request.on('error', reject);
    request.end(text);
  });
}

// A wallet payment names an instrument; one per method for the whole run, as a store keeps them.
const instruments = new Map();
function walletInstrument(method) {
  let id = instruments.get(method);
  if (id === undefined) {
    id = callClink('payment-instrument', { paymentInstrumentType: method, customerEmail: CUSTOMER }).then((answer) => answer.data.paymentInstrumentId ?? answer.data.id);
    instruments.set(method, id);
  }
  return id;
}

let count = 0;
async function create(body) {
  const { paymentMethodType } = JSON.parse(body);
  count += 1;
  const answer = await callClink('payment', {
    paymentInstrumentId: paymentMethodType === 'CARD' ? CLINK_CARD_INSTRUMENT_ID : await walletInstrument(paymentMethodType),
    paymentMethodType,
    customerEmail: CUSTOMER,
    amount: 25,
    currency: 'USD',
    returnUrl: 'http://127.0.0.1/return',
    merchantReferenceId: `floor_${process.pid}_${count}`,
  });
  return JSON.stringify(answer.data);
}

const server = http.createServer({ keepAliveTimeout: 10_000 }, (request, response) => {
  const chunks = [];
  request.on('data', (chunk) => chunks.push(chunk));
  request.on('end', () => {
    if (request.method === 'POST' && request.url === '/api/checkout/payments') {
      create(Buffer.concat(chunks).toString('utf8')).then(
        (text) => response.writeHead(201, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text),
        (error) => response.writeHead(502).end(String(error)),
      );
    } else {
      response.writeHead(200, { 'content-length': 0 }).end();
    }
  });
});
server.listen(Number(PORT), '127.0.0.1', () => console.log(JSON.stringify({ url: `http://127.0.0.1:${server.address().port}` })));
process.on('SIGTERM', () => process.exit(0));
